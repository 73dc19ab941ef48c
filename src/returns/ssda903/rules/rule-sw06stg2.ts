import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const ruleSW06STG2 = defineRule(
  { code: 'SW06STG2', table: 'SWEpisodes' },
  rowRule('SWEpisodes', ['SW_DECOM'], (r, ctx) => gt(r.SW_DECOM, ctx.collectionEnd)),
)
