import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

// RNE B or U: both the legal status and the placement changed (blanks compare equal, as in the validator).
const PLACEMENT = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const
const BOTH: ReadonlySet<string> = new Set(['B', 'U'])

export const rule436 = defineRule({ code: '436', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const previous = rowAt(t.Episodes, p)
    const e = rowAt(t.Episodes, i)
    if (!BOTH.has(e.RNE ?? '')) return
    const unchanged = PLACEMENT.every((f) => (e[f] ?? '*') === (previous[f] ?? '*'))
    if ((e.LS ?? '*') === (previous.LS ?? '*') || unchanged)
      report(at('Episodes', i, 'RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'))
  }),
)
