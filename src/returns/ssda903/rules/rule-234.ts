import { agedUnder, at, defineRule, dobByChild, headerRowByChild } from './helpers.ts'

// The placement changed on the episode's end date. (The validator reads a DOB column the Episodes file does not
// have, and the episode's start; here the Header's DOB and the day the placement changed.)
export const rule234 = defineRule({ code: '234', table: 'Episodes' }, (t, _ctx, report) => {
  const dob = dobByChild(t)
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || e.REASON_PLACE_CHANGE !== 'CUSTOD') return
    const h = header.get(e.CHILD)
    if (agedUnder(dob.get(e.CHILD), 10, e.DEC ?? e.DECOM) && h !== undefined)
      report(at('Episodes', i, 'REASON_PLACE_CHANGE'), at('Header', h, 'DOB'))
  })
})
