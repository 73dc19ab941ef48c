import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Regulations 24 and 25: temporary approval of a connected person lasts no more than 16 weeks, with one
// extension of up to 8 weeks. Approved on Monday 2 March 2026 → ends Monday 22 June.
const RULE = 'connected-person-temporary-approval'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function withAunt(extendedTo: string | null = null) {
  const child = await b.child()
  const assessment = await b.carerAssessment(child, {
    startedOn: '2026-03-02',
    temporaryApprovalOn: '2026-03-02',
    temporaryApprovalExtendedTo: extendedTo,
  })
  const period = await b.periodOfCare(child, {
    startDate: '2026-03-02',
    placement: { placementType: 'U3', carerPersonId: assessment.carerPersonId },
  })
  return { child, assessment, period }
}

describe(RULE, () => {
  it('wants the fostering decision before 16 weeks of temporary approval end', async () => {
    const { child, assessment } = await withAunt()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-19')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-06-22',
        subjectType: 'carer-assessment',
        subjectId: assessment.id,
        what: 'Temporary approval of the connected person ends after 16 weeks: fostering decision or extension needed',
        href: `/children/${child.id}/permanence`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-23')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('moves to the end of the one extension', async () => {
    const { child } = await withAunt('2026-08-10')
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-23')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-08-07')).toMatchObject([
      {
        severity: 'due-soon',
        dueOn: '2026-08-10',
        what: 'Extended temporary approval of the connected person ends: fostering decision needed',
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-08-11')).toMatchObject([{ severity: 'overdue' }])
  })

  it('is satisfied by a decision in time, and shows a late one as overdue as at a date before it', async () => {
    const { child, assessment } = await withAunt()
    await b.fosteringPanel(assessment.carerPersonId, {
      assessmentStartedOn: '2026-03-02',
      panelOn: '2026-06-10',
      recommendation: 'Approve as connected person foster carer.',
      decision: 'approved',
      decisionOn: '2026-06-15',
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-23')).toEqual([])
    const late = await withAunt()
    await b.fosteringPanel(late.assessment.carerPersonId, {
      assessmentStartedOn: '2026-03-02',
      panelOn: '2026-06-24',
      recommendation: 'Approve as connected person foster carer.',
      decision: 'approved',
      decisionOn: '2026-07-01',
    })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-07-02')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-06-23')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('does not stop for a deferred decision', async () => {
    const { child, assessment } = await withAunt()
    await b.fosteringPanel(assessment.carerPersonId, {
      assessmentStartedOn: '2026-03-02',
      panelOn: '2026-06-10',
      recommendation: 'More information needed.',
      decision: 'deferred',
      decisionOn: '2026-06-12',
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-23')).toMatchObject([{ severity: 'overdue' }])
  })

  it('applies only while the child lives with the carer', async () => {
    const { child, period } = await withAunt()
    await b.placement(period, { startDate: '2026-05-04', placementType: 'U6' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-23')).toEqual([])
    const unnamed = await b.child()
    await b.carerAssessment(unnamed, { startedOn: '2026-03-02', temporaryApprovalOn: '2026-03-02' })
    await b.periodOfCare(unnamed, { startDate: '2026-03-02', placement: { placementType: 'U3' } })
    expect(await flagsOf(database.db, RULE, unnamed.id, '2026-06-23')).toMatchObject([
      { severity: 'overdue' },
    ])
  })
})
