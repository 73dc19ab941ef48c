import { addYears } from '../../shared/dates.ts'
import { at, defineRule, dobByChild, headerRowByChild } from './helpers.ts'

const SPECIAL_GUARDIANSHIP: ReadonlySet<string> = new Set(['E45', 'E46', 'E47', 'E48'])

// A special guardianship order ends care only before the 18th birthday (on it is allowed, as the validator does).
export const rule407 = defineRule({ code: '407', table: 'Episodes' }, (t, _ctx, report) => {
  const dob = dobByChild(t)
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || e.DEC === null || !SPECIAL_GUARDIANSHIP.has((e.REC ?? '').toUpperCase())) return
    const born = dob.get(e.CHILD)
    const h = header.get(e.CHILD)
    if (born && h !== undefined && e.DEC > addYears(born, 18))
      report(at('Episodes', i, 'REC', 'DEC'), at('Header', h, 'DOB'))
  })
})
