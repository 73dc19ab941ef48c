import { same } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const ruleSW09STG2 = defineRule(
  { code: 'SW09STG2', table: 'SWEpisodes' },
  rowRule('SWEpisodes', ['SW_DECOM', 'SW_DEC'], (r) => same(r.SW_DEC, r.SW_DECOM)),
)
