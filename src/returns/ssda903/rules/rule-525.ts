import { ad1Given, at, byChild, defineRule, firstRowByChild, present, rowAt } from './helpers.ts'

export const rule525 = defineRule({ code: '525', table: 'PlacedAdoption' }, (t, _ctx, report) => {
  const ad1 = firstRowByChild(t.AD1)
  for (const [child, rows] of byChild(t.PlacedAdoption)) {
    const a = ad1.get(child)
    if (a === undefined || !ad1Given(rowAt(t.AD1, a))) continue
    for (const i of rows)
      if (present(rowAt(t.PlacedAdoption, i).DATE_PLACED_CEASED))
        report(at('PlacedAdoption', i, 'DATE_PLACED_CEASED'), at('AD1', a, 'DATE_INT', 'DATE_MATCH'))
  }
})
