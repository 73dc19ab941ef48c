import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Promoting the education of looked-after children (2018): the PEP "available for the first statutory
// review" (20 working days), then reviewed each term (local setting: every 4 months). In care from Monday
// 2 March 2026 → first PEP by Monday 30 March.
const RULE = 'personal-education-plan'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function inCare(dateOfBirth = '2016-06-15') {
  const child = await b.child({ dateOfBirth })
  const period = await b.periodOfCare(child, { startDate: '2026-03-02' })
  return { child, period }
}

describe(RULE, () => {
  it('wants the first PEP within 20 working days, ready for the first review', async () => {
    const { child, period } = await inCare()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-27')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-30',
        subjectType: 'period-of-care',
        subjectId: period.id,
        what: 'Personal education plan, ready for the first review',
        href: `/children/${child.id}/health-education`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('then a review every term (4 months by default)', async () => {
    const { child } = await inCare()
    const pep = await b.pep(child, { heldOn: '2026-03-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-17')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-20',
        dueOn: '2026-07-20',
        subjectType: 'pep',
        subjectId: pep.id,
        what: 'Review the personal education plan (every term)',
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-21')).toMatchObject([{ severity: 'overdue' }])
  })

  it('follows the local setting for the interval', async () => {
    const { child } = await inCare()
    await b.pep(child, { heldOn: '2026-03-20' })
    await database.db.execute(sql`insert into setting (key, value) values ('pep-review-interval-months', 3)`)
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-06-22')).toMatchObject([
        { dueOn: '2026-06-20', severity: 'overdue' },
      ])
    } finally {
      await database.db.execute(sql`delete from setting where key = 'pep-review-interval-months'`)
    }
  })

  it('shows a late PEP as overdue as at a date before it', async () => {
    const { child } = await inCare()
    await b.pep(child, { heldOn: '2026-04-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-07')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-01')).toMatchObject([
      { severity: 'overdue', daysOverdue: 2 },
    ])
  })

  it('starts from the age the local authority sets (3 by default)', async () => {
    const baby = await inCare('2025-10-01')
    expect(await flagsOf(database.db, RULE, baby.child.id, '2026-06-30')).toEqual([])
    // Three on Monday 11 May 2026: the first PEP 20 working days later.
    const turning = await inCare('2023-05-11')
    expect(await flagsOf(database.db, RULE, turning.child.id, '2026-03-31')).toEqual([])
    expect(await flagsOf(database.db, RULE, turning.child.id, '2026-06-10')).toMatchObject([
      { startedOn: '2026-05-11', dueOn: '2026-06-09', severity: 'overdue' },
    ])
  })

  it('stops when the child ceases to be looked after', async () => {
    const { child, period } = await inCare()
    await b.ceaseCare(period, '2026-03-20')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toEqual([])
  })
})
