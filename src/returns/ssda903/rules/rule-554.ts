import { gt } from '../../shared/dates.ts'
import { at, byChild, defineRule, episodesByChild, rowAt } from './helpers.ts'

// The should-be-placed decision comes on or before the placement order: the first episode under E1 in the year.
export const rule554 = defineRule({ code: '554', table: 'PlacedAdoption' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PlacedAdoption)) {
    const order = (episodes.get(child) ?? []).find((i) => {
      const e = rowAt(t.Episodes, i)
      return e.LS === 'E1' && e.DECOM !== null
    })
    if (order === undefined) continue
    for (const i of rows)
      if (gt(rowAt(t.PlacedAdoption, i).DATE_PLACED, rowAt(t.Episodes, order).DECOM))
        report(at('PlacedAdoption', i, 'DATE_PLACED'), at('Episodes', order, 'DECOM', 'LS'))
  }
})
