import { ge } from '../../shared/dates.ts'
import { at, byChild, defineRule, episodesByChild, rowAt } from './helpers.ts'

// The previous permanence order came before the child's first episode in the year. (Hearth writes whole dates, so
// the ZZ forms of an unknown day or month the DfE allows never occur.)
export const rule632 = defineRule({ code: '632', table: 'PrevPerm' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PrevPerm)) {
    const first = (episodes.get(child) ?? []).find((i) => rowAt(t.Episodes, i).DECOM !== null)
    if (first === undefined) continue
    for (const i of rows)
      if (ge(rowAt(t.PrevPerm, i).DATE_PERM, rowAt(t.Episodes, first).DECOM))
        report(at('PrevPerm', i, 'DATE_PERM'), at('Episodes', first, 'DECOM'))
  }
})
