import { gt } from '../../shared/dates.ts'
import { at, defineRule, episodesByChild, headerRowByChild, rowAt } from './helpers.ts'

// The first child's birth is dated by 31 March, and by the day care ended for a girl no longer looked after at the
// end of the year. (The validator compares with the latest DEC of any episode, so a change of placement before the
// birth is flagged too.)
export const rule625 = defineRule({ code: '625', table: 'Header' }, (t, ctx, report) => {
  const episodes = episodesByChild(t)
  for (const [child, h] of headerRowByChild(t)) {
    const born = rowAt(t.Header, h).MC_DOB
    if (born === null) continue
    const own = episodes.get(child) ?? []
    const open = own.some((i) => rowAt(t.Episodes, i).DEC === null)
    let last: number | undefined
    for (const i of own) {
      const dec = rowAt(t.Episodes, i).DEC
      if (dec !== null && (last === undefined || dec > (rowAt(t.Episodes, last).DEC ?? ''))) last = i
    }
    const ended = !open && last !== undefined ? rowAt(t.Episodes, last).DEC : null
    if (gt(born, ctx.collectionEnd)) report(at('Header', h, 'MC_DOB'))
    else if (last !== undefined && gt(born, ended))
      report(at('Header', h, 'MC_DOB'), at('Episodes', last, 'DEC'))
  }
})
