import { defineRule, present, rowRule } from './helpers.ts'

export const rule158 = defineRule(
  { code: '158', table: 'OC2' },
  rowRule(
    'OC2',
    ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED'],
    (r) => r.INTERVENTION_RECEIVED === '1' && present(r.INTERVENTION_OFFERED),
  ),
)
