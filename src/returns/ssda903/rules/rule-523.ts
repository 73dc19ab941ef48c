import { at, byChild, defineRule, firstRowByChild, present, rowAt } from './helpers.ts'

// AD1's DATE_INT is the date of the decision the child was adopted under: the decision still in force (not
// reversed), or the latest when all were. (The validator compares every decision of the year, so a reversed earlier
// one is flagged too; rule 525 covers that case.)
export const rule523 = defineRule({ code: '523', table: 'AD1' }, (t, _ctx, report) => {
  const decisions = byChild(t.PlacedAdoption)
  for (const [child, a] of firstRowByChild(t.AD1)) {
    const dateInt = rowAt(t.AD1, a).DATE_INT
    const dated = (decisions.get(child) ?? []).filter((i) => rowAt(t.PlacedAdoption, i).DATE_PLACED !== null)
    if (dateInt === null || dated.length === 0) continue
    const open = dated.filter((i) => !present(rowAt(t.PlacedAdoption, i).DATE_PLACED_CEASED))
    const latest = [...dated].sort((x, y) =>
      (rowAt(t.PlacedAdoption, x).DATE_PLACED ?? '') < (rowAt(t.PlacedAdoption, y).DATE_PLACED ?? '')
        ? -1
        : 1,
    )
    for (const i of open.length > 0 ? open : latest.slice(-1))
      if (rowAt(t.PlacedAdoption, i).DATE_PLACED !== dateInt)
        report(at('AD1', a, 'DATE_INT'), at('PlacedAdoption', i, 'DATE_PLACED'))
  }
})
