import { codesOf, defineRule, invalidCode, rowRule } from './helpers.ts'

export const ruleSW13STG1 = defineRule(
  { code: 'SW13STG1', table: 'SWEpisodes' },
  rowRule('SWEpisodes', ['SW_REASON'], (r) => invalidCode(r.SW_REASON, codesOf('SW_REASON'))),
)
