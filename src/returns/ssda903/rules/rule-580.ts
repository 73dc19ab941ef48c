import { addYears } from '../../shared/dates.ts'
import { at, byChild, defineRule, rowAt } from './helpers.ts'

// Missing on the 18th birthday, when care ended: the episode ends for any other reason (E8).
export const rule580 = defineRule({ code: '580', table: 'Episodes' }, (t, _ctx, report) => {
  const missing = byChild(t.Missing)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || e.DEC === null || (e.REC ?? '').toUpperCase() === 'E8') return
    const dec = e.DEC
    const m = (missing.get(e.CHILD) ?? []).find((k) => {
      const { DOB, MIS_END } = rowAt(t.Missing, k)
      return DOB !== null && MIS_END === dec && addYears(DOB, 18) === dec
    })
    if (m !== undefined) report(at('Episodes', i, 'REC'), at('Missing', m, 'MIS_END'))
  })
})
