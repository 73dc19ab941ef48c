import { defineRule, rowRule } from './helpers.ts'

const PLACES: ReadonlySet<string> = new Set(['P1'])

export const rule531 = defineRule(
  { code: '531', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (r) => r.PLACE_PROVIDER === 'PR5' && PLACES.has(r.PLACE ?? ''),
  ),
)
