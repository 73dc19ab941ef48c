import { lt } from '../../shared/dates.ts'
import { at, byChild, defineRule, episodesByChild, rowAt } from './helpers.ts'

// A should-be-placed decision dated before the child's first episode in the year that starts care (RNE S).
export const rule1003 = defineRule({ code: '1003', table: 'PlacedAdoption' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PlacedAdoption)) {
    const start = (episodes.get(child) ?? []).find((i) => {
      const e = rowAt(t.Episodes, i)
      return e.RNE === 'S' && e.DECOM !== null
    })
    if (start === undefined) continue
    for (const i of rows)
      if (lt(rowAt(t.PlacedAdoption, i).DATE_PLACED, rowAt(t.Episodes, start).DECOM))
        report(at('PlacedAdoption', i, 'DATE_PLACED'), at('Episodes', start, 'DECOM', 'RNE'))
  }
})
