import { defineRule, rowRule } from './helpers.ts'

export const rule378 = defineRule(
  { code: '378', table: 'Episodes' },
  rowRule('Episodes', ['PLACE', 'LS'], (r) => r.PLACE === 'P1' && r.LS === 'V2'),
)
