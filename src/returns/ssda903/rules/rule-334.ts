import { lt } from '../../shared/dates.ts'
import { at, defineRule, episodesByChild, firstRowByChild, rowAt } from './helpers.ts'

// The decision that adoption is in the child's best interests (DATE_INT) comes after the start of the latest
// period of care (the latest episode that starts care, RNE S).
export const rule334 = defineRule({ code: '334', table: 'AD1' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, a] of firstRowByChild(t.AD1)) {
    const start = (episodes.get(child) ?? [])
      .filter((i) => rowAt(t.Episodes, i).RNE === 'S' && rowAt(t.Episodes, i).DECOM !== null)
      .at(-1)
    if (start !== undefined && lt(rowAt(t.AD1, a).DATE_INT, rowAt(t.Episodes, start).DECOM))
      report(at('AD1', a, 'DATE_INT'), at('Episodes', start, 'DECOM', 'RNE'))
  }
})
