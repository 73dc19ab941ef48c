import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Volume 2 guidance: "by the time of the second review, the care plan must contain a plan for permanence".
// In care from 2 March 2026, first review Wednesday 25 March → second review (and the plan) by 25 June.
const RULE = 'permanence-plan-by-second-review'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function reviewedOnce() {
  const child = await b.child()
  const period = await b.periodOfCare(child, { startDate: '2026-03-02' })
  await b.lacReview(period, { heldOn: '2026-03-25' })
  return { child, period }
}

describe(RULE, () => {
  it('wants a permanence plan by the time the second review is due', async () => {
    const { child, period } = await reviewedOnce()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-24')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-06-25',
        subjectType: 'period-of-care',
        subjectId: period.id,
        what: 'Permanence plan, by the second looked-after review',
        href: `/children/${child.id}/permanence`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('counts 3 months from when the first review was due if it has not been held', async () => {
    const child = await b.child()
    await b.periodOfCare(child, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-01')).toMatchObject([
      { dueOn: '2026-06-30', severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('is due at a second review held early, and not put back by one held late', async () => {
    const early = await reviewedOnce()
    await b.lacReview(early.period, { heldOn: '2026-06-10' })
    expect(await flagsOf(database.db, RULE, early.child.id, '2026-06-11')).toMatchObject([
      { dueOn: '2026-06-10', severity: 'overdue', daysOverdue: 1 },
    ])
    const late = await reviewedOnce()
    await b.lacReview(late.period, { heldOn: '2026-07-10' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-13')).toMatchObject([
      { dueOn: '2026-06-25', severity: 'overdue' },
    ])
  })

  it('is satisfied by a plan in time, and shows a late one as overdue as at a date before it', async () => {
    const { child, period } = await reviewedOnce()
    await b.permanencePlan(child, { decidedOn: '2026-06-01', periodOfCareId: period.id })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toEqual([])
    const late = await reviewedOnce()
    await b.permanencePlan(late.child, { decidedOn: '2026-07-01' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-02')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-06-26')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('does not count a plan from an earlier time in care', async () => {
    const child = await b.child()
    const earlier = await b.periodOfCare(child, { startDate: '2025-01-06' })
    await b.permanencePlan(child, { decidedOn: '2025-04-01', periodOfCareId: earlier.id })
    await b.permanencePlan(child, { decidedOn: '2025-05-01' })
    await b.ceaseCare(earlier, '2025-08-01', 'E13')
    const period = await b.periodOfCare(child, { startDate: '2026-03-02' })
    await b.lacReview(period, { heldOn: '2026-03-25' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toMatchObject([
      { subjectId: period.id, severity: 'overdue' },
    ])
  })

  it('stops when the child ceases to be looked after', async () => {
    const { child, period } = await reviewedOnce()
    await b.ceaseCare(period, '2026-05-01')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toEqual([])
  })
})
