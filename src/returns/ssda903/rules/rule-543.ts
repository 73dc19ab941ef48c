import { addYears } from '../../shared/dates.ts'
import { at, blank, continuouslyLookedAfter, defineRule } from './helpers.ts'

export const rule543 = defineRule({ code: '543', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (
      r.CHILD !== null &&
      cla.has(r.CHILD) &&
      r.DOB !== null &&
      addYears(r.DOB, 10) <= ctx.collectionEnd &&
      blank(r.CONVICTED)
    )
      report(at('OC2', i, 'CONVICTED', 'DOB'))
  })
})
