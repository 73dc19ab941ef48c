import { blank, defineRule, rowRule } from './helpers.ts'

export const rule148 = defineRule(
  { code: '148', table: 'Episodes' },
  rowRule('Episodes', ['DEC', 'REC'], (r) => blank(r.DEC) !== blank(r.REC)),
)
