import { gt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

export const rule301 = defineRule(
  { code: '301', table: 'Header' },
  rowRule('Header', ['DOB'], (r, ctx) => gt(r.DOB, ctx.collectionEnd)),
)
