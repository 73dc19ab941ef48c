import { at, byCin, cinKey, defineRule, indexBy, rowAt, rowsOf } from './helpers.ts'

// A plan starting in the census year must start on the day of an initial conference of its episode:
// one in a Section47 module, or the CINdetails one when the episode has no Section47. The
// conferences are flagged too when no plan of the episode matches any of them.
export const rule2885 = defineRule(
  {
    code: '2885',
    type: 'error',
    table: 'ChildProtectionPlans',
    affectedFields: ['CPPstartDate', 'DateOfInitialCPC'],
    message:
      'Child protection plan shown as starting a different day to the initial child protection conference.',
  },
  (t, ctx, report) => {
    const s47 = byCin(t.Section47)
    const episodes = byCin(t.CINdetails)
    const plansInYear = indexBy(
      t.ChildProtectionPlans,
      cinKey,
      (p) =>
        p.CPPstartDate !== null &&
        p.CPPstartDate >= ctx.collectionStart &&
        p.CPPstartDate <= ctx.referenceDate,
    )
    for (const [key, plans] of plansInYear) {
      const s47Rows = rowsOf(s47, key)
      const conferences =
        s47Rows.length > 0
          ? s47Rows.map((i) => ({
              loc: at('Section47', i, 'DateOfInitialCPC'),
              date: rowAt(t.Section47, i).DateOfInitialCPC,
            }))
          : rowsOf(episodes, key).map((i) => ({
              loc: at('CINdetails', i, 'DateOfInitialCPC'),
              date: rowAt(t.CINdetails, i).DateOfInitialCPC,
            }))
      const matches = (i: number) => {
        const start = rowAt(t.ChildProtectionPlans, i).CPPstartDate
        return conferences.some((c) => c.date !== null && c.date === start)
      }
      const episodeMatches = plans.some(matches)
      for (const i of plans) {
        if (matches(i)) continue
        report(
          at('ChildProtectionPlans', i, 'CPPstartDate'),
          ...(episodeMatches ? [] : conferences.map((c) => c.loc)),
        )
      }
    }
  },
)
