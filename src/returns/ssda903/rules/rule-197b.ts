import { addYears } from '../../shared/dates.ts'
import { at, blank, continuouslyLookedAfter, defineRule } from './helpers.ts'

// A child looked after for 12 months who turns 4 or 17 during the year: a score or the reason there is none (rule 186
// asks it of the ages between). A birthday on 1 April itself is left out: at 17 that day rule 189 forbids both, and
// at 4 rule 186 asks already. (The validator counts 1 April, so a 17th birthday that day breaks one rule or the
// other.)
export const rule197B = defineRule({ code: '197B', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  const inYear = (date: string) => date > ctx.collectionStart && date <= ctx.collectionEnd
  t.OC2.forEach((r, i) => {
    if (r.CHILD === null || !cla.has(r.CHILD) || r.DOB === null) return
    if (!inYear(addYears(r.DOB, 4)) && !inYear(addYears(r.DOB, 17))) return
    if (blank(r.SDQ_SCORE) && blank(r.SDQ_REASON)) report(at('OC2', i, 'SDQ_REASON', 'DOB'))
  })
})
