import { defineRule, present, rowRule } from './helpers.ts'

const FLAGS = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
] as const

export const rule181 = defineRule(
  { code: '181', table: 'OC2' },
  rowRule('OC2', FLAGS, (r) => FLAGS.some((f) => present(r[f]) && r[f] !== '0' && r[f] !== '1')),
)
