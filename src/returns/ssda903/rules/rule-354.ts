import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule354 = defineRule(
  { code: '354', table: 'Episodes' },
  rowRule('Episodes', ['DECOM'], (r, ctx) => gt(r.DECOM, ctx.collectionEnd)),
)
