import { blank, defineRule, present, rowRule } from './helpers.ts'

// Any OC2 item given means the four asked of every child are given too.
export const rule182 = defineRule(
  { code: '182', table: 'OC2' },
  rowRule(
    'OC2',
    ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'],
    (r) =>
      [r.IMMUNISATIONS, r.TEETH_CHECK, r.HEALTH_ASSESSMENT, r.SUBSTANCE_MISUSE].some(blank) &&
      [r.CONVICTED, r.HEALTH_CHECK, r.INTERVENTION_RECEIVED, r.INTERVENTION_OFFERED].some(present),
  ),
)
