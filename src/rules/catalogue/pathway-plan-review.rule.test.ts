import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Care Leavers (England) Regulations 2010: the pathway plan is reviewed "at intervals of not more than six
// months". A plan from Monday 2 March 2026 → first review by Wednesday 2 September.
const RULE = 'pathway-plan-review'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function withPathwayPlan() {
  const child = await b.child({ dateOfBirth: '2008-05-20' })
  const plan = await b.plan(child, { kind: 'pathway', startDate: '2026-03-02' })
  return { child, plan }
}

describe(RULE, () => {
  it('wants the first review within 6 months of the plan', async () => {
    const { child, plan } = await withPathwayPlan()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-01')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-09-02',
        subjectType: 'plan',
        subjectId: plan.id,
        what: 'Hold the first pathway plan review',
        href: `/children/${child.id}/care-leaver`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-03')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('then within 6 months of the last review, owned by the personal adviser', async () => {
    const { child, plan } = await withPathwayPlan()
    await b.allocate(child, 'teammanager', '2026-03-02', 'personal-adviser')
    const adviser = await b.staff('teammanager')
    const review = await b.planReview(plan, { heldOn: '2026-08-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-03')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2027-02-19')).toMatchObject([
      {
        severity: 'due-soon',
        dueOn: '2027-02-20',
        subjectType: 'plan-review',
        subjectId: review.id,
        what: 'Hold the next pathway plan review',
        ownerWorkerId: adviser.workerId,
        ownerTeamId: adviser.teamId,
      },
    ])
  })

  it('shows a late review as overdue as at a date before it', async () => {
    const { child, plan } = await withPathwayPlan()
    await b.planReview(plan, { heldOn: '2026-09-10' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-11')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-09')).toMatchObject([
      { severity: 'overdue', daysOverdue: 5 },
    ])
  })

  it('is only for pathway plans, and stops when the plan ends', async () => {
    const child = await b.child()
    await b.plan(child, { kind: 'care', startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-03')).toEqual([])
    const { child: ended, plan } = await withPathwayPlan()
    await b.endPlan(plan, '2026-08-01')
    expect(await flagsOf(database.db, RULE, ended.id, '2026-09-03')).toEqual([])
  })
})
