import { blank, defineRule, rowRule } from './helpers.ts'

export const ruleSW01bSTG1 = defineRule(
  { code: 'SW01bSTG1', table: 'SWEpisodes' },
  rowRule(
    'SWEpisodes',
    ['SW_DECOM', 'SW_ID', 'SW_REASON'],
    (r) => r.SW_DECOM === null || (r.SW_DECOM >= '2023-04-01' && (blank(r.SW_ID) || blank(r.SW_REASON))),
  ),
)
