import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// A child on a child protection plan from 2 March 2026 goes missing on 9 March and comes back on 10 March.
// With no return interview held, the social worker and their manager are asked to look at it.
const RULE = 'cp-missing-no-return-interview'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function onPlanAndMissing(
  interview: {
    returnInterviewOfferedAt?: string
    returnInterviewAccepted?: boolean
    returnInterviewHeldAt?: string
  } = {},
) {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-02-02' })
  const cp = await b.cpPlan(referral, { startDate: '2026-03-02' })
  const episode = await b.missingEpisode(child, {
    startedAt: '2026-03-09',
    endedAt: '2026-03-10',
    ...interview,
  })
  return { child, cp, episode }
}

describe(RULE, () => {
  it('asks about a child on a plan back from missing with no return interview', async () => {
    const { child, episode } = await onPlanAndMissing()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toMatchObject([
      {
        severity: 'query',
        startedOn: '2026-03-10',
        dueOn: '2026-03-10',
        subjectType: 'missing-episode',
        subjectId: episode.id,
        what: 'On a child protection plan and back from missing on 10 March 2026 with no return interview (none offered): talk with the child, or record a manager’s decision',
        href: `/children/${child.id}/missing`,
        ownerWorkerId: sw.workerId,
        ownerTeamId: sw.teamId,
      },
    ])
  })

  it('still asks when the interview was declined', async () => {
    const { child } = await onPlanAndMissing({
      returnInterviewOfferedAt: '2026-03-11',
      returnInterviewAccepted: false,
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-12')).toMatchObject([
      { what: expect.stringContaining('(the child declined it)') },
    ])
  })

  it('clears when the interview is held, showing it as it stood before', async () => {
    const { child } = await onPlanAndMissing({
      returnInterviewOfferedAt: '2026-03-11',
      returnInterviewAccepted: true,
      returnInterviewHeldAt: '2026-03-12',
    })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toMatchObject([
      { what: expect.stringContaining('(offered but not yet held)') },
    ])
  })

  it('clears when a manager records oversight after the child came back', async () => {
    const { child } = await onPlanAndMissing()
    await b.oversight(child, { recordedOn: '2026-03-09' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toHaveLength(1)
    await b.oversight(child, { recordedOn: '2026-03-12' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-13')).toEqual([])
  })

  it('is only for a child on a plan, missing since it began', async () => {
    const child = await b.child()
    await b.missingEpisode(child, { startedAt: '2026-03-09', endedAt: '2026-03-10' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-11')).toEqual([])
    const before = await b.child()
    await b.missingEpisode(before, { startedAt: '2026-02-20', endedAt: '2026-02-21' })
    const referral = await b.referral(before, { referralDate: '2026-02-02' })
    await b.cpPlan(referral, { startDate: '2026-03-02' })
    expect(await flagsOf(database.db, RULE, before.id, '2026-03-11')).toEqual([])
    const { child: ended, cp } = await onPlanAndMissing()
    await b.endCpPlan(cp, '2026-03-20')
    expect(await flagsOf(database.db, RULE, ended.id, '2026-03-23')).toEqual([])
  })
})
