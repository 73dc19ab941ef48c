import { defineRule, rowRule } from './helpers.ts'

const PLACES: ReadonlySet<string> = new Set([
  'P1',
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
])

export const rule529 = defineRule(
  { code: '529', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (r) => r.PLACE_PROVIDER === 'PR3' && PLACES.has(r.PLACE ?? ''),
  ),
)
