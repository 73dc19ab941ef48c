import { at, byCin, cinKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule8867 = defineRule(
  {
    code: '8867',
    type: 'error',
    table: 'CINdetails',
    affectedFields: ['CINclosureDate', 'AssessmentAuthorisationDate'],
    message: 'CIN episode is shown as closed, however Assessment is not shown as completed',
  },
  (t, _ctx, report) => {
    const assessments = byCin(t.Assessments)
    t.CINdetails.forEach((c, i) => {
      if (c.CINclosureDate === null) return
      const open = rowsOf(assessments, cinKey(c)).filter(
        (a) => rowAt(t.Assessments, a).AssessmentAuthorisationDate === null,
      )
      if (open.length > 0)
        report(
          at('CINdetails', i, 'CINclosureDate'),
          ...open.map((a) => at('Assessments', a, 'AssessmentAuthorisationDate')),
        )
    })
  },
)
