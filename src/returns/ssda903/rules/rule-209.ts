import { addYears } from '../../shared/dates.ts'
import { defineRule, rowRule } from './helpers.ts'

// UN1 (not of school age) for a child who was 4 by 31 August before the collection year began (in school since
// that September).
export const rule209 = defineRule(
  { code: '209', table: 'Header' },
  rowRule('Header', ['UPN', 'DOB'], (r, ctx) => {
    const cutOff = `${Number(ctx.collectionStart.slice(0, 4)) - 1}-08-31`
    return r.UPN === 'UN1' && r.DOB !== null && addYears(r.DOB, 4) <= cutOff
  }),
)
