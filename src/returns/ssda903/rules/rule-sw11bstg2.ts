import { at, defineRule, lookedAfterAtYearEnd, present, rowAt, sortedByChild } from './helpers.ts'

// For a child still looked after at 31 March, the latest social worker episode has ended with none after it. A child
// who left care may rightly have no social worker (the validator asks it of every child, and flags each child with
// a single episode, ended or not).
export const ruleSW11bSTG2 = defineRule({ code: 'SW11bSTG2', table: 'SWEpisodes' }, (t, ctx, report) => {
  const inCare = lookedAfterAtYearEnd(t, ctx)
  for (const [child, indices] of sortedByChild(t, 'SWEpisodes', 'SW_DECOM')) {
    const last = indices.filter((i) => rowAt(t.SWEpisodes, i).SW_DECOM !== null).at(-1)
    if (last === undefined || !inCare.has(child)) continue
    const ended = rowAt(t.SWEpisodes, last).SW_DEC
    if (present(ended) && ended < ctx.collectionEnd) report(at('SWEpisodes', last, 'SW_DEC'))
  }
})
