import { lt } from '../../shared/dates.ts'
import { at, consecutive, defineRule, rowAt, sortedByChild } from './helpers.ts'

export const rule579 = defineRule({ code: '579', table: 'PlacedAdoption' }, (t, _ctx, report) => {
  const groups = sortedByChild(t, 'PlacedAdoption', 'DATE_PLACED')
  for (const [child, indices] of groups)
    groups.set(
      child,
      indices.filter((i) => rowAt(t.PlacedAdoption, i).DATE_PLACED !== null),
    )
  consecutive(groups, (p, i) => {
    const previousEnd = rowAt(t.PlacedAdoption, p).DATE_PLACED_CEASED
    if (previousEnd === null || lt(rowAt(t.PlacedAdoption, i).DATE_PLACED, previousEnd))
      report(at('PlacedAdoption', i, 'DATE_PLACED', 'DATE_PLACED_CEASED'))
  })
})
