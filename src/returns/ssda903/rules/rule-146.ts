import { defineRule, missingOrInvalid, rowRule } from './helpers.ts'

// The list changed in 2025-26: K3 and Z11–Z14 came in, H5, P2 and Z1 went. (The 2024-25 validator lists K3 in
// lower case, so rejects it; K3 was not a 2024-25 code, so it is refused here too.) PLACE is required, so a blank
// is flagged as well, where the validator lets it pass.
const COMMON = [
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'P1',
  'P3',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
]
const PLACE_2024_25: ReadonlySet<string> = new Set([...COMMON, 'H5', 'P2', 'Z1'])
const PLACE_FROM_2025_26: ReadonlySet<string> = new Set([...COMMON, 'K3', 'Z11', 'Z12', 'Z13', 'Z14'])

export const rule146 = defineRule(
  { code: '146', table: 'Episodes' },
  rowRule('Episodes', ['PLACE'], (r, ctx) =>
    missingOrInvalid(r.PLACE, ctx.collectionYear === '2024-25' ? PLACE_2024_25 : PLACE_FROM_2025_26),
  ),
)
