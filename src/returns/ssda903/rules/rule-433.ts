import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

const CONTINUING: ReadonlySet<string> = new Set(['P', 'L', 'T', 'U', 'B'])

export const rule433 = defineRule({ code: '433', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const e = rowAt(t.Episodes, i)
    const previousEnd = rowAt(t.Episodes, p).DEC
    if (
      CONTINUING.has((e.RNE ?? '').toUpperCase()) &&
      (previousEnd === null || e.DECOM === null || previousEnd !== e.DECOM)
    )
      report(at('Episodes', i, 'RNE', 'DECOM'))
  }),
)
