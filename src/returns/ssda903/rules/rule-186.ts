import { addYears } from '../../shared/dates.ts'
import { at, blank, continuouslyLookedAfter, defineRule } from './helpers.ts'

// Aged 4 by 1 April and under 17 at 31 March, looked after 12 months: a score or the reason there is none. (The
// validator flags a row missing either of the two, so every row with a score; here one of them is enough.)
export const rule186 = defineRule({ code: '186', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (r.CHILD === null || !cla.has(r.CHILD) || r.DOB === null) return
    const inAge = addYears(r.DOB, 4) <= ctx.collectionStart && addYears(r.DOB, 17) > ctx.collectionEnd
    if (inAge && blank(r.SDQ_SCORE) && blank(r.SDQ_REASON)) report(at('OC2', i, 'SDQ_SCORE'))
  })
})
