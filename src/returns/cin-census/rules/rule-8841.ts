import { le } from '../../shared/dates.ts'
import { at, cppKey, defineRule, indexBy, rowAt, rowsOf } from './helpers.ts'

export const rule8841 = defineRule(
  {
    code: '8841',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'CPPreviewDate'],
    message: 'The review date cannot be on the same day or before the Child protection Plan start date.',
  },
  (t, _ctx, report) => {
    const reviews = indexBy(t.Reviews, cppKey, (r) => r.CPPreviewDate !== null)
    t.ChildProtectionPlans.forEach((p, i) => {
      if (p.CPPstartDate === null) return
      for (const r of rowsOf(reviews, cppKey(p))) {
        if (le(rowAt(t.Reviews, r).CPPreviewDate, p.CPPstartDate))
          report(at('ChildProtectionPlans', i, 'CPPstartDate'), at('Reviews', r, 'CPPreviewDate'))
      }
    })
  },
)
