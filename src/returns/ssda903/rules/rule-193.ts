import { defineRule, present, rowRule } from './helpers.ts'

export const rule193 = defineRule(
  { code: '193', table: 'OC2' },
  rowRule(
    'OC2',
    ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'],
    (r) =>
      r.SUBSTANCE_MISUSE !== '1' && (present(r.INTERVENTION_RECEIVED) || present(r.INTERVENTION_OFFERED)),
  ),
)
