import { blank, defineRule, rowRule } from './helpers.ts'

// Every social worker episode has its start; one starting before 1 April 2023 its worker too.
export const ruleSW01aSTG1 = defineRule(
  { code: 'SW01aSTG1', table: 'SWEpisodes' },
  rowRule(
    'SWEpisodes',
    ['SW_DECOM', 'SW_ID'],
    (r) => r.SW_DECOM === null || (r.SW_DECOM < '2023-04-01' && blank(r.SW_ID)),
  ),
)
