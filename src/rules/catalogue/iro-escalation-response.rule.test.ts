import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// IRO dispute resolution: a response at each stage by the date set when it was raised (10 working days
// by default). Raised on Monday 2 March 2026 → response due Monday 16 March.
const RULE = 'iro-escalation-response'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function escalated(
  values: { responseDue?: string; respondedOn?: string; raisedBy?: number | null } = {},
) {
  const child = await b.child()
  await b.periodOfCare(child, { startDate: '2025-09-01' })
  const escalation = await b.iroEscalation(child, {
    raisedOn: '2026-03-02',
    responseDue: '2026-03-16',
    ...values,
  })
  return { child, escalation }
}

describe(RULE, () => {
  it('wants a response by the date set, for the IRO who raised it to chase', async () => {
    const { child, escalation } = await escalated()
    const iro = await b.staff('iro')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-16',
        subjectType: 'iro-escalation',
        subjectId: escalation.id,
        what: 'Response to the IRO’s escalation from Team manager (Informal)',
        href: `/children/${child.id}/looked-after/escalations/${escalation.id}/respond`,
        ownerWorkerId: iro.workerId,
        ownerTeamId: iro.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('keeps to a later date the IRO set', async () => {
    const { child } = await escalated({ responseDue: '2026-03-30' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-31')).toMatchObject([{ dueOn: '2026-03-30' }])
  })

  it('is satisfied by a response in time, and shows a late one as overdue as at a date before it', async () => {
    const { child } = await escalated({ respondedOn: '2026-03-12' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toEqual([])
    const late = await escalated({ respondedOn: '2026-03-20' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-23')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-17')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('falls to the child’s IRO when who raised it is not recorded', async () => {
    const { child } = await escalated({ raisedBy: null })
    await b.allocate(child, 'teammanager', '2025-09-01', 'iro')
    const iro = await b.staff('teammanager')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-17')).toMatchObject([
      { ownerWorkerId: iro.workerId, ownerTeamId: iro.teamId },
    ])
  })
})
