import { agedAtLeast, at, continuouslyLookedAfter, defineRule, present } from './helpers.ts'

// Health promotion checks (HEALTH_CHECK) are asked only of children under 5 at 31 March.
export const rule546 = defineRule({ code: '546', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (
      r.CHILD !== null &&
      cla.has(r.CHILD) &&
      present(r.HEALTH_CHECK) &&
      agedAtLeast(r.DOB, 5, ctx.collectionEnd)
    )
      report(at('OC2', i, 'HEALTH_CHECK', 'DOB'))
  })
})
