import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Regulation 28: "within one week of the start of any placement", then "at intervals of not more than six
// weeks" in the first year (three months after it for a long-term placement); weekly until the first review
// for a child at home under an interim care order or with a connected person under temporary approval,
// then four-weekly; "within one week" of a care order made while the child lives with a parent.
// In foster care from Monday 2 March 2026 → first visit by Monday 9 March.
const RULE = 'looked-after-statutory-visits'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function fostered(placement = {}) {
  const child = await b.child()
  const period = await b.periodOfCare(child, { startDate: '2026-03-02', placement })
  return { child, period }
}

const statutory = { kind: 'statutory-looked-after' as const }

describe(RULE, () => {
  it('wants the first visit within a week of the placement', async () => {
    const { child, period } = await fostered()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-06')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-09',
        subjectType: 'placement',
        subjectId: period.placement.id,
        what: 'Visit the child in care: first visit within 1 week of the placement (regulation 28(2))',
        href: `/children/${child.id}/visits`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('then every 6 weeks, counting only visits at which the child was seen', async () => {
    const { child } = await fostered()
    const seen = await b.visit(child, { visitedOn: '2026-03-09', ...statutory })
    await b.visit(child, { visitedOn: '2026-04-10', ...statutory, childSeen: false, childSeenAlone: false })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-17')).toMatchObject([
      {
        severity: 'due-soon',
        startedOn: '2026-03-09',
        dueOn: '2026-04-20',
        subjectType: 'visit',
        subjectId: seen.id,
        what: 'Visit the child in care: 6 weeks after the last visit (regulation 28(2))',
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-21')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('shows a late visit as overdue as at a date before it', async () => {
    const { child } = await fostered()
    await b.visit(child, { visitedOn: '2026-03-09', ...statutory })
    await b.visit(child, { visitedOn: '2026-04-22', ...statutory })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-23')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-21')).toMatchObject([
      { severity: 'overdue', dueOn: '2026-04-20' },
    ])
  })

  it('allows 3 months after the first year of a long-term placement', async () => {
    const child = await b.child()
    await b.periodOfCare(child, { startDate: '2025-03-03', placement: { longTerm: true } })
    await b.visit(child, { visitedOn: '2026-02-23', ...statutory })
    // A visit in the placement's first year: 6 weeks on.
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-07')).toMatchObject([
      { dueOn: '2026-04-06', severity: 'overdue' },
    ])
    await b.visit(child, { visitedOn: '2026-03-09', ...statutory })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-08')).toMatchObject([
      {
        dueOn: '2026-06-09',
        severity: 'due-soon',
        what: 'Visit the child in care: 3 months after the last visit (regulation 28(2))',
      },
    ])
  })

  it('wants weekly visits at home under an interim care order until the first review, then 4-weekly', async () => {
    const child = await b.child()
    const period = await b.periodOfCare(child, {
      startDate: '2026-03-02',
      legalStatus: 'C1',
      placement: { placementType: 'P1', provider: 'PR0' },
    })
    await b.visit(child, { visitedOn: '2026-03-09', ...statutory })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toMatchObject([
      {
        dueOn: '2026-03-16',
        severity: 'overdue',
        what: 'Visit the child in care: 1 week after the last visit (regulation 28(4))',
      },
    ])
    await b.lacReview(period, { heldOn: '2026-03-25' })
    await b.visit(child, { visitedOn: '2026-03-26', ...statutory })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-22')).toMatchObject([
      { dueOn: '2026-04-23', severity: 'due-soon', what: expect.stringContaining('4 weeks') },
    ])
  })

  it('wants weekly visits with a connected person under temporary approval', async () => {
    const child = await b.child()
    const carer = await b.carerAssessment(child, {
      startedOn: '2026-03-02',
      temporaryApprovalOn: '2026-03-02',
    })
    await b.periodOfCare(child, {
      startDate: '2026-03-02',
      placement: { placementType: 'U3', carerPersonId: carer.carerPersonId },
    })
    await b.visit(child, { visitedOn: '2026-03-09', ...statutory })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toMatchObject([
      { dueOn: '2026-03-16', severity: 'due-soon', what: expect.stringContaining('regulation 28(4)') },
    ])
  })

  it('wants a visit within a week of a care order made while the child lives at home', async () => {
    const child = await b.child()
    const period = await b.periodOfCare(child, {
      startDate: '2026-03-02',
      legalStatus: 'C1',
      placement: { placementType: 'P1', provider: 'PR0' },
    })
    await b.visit(child, { visitedOn: '2026-05-28', ...statutory })
    await b.legalStatus(period, 'C2', '2026-06-01')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-09')).toMatchObject([
      {
        subjectType: 'placement',
        startedOn: '2026-06-01',
        dueOn: '2026-06-08',
        severity: 'overdue',
        what: 'Visit the child in care: first visit within 1 week of the care order (regulation 28(5))',
      },
    ])
  })

  it('starts again with a new placement, and stops when care ends', async () => {
    const { child, period } = await fostered()
    await b.visit(child, { visitedOn: '2026-03-30', ...statutory })
    const moved = await b.placement(period, { startDate: '2026-04-01' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toMatchObject([
      { subjectType: 'placement', subjectId: moved.id, dueOn: '2026-04-08', severity: 'overdue' },
    ])
    await b.ceaseCare(period, '2026-04-03')
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toEqual([])
  })
})
