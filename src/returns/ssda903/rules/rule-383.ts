import { at, defineRule, episodesByChild, rowAt, TEMPORARY_PLACEMENTS } from './helpers.ts'

// After a temporary placement (T0-T4) the child returns to the placement before it: the next episode is a change
// of placement (P) to the same type of placement at the same postcode. Only where care continued from the
// temporary placement into the next episode.
export const rule383 = defineRule({ code: '383', table: 'Episodes' }, (t, _ctx, report) => {
  for (const indices of episodesByChild(t).values())
    for (let k = 2; k < indices.length; k++) {
      const before = rowAt(t.Episodes, indices[k - 2]!)
      const temporary = rowAt(t.Episodes, indices[k - 1]!)
      const after = rowAt(t.Episodes, indices[k]!)
      if (!TEMPORARY_PLACEMENTS.has(temporary.PLACE ?? '')) continue
      if (before.DEC !== temporary.DECOM || temporary.DEC === null || temporary.DEC !== after.DECOM) continue
      if (after.RNE !== 'P' || after.PLACE !== before.PLACE || after.PL_POST !== before.PL_POST)
        report(
          at('Episodes', indices[k]!, 'RNE', 'PLACE', 'PL_POST'),
          at('Episodes', indices[k - 2]!, 'PLACE', 'PL_POST'),
        )
    }
})
