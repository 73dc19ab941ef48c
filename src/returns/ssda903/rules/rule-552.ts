import { ADOPTION_PLACEMENTS, at, byChild, defineRule, episodesByChild, rowAt } from './helpers.ts'

// The latest should-be-placed decision is dated on or before the first placement for adoption (A3-A6) in the year.
export const rule552 = defineRule({ code: '552', table: 'PlacedAdoption' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PlacedAdoption)) {
    const placed = (episodes.get(child) ?? []).find((i) => {
      const e = rowAt(t.Episodes, i)
      return e.DECOM !== null && ADOPTION_PLACEMENTS.has(e.PLACE ?? '')
    })
    let latest: number | undefined
    for (const i of rows) {
      const date = rowAt(t.PlacedAdoption, i).DATE_PLACED
      if (
        date !== null &&
        (latest === undefined || date > (rowAt(t.PlacedAdoption, latest).DATE_PLACED ?? ''))
      )
        latest = i
    }
    if (placed === undefined || latest === undefined) continue
    if ((rowAt(t.PlacedAdoption, latest).DATE_PLACED ?? '') > (rowAt(t.Episodes, placed).DECOM ?? ''))
      report(at('PlacedAdoption', latest, 'DATE_PLACED'), at('Episodes', placed, 'DECOM'))
  }
})
