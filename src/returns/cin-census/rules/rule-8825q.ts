import { at, byCin, cinKey, defineRule } from './helpers.ts'

export const rule8825Q = defineRule(
  {
    code: '8825Q',
    type: 'query',
    table: 'CINdetails',
    affectedFields: ['ReasonForClosure'],
    message:
      'Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.',
  },
  (t, _ctx, report) => {
    const assessments = byCin(t.Assessments)
    t.CINdetails.forEach((c, i) => {
      if ((c.ReasonForClosure === 'RC8' || c.ReasonForClosure === 'RC9') && !assessments.has(cinKey(c)))
        report(at('CINdetails', i, 'ReasonForClosure'))
    })
  },
)
