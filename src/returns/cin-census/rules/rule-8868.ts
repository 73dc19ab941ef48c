import { at, byCin, cinKey, defineRule, isTrueFlag, rowAt, rowsOf } from './helpers.ts'

// Each Section47 of a closed episode needs either a conference date or "ICPC not required", not
// neither and (as the validator also checks) not both.
export const rule8868 = defineRule(
  {
    code: '8868',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['ICPCnotRequired', 'CINclosureDate', 'DateOfInitialCPC'],
    message:
      'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
  },
  (t, _ctx, report) => {
    const s47 = byCin(t.Section47)
    t.CINdetails.forEach((c, i) => {
      if (c.CINclosureDate === null) return
      const unfinished = rowsOf(s47, cinKey(c)).filter((s) => {
        const row = rowAt(t.Section47, s)
        return (row.DateOfInitialCPC === null) === !isTrueFlag(row.ICPCnotRequired)
      })
      if (unfinished.length > 0)
        report(
          at('CINdetails', i, 'CINclosureDate'),
          ...unfinished.map((s) => at('Section47', s, 'DateOfInitialCPC', 'ICPCnotRequired')),
        )
    })
  },
)
