import { at, blank, byChild, defineRule, rowAt } from './helpers.ts'

// Only the latest should-be-placed decision may be left unreversed.
export const rule583 = defineRule({ code: '583', table: 'PlacedAdoption' }, (t, _ctx, report) => {
  for (const rows of byChild(t.PlacedAdoption).values()) {
    const open = rows.filter((i) => blank(rowAt(t.PlacedAdoption, i).DATE_PLACED_CEASED))
    let latest: number | undefined
    for (const i of rows) {
      const date = rowAt(t.PlacedAdoption, i).DATE_PLACED
      if (
        date !== null &&
        (latest === undefined || date > (rowAt(t.PlacedAdoption, latest).DATE_PLACED ?? ''))
      )
        latest = i
    }
    for (const i of open)
      if (open.length > 1 || i !== latest)
        report(at('PlacedAdoption', i, 'DATE_PLACED', 'DATE_PLACED_CEASED'))
  }
})
