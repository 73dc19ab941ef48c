import { addYears } from '../../shared/dates.ts'
import { at, defineRule, episodesByChild, present, rowAt } from './helpers.ts'

// A young person aged 17 or 18 at 31 March who was in care on their birthday this year needs no OC3 return.
// (The validator misses episodes still open; here an open episode counts as in care.)
export const rule1007 = defineRule({ code: '1007', table: 'OC3' }, (t, ctx, report) => {
  const episodes = episodesByChild(t)
  const endYear = Number(ctx.collectionEnd.slice(0, 4))
  t.OC3.forEach((r, i) => {
    if (r.DOB === null || ![r.IN_TOUCH, r.ACTIV, r.ACCOM].some(present)) return
    if (addYears(r.DOB, 17) > ctx.collectionEnd || addYears(r.DOB, 19) <= ctx.collectionEnd) return
    const dob = r.DOB
    let birthday = addYears(dob, endYear - Number(dob.slice(0, 4)))
    if (birthday > ctx.collectionEnd) birthday = addYears(birthday, -1)
    const inCare = (r.CHILD === null ? [] : (episodes.get(r.CHILD) ?? [])).some((e) => {
      const row = rowAt(t.Episodes, e)
      return row.DECOM !== null && row.DECOM <= birthday && (row.DEC === null || row.DEC > birthday)
    })
    if (inCare) report(at('OC3', i, 'IN_TOUCH', 'ACTIV', 'ACCOM'))
  })
})
