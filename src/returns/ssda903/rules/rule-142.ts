import { at, blank, defineRule, episodesByChild, rowAt } from './helpers.ts'

export const rule142 = defineRule({ code: '142', table: 'Episodes' }, (t, _ctx, report) => {
  for (const indices of episodesByChild(t).values()) {
    const dated = indices.filter((i) => rowAt(t.Episodes, i).DECOM !== null)
    for (const i of dated.slice(0, -1)) {
      const e = rowAt(t.Episodes, i)
      if (blank(e.DEC) || blank(e.REC)) report(at('Episodes', i, 'DEC', 'REC'))
    }
  }
})
