import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Regulation 7(4): health reviewed "at least once every six months before C's fifth birthday and at least
// once in every period of twelve months after C's fifth birthday", counted from the last assessment.
const RULE = 'review-health-assessment'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

/** In care from 2 March 2026, initial health assessment on Wednesday 25 March. */
async function assessed(dateOfBirth: string) {
  const child = await b.child({ dateOfBirth })
  const period = await b.periodOfCare(child, { startDate: '2026-03-02' })
  const initial = await b.healthRecord(child, { recordedOn: '2026-03-25' })
  return { child, period, initial }
}

describe(RULE, () => {
  it('wants a review within 6 months for a child under 5', async () => {
    const { child, initial } = await assessed('2023-01-10')
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-24')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-25',
        dueOn: '2026-09-25',
        subjectType: 'health-record',
        subjectId: initial.id,
        what: 'Review health assessment (every 6 months for a child under 5)',
        href: `/children/${child.id}/health-education`,
        ownerWorkerId: sw.workerId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-28')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('wants one within 12 months for a child of 5 or over', async () => {
    const { child } = await assessed('2016-06-15')
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-28')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2027-03-24')).toMatchObject([
      {
        severity: 'due-soon',
        dueOn: '2027-03-25',
        what: 'Review health assessment (every year for a child aged 5 or over)',
      },
    ])
  })

  it('goes by the child’s age on the day of the last assessment', async () => {
    // Four at the initial assessment, five by the time the review is due: still 6 months.
    const { child } = await assessed('2021-05-01')
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-28')).toMatchObject([
      { dueOn: '2026-09-25', severity: 'overdue' },
    ])
  })

  it('counts from the last review, and shows a late one as overdue as at a date before it', async () => {
    const { child } = await assessed('2023-01-10')
    const review = await b.healthRecord(child, { kind: 'review-health-assessment', recordedOn: '2026-10-01' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-10-02')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-30')).toMatchObject([
      { severity: 'overdue', daysOverdue: 3 },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2027-04-01')).toMatchObject([
      { subjectId: review.id, dueOn: '2027-04-01', severity: 'due-soon' },
    ])
  })

  it('waits for the initial assessment, and stops when care ends', async () => {
    const child = await b.child({ dateOfBirth: '2023-01-10' })
    await b.periodOfCare(child, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-12-01')).toEqual([])
    const { child: left, period: ended } = await assessed('2023-01-10')
    await b.ceaseCare(ended, '2026-08-03')
    expect(await flagsOf(database.db, RULE, left.id, '2026-09-28')).toEqual([])
  })
})
