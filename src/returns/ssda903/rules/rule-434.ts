import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

// RNE L: the legal status changed and nothing about the placement did (blanks compare equal, as in the validator).
const PLACEMENT = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const

export const rule434 = defineRule({ code: '434', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const previous = rowAt(t.Episodes, p)
    const e = rowAt(t.Episodes, i)
    if (e.RNE !== 'L') return
    const moved = PLACEMENT.some((f) => (e[f] ?? '') !== (previous[f] ?? ''))
    if (e.LS === previous.LS || moved)
      report(at('Episodes', i, 'RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'))
  }),
)
