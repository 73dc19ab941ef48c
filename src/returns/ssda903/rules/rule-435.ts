import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

// RNE P or T: the placement changed and the legal status did not. As in the validator, a blank never matches
// a blank, so only placements whose four items are all given and all unchanged count as "no change".
const PLACEMENT = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const
const MOVES: ReadonlySet<string> = new Set(['P', 'T'])

export const rule435 = defineRule({ code: '435', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const previous = rowAt(t.Episodes, p)
    const e = rowAt(t.Episodes, i)
    if (!MOVES.has(e.RNE ?? '')) return
    const unchanged = PLACEMENT.every((f) => e[f] !== null && e[f] === previous[f])
    if (e.LS !== previous.LS || unchanged)
      report(at('Episodes', i, 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'))
  }),
)
