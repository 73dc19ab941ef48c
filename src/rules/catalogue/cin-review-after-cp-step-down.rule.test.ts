import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Local standard (default): the first child in need review within 10 working days of the step-down. A
// child protection plan ended on Monday 2 March 2026, stepped down to a child in need plan that day: due by
// Monday 16 March.
const RULE = 'cin-review-after-cp-step-down'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function steppedDown(previousKind: 'child-protection' | 'early-help' = 'child-protection') {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2025-09-01' })
  const previous = await b.plan(child, {
    kind: previousKind,
    referralId: referral.id,
    startDate: '2025-10-01',
    endDate: '2026-03-02',
  })
  const cin = await b.plan(child, {
    referralId: referral.id,
    startDate: '2026-03-02',
    previousPlanId: previous.id,
  })
  return { child, referral, cin }
}

describe(RULE, () => {
  it('is due soon the working day before the deadline, overdue the working day after', async () => {
    const { child, cin } = await steppedDown()
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-16',
        subjectType: 'plan',
        subjectId: cin.id,
        href: `/children/${child.id}/plans/${cin.id}`,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('is satisfied by a review in time', async () => {
    const { child, cin } = await steppedDown()
    await b.planReview(cin, { heldOn: '2026-03-12' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toEqual([])
  })

  it('shows a late review as overdue as at a date before it was held', async () => {
    const { child, cin } = await steppedDown()
    await b.planReview(cin, { heldOn: '2026-03-19' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-18')).toMatchObject([
      { severity: 'overdue', daysOverdue: 2 },
    ])
  })

  it('applies only to a plan continuing a child protection plan', async () => {
    const { child } = await steppedDown('early-help')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toEqual([])
  })

  it('follows the local setting', async () => {
    const { child } = await steppedDown()
    await database.db.execute(
      sql`insert into setting (key, value) values ('cin-step-down-first-review-working-days', 20)`,
    )
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toEqual([])
      expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([
        { dueOn: '2026-03-30', severity: 'overdue' },
      ])
    } finally {
      await database.db.execute(
        sql`delete from setting where key = 'cin-step-down-first-review-working-days'`,
      )
    }
  })

  it('stops when the case closes', async () => {
    const { child, referral } = await steppedDown()
    await b.close(referral, '2026-03-10')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toEqual([])
  })
})
