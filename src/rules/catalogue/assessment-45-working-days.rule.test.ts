import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// "No longer than 45 working days from the point of referral": a referral on Monday 2 March 2026 needs its
// assessment concluded by Thursday 7 May (Good Friday, Easter Monday and 4 May are not working days).
const RULE = 'assessment-45-working-days'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function referred() {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-03-02' })
  return { child, referral }
}

describe(RULE, () => {
  it('is due soon the working day before the deadline, overdue the working day after', async () => {
    const { child, referral } = await referred()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-05-06')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        dueOn: '2026-05-07',
        subjectType: 'referral',
        subjectId: referral.id,
        href: `/children/${child.id}/assessments`,
        ownerWorkerId: sw.workerId,
        recordedReason: null,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-05-08')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('is satisfied by an assessment authorised in time, and shows a late one as it stood', async () => {
    const { child, referral } = await referred()
    await b.assessment(referral, { completedOn: '2026-05-01', authorisedOn: '2026-05-05' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-05-08')).toEqual([])
    const late = await referred()
    await b.assessment(late.referral, { completedOn: '2026-05-11', authorisedOn: '2026-05-12' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-05-13')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-05-11')).toMatchObject([
      { severity: 'overdue', daysOverdue: 2 },
    ])
  })

  it('shows the agreed reason for an assessment paced beyond 45 working days', async () => {
    const { child, referral } = await referred()
    const manager = await b.staff('teammanager')
    await b.assessment(referral, {
      extensionReason: 'Paced to the child’s needs: waiting for the paediatric assessment.',
      extensionAgreedBy: manager.userId,
    })
    const [flag] = await flagsOf(database.db, RULE, child.id, '2026-05-08')
    expect(flag).toMatchObject({
      severity: 'overdue',
      recordedReason: { reason: 'Paced to the child’s needs: waiting for the paediatric assessment.' },
    })
    expect(flag!.recordedReason!.agreedBy).toEqual(expect.any(String))
  })

  it('needs no assessment after a referral that led to no further action', async () => {
    const child = await b.child()
    await b.referral(child, { referralDate: '2026-03-02', noFurtherAction: true })
    expect(await flagsOf(database.db, RULE, child.id, '2026-05-08')).toEqual([])
  })
})
