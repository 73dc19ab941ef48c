import { at, byChild, childKey, defineRule } from './helpers.ts'

export const rule8590 = defineRule(
  {
    code: '8590',
    type: 'error',
    table: 'ChildIdentifiers',
    affectedFields: ['LAchildID'],
    message: 'Child does not have a recorded CIN episode.',
  },
  (t, _ctx, report) => {
    const episodes = byChild(t.CINdetails)
    t.ChildIdentifiers.forEach((child, i) => {
      if (!episodes.has(childKey(child.LAchildID))) report(at('ChildIdentifiers', i, 'LAchildID'))
    })
  },
)
