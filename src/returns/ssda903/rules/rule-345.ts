import { defineRule, rowRule } from './helpers.ts'

export const rule345 = defineRule(
  { code: '345', table: 'OC3' },
  rowRule(
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (r) => r.IN_TOUCH === 'YES' && (r.ACTIV === '0' || r.ACCOM === '0'),
  ),
)
