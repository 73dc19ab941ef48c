import { at, byCin, cinKey, defineRule, isTrueFlag, type Loc, rowAt, rowsOf } from './helpers.ts'

// A referral with no further action may not have an assessment date, a Section47 start date or an
// initial conference date. As in the validator a conference date on the episode flags every
// Section47 of it, and modules are flagged as whole rows (LAchildID marks the row).
export const rule8831 = defineRule(
  {
    code: '8831',
    type: 'error',
    table: 'CINdetails',
    affectedFields: [
      'AssessmentActualStartDate',
      'AssessmentAuthorisationDate',
      'S47ActualStartDate',
      'DateOfInitialCPC',
    ],
    message: 'Activity is recorded against a case marked as a referral with no further action',
  },
  (t, _ctx, report) => {
    const assessments = byCin(t.Assessments)
    const s47 = byCin(t.Section47)
    t.CINdetails.forEach((c, i) => {
      if (!isTrueFlag(c.ReferralNFA)) return
      const key = cinKey(c)
      const conference = c.DateOfInitialCPC !== null
      const activity: Loc[] = [
        ...rowsOf(s47, key)
          .filter((s) => conference || rowAt(t.Section47, s).S47ActualStartDate !== null)
          .map((s) => at('Section47', s, 'LAchildID')),
        ...rowsOf(assessments, key)
          .filter((a) => {
            const row = rowAt(t.Assessments, a)
            return row.AssessmentActualStartDate !== null || row.AssessmentAuthorisationDate !== null
          })
          .map((a) => at('Assessments', a, 'LAchildID')),
      ]
      if (conference || activity.length > 0) report(at('CINdetails', i, 'DateOfInitialCPC'), ...activity)
    })
  },
)
