import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../../test/support/database.ts'
import { flagsOf, type RecordBuilder, recordBuilder } from '../../../test/support/record-builder.ts'
import type { Database } from '../../db/client.ts'

// Local standard (default): query an open case where the child was not seen alone at any of the last 3
// visits, for children aged 3 or more.
const RULE = 'child-not-seen-alone'
let database: Database
let b: RecordBuilder

beforeAll(async () => {
  database = await testDatabase()
  b = recordBuilder(database.db)
})
afterAll(() => database.close())

async function visitedNotAlone(dateOfBirth = '2016-06-15') {
  const child = await b.child({ dateOfBirth })
  const referral = await b.referral(child, { referralDate: '2026-01-05' })
  const visits = []
  for (const visitedOn of ['2026-01-12', '2026-02-10', '2026-03-10'])
    visits.push(await b.visit(child, { visitedOn, childSeenAlone: false }))
  return { child, referral, visits }
}

describe(RULE, () => {
  it('queries three visits in a row without seeing the child alone', async () => {
    const { child, visits } = await visitedNotAlone()
    const sw = await b.staff('socialworker')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-09')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-10')).toMatchObject([
      {
        severity: 'query',
        startedOn: '2026-01-12',
        dueOn: '2026-01-12',
        subjectType: 'visit',
        subjectId: visits[2]!.id,
        href: `/children/${child.id}/visits`,
        ownerWorkerId: sw.workerId,
      },
    ])
  })

  it('is answered by seeing the child alone, and shows as at a date before', async () => {
    const { child } = await visitedNotAlone()
    await b.visit(child, { visitedOn: '2026-03-20' })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-21')).toEqual([])
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-15')).toHaveLength(1)
  })

  it('needs every one of the last visits to be without the child alone', async () => {
    const child = await b.child()
    await b.referral(child, { referralDate: '2026-01-05' })
    await b.visit(child, { visitedOn: '2026-01-12', childSeenAlone: false })
    await b.visit(child, { visitedOn: '2026-02-10' })
    await b.visit(child, { visitedOn: '2026-03-10', childSeenAlone: false })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
  })

  it('counts only visits on the open case', async () => {
    const child = await b.child()
    await b.visit(child, { visitedOn: '2025-06-01', childSeenAlone: false })
    await b.referral(child, { referralDate: '2026-01-05' })
    await b.visit(child, { visitedOn: '2026-02-10', childSeenAlone: false })
    await b.visit(child, { visitedOn: '2026-03-10', childSeenAlone: false })
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
  })

  it('leaves out young children unless the local minimum age says otherwise', async () => {
    const { child } = await visitedNotAlone('2024-06-01')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
    await database.db.execute(
      sql`insert into setting (key, value) values ('not-seen-alone-minimum-age-years', 1)`,
    )
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toHaveLength(1)
    } finally {
      await database.db.execute(sql`delete from setting where key = 'not-seen-alone-minimum-age-years'`)
    }
  })

  it('follows the local number of visits', async () => {
    const child = await b.child()
    await b.referral(child, { referralDate: '2026-01-05' })
    await b.visit(child, { visitedOn: '2026-01-12' })
    await b.visit(child, { visitedOn: '2026-02-10', childSeenAlone: false })
    await b.visit(child, { visitedOn: '2026-03-10', childSeenAlone: false })
    await database.db.execute(sql`insert into setting (key, value) values ('not-seen-alone-visit-count', 2)`)
    try {
      expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toMatchObject([
        { dueOn: '2026-02-10' },
      ])
    } finally {
      await database.db.execute(sql`delete from setting where key = 'not-seen-alone-visit-count'`)
    }
  })

  it('ignores closed cases', async () => {
    const { child, referral } = await visitedNotAlone()
    await b.close(referral, '2026-03-15')
    expect(await flagsOf(database.db, RULE, child.id, '2026-03-20')).toEqual([])
  })
})
