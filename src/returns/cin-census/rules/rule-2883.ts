import type { IsoDate } from '../../shared/dates.ts'
import { defineRule } from './helpers.ts'

// Return-level: plans starting in the census year against conferences held in it (CINdetails and
// Section47 conferences both count).
export const rule2883 = defineRule(
  {
    code: '2883',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'DateOfInitialCPC'],
    message: 'There are more child protection plans starting than initial conferences taking place',
  },
  (t, ctx, report) => {
    const inYear = (d: IsoDate | null) => d !== null && d >= ctx.collectionStart && d <= ctx.referenceDate
    const plans = t.ChildProtectionPlans.filter((r) => inYear(r.CPPstartDate)).length
    const conferences =
      t.CINdetails.filter((r) => inYear(r.DateOfInitialCPC)).length +
      t.Section47.filter((r) => inYear(r.DateOfInitialCPC)).length
    if (plans > conferences) report.returnLevel()
  },
)
