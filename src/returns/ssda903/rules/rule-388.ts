import { at, defineRule, episodesByChild, present, rowAt } from './helpers.ts'

// X1 ("new episode begins") must be followed by an episode starting the same day; an episode followed by one
// starting the same day must end X1; and the last episode cannot end X1.
export const rule388 = defineRule({ code: '388', table: 'Episodes' }, (t, _ctx, report) => {
  for (const indices of episodesByChild(t).values()) {
    indices.forEach((i, k) => {
      const e = rowAt(t.Episodes, i)
      const next = k + 1 < indices.length ? rowAt(t.Episodes, indices[k + 1]!) : null
      if (e.DEC === null) return
      const fails = next
        ? next.DECOM !== null &&
          ((e.REC === 'X1' && e.DEC !== next.DECOM) ||
            (present(e.REC) && e.REC !== 'X1' && e.DEC === next.DECOM))
        : e.REC === 'X1'
      if (fails) report(at('Episodes', i, 'REC'))
    })
  }
})
