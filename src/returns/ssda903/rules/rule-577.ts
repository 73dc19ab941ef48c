import { at, defineRule, episodesByChild, periodsOfCare } from './helpers.ts'

// An open missing episode needs an open period of care that began on or before it. (The validator's version
// also flags closed missing episodes that end outside care; this rule keeps to its message.)
export const rule577 = defineRule({ code: '577', table: 'Missing' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  t.Missing.forEach((m, i) => {
    const own = m.CHILD === null ? undefined : episodes.get(m.CHILD)
    if (!own || m.MIS_START === null || m.MIS_END !== null) return
    const start = m.MIS_START
    const open = periodsOfCare(t, own).some((p) => p.end === null && p.start !== null && p.start <= start)
    if (!open) report(at('Missing', i, 'MIS_END'))
  })
})
