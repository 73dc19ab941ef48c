import { at, birthdayInYear, byChild, defineRule, oc3Given, rowAt } from './helpers.ts'

// A young person aged 17 or 18 at 31 March whose care ended after this year's birthday was looked after on it, so
// needs no OC3 item. (The validator compares with the 17th birthday even for an 18th birthday in the year, and
// counts care ending on the birthday itself; a care leaver from that day is in the OC3 cohort.)
export const rule1016 = defineRule({ code: '1016', table: 'OC3' }, (t, ctx, report) => {
  const episodes = byChild(t.Episodes)
  t.OC3.forEach((r, i) => {
    if (r.CHILD === null || r.DOB === null || !oc3Given(r)) return
    const { on, age } = birthdayInYear(r.DOB, ctx)
    if (age !== 17 && age !== 18) return
    const after = (episodes.get(r.CHILD) ?? []).find((e) => {
      const { DECOM, DEC } = rowAt(t.Episodes, e)
      return DECOM !== null && DECOM <= on && DEC !== null && DEC > on
    })
    if (after !== undefined) report(at('OC3', i, 'IN_TOUCH', 'ACTIV', 'ACCOM'), at('Episodes', after, 'DEC'))
  })
})
