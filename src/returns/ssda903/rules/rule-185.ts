import { at, continuouslyLookedAfter, defineRule, present } from './helpers.ts'

export const rule185 = defineRule({ code: '185', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (present(r.SDQ_SCORE) && (r.CHILD === null || !cla.has(r.CHILD))) report(at('OC2', i, 'SDQ_SCORE'))
  })
})
