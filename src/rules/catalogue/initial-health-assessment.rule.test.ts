import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Regulation 7: a health assessment by a registered medical practitioner "before C is first placed or, if
// not reasonably practicable, before C's first review" (20 working days). In care from Monday 2 March
// 2026 → by Monday 30 March.
const RULE = 'initial-health-assessment'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function inCare() {
  const child = await b.child()
  const period = await b.periodOfCare(child, { startDate: '2026-03-02' })
  return { child, period }
}

describe(RULE, () => {
  it('wants an initial health assessment within 20 working days of coming into care', async () => {
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
        href: `/children/${child.id}/health-education`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('is satisfied by one in time, and not by other health records', async () => {
    const { child } = await inCare()
    await b.healthRecord(child, { kind: 'dental-check', recordedOn: '2026-03-10' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([{ severity: 'overdue' }])
    await b.healthRecord(child, { recordedOn: '2026-03-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toEqual([])
  })

  it('shows a late assessment as overdue as at a date before it', async () => {
    const { child } = await inCare()
    await b.healthRecord(child, { recordedOn: '2026-04-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-07')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-01')).toMatchObject([
      { severity: 'overdue', daysOverdue: 2 },
    ])
  })

  it('counts one done before a planned move into care, but not one from an earlier time in care', async () => {
    const planned = await b.child()
    await b.healthRecord(planned, { recordedOn: '2026-02-20' })
    await b.periodOfCare(planned, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, planned.id, '2026-03-31')).toEqual([])

    const returning = await b.child()
    const earlier = await b.periodOfCare(returning, { startDate: '2025-05-05' })
    await b.healthRecord(returning, { recordedOn: '2025-05-20' })
    await b.ceaseCare(earlier, '2025-10-01')
    await b.periodOfCare(returning, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, returning.id, '2026-03-31')).toMatchObject([
      { severity: 'overdue', dueOn: '2026-03-30' },
    ])
  })

  it('stops when the child ceases to be looked after', async () => {
    const { child, period } = await inCare()
    await b.ceaseCare(period, '2026-03-16')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toEqual([])
  })
})
