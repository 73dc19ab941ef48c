import { at, blank, defineRule, SHORT_BREAKS } from './helpers.ts'

export const rule393 = defineRule({ code: '393', table: 'Header' }, (t, _ctx, report) => {
  const inCare = new Set(t.Episodes.filter((e) => !SHORT_BREAKS.has(e.LS ?? '')).map((e) => e.CHILD))
  t.Header.forEach((h, i) => {
    if (h.SEX === 'F' && blank(h.MOTHER) && inCare.has(h.CHILD)) report(at('Header', i, 'MOTHER'))
  })
})
