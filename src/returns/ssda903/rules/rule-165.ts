import {
  at,
  defineRule,
  episodesInYear,
  firstRowByChild,
  oc3Given,
  present,
  rowAt,
  SHORT_BREAKS,
} from './helpers.ts'

const VALUES: ReadonlySet<string> = new Set(['0', '1'])

// MOTHER is 0 or 1; it is given for a girl looked after in the year (not on short breaks only), and not for a boy,
// nor for a care leaver who was not looked after in the year. (The validator still compares SEX with the codes 1
// and 2 used until 2023-24, so only its first test works from 2024-25.)
export const rule165 = defineRule({ code: '165', table: 'Header' }, (t, ctx, report) => {
  const lookedAfter = episodesInYear(t, ctx, SHORT_BREAKS)
  const oc3 = firstRowByChild(t.OC3)
  t.Header.forEach((h, i) => {
    const mother = present(h.MOTHER)
    const inYear = h.CHILD !== null && lookedAfter.has(h.CHILD)
    const o = h.CHILD === null ? undefined : oc3.get(h.CHILD)
    const leaver = o !== undefined && oc3Given(rowAt(t.OC3, o))
    if (
      (mother && !VALUES.has(h.MOTHER ?? '')) ||
      (mother && h.SEX === 'M') ||
      (!mother && h.SEX === 'F' && inYear) ||
      (mother && h.SEX === 'F' && !inYear && leaver)
    )
      report(at('Header', i, 'MOTHER', 'SEX'))
  })
})
