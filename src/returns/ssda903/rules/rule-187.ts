import { ad1Given, at, continuouslyLookedAfter, defineRule, oc3Given } from './helpers.ts'

export const rule187 = defineRule({ code: '187', table: 'OC3' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC3.forEach((r, i) => {
    if (r.CHILD !== null && cla.has(r.CHILD) && oc3Given(r))
      report(at('OC3', i, 'IN_TOUCH', 'ACTIV', 'ACCOM'))
  })
  t.AD1.forEach((r, i) => {
    if (r.CHILD !== null && cla.has(r.CHILD) && ad1Given(r)) report(at('AD1', i, 'DATE_INT', 'DATE_MATCH'))
  })
})
