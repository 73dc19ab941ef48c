import { at, blank, defineRule, rowAt, sortedByChild } from './helpers.ts'

export const ruleSW08STG2 = defineRule({ code: 'SW08STG2', table: 'SWEpisodes' }, (t, _ctx, report) => {
  for (const indices of sortedByChild(t, 'SWEpisodes', 'SW_DECOM').values())
    for (const i of indices.slice(0, -1))
      if (blank(rowAt(t.SWEpisodes, i).SW_DEC)) report(at('SWEpisodes', i, 'SW_DEC'))
})
