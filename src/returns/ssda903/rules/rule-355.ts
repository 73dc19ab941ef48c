import { defineRule, rowRule } from './helpers.ts'

export const rule355 = defineRule(
  { code: '355', table: 'Episodes', type: 'query' },
  rowRule('Episodes', ['DECOM', 'DEC'], (r) => r.DEC !== null && r.DEC === r.DECOM),
)
