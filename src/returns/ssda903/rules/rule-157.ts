import { addYears } from '../../shared/dates.ts'
import { at, blank, continuouslyLookedAfter, defineRule } from './helpers.ts'

// SDQ1 says the child was under 4 or over 16, so it cannot explain a missing score for a child aged 4 on 1 April
// and 16 or under on 31 March. (The validator takes "16 or under" as not yet 16 at 31 March.)
export const rule157 = defineRule({ code: '157', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (
      r.CHILD === null ||
      !cla.has(r.CHILD) ||
      r.DOB === null ||
      r.SDQ_REASON !== 'SDQ1' ||
      !blank(r.SDQ_SCORE)
    )
      return
    if (addYears(r.DOB, 4) <= ctx.collectionStart && addYears(r.DOB, 17) > ctx.collectionEnd)
      report(at('OC2', i, 'SDQ_REASON', 'DOB'))
  })
})
