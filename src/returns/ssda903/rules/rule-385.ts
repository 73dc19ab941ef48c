import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule385 = defineRule(
  { code: '385', table: 'Episodes' },
  rowRule('Episodes', ['DEC'], (r, ctx) => gt(r.DEC, ctx.collectionEnd)),
)
