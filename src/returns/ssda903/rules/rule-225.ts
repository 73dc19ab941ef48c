import {
  at,
  blank,
  consecutive,
  defineRule,
  episodesByChild,
  rowAt,
  TEMPORARY_PLACEMENTS,
} from './helpers.ts'

const MOVES: ReadonlySet<string> = new Set(['P', 'B', 'T', 'U'])

export const rule225 = defineRule({ code: '225', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const e = rowAt(t.Episodes, p)
    const next = rowAt(t.Episodes, i)
    if (
      e.REC === 'X1' &&
      blank(e.REASON_PLACE_CHANGE) &&
      !TEMPORARY_PLACEMENTS.has(e.PLACE ?? '') &&
      MOVES.has(next.RNE ?? '') &&
      !TEMPORARY_PLACEMENTS.has(next.PLACE ?? '')
    )
      report(at('Episodes', p, 'REASON_PLACE_CHANGE'))
  }),
)
