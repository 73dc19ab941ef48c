import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Missing from home or care (2014): "return interviews should be carried out within 72 hours of the child
// returning". Back on the evening of Monday 2 March 2026 → offered by Thursday 5 March.
const RULE = 'return-interview-72-hours'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

const back = new Date('2026-03-02T20:00:00Z')

async function cameBack(offeredAt: string | null = null) {
  const child = await b.child()
  const episode = await b.missingEpisode(child, {
    startedAt: new Date('2026-03-01T18:00:00Z'),
    endedAt: back,
    returnInterviewOfferedAt: offeredAt,
  })
  return { child, episode }
}

describe(RULE, () => {
  it('wants a return interview offered within 72 hours of the child coming back', async () => {
    const { child, episode } = await cameBack()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-04')).toMatchObject([
      {
        severity: 'due-soon',
        daysOverdue: -1,
        startedOn: '2026-03-02',
        dueOn: '2026-03-05',
        subjectType: 'missing-episode',
        subjectId: episode.id,
        what: 'Offer a return home interview (within 72 hours of the child coming back)',
        href: `/children/${child.id}/missing/${episode.id}/edit`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-06')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('is satisfied by an offer in time, and shows a late one as overdue as at a date before it', async () => {
    const { child } = await cameBack('2026-03-04')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-06')).toEqual([])
    const late = await cameBack('2026-03-09')
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-10')).toEqual([])
    expect(await flagsOf(database.db, RULE, late.child.id, '2026-03-06')).toMatchObject([
      { severity: 'overdue', daysOverdue: 1 },
    ])
  })

  it('starts when the child comes back, on the London date', async () => {
    const { child, episode } = await cameBack()
    await b.missingEpisode(child, { startedAt: '2026-03-20', endedAt: null })
    // Still missing since 20 March: no clock yet for that episode.
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-25')).toMatchObject([
      { subjectId: episode.id },
    ])
    // 11.30pm on 1 June in UTC is 12.30am on 2 June in London (summer time).
    const summer = await b.child()
    await b.missingEpisode(summer, {
      startedAt: '2026-05-30',
      endedAt: new Date('2026-06-01T23:30:00Z'),
    })
    expect(await flagsOf(database.db, RULE, summer.id, '2026-06-04')).toMatchObject([
      { startedOn: '2026-06-02', dueOn: '2026-06-05', severity: 'due-soon' },
    ])
  })

  it('applies to any child: one with no social worker is the front door’s', async () => {
    const child = await b.child({ allocatedTo: null })
    await b.missingEpisode(child, { startedAt: '2026-03-01', endedAt: '2026-03-02' })
    const frontDoor = await b.staff('frontdoor')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-06')).toMatchObject([
      { ownerWorkerId: null, ownerTeamId: frontDoor.teamId, severity: 'overdue' },
    ])
  })
})
