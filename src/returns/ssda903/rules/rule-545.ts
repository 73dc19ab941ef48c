import { addYears } from '../../shared/dates.ts'
import { at, blank, continuouslyLookedAfter, defineRule } from './helpers.ts'

export const rule545 = defineRule({ code: '545', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (
      r.CHILD !== null &&
      cla.has(r.CHILD) &&
      r.DOB !== null &&
      addYears(r.DOB, 5) > ctx.collectionEnd &&
      blank(r.HEALTH_CHECK)
    )
      report(at('OC2', i, 'DOB', 'HEALTH_CHECK'))
  })
})
