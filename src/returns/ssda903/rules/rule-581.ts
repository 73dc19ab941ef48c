import { at, defineRule, episodesByChild, rowAt } from './helpers.ts'

// Only for children with episodes in the return, as in the validator.
export const rule581 = defineRule({ code: '581', table: 'Missing' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  t.Missing.forEach((m, i) => {
    const own = m.CHILD === null ? undefined : episodes.get(m.CHILD)
    if (!own || m.MIS_START === null) return
    const start = m.MIS_START
    const inCare = own.some((e) => {
      const row = rowAt(t.Episodes, e)
      return row.DECOM !== null && row.DECOM <= start && (row.DEC === null || start <= row.DEC)
    })
    if (!inCare) report(at('Missing', i, 'MIS_START'))
  })
})
