import { blank, defineRule, rowRule } from './helpers.ts'

export const rule547 = defineRule(
  { code: '547', table: 'OC2' },
  rowRule(
    'OC2',
    ['HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'],
    (r) =>
      r.HEALTH_CHECK === '1' &&
      [r.IMMUNISATIONS, r.TEETH_CHECK, r.HEALTH_ASSESSMENT, r.SUBSTANCE_MISUSE].some(blank),
  ),
)
