import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Local standard (default): a child in need plan reviewed at least every 3 months. A plan starting on
// 2 March 2026 has its first review due by 2 June, then 3 months after each review.
const RULE = 'cin-plan-review'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function onPlan() {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-01-12' })
  const plan = await b.plan(child, { referralId: referral.id, startDate: '2026-03-02' })
  return { child, referral, plan }
}

describe(RULE, () => {
  it('wants the first review within 3 months of the plan’s start', async () => {
    const { child, plan } = await onPlan()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-01')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-06-02',
        subjectType: 'plan',
        subjectId: plan.id,
        href: `/children/${child.id}/plans/${plan.id}`,
        ownerWorkerId: sw.workerId,
        what: 'Hold the first child in need review',
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-03')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('then 3 months after the last review', async () => {
    const { child, plan } = await onPlan()
    const review = await b.planReview(plan, { heldOn: '2026-05-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-03')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-08-19')).toMatchObject([
      { severity: 'due-soon', dueOn: '2026-08-20', subjectType: 'plan-review', subjectId: review.id },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-08-21')).toMatchObject([{ severity: 'overdue' }])
  })

  it('shows a late review as overdue as at a date before it was held', async () => {
    const { child, plan } = await onPlan()
    await b.planReview(plan, { heldOn: '2026-06-10' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-11')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-09')).toMatchObject([
      { severity: 'overdue', daysOverdue: 5 },
    ])
  })

  it('follows the local setting', async () => {
    const { child } = await onPlan()
    await database.db.execute(sql`insert into setting (key, value) values ('cin-review-interval-months', 6)`)
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-06-03')).toEqual([])
      expect(await flagsOf(database.db, RULE, child.id, '2026-09-01')).toMatchObject([
        { dueOn: '2026-09-02' },
      ])
    } finally {
      await database.db.execute(sql`delete from setting where key = 'cin-review-interval-months'`)
    }
  })

  it('leaves the first review after a step-down to its own rule, and takes over after it', async () => {
    const child = await b.child()
    const cp = await b.plan(child, {
      kind: 'child-protection',
      startDate: '2025-10-01',
      endDate: '2026-03-02',
    })
    const cin = await b.plan(child, { startDate: '2026-03-02', previousPlanId: cp.id })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-03')).toEqual([])
    await b.planReview(cin, { heldOn: '2026-03-12' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-11')).toMatchObject([{ dueOn: '2026-06-12' }])
  })

  it('stops when the plan ends or the case closes, and ignores other kinds of plan', async () => {
    const ended = await onPlan()
    await b.endPlan(ended.plan, '2026-05-01')
    expect(await flagsOf(database.db, RULE, ended.child.id, '2026-06-03')).toEqual([])
    const closed = await onPlan()
    await b.close(closed.referral, '2026-05-01')
    expect(await flagsOf(database.db, RULE, closed.child.id, '2026-06-03')).toEqual([])
    const child = await b.child()
    await b.plan(child, { kind: 'early-help', startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-03')).toEqual([])
  })
})
