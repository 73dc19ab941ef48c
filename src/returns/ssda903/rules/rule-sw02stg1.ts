import { defineRule, present, rowRule } from './helpers.ts'

export const ruleSW02STG1 = defineRule(
  { code: 'SW02STG1', table: 'SWEpisodes' },
  rowRule('SWEpisodes', ['SW_ID'], (r) => present(r.SW_ID) && !/^(SW|XX)/.test(r.SW_ID)),
)
