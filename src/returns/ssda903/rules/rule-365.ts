import { addDays } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// Each short-term break (V3) is its own episode of at most 17 days (one still open runs to 31 March).
export const rule365 = defineRule(
  { code: '365', table: 'Episodes' },
  rowRule(
    'Episodes',
    ['LS', 'DECOM', 'DEC'],
    (r, ctx) => r.LS === 'V3' && r.DECOM !== null && (r.DEC ?? ctx.collectionEnd) > addDays(r.DECOM, 17),
  ),
)
