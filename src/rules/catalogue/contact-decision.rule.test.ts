import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, noon, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// "Within one working day of a referral being received … a decision about the type of response": a contact
// on Monday 2 March 2026 needs a decision by Tuesday 3 March; one on Friday 6 March by Monday 9 March.
const RULE = 'contact-decision'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

describe(RULE, () => {
  it('is due soon on the day received, overdue the working day after the deadline, for the front door', async () => {
    const child = await b.child({ allocatedTo: null })
    const contact = await b.contact(child, { receivedOn: '2026-03-02' })
    const frontDoor = await b.staff('frontdoor')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-02')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-03',
        subjectType: 'contact',
        subjectId: contact.id,
        ownerWorkerId: null,
        ownerTeamId: frontDoor.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-04')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('skips the weekend', async () => {
    const child = await b.child({ allocatedTo: null })
    await b.contact(child, { receivedOn: '2026-03-06' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-09')).toMatchObject([
      { dueOn: '2026-03-09', severity: 'due-soon' },
    ])
  })

  it('takes the day a contact arrived in England, not in UTC', async () => {
    const child = await b.child({ allocatedTo: null })
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST).
    await b.contact(child, { receivedAt: new Date('2026-06-01T23:30:00Z') })
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-02')).toMatchObject([
      { startedOn: '2026-06-02', dueOn: '2026-06-03' },
    ])
  })

  it('is satisfied by a decision in time, and shows a late one as overdue as at a date before it', async () => {
    const child = await b.child({ allocatedTo: null })
    await b.contact(child, { receivedOn: '2026-03-02', decision: 'referral', decisionAt: noon('2026-03-03') })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-04')).toEqual([])
    const late = await b.child({ allocatedTo: null })
    await b.contact(late, { receivedOn: '2026-03-02', decision: 'nfa', decisionAt: noon('2026-03-05') })
    expect(await flagsOf(database.db, RULE, late.id, '2026-03-06')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.id, '2026-03-04')).toMatchObject([{ severity: 'overdue' }])
  })
})
