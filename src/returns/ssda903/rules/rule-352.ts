import { agedAtLeast, at, defineRule, dobByChild, headerRowByChild } from './helpers.ts'

export const rule352 = defineRule({ code: '352', table: 'Episodes' }, (t, _ctx, report) => {
  const dob = dobByChild(t)
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    if (e.CHILD === null || (e.RNE ?? '').toUpperCase() !== 'S') return
    const h = header.get(e.CHILD)
    if (h !== undefined && agedAtLeast(dob.get(e.CHILD), 18, e.DECOM))
      report(at('Episodes', i, 'DECOM', 'RNE'), at('Header', h, 'DOB'))
  })
})
