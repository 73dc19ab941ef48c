import { at, defineRule, episodesByChild, rowAt } from './helpers.ts'

export const rule357 = defineRule({ code: '357', table: 'Episodes' }, (t, ctx, report) => {
  for (const indices of episodesByChild(t).values()) {
    const first = indices.find((i) => rowAt(t.Episodes, i).DECOM !== null)
    if (first === undefined) continue
    const e = rowAt(t.Episodes, first)
    if (e.DECOM! >= ctx.collectionStart && e.RNE !== 'S') report(at('Episodes', first, 'RNE'))
  }
})
