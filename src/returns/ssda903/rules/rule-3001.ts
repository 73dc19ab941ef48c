import { addYears } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

const FORMER_FOSTER_CARERS: ReadonlySet<string> = new Set(['Z1', 'Z2'])

// Staying with former foster carers begins at 18: not at the 17th birthday.
export const rule3001 = defineRule(
  { code: '3001', table: 'OC3' },
  rowRule('OC3', ['ACCOM'], (r, ctx) => {
    if (r.DOB === null || !FORMER_FOSTER_CARERS.has((r.ACCOM ?? '').toUpperCase())) return false
    const seventeenth = addYears(r.DOB, 17)
    return seventeenth >= ctx.collectionStart && seventeenth <= ctx.collectionEnd
  }),
)
