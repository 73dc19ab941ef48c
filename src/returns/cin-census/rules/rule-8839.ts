import { at, byCin, defineRule, isTrueFlag, reportGroup } from './helpers.ts'

// Open enquiries: no conference date and no "ICPC not required". The open ones are flagged (the
// validator also flags not-required ones without a date).
export const rule8839 = defineRule(
  {
    code: '8839',
    type: 'error',
    table: 'Section47',
    affectedFields: ['DateOfInitialCPC'],
    message: 'Within one CINDetails group there are 2 or more open S47 Assessments',
  },
  (t, _ctx, report) => {
    const open = byCin(t.Section47, (s) => s.DateOfInitialCPC === null && !isTrueFlag(s.ICPCnotRequired))
    for (const rows of open.values()) {
      if (rows.length > 1)
        reportGroup(
          report,
          rows.map((i) => at('Section47', i, 'DateOfInitialCPC')),
        )
    }
  },
)
