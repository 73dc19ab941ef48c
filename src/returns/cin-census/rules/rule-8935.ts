import { at, byChild, defineRule, reportGroup } from './helpers.ts'

// Open plans (no end date) of the child, across all episodes. (The validator groups by CPPID, which
// is numbered within an episode, so it misses two open plans in one episode.)
export const rule8935 = defineRule(
  {
    code: '8935',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPendDate'],
    message: 'This child is showing more than one open Child Protection plan, i.e. with no End Date',
  },
  (t, _ctx, report) => {
    const open = byChild(t.ChildProtectionPlans, (p) => p.CPPendDate === null)
    for (const rows of open.values()) {
      if (rows.length > 1)
        reportGroup(
          report,
          rows.map((i) => at('ChildProtectionPlans', i, 'CPPendDate')),
        )
    }
  },
)
