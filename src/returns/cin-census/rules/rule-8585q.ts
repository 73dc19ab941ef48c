import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

export const rule8585Q = defineRule(
  {
    code: '8585Q',
    type: 'query',
    table: 'CINdetails',
    affectedFields: ['ReasonForClosure', 'PersonDeathDate'],
    message:
      'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death',
  },
  (t, _ctx, report) => {
    const children = byChild(t.ChildIdentifiers)
    t.CINdetails.forEach((c, i) => {
      if (c.ReasonForClosure !== 'RC2') return
      for (const k of rowsOf(children, childKey(c.LAchildID))) {
        if (rowAt(t.ChildIdentifiers, k).PersonDeathDate === null)
          report(at('CINdetails', i, 'ReasonForClosure'), at('ChildIdentifiers', k, 'PersonDeathDate'))
      }
    })
  },
)
