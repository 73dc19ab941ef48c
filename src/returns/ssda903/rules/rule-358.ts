import { addYears } from '../../shared/dates.ts'
import { at, defineRule, headerRowByChild, rowAt } from './helpers.ts'

const YOUTH_JUSTICE: ReadonlySet<string> = new Set(['J1', 'J2', 'J3'])

export const rule358 = defineRule({ code: '358', table: 'Episodes' }, (t, _ctx, report) => {
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    const h = e.CHILD === null ? undefined : header.get(e.CHILD)
    const dob = h === undefined ? null : rowAt(t.Header, h).DOB
    if (YOUTH_JUSTICE.has(e.LS ?? '') && dob !== null && e.DECOM !== null && addYears(dob, 10) >= e.DECOM)
      report(at('Episodes', i, 'DECOM', 'LS'), at('Header', h!, 'DOB'))
  })
})
