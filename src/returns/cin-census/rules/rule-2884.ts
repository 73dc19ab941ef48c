import { at, byChild, childKey, defineRule, rowAt, rowsOf } from './helpers.ts'

// As the validator, a Section47 conference date is compared with the CINdetails conference dates of
// every episode of the same child.
export const rule2884 = defineRule(
  {
    code: '2884',
    type: 'error',
    table: 'Section47',
    affectedFields: ['DateOfInitialCPC'],
    message:
      'An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
  },
  (t, _ctx, report) => {
    const episodes = byChild(t.CINdetails)
    t.Section47.forEach((s, i) => {
      if (s.DateOfInitialCPC === null) return
      for (const c of rowsOf(episodes, childKey(s.LAchildID))) {
        if (rowAt(t.CINdetails, c).DateOfInitialCPC === s.DateOfInitialCPC)
          report(at('Section47', i, 'DateOfInitialCPC'), at('CINdetails', c, 'DateOfInitialCPC'))
      }
    })
  },
)
