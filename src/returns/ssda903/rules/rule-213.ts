import { defineRule, present, rowRule } from './helpers.ts'

const NO_PROVIDER_2024_25: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4', 'Z1'])
const NO_PROVIDER_FROM_2025_26: ReadonlySet<string> = new Set([
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'Z11',
  'Z12',
  'Z13',
  'Z14',
])

export const rule213 = defineRule(
  { code: '213', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE_PROVIDER'],
    (r, ctx) =>
      present(r.PLACE_PROVIDER) &&
      (ctx.collectionYear === '2024-25' ? NO_PROVIDER_2024_25 : NO_PROVIDER_FROM_2025_26).has(r.PLACE ?? ''),
  ),
)
