import { at, continuouslyLookedAfter, defineRule, present } from './helpers.ts'

const ITEMS = [
  'CONVICTED',
  'HEALTH_ASSESSMENT',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'INTERVENTION_OFFERED',
  'INTERVENTION_RECEIVED',
  'SUBSTANCE_MISUSE',
  'TEETH_CHECK',
] as const

export const rule190 = defineRule({ code: '190', table: 'OC2' }, (t, ctx, report) => {
  const cla = continuouslyLookedAfter(t, ctx)
  t.OC2.forEach((r, i) => {
    if (r.CHILD !== null && !cla.has(r.CHILD) && ITEMS.some((f) => present(r[f])))
      report(at('OC2', i, ...ITEMS))
  })
})
