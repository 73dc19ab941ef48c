import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Regulation 33: "first review within 20 working days of the date on which C becomes looked after; the
// second not more than three months after the first; subsequent reviews not more than six months after
// the previous one". In care from Monday 2 March 2026 → first review by Monday 30 March.
const RULE = 'looked-after-review'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function inCare(startDate = '2026-03-02', legalStatus = 'C1') {
  const child = await b.child()
  const period = await b.periodOfCare(child, { startDate, legalStatus })
  return { child, period }
}

describe(RULE, () => {
  it('wants the first review within 20 working days of coming into care', async () => {
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
        what: 'Hold the first looked-after review',
        href: `/children/${child.id}/looked-after/reviews`,
        // No IRO allocated and no review yet: the social worker's to arrange.
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('gives the review to the allocated IRO', async () => {
    const { child } = await inCare()
    await b.allocate(child, 'teammanager', '2026-03-02', 'iro')
    const iro = await b.staff('teammanager')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([
      { ownerWorkerId: iro.workerId, ownerTeamId: iro.teamId },
    ])
  })

  it('then wants the second review within 3 months of the first, owned by the IRO who chaired it', async () => {
    const { child, period } = await inCare()
    const first = await b.lacReview(period, { heldOn: '2026-03-25' })
    const iro = await b.staff('iro')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-24')).toMatchObject([
      {
        severity: 'due-soon',
        startedOn: '2026-03-25',
        dueOn: '2026-06-25',
        subjectType: 'lac-review',
        subjectId: first.id,
        what: 'Hold the second looked-after review',
        ownerWorkerId: iro.workerId,
        ownerTeamId: iro.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('then every 6 months', async () => {
    const { child, period } = await inCare()
    await b.lacReview(period, { heldOn: '2026-03-25' })
    const second = await b.lacReview(period, { heldOn: '2026-06-18' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-12-17')).toMatchObject([
      {
        severity: 'due-soon',
        dueOn: '2026-12-18',
        subjectId: second.id,
        what: 'Hold the next looked-after review',
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-12-21')).toMatchObject([{ severity: 'overdue' }])
  })

  it('shows a late first review as overdue as at a date before it was held', async () => {
    const { child, period } = await inCare()
    await b.lacReview(period, { heldOn: '2026-04-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-07')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-01')).toMatchObject([
      { severity: 'overdue', daysOverdue: 2, dueOn: '2026-03-30' },
    ])
  })

  it('counts only the reviews of this period of care', async () => {
    const child = await b.child()
    const earlier = await b.periodOfCare(child, { startDate: '2025-06-02' })
    await b.lacReview(earlier, { heldOn: '2025-06-20' })
    await b.lacReview(earlier, { heldOn: '2025-09-15' })
    await b.ceaseCare(earlier, '2025-11-03')
    const period = await b.periodOfCare(child, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([
      { subjectType: 'period-of-care', subjectId: period.id, dueOn: '2026-03-30' },
    ])
    // Between the two periods the child was not looked after: nothing is due.
    expect(await flagsOf(database.db, RULE, child.id, '2026-02-02')).toEqual([])
  })

  it('stops when the child ceases to be looked after, and leaves short breaks to regulation 48', async () => {
    const { child, period } = await inCare()
    await b.ceaseCare(period, '2026-03-20')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toEqual([])
    const breaks = await inCare('2026-03-02', 'V3')
    expect(await flagsOf(database.db, RULE, breaks.child.id, '2026-03-31')).toEqual([])
  })
})
