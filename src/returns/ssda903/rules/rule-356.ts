import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule356 = defineRule(
  { code: '356', table: 'Episodes' },
  rowRule('Episodes', ['DECOM', 'DEC'], (r) => lt(r.DEC, r.DECOM)),
)
