import { ge, le } from '../../shared/dates.ts'
import { at, byCin, defineRule, eachPair, isTrueFlag, rowAt } from './helpers.ts'

// Within an episode, an enquiry starting on or after another's start and on or before its conference
// (or the reference date when it has none and a conference was not ruled out). Identical enquiries
// are not compared with each other, as in the validator.
export const rule8890 = defineRule(
  {
    code: '8890',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['S47ActualStartDate'],
    message: 'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
  },
  (t, ctx, report) => {
    const started = byCin(t.Section47, (s) => s.S47ActualStartDate !== null)
    for (const rows of started.values()) {
      eachPair(rows, (a, b) => {
        const one = rowAt(t.Section47, a)
        const other = rowAt(t.Section47, b)
        if (
          one.S47ActualStartDate === other.S47ActualStartDate &&
          one.DateOfInitialCPC === other.DateOfInitialCPC
        )
          return
        const start = one.S47ActualStartDate
        const within =
          other.DateOfInitialCPC !== null
            ? le(start, other.DateOfInitialCPC)
            : le(start, ctx.referenceDate) && !isTrueFlag(other.ICPCnotRequired)
        if (ge(start, other.S47ActualStartDate) && within)
          report(
            at('Section47', a, 'S47ActualStartDate'),
            at('Section47', b, 'S47ActualStartDate', 'DateOfInitialCPC'),
          )
      })
    }
  },
)
