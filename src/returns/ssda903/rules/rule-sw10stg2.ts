import { addDays } from '../../shared/dates.ts'
import { at, byChild, consecutive, defineRule, rowAt } from './helpers.ts'

// Unless it starts with first contact or a re-referral, an episode starts within 7 days of the previous one's end.
export const ruleSW10STG2 = defineRule({ code: 'SW10STG2', table: 'SWEpisodes' }, (t, _ctx, report) => {
  const groups = byChild(t.SWEpisodes)
  for (const indices of groups.values())
    indices.sort((a, b) => {
      const x = rowAt(t.SWEpisodes, a)
      const y = rowAt(t.SWEpisodes, b)
      return (
        (x.SW_DECOM ?? '~').localeCompare(y.SW_DECOM ?? '~') ||
        (x.SW_DEC ?? '~').localeCompare(y.SW_DEC ?? '~') ||
        a - b
      )
    })
  consecutive(groups, (p, i) => {
    const e = rowAt(t.SWEpisodes, i)
    const previousEnd = rowAt(t.SWEpisodes, p).SW_DEC
    if (e.SW_REASON === 'FCONTA') return
    const within =
      previousEnd !== null &&
      e.SW_DECOM !== null &&
      e.SW_DECOM >= addDays(previousEnd, -7) &&
      e.SW_DECOM <= addDays(previousEnd, 7)
    if (!within) report(at('SWEpisodes', i, 'SW_DECOM'))
  })
})
