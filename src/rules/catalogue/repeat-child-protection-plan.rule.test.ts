import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// A child protection plan for a child who has had one before (ever): a query for the manager while the plan
// lasts, until they record oversight on or after its start.
const RULE = 'repeat-child-protection-plan'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function secondPlan() {
  const child = await b.child()
  const first = await b.referral(child, { referralDate: '2023-11-01', closureDate: '2024-12-01' })
  await b.cpPlan(first, { startDate: '2024-01-10', endDate: '2024-09-10', endReason: 'step-down-cin' })
  const referral = await b.referral(child, { referralDate: '2026-02-02' })
  const cp = await b.cpPlan(referral, { startDate: '2026-03-02' })
  return { child, referral, cp }
}

describe(RULE, () => {
  it('queries a second plan from its start, for the manager', async () => {
    const { child, cp } = await secondPlan()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-01')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toMatchObject([
      {
        severity: 'query',
        dueOn: '2026-03-02',
        subjectType: 'cp-plan',
        subjectId: cp.id,
        what: 'Second child protection plan: the last began 10 January 2024. Record management oversight',
        ownerWorkerId: sw.lineManagerWorkerId,
      },
    ])
  })

  it('counts every earlier plan', async () => {
    const child = await b.child()
    const referral = await b.referral(child, { referralDate: '2022-01-04' })
    await b.cpPlan(referral, { startDate: '2022-02-01', endDate: '2022-08-01' })
    await b.cpPlan(referral, { startDate: '2023-05-02', endDate: '2024-01-15' })
    await b.cpPlan(referral, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toMatchObject([
      { what: 'Child protection plan number 3: the last began 2 May 2023. Record management oversight' },
    ])
  })

  it('says nothing about a first plan, or once a manager has recorded oversight', async () => {
    const child = await b.child()
    const referral = await b.referral(child, { referralDate: '2026-02-02' })
    await b.cpPlan(referral, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toEqual([])
    const second = await secondPlan()
    await b.oversight(second.child, { recordedOn: '2026-03-04', kind: 'plan-change' })
    expect(await flagsOf(database.db, RULE, second.child.id, '2026-03-05')).toEqual([])
    expect(await flagsOf(database.db, RULE, second.child.id, '2026-03-03')).toHaveLength(1)
  })

  it('stops when the plan ends', async () => {
    const { child, cp } = await secondPlan()
    await b.endCpPlan(cp, '2026-09-01')
    expect(await flagsOf(database.db, RULE, child.id, '2026-09-02')).toEqual([])
  })
})
