import { le } from '../../shared/dates.ts'
import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

export const rule431 = defineRule({ code: '431', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    const e = rowAt(t.Episodes, i)
    if (e.RNE === 'S' && le(e.DECOM, rowAt(t.Episodes, p).DEC)) report(at('Episodes', i, 'RNE', 'DECOM'))
  }),
)
