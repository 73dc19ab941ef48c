import { lt } from '../../shared/dates.ts'
import { at, consecutive, defineRule, episodesByChild, rowAt } from './helpers.ts'

export const rule501 = defineRule({ code: '501', table: 'Episodes' }, (t, _ctx, report) =>
  consecutive(episodesByChild(t), (p, i) => {
    if (lt(rowAt(t.Episodes, i).DECOM, rowAt(t.Episodes, p).DEC)) report(at('Episodes', i, 'DECOM', 'DEC'))
  }),
)
