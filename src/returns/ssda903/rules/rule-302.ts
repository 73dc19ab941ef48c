import { lt } from '../../shared/dates.ts'
import { at, defineRule, headerRowByChild, rowAt } from './helpers.ts'

export const rule302 = defineRule({ code: '302', table: 'Episodes' }, (t, _ctx, report) => {
  const header = headerRowByChild(t)
  t.Episodes.forEach((e, i) => {
    const h = e.CHILD === null ? undefined : header.get(e.CHILD)
    if (h !== undefined && lt(e.DECOM, rowAt(t.Header, h).DOB))
      report(at('Episodes', i, 'DECOM'), at('Header', h, 'DOB'))
  })
})
