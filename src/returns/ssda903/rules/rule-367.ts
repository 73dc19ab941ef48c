import { at, daysBetween, defineRule, episodesByChild, rowAt } from './helpers.ts'

// Days of short-term breaks (V3) in the collection year, each cut to the year, more than 75 for one child.
export const rule367 = defineRule({ code: '367', table: 'Episodes' }, (t, ctx, report) => {
  for (const indices of episodesByChild(t).values()) {
    const breaks: number[] = []
    let total = 0
    for (const i of indices) {
      const e = rowAt(t.Episodes, i)
      if (e.LS !== 'V3' || e.DECOM === null) continue
      const from = e.DECOM < ctx.collectionStart ? ctx.collectionStart : e.DECOM
      const to = e.DEC === null || e.DEC > ctx.collectionEnd ? ctx.collectionEnd : e.DEC
      const days = daysBetween(from, to)
      if (days <= 0) continue
      breaks.push(i)
      total += days
    }
    if (total > 75) for (const i of breaks) report(at('Episodes', i, 'LS', 'DECOM', 'DEC'))
  }
})
