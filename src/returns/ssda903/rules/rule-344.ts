import { defineRule, rowRule } from './helpers.ts'

export const rule344 = defineRule(
  { code: '344', table: 'OC3' },
  rowRule(
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (r) => (r.IN_TOUCH === 'DIED' || r.IN_TOUCH === 'RHOM') && (r.ACTIV !== '0' || r.ACCOM !== '0'),
  ),
)
