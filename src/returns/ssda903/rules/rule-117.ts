import { gt } from '../../shared/dates.ts'
import { at, byChild, defineRule, episodesByChild, type Loc, rowAt } from './helpers.ts'

// A decision that the child should (or should no longer) be placed for adoption dated after 31 March, or after the
// day care ended: the end of the child's latest episode that is not a continuation (REC X1).
export const rule117 = defineRule({ code: '117', table: 'PlacedAdoption' }, (t, ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PlacedAdoption)) {
    const last = (episodes.get(child) ?? [])
      .filter((i) => rowAt(t.Episodes, i).DECOM !== null && rowAt(t.Episodes, i).REC !== 'X1')
      .at(-1)
    const ended = last === undefined ? null : rowAt(t.Episodes, last).DEC
    for (const i of rows) {
      const r = rowAt(t.PlacedAdoption, i)
      const late = (date: string | null) => gt(date, ctx.collectionEnd) || gt(date, ended)
      const fields = [
        late(r.DATE_PLACED) && 'DATE_PLACED',
        late(r.DATE_PLACED_CEASED) && 'DATE_PLACED_CEASED',
      ]
      const bad = fields.filter((f): f is string => typeof f === 'string')
      if (bad.length === 0) continue
      const related: Loc[] = last !== undefined && ended !== null ? [at('Episodes', last, 'DEC', 'REC')] : []
      report(at('PlacedAdoption', i, ...bad), ...related)
    }
  }
})
