import { at, defineRule, present, rowAt, sortedByChild } from './helpers.ts'

// Only for children still looked after at 31 March: a child who left care may rightly have no social worker
// (the validator asks it of every child).
export const ruleSW17STG2 = defineRule({ code: 'SW17STG2', table: 'SWEpisodes' }, (t, _ctx, report) => {
  const inCare = new Set(t.Episodes.filter((e) => e.DEC === null).map((e) => e.CHILD))
  for (const [child, indices] of sortedByChild(t, 'SWEpisodes', 'SW_DECOM')) {
    const dated = indices.filter((i) => rowAt(t.SWEpisodes, i).SW_DECOM !== null)
    const last = dated.at(-1)
    if (last !== undefined && inCare.has(child) && present(rowAt(t.SWEpisodes, last).SW_DEC))
      report(at('SWEpisodes', last, 'SW_DEC'))
  }
})
