import { addYears } from '../../shared/dates.ts'
import { at, defineRule, dobByChild, headerRowByChild } from './helpers.ts'

// Still looked after at 31 March past the 18th birthday: only accommodated under section 20(5) (V2) in a
// children's home (K2).
export const rule359 = defineRule({ code: '359', table: 'Episodes' }, (t, ctx, report) => {
  const dob = dobByChild(t)
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || e.DEC !== null || (e.LS === 'V2' && e.PLACE === 'K2')) return
    const born = dob.get(e.CHILD)
    const h = header.get(e.CHILD)
    if (born && h !== undefined && addYears(born, 18) < ctx.collectionEnd)
      report(at('Episodes', i, 'DEC', 'LS', 'PLACE'), at('Header', h, 'DOB'))
  })
})
