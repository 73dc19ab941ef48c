import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

// Died (E2) or found by age assessment to be 18 or over (E15): no episode can follow.
const FINAL: ReadonlySet<string> = new Set(['E2', 'E15'])

export const rule437 = defineRule({ code: '437', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const e = rowAt(t.Episodes, p)
    if (e.DECOM !== null && rowAt(t.Episodes, i).DECOM !== null && FINAL.has((e.REC ?? '').toUpperCase()))
      report(at('Episodes', p, 'REC'), at('Episodes', i, 'DECOM'))
  }),
)
