import { at, byCin, defineRule, reportGroup } from './helpers.ts'

// More than one CIN plan with no end date in one episode; the open plans are flagged (the validator
// flags every plan of the episode).
export const rule4004 = defineRule(
  {
    code: '4004',
    type: 'error',
    table: 'CINplanDates',
    affectedFields: ['CINPlanEndDate'],
    message: 'This child is showing more than one open CIN Plan, i.e. with no End Date',
  },
  (t, _ctx, report) => {
    const open = byCin(t.CINplanDates, (p) => p.CINPlanEndDate === null)
    for (const rows of open.values()) {
      if (rows.length > 1)
        reportGroup(
          report,
          rows.map((i) => at('CINplanDates', i, 'CINPlanEndDate')),
        )
    }
  },
)
