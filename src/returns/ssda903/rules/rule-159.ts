import { blank, defineRule, rowRule } from './helpers.ts'

export const rule159 = defineRule(
  { code: '159', table: 'OC2' },
  rowRule(
    'OC2',
    ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'],
    (r) => r.SUBSTANCE_MISUSE === '1' && r.INTERVENTION_RECEIVED === '0' && blank(r.INTERVENTION_OFFERED),
  ),
)
