import { at, codesOf, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

export const rule432 = defineRule({ code: '432', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const rec = rowAt(t.Episodes, p).REC
    if (rec !== null && rec !== 'X1' && codesOf('REC').has(rec) && rowAt(t.Episodes, i).RNE !== 'S')
      report(at('Episodes', i, 'RNE'))
  }),
)
