import { defineRule, rowRule } from './helpers.ts'

const PLACES: ReadonlySet<string> = new Set(['P1', 'R2', 'R5'])

export const rule528 = defineRule(
  { code: '528', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (r) => r.PLACE_PROVIDER === 'PR2' && PLACES.has(r.PLACE ?? ''),
  ),
)
