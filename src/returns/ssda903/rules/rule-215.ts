import { at, defineRule, firstRowByChild, oc3Given, present, rowAt } from './helpers.ts'

export const rule215 = defineRule({ code: '215', table: 'OC3' }, (t, _ctx, report) => {
  const oc2 = firstRowByChild(t.OC2)
  t.OC3.forEach((r, i) => {
    const o = r.CHILD === null ? undefined : oc2.get(r.CHILD)
    if (o === undefined || !oc3Given(r)) return
    const h = rowAt(t.OC2, o)
    const items = [
      h.CONVICTED,
      h.HEALTH_CHECK,
      h.IMMUNISATIONS,
      h.TEETH_CHECK,
      h.HEALTH_ASSESSMENT,
      h.SUBSTANCE_MISUSE,
      h.INTERVENTION_RECEIVED,
      h.INTERVENTION_OFFERED,
    ]
    if (items.some(present)) report(at('OC3', i, 'IN_TOUCH', 'ACTIV', 'ACCOM'), at('OC2', o, 'IMMUNISATIONS'))
  })
})
