import { ADOPTED, at, byChild, defineRule, present, rowAt } from './helpers.ts'

// Adopted in the year, yet every decision that the child should be placed is recorded as reversed. (The validator
// flags an adopted child with two reversals dated in one calendar year, which this includes.)
export const rule558 = defineRule({ code: '558', table: 'Episodes' }, (t, _ctx, report) => {
  const decisions = byChild(t.PlacedAdoption)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || !ADOPTED.has((e.REC ?? '').toUpperCase())) return
    const rows = decisions.get(e.CHILD) ?? []
    if (rows.length > 0 && rows.every((d) => present(rowAt(t.PlacedAdoption, d).DATE_PLACED_CEASED)))
      report(at('Episodes', i, 'REC'), ...rows.map((d) => at('PlacedAdoption', d, 'DATE_PLACED_CEASED')))
  })
})
