import { lt } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// Placement orders (E1) began in December 2005, with the Adoption and Children Act 2002.
export const rule446 = defineRule(
  { code: '446', table: 'Episodes' },
  rowRule('Episodes', ['LS', 'DECOM'], (r) => r.LS === 'E1' && lt(r.DECOM, '2005-12-01')),
)
