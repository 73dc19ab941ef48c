import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Local standard: a child on a child protection plan is seen at least every 10 working days. A visit on
// Monday 9 March 2026 makes the next due by Monday 23 March.
const RULE = 'cp-visits'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function onPlan() {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-02-02' })
  const cp = await b.cpPlan(referral, { startDate: '2026-03-02' })
  return { child, referral, cp }
}

describe(RULE, () => {
  it('wants the child seen within 10 working days of the last time', async () => {
    const { child } = await onPlan()
    const seen = await b.visit(child, { visitedOn: '2026-03-09', kind: 'cp' })
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-09',
        dueOn: '2026-03-23',
        subjectType: 'visit',
        subjectId: seen.id,
        href: `/children/${child.id}/visits`,
        ownerWorkerId: sw.workerId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('does not count a visit at which the child was not seen', async () => {
    const { child } = await onPlan()
    await b.visit(child, { visitedOn: '2026-03-09', kind: 'cp' })
    await b.visit(child, { visitedOn: '2026-03-18', kind: 'cp', childSeen: false, childSeenAlone: false })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toMatchObject([
      { severity: 'overdue', dueOn: '2026-03-23' },
    ])
  })

  it('is satisfied by a visit in time, and shows a late one as overdue as at a date before it', async () => {
    const { child } = await onPlan()
    await b.visit(child, { visitedOn: '2026-03-09', kind: 'cp' })
    await b.visit(child, { visitedOn: '2026-03-19', kind: 'cp' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toEqual([])
    const late = await onPlan()
    await b.visit(late.child, { visitedOn: '2026-03-09', kind: 'cp' })
    await b.visit(late.child, { visitedOn: '2026-03-25', kind: 'cp' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-26')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-24')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('counts from the plan’s start before the first visit, and not from visits before the plan', async () => {
    const { child, cp } = await onPlan()
    await b.visit(child, { visitedOn: '2026-02-27' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toMatchObject([
      {
        subjectType: 'cp-plan',
        subjectId: cp.id,
        startedOn: '2026-03-02',
        dueOn: '2026-03-16',
        severity: 'overdue',
      },
    ])
  })

  it('follows the local setting', async () => {
    const { child } = await onPlan()
    await b.visit(child, { visitedOn: '2026-03-09', kind: 'cp' })
    await database.db.execute(
      sql`insert into setting (key, value) values ('cp-visit-interval-working-days', 5)`,
    )
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toMatchObject([
        { dueOn: '2026-03-16', severity: 'overdue' },
      ])
    } finally {
      await database.db.execute(sql`delete from setting where key = 'cp-visit-interval-working-days'`)
    }
  })

  it('stops when the plan ends', async () => {
    const { child, cp } = await onPlan()
    await b.endCpPlan(cp, '2026-03-10')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toEqual([])
  })
})
