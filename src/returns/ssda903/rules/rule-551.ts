import { ADOPTION_PLACEMENTS, at, byChild, defineRule, rowAt } from './helpers.ts'

export const rule551 = defineRule({ code: '551', table: 'Episodes' }, (t, _ctx, report) => {
  const decisions = byChild(t.PlacedAdoption)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || !ADOPTION_PLACEMENTS.has(e.PLACE ?? '')) return
    const dated = (decisions.get(e.CHILD) ?? []).some((d) => rowAt(t.PlacedAdoption, d).DATE_PLACED !== null)
    if (!dated) report(at('Episodes', i, 'PLACE'))
  })
})
