import { blank, defineRule, rowRule } from './helpers.ts'

const NO_PROVIDER: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14'])

export const rule526 = defineRule(
  { code: '526', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (r) => !NO_PROVIDER.has(r.PLACE ?? '') && blank(r.PLACE_PROVIDER),
  ),
)
