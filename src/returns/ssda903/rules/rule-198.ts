import { at, continuouslyLookedAfter, defineRule, present } from './helpers.ts'

export const rule198 = defineRule({ code: '198', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (present(r.SDQ_REASON) && (r.CHILD === null || !cla.has(r.CHILD))) report(at('OC2', i, 'SDQ_REASON'))
  })
})
