import { at, blank, defineRule, headerRowByChild, present, rowAt, SHORT_BREAKS } from './helpers.ts'

export const rule607 = defineRule({ code: '607', table: 'Header' }, (t, ctx, report) => {
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    const h = e.CHILD === null ? undefined : header.get(e.CHILD)
    if (h === undefined) return
    const child = rowAt(t.Header, h)
    const ceased = e.DEC !== null && present(e.REC) && e.REC !== 'X1'
    if (
      ceased &&
      !SHORT_BREAKS.has(e.LS ?? '') &&
      e.DEC! >= ctx.collectionStart &&
      e.DEC! <= ctx.collectionEnd &&
      child.SEX === 'F' &&
      blank(child.MOTHER)
    )
      report(at('Header', h, 'MOTHER', 'SEX'), at('Episodes', i, 'DEC', 'REC', 'LS'))
  })
})
