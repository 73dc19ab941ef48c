import { blank, defineRule, rowRule } from './helpers.ts'

export const rule544 = defineRule(
  { code: '544', table: 'OC2' },
  rowRule(
    'OC2',
    ['CONVICTED', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'],
    (r) =>
      r.CONVICTED === '1' &&
      [r.IMMUNISATIONS, r.TEETH_CHECK, r.HEALTH_ASSESSMENT, r.SUBSTANCE_MISUSE].some(blank),
  ),
)
