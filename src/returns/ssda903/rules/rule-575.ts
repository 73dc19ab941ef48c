import { at, byChild, defineRule, rowAt } from './helpers.ts'

// Still missing or away (no MIS_END) though the episode it began in has ended.
export const rule575 = defineRule({ code: '575', table: 'Missing' }, (t, _ctx, report) => {
  const episodes = byChild(t.Episodes)
  t.Missing.forEach((m, i) => {
    if (m.CHILD === null || m.MIS_END !== null || m.MIS_START === null) return
    const start = m.MIS_START
    const ended = (episodes.get(m.CHILD) ?? []).find((e) => {
      const { DECOM, DEC } = rowAt(t.Episodes, e)
      return DECOM !== null && DEC !== null && DECOM <= start && start <= DEC
    })
    if (ended !== undefined) report(at('Missing', i, 'MIS_END'), at('Episodes', ended, 'DEC'))
  })
})
