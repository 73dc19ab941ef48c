import { ADOPTED, ad1Given, at, defineRule } from './helpers.ts'

// An AD1 row for a child whose episodes show no adoption (E11, E12) ending care in the year.
export const rule602 = defineRule({ code: '602', table: 'AD1' }, (t, ctx, report) => {
  const adopted = new Set<string>()
  for (const e of t.Episodes)
    if (
      e.CHILD !== null &&
      ADOPTED.has((e.REC ?? '').toUpperCase()) &&
      e.DEC !== null &&
      e.DEC >= ctx.collectionStart &&
      e.DEC <= ctx.collectionEnd
    )
      adopted.add(e.CHILD)
  t.AD1.forEach((r, i) => {
    if (ad1Given(r) && (r.CHILD === null || !adopted.has(r.CHILD))) report(at('AD1', i, 'CHILD'))
  })
})
