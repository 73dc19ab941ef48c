import { defineRule, rowRule } from './helpers.ts'

const PLACES: ReadonlySet<string> = new Set(['P1'])

export const rule530 = defineRule(
  { code: '530', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (r) => r.PLACE_PROVIDER === 'PR4' && PLACES.has(r.PLACE ?? ''),
  ),
)
