import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Local standard (default): management oversight on an open case at least every 3 months. A referral on
// 5 January 2026 with no oversight becomes a query for the manager from 6 April.
const RULE = 'no-management-oversight'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function openCase() {
  const child = await b.child()
  const referral = await b.referral(child, { referralDate: '2026-01-05' })
  return { child, referral }
}

describe(RULE, () => {
  it('queries an open case with no oversight 3 months after the referral, for the worker’s manager', async () => {
    const { child, referral } = await openCase()
    const sw = await b.staff('socialworker')
    expect(sw.lineManagerWorkerId).not.toBeNull()
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-05')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-06')).toMatchObject([
      {
        severity: 'query',
        startedOn: '2026-01-05',
        dueOn: '2026-04-05',
        subjectType: 'referral',
        subjectId: referral.id,
        href: `/children/${child.id}/oversight`,
        what: 'Record management oversight: none since the referral on 5 January 2026',
        ownerWorkerId: sw.lineManagerWorkerId,
        ownerTeamId: sw.teamId,
      },
    ])
  })

  it('counts from the last oversight entry', async () => {
    const { child } = await openCase()
    await b.oversight(child, { recordedOn: '2026-03-01' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-06')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-06-02')).toMatchObject([
      {
        startedOn: '2026-03-01',
        dueOn: '2026-06-01',
        what: 'Record management oversight: none since 1 March 2026',
      },
    ])
  })

  it('shows late oversight as missing as at a date before it was recorded', async () => {
    const { child } = await openCase()
    await b.oversight(child, { recordedOn: '2026-04-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-21')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-10')).toHaveLength(1)
  })

  it('does not count oversight from before the referral', async () => {
    const { child } = await openCase()
    await b.oversight(child, { recordedOn: '2025-12-01' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-06')).toHaveLength(1)
  })

  it('ignores closed cases and referrals that led to no further action', async () => {
    const closed = await openCase()
    await b.close(closed.referral, '2026-03-01')
    expect(await flagsOf(database.db, RULE, closed.child.id, '2026-04-06')).toEqual([])
    const child = await b.child()
    await b.referral(child, { referralDate: '2026-01-05', noFurtherAction: true })
    expect(await flagsOf(database.db, RULE, child.id, '2026-04-06')).toEqual([])
  })

  it('follows the local setting', async () => {
    const { child } = await openCase()
    await database.db.execute(sql`insert into setting (key, value) values ('oversight-interval-months', 1)`)
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-02-06')).toMatchObject([
        { dueOn: '2026-02-05' },
      ])
    } finally {
      await database.db.execute(sql`delete from setting where key = 'oversight-interval-months'`)
    }
  })
})
