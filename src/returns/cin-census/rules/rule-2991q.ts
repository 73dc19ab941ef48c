import { at, byCin, cinKey, defineRule, rowsOf } from './helpers.ts'

// A Section47 module in an episode with no Assessments module; the Section47 row is flagged.
export const rule2991Q = defineRule(
  {
    code: '2991Q',
    type: 'query',
    table: 'CINdetails',
    affectedFields: ['CINdetailsID'],
    message:
      'Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode',
  },
  (t, _ctx, report) => {
    const assessments = byCin(t.Assessments)
    t.Section47.forEach((s, i) => {
      if (rowsOf(assessments, cinKey(s)).length === 0) report(at('Section47', i, 'LAchildID'))
    })
  },
)
