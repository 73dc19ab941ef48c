import { addYears } from '../../shared/dates.ts'
import { ADOPTED, at, defineRule, dobByChild } from './helpers.ts'

export const rule386 = defineRule({ code: '386', table: 'Episodes' }, (t, _ctx, report) => {
  const dob = dobByChild(t)
  t.Episodes.forEach((e, i) => {
    const born = e.CHILD === null ? null : (dob.get(e.CHILD) ?? null)
    if (ADOPTED.has(e.REC ?? '') && born !== null && e.DEC !== null && addYears(born, 18) <= e.DEC)
      report(at('Episodes', i, 'REC'))
  })
})
