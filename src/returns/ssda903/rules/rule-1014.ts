import { at, defineRule, episodesInYear, firstRowByChild, oc3Given, rowAt } from './helpers.ts'

// A care leaver not looked after in the year has no UASC row.
export const rule1014 = defineRule({ code: '1014', table: 'UASC' }, (t, ctx, report) => {
  const lookedAfter = episodesInYear(t, ctx)
  const oc3 = firstRowByChild(t.OC3)
  t.UASC.forEach((r, i) => {
    const o = r.CHILD === null ? undefined : oc3.get(r.CHILD)
    if (r.CHILD !== null && !lookedAfter.has(r.CHILD) && o !== undefined && oc3Given(rowAt(t.OC3, o)))
      report(at('UASC', i, 'DUC'), at('OC3', o, 'IN_TOUCH', 'ACTIV', 'ACCOM'))
  })
})
