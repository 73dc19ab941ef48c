import { blank, codesOf, defineRule, rowRule } from './helpers.ts'

// A provider code must be valid, and is not given for placements that have none (the list changed in 2025-26).
const NO_PROVIDER_2024_25: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4', 'Z1'])
const NO_PROVIDER_FROM_2025_26: ReadonlySet<string> = new Set([
  'T0',
  'T1',
  'T2',
  'T3',
  'Z11',
  'Z12',
  'Z13',
  'Z14',
])

export const rule178 = defineRule(
  { code: '178', table: 'Episodes' },
  rowRule('Episodes', ['PLACE_PROVIDER'], (r, ctx) => {
    if (blank(r.PLACE_PROVIDER)) return false
    const none = ctx.collectionYear === '2024-25' ? NO_PROVIDER_2024_25 : NO_PROVIDER_FROM_2025_26
    return !codesOf('PLACE_PROVIDER').has(r.PLACE_PROVIDER ?? '') || none.has(r.PLACE ?? '')
  }),
)
