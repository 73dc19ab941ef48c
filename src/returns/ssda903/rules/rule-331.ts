import { gt } from '../../shared/dates.ts'
import { ADOPTED, at, defineRule, firstRowByChild, rowAt } from './helpers.ts'

// Matched with the adopters after the placement that ended in adoption (E11, E12) began.
export const rule331 = defineRule({ code: '331', table: 'AD1' }, (t, _ctx, report) => {
  const ad1 = firstRowByChild(t.AD1)
  t.Episodes.forEach((e, i) => {
    const a = e.CHILD === null ? undefined : ad1.get(e.CHILD)
    if (a === undefined || !ADOPTED.has((e.REC ?? '').toUpperCase())) return
    if (gt(rowAt(t.AD1, a).DATE_MATCH, e.DECOM))
      report(at('AD1', a, 'DATE_MATCH'), at('Episodes', i, 'DECOM', 'REC'))
  })
})
