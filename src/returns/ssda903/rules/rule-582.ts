import { ADOPTED, at, defineRule, firstRowByChild, rowAt } from './helpers.ts'

// Its message says "in most circumstances", so it is a query.
export const rule582 = defineRule({ code: '582', table: 'Episodes', type: 'query' }, (t, _ctx, report) => {
  const ad1 = firstRowByChild(t.AD1)
  t.Episodes.forEach((e, i) => {
    const a = e.CHILD === null ? undefined : ad1.get(e.CHILD)
    if (a === undefined || e.DEC === null || !ADOPTED.has((e.REC ?? '').toUpperCase())) return
    if (rowAt(t.AD1, a).DATE_MATCH === e.DEC) report(at('Episodes', i, 'DEC'), at('AD1', a, 'DATE_MATCH'))
  })
})
