import { ADOPTED, ADOPTION_PLACEMENTS, at, blank, byChild, defineRule, present, rowAt } from './helpers.ts'

// Left care (any reason but adoption) from a placement for adoption or under a placement order: the decision that
// the child should be placed must be recorded as reversed, with its date and reason.
export const rule557 = defineRule({ code: '557', table: 'Episodes' }, (t, _ctx, report) => {
  const decisions = byChild(t.PlacedAdoption)
  t.Episodes.forEach((e, i) => {
    const rec = (e.REC ?? '').toUpperCase()
    if (e.CHILD === null || !present(e.REC) || rec === 'X1' || ADOPTED.has(rec)) return
    if (!ADOPTION_PLACEMENTS.has(e.PLACE ?? '') && e.LS !== 'E1') return
    const rows = decisions.get(e.CHILD) ?? []
    if (rows.length === 0) report(at('Episodes', i, 'REC', 'PLACE', 'LS'))
    for (const d of rows) {
      const r = rowAt(t.PlacedAdoption, d)
      if (blank(r.DATE_PLACED_CEASED) || blank(r.REASON_PLACED_CEASED))
        report(
          at('Episodes', i, 'REC', 'PLACE', 'LS'),
          at('PlacedAdoption', d, 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'),
        )
    }
  })
})
