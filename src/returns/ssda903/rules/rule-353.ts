import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// 14 October 1991: the Children Act 1989 came into force.
export const rule353 = defineRule(
  { code: '353', table: 'Episodes' },
  rowRule('Episodes', ['DECOM'], (r) => lt(r.DECOM, '1991-10-14')),
)
