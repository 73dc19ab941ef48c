import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

export const rule504 = defineRule({ code: '504', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const previous = rowAt(t.Episodes, p)
    const e = rowAt(t.Episodes, i)
    if (previous.REC === 'X1' && previous.DEC !== null && previous.DEC === e.DECOM && e.CIN !== previous.CIN)
      report(at('Episodes', i, 'CIN'))
  }),
)
