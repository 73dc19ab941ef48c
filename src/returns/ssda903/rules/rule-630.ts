import { at, blank, byChild, defineRule, rowAt } from './helpers.ts'

export const rule630 = defineRule({ code: '630', table: 'Episodes' }, (t, ctx, report) => {
  const prevPerm = byChild(t.PrevPerm)
  t.Episodes.forEach((e, i) => {
    if (e.RNE !== 'S' || e.DECOM === null || e.DECOM < ctx.collectionStart) return
    const rows = e.CHILD === null ? [] : (prevPerm.get(e.CHILD) ?? [])
    const missing = rows.length === 0
    const incomplete = rows.some((p) => {
      const r = rowAt(t.PrevPerm, p)
      return blank(r.PREV_PERM) || (r.PREV_PERM !== 'Z1' && (blank(r.LA_PERM) || blank(r.DATE_PERM)))
    })
    if (missing || incomplete)
      report(at('Episodes', i, 'RNE'), ...rows.map((p) => at('PrevPerm', p, 'PREV_PERM')))
  })
})
