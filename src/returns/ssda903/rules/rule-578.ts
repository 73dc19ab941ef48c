import { at, defineRule, episodesByChild, periodsOfCare } from './helpers.ts'

export const rule578 = defineRule({ code: '578', table: 'Missing' }, (t, _ctx, report) => {
  const episodes = episodesByChild(t)
  t.Missing.forEach((m, i) => {
    const own = m.CHILD === null ? undefined : episodes.get(m.CHILD)
    if (!own || m.MIS_START === null) return
    const periods = periodsOfCare(t, own).filter((p) => p.start !== null)
    const start = m.MIS_START
    if (periods.length > 0 && periods.every((p) => start < p.start! || (p.end !== null && start > p.end)))
      report(at('Missing', i, 'MIS_START'))
  })
})
