import { at, byChild, defineRule, episodesByChild, present, rowAt } from './helpers.ts'

// Previous permanence is asked of children who started to be looked after in the year: as the validator reads it,
// one whose latest episode began before 1 April has no PrevPerm items.
export const rule634 = defineRule({ code: '634', table: 'PrevPerm' }, (t, ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, rows] of byChild(t.PrevPerm)) {
    const last = (episodes.get(child) ?? []).filter((i) => rowAt(t.Episodes, i).DECOM !== null).at(-1)
    if (last === undefined || (rowAt(t.Episodes, last).DECOM ?? '') >= ctx.collectionStart) continue
    for (const i of rows) {
      const r = rowAt(t.PrevPerm, i)
      if ([r.PREV_PERM, r.LA_PERM, r.DATE_PERM].some(present))
        report(at('PrevPerm', i, 'PREV_PERM', 'LA_PERM', 'DATE_PERM'), at('Episodes', last, 'DECOM'))
    }
  }
})
