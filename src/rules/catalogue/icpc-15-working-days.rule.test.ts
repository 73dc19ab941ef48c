import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// "The initial child protection conference should take place within 15 working days of the strategy
// discussion": a discussion on Monday 2 March 2026 makes it due by Monday 23 March.
const RULE = 'icpc-15-working-days'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function enquiry(outcome: { outcome?: 'icpc' | 'no-further-action'; outcomeDate?: string } = {}) {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-03-02' })
  const discussion = await b.strategyDiscussion(referral, { heldOn: '2026-03-02' })
  const s47 = await b.section47(referral, {
    strategyDiscussionId: discussion.id,
    startDate: '2026-03-02',
    outcome: outcome.outcome ?? 'icpc',
    outcomeDate: outcome.outcomeDate ?? '2026-03-13',
  })
  return { child, referral, discussion, s47 }
}

describe(RULE, () => {
  it('is due soon the working day before the deadline and on it, overdue the day after', async () => {
    const { child, s47 } = await enquiry()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-23',
        subjectType: 'section47',
        subjectId: s47.id,
        href: `/children/${child.id}/child-protection`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-23')).toMatchObject([
      { severity: 'due-soon', daysOverdue: 0 },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('says nothing while the deadline is far off', async () => {
    const { child } = await enquiry()
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toEqual([])
  })

  it('is satisfied by a conference held in time', async () => {
    const { child, referral, s47 } = await enquiry()
    await b.conference(referral, { heldOn: '2026-03-19', section47Id: s47.id })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toEqual([])
  })

  it('shows a late conference as overdue when evaluated as at a date before it was held', async () => {
    const { child, referral } = await enquiry()
    // Not linked to the enquiry: matched by referral and date.
    await b.conference(referral, { heldOn: '2026-03-26' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-01')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-25')).toMatchObject([
      { severity: 'overdue', daysOverdue: 2 },
    ])
  })

  it('starts the clock at the discussion that initiated the enquiry, not a later one', async () => {
    const { child, referral } = await enquiry()
    await b.strategyDiscussion(referral, { heldOn: '2026-03-09' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toMatchObject([
      { startedOn: '2026-03-02', dueOn: '2026-03-23', severity: 'overdue' },
    ])
  })

  it('needs an enquiry concluding that a conference is needed, by the date evaluated', async () => {
    const nfa = await enquiry({ outcome: 'no-further-action' })
    expect(await flagsOf(database.db, RULE, nfa.child.id, '2026-03-24')).toEqual([])
    const late = await enquiry({ outcomeDate: '2026-03-24' })
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-23')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-24')).toMatchObject([
      { severity: 'overdue' },
    ])
  })

  it('stops when the case closed', async () => {
    const { child, referral } = await enquiry()
    // Closed on the 20th: nothing as at the 24th; the clock was running as at the 19th.
    await b.close(referral, '2026-03-20')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-24')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-19')).toHaveLength(1)
  })
})
