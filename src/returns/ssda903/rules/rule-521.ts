import { gt } from '../../shared/dates.ts'
import { ADOPTION_PLACEMENTS, at, defineRule, firstRowByChild, rowAt } from './helpers.ts'

// The should-be-placed decision (DATE_INT) comes before any placement for adoption (A3-A6) starts.
export const rule521 = defineRule({ code: '521', table: 'AD1' }, (t, _ctx, report) => {
  const ad1 = firstRowByChild(t.AD1)
  t.Episodes.forEach((e, i) => {
    const a = e.CHILD === null ? undefined : ad1.get(e.CHILD)
    if (a !== undefined && ADOPTION_PLACEMENTS.has(e.PLACE ?? '') && gt(rowAt(t.AD1, a).DATE_INT, e.DECOM))
      report(at('AD1', a, 'DATE_INT'), at('Episodes', i, 'DECOM', 'PLACE'))
  })
})
