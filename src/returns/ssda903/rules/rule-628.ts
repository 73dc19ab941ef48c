import { at, byChild, defineRule, firstRowByChild, oc3Given, present, rowAt } from './helpers.ts'

export const rule628 = defineRule({ code: '628', table: 'Header' }, (t, _ctx, report) => {
  const episodes = byChild(t.Episodes)
  const oc3 = firstRowByChild(t.OC3)
  t.Header.forEach((h, i) => {
    if (h.CHILD === null || !present(h.MOTHER) || episodes.has(h.CHILD)) return
    const o = oc3.get(h.CHILD)
    if (o !== undefined && oc3Given(rowAt(t.OC3, o)))
      report(at('Header', i, 'MOTHER'), at('OC3', o, 'IN_TOUCH'))
  })
})
