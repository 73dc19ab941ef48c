import { ADOPTED, at, byChild, defineRule, present, rowAt } from './helpers.ts'

const ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const

export const rule601 = defineRule({ code: '601', table: 'Episodes' }, (t, ctx, report) => {
  const ad1 = byChild(t.AD1)
  t.Episodes.forEach((e, i) => {
    if (
      !ADOPTED.has(e.REC ?? '') ||
      e.DEC === null ||
      e.DEC < ctx.collectionStart ||
      e.DEC > ctx.collectionEnd
    )
      return
    const rows = e.CHILD === null ? [] : (ad1.get(e.CHILD) ?? [])
    const complete = rows.some((a) => ITEMS.every((f) => present(rowAt(t.AD1, a)[f])))
    if (!complete) report(at('Episodes', i, 'REC'), ...rows.map((a) => at('AD1', a, ...ITEMS)))
  })
})
