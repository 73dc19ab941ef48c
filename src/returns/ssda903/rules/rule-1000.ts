import { at, defineRule } from './helpers.ts'

// Died in care (E2) in this year's episodes. (Last year's episodes, which the validator also reads when loaded,
// are not kept.)
export const rule1000 = defineRule({ code: '1000', table: 'OC3' }, (t, _ctx, report) => {
  const died = new Set(t.Episodes.filter((e) => (e.REC ?? '').toUpperCase() === 'E2').map((e) => e.CHILD))
  t.OC3.forEach((r, i) => {
    if (r.CHILD !== null && died.has(r.CHILD)) report(at('OC3', i, 'IN_TOUCH', 'ACTIV', 'ACCOM'))
  })
})
