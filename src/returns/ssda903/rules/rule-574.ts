import { lt } from '../../shared/dates.ts'
import { at, byChild, defineRule, rowAt } from './helpers.ts'

// Sorted as the validator sorts them (by end, an open episode by its start), each must start after the last ended.
export const rule574 = defineRule({ code: '574', table: 'Missing' }, (t, _ctx, report) => {
  const groups = byChild(t.Missing)
  for (const indices of groups.values()) {
    const dated = indices.filter((i) => rowAt(t.Missing, i).MIS_START !== null)
    const key = (i: number) => rowAt(t.Missing, i).MIS_END ?? rowAt(t.Missing, i).MIS_START!
    dated.sort(
      (a, b) =>
        key(a).localeCompare(key(b)) ||
        rowAt(t.Missing, a).MIS_START!.localeCompare(rowAt(t.Missing, b).MIS_START!) ||
        a - b,
    )
    for (let k = 1; k < dated.length; k++) {
      const previous = rowAt(t.Missing, dated[k - 1]!)
      const m = rowAt(t.Missing, dated[k]!)
      if (previous.MIS_END === null || lt(m.MIS_START, previous.MIS_END))
        report(at('Missing', dated[k]!, 'MIS_START', 'MIS_END'))
    }
  }
})
