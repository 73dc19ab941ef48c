import { blank, defineRule, rowRule } from './helpers.ts'

export const rule192 = defineRule(
  { code: '192', table: 'OC2' },
  rowRule(
    'OC2',
    ['INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'],
    (r) => r.SUBSTANCE_MISUSE === '1' && blank(r.INTERVENTION_RECEIVED),
  ),
)
