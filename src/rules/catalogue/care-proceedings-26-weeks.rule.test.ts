import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'
import { careProceedings, careProceedingsExtension } from '../../db/schema/index.ts'
import { proceedingsTimetable } from './care-proceedings-26-weeks.rule.ts'

// Children Act 1989 s32(1)(a)(ii): "within twenty-six weeks beginning with the day on which the application
// was issued" — issued on Monday 5 January 2026, the 26th week ends on Sunday 5 July 2026. s32(8): each
// extension ends no more than eight weeks after the later of the end of the period being extended and the
// day it is granted. Due soon in the last 4 weeks (20 working days).
const RULE = 'care-proceedings-26-weeks'
const ISSUED = '2026-01-05'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function proceedings(values: Partial<typeof careProceedings.$inferInsert> = {}) {
  const child = await b.child()
  const [row] = await database.db
    .insert(careProceedings)
    .values({
      personId: child.id,
      issuedOn: ISSUED,
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00042',
      ...values,
    })
    .returning()
  return { child, proceedings: row! }
}

async function extend(proceedingsId: number, grantedOn: string, weeks: number) {
  await database.db.insert(careProceedingsExtension).values({
    careProceedingsId: proceedingsId,
    grantedOn,
    weeks,
    reason: 'A parenting assessment of the father, who came forward late, is needed to decide justly.',
  })
}

describe('the timetable (pure)', () => {
  it('ends on the last day of the 26 weeks beginning with the day of issue', () => {
    expect(proceedingsTimetable(ISSUED)).toEqual({ statutoryEnd: '2026-07-05', end: '2026-07-05' })
    // Issued on a Wednesday: the 26th week ends on a Tuesday.
    expect(proceedingsTimetable('2026-03-04').end).toBe('2026-09-01')
  })

  it('adds each extension after the later of the end of the period extended and the day it was granted', () => {
    // Granted before the 26 weeks ran out: 8 weeks after 5 July.
    expect(proceedingsTimetable(ISSUED, [{ grantedOn: '2026-06-29', weeks: 8 }]).end).toBe('2026-08-30')
    // Granted after they ran out: 4 weeks after the day it was granted.
    expect(proceedingsTimetable(ISSUED, [{ grantedOn: '2026-07-20', weeks: 4 }]).end).toBe('2026-08-17')
    // Two extensions, given in any order, apply in the order granted.
    expect(
      proceedingsTimetable(ISSUED, [
        { grantedOn: '2026-08-24', weeks: 6 },
        { grantedOn: '2026-06-29', weeks: 8 },
      ]),
    ).toEqual({ statutoryEnd: '2026-07-05', end: '2026-10-11' })
  })
})

describe(RULE, () => {
  it('is due soon in the last 4 weeks and overdue once the 26 weeks have ended, for the allocated social worker', async () => {
    const { child, proceedings: p } = await proceedings()
    const sw = await b.staff('socialworker')
    // Thursday 4 June is 21 working days before Sunday 5 July: not yet in the last four weeks.
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-04')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-08')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -19,
        startedOn: ISSUED,
        dueOn: '2026-07-05',
        subjectType: 'care-proceedings',
        subjectId: p.id,
        what: 'Care proceedings issued 5 January 2026 to conclude within 26 weeks',
        href: `/children/${child.id}/care-proceedings`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    // The last day of the 26th week is still in time; the Monday after is one working day over.
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-05')).toMatchObject([
      { severity: 'due-soon', daysOverdue: 0 },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-06')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('moves to the end of the court’s extensions, counting only those granted by the date asked about', async () => {
    const { child, proceedings: p } = await proceedings()
    await extend(p.id, '2026-06-29', 8)
    // As things stood before the extension, it was due on 5 July.
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-26')).toMatchObject([
      { severity: 'due-soon', dueOn: '2026-07-05' },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-06')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-08-28')).toMatchObject([
      {
        severity: 'due-soon',
        dueOn: '2026-08-30',
        what: 'Care proceedings issued 5 January 2026 to conclude by the end of the court’s extension (one extension, 8 weeks)',
      },
    ])
    // Monday 31 August 2026 is the summer bank holiday: overdue from the next working day.
    expect(await flagsOf(database.db, RULE, child.id, '2026-08-31')).toMatchObject([
      { severity: 'due-soon', daysOverdue: 0 },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-01')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
    // A second extension, granted before the first ran out, runs on from its end.
    await extend(p.id, '2026-08-24', 6)
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-01')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-10-05')).toMatchObject([
      { severity: 'due-soon', dueOn: '2026-10-11', what: expect.stringContaining('2 extensions, 14 weeks') },
    ])
  })

  it('runs a late extension from the day it was granted', async () => {
    const { child, proceedings: p } = await proceedings()
    await extend(p.id, '2026-07-20', 4)
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-17')).toMatchObject([
      { severity: 'overdue', dueOn: '2026-07-05' },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-20')).toMatchObject([
      { severity: 'due-soon', dueOn: '2026-08-17' },
    ])
  })

  it('stops at the conclusion, and shows a late conclusion as overdue as at a date before it', async () => {
    const inTime = await proceedings({
      outcome: 'care-order',
      concludedOn: '2026-06-30',
      finalHearingOn: '2026-06-30',
    })
    expect(await flagsOf(database.db, RULE, inTime.child.id, '2026-06-29')).toMatchObject([
      { severity: 'due-soon' },
    ])
    expect(await flagsOf(database.db, RULE, inTime.child.id, '2026-06-30')).toEqual([])
    expect(await flagsOf(database.db, RULE, inTime.child.id, '2026-07-06')).toEqual([])
    const late = await proceedings({ outcome: 'placement-order', concludedOn: '2026-07-21' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-20')).toMatchObject([
      { severity: 'overdue', daysOverdue: 11 },
    ])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-21')).toEqual([])
  })

  it('knows nothing of proceedings not yet issued, and still flags a child with no worker allocated', async () => {
    const { child } = await proceedings({ issuedOn: '2026-08-03' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-07-06')).toEqual([])
    const unallocated = await b.child({ allocatedTo: null })
    await database.db.insert(careProceedings).values({
      personId: unallocated.id,
      issuedOn: ISSUED,
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00043',
    })
    expect(await flagsOf(database.db, RULE, unallocated.id, '2026-07-06')).toMatchObject([
      { severity: 'overdue', ownerWorkerId: null, ownerTeamId: null },
    ])
  })
})
