import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// "The core group should meet within 10 working days of the initial child protection conference": an ICPC
// on Monday 23 March 2026 makes it due by Wednesday 8 April (Good Friday and Easter Monday are not counted).
const RULE = 'first-core-group-10-working-days'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function conferenceWithPlan(decision: 'plan' | 'no-plan' = 'plan') {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-03-02' })
  const cp = await b.cpPlan(referral, { startDate: '2026-03-23' })
  const icpc = await b.conference(referral, {
    heldOn: '2026-03-23',
    decision,
    cpPlanId: decision === 'plan' ? cp.id : null,
  })
  return { child, referral, cp, icpc }
}

describe(RULE, () => {
  it('is due soon the working day before the deadline, overdue the working day after', async () => {
    const { child, icpc } = await conferenceWithPlan()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-07')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-23',
        dueOn: '2026-04-08',
        subjectType: 'cp-conference',
        subjectId: icpc.id,
        ownerWorkerId: sw.workerId,
        href: `/children/${child.id}/child-protection`,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('is satisfied by a core group held in time', async () => {
    const { child, cp } = await conferenceWithPlan()
    await b.coreGroup(cp, '2026-04-01')
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toEqual([])
  })

  it('shows a late core group as overdue as at a date before it met', async () => {
    const { child, cp } = await conferenceWithPlan()
    await b.coreGroup(cp, '2026-04-10')
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-15')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('matches a plan the conference does not name by date', async () => {
    const child = await b.child()
    const referral = await b.referral(child)
    const cp = await b.cpPlan(referral, { startDate: '2026-03-23' })
    await b.conference(referral, { heldOn: '2026-03-23' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toHaveLength(1)
    await b.coreGroup(cp, '2026-04-02')
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toEqual([])
  })

  it('needs a conference that decided on a plan', async () => {
    const { child } = await conferenceWithPlan('no-plan')
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-09')).toEqual([])
  })
})
