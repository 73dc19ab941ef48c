import { addDays } from '../../shared/dates.ts'
import { at, defineRule, episodesByChild, headerRowByChild, periodsOfCare } from './helpers.ts'

// UN4 (newly looked after, UPN not yet known) for a child whose period of care open at 31 March began more than a
// week earlier. (The validator flags the reverse, an episode starting in the last week of March, which the message
// does not say.)
export const rule210 = defineRule({ code: '210', table: 'Header' }, (t, ctx, report) => {
  const header = headerRowByChild(t)
  const weekBefore = addDays(ctx.collectionEnd, -7)
  for (const [child, indices] of episodesByChild(t)) {
    const h = header.get(child)
    if (h === undefined || t.Header[h]?.UPN !== 'UN4') continue
    const open = periodsOfCare(t, indices).find((p) => p.end === null)
    const first = open?.episodes[0]
    if (open && first !== undefined && open.start !== null && open.start < weekBefore)
      report(at('Header', h, 'UPN'), at('Episodes', first, 'DECOM'))
  }
})
