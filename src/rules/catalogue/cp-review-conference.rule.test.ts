import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// "The first review conference within three months of the initial conference, further reviews at intervals
// of not more than six months": an ICPC on 23 March 2026 → first review by 23 June, then six-monthly.
const RULE = 'cp-review-conference'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function onPlan() {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-03-02' })
  const cp = await b.cpPlan(referral, { startDate: '2026-03-23' })
  const icpc = await b.conference(referral, { heldOn: '2026-03-23', cpPlanId: cp.id })
  return { child, referral, cp, icpc }
}

describe(RULE, () => {
  it('wants the first review within 3 months of the initial conference, owned by its chair', async () => {
    const { child, icpc } = await onPlan()
    const chair = await b.staff('iro')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-22')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-23',
        dueOn: '2026-06-23',
        subjectType: 'cp-conference',
        subjectId: icpc.id,
        what: 'Hold the first review conference',
        ownerWorkerId: chair.workerId,
        ownerTeamId: chair.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-24')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('then wants a review within 6 months of the last one', async () => {
    const { child, referral, cp } = await onPlan()
    const review = await b.conference(referral, {
      kind: 'review',
      heldOn: '2026-06-16',
      cpPlanId: cp.id,
      decision: 'continue-plan',
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-24')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-12-15')).toMatchObject([
      {
        severity: 'due-soon',
        dueOn: '2026-12-16',
        subjectId: review.id,
        what: 'Hold the next review conference',
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-12-17')).toMatchObject([{ severity: 'overdue' }])
  })

  it('shows a late first review as overdue as at a date before it was held', async () => {
    const { child, referral, cp } = await onPlan()
    await b.conference(referral, {
      kind: 'review',
      heldOn: '2026-07-01',
      cpPlanId: cp.id,
      decision: 'continue-plan',
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-02')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-30')).toMatchObject([
      { severity: 'overdue', daysOverdue: 5 },
    ])
  })

  it('gives the review to the allocated conference chair when there is one', async () => {
    const { child } = await onPlan()
    await b.allocate(child, 'teammanager', '2026-03-23', 'cp-chair')
    const chair = await b.staff('teammanager')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-24')).toMatchObject([
      { ownerWorkerId: chair.workerId, ownerTeamId: chair.teamId },
    ])
  })

  it('counts from the plan’s start when no conference is recorded', async () => {
    const child = await b.child()
    const referral = await b.referral(child)
    const cp = await b.cpPlan(referral, { startDate: '2026-03-23' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-24')).toMatchObject([
      { subjectType: 'cp-plan', subjectId: cp.id, dueOn: '2026-06-23', severity: 'overdue' },
    ])
  })

  it('stops when the plan ends', async () => {
    const { child, referral, cp } = await onPlan()
    // Ended at a review on 16 June.
    await b.endCpPlan(cp, '2026-06-16')
    await b.conference(referral, {
      kind: 'review',
      heldOn: '2026-06-16',
      cpPlanId: cp.id,
      decision: 'end-plan',
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-12-20')).toEqual([])
  })
})
