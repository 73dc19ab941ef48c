import { lt } from '../../shared/dates.ts'
import { at, byChild, defineRule, episodesByChild, rowAt, SHORT_BREAKS } from './helpers.ts'

// A reversal dated before 1 April, or before the start of the child's earliest episode in the year (short breaks
// aside).
export const rule118 = defineRule({ code: '118', table: 'PlacedAdoption' }, (t, ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PlacedAdoption)) {
    const first = (episodes.get(child) ?? []).find((i) => {
      const e = rowAt(t.Episodes, i)
      return e.DECOM !== null && !SHORT_BREAKS.has(e.LS ?? '')
    })
    const started = first === undefined ? null : rowAt(t.Episodes, first).DECOM
    for (const i of rows) {
      const ceased = rowAt(t.PlacedAdoption, i).DATE_PLACED_CEASED
      if (lt(ceased, ctx.collectionStart) || lt(ceased, started))
        report(
          at('PlacedAdoption', i, 'DATE_PLACED_CEASED'),
          ...(first !== undefined && lt(ceased, started) ? [at('Episodes', first, 'DECOM')] : []),
        )
    }
  }
})
