import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule570 = defineRule(
  { code: '570', table: 'Missing' },
  rowRule('Missing', ['MIS_START'], (r, ctx) => gt(r.MIS_START, ctx.collectionEnd)),
)
