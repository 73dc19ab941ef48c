import { ad1Given, at, defineRule, firstRowByChild, oc3Given, rowAt } from './helpers.ts'

export const rule134 = defineRule({ code: '134', table: 'AD1' }, (t, _ctx, report) => {
  const oc3 = firstRowByChild(t.OC3)
  t.AD1.forEach((r, i) => {
    const o = r.CHILD === null ? undefined : oc3.get(r.CHILD)
    if (o !== undefined && ad1Given(r) && oc3Given(rowAt(t.OC3, o)))
      report(at('AD1', i, 'DATE_INT'), at('OC3', o, 'IN_TOUCH', 'ACTIV', 'ACCOM'))
  })
})
