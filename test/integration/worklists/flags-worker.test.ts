import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../../src/auth/current-user.ts'
import { queryRows } from '../../../src/db/client.ts'
import { worker } from '../../../src/db/schema/index.ts'
import { addMonths, type IsoDate } from '../../../src/domain/calendar/working-days.ts'
import { forgetCachedFlags, peekCachedFlags } from '../../../src/rules/engine/cache.ts'
import { evaluateRules } from '../../../src/rules/engine/evaluate.ts'
import { evaluateFlags, postgresUrl, stopFlagsWorker } from '../../../src/rules/engine/flags-worker.ts'
import { today } from '../../../src/services/dates.ts'
import {
  defaultWorkQuery,
  forgetOverdueCounts,
  overdueCount,
  teamWork,
} from '../../../src/services/worklists.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { type RecordBuilder, recordBuilder } from '../../support/record-builder.ts'

// The whole authority's flags are worked out in a worker thread on a PostgreSQL server (off the event loop
// that answers pages, on connections of its own), and the team page and the navigation's count lean on
// them and on one read of the authority's allocations. Each must give what the plain way gives.

let t: TestApp
let b: RecordBuilder
beforeAll(async () => {
  t = await buildTestApp()
  b = recordBuilder(t.database.db)
}, 120_000)
afterAll(() => t.close())

const manager = (teamId: number, workerId: number | null = null): CurrentUser => ({
  id: 900_000 + teamId,
  username: 'manager',
  displayName: 'A manager',
  roles: ['team-manager'],
  workerId,
  teamId,
})

async function teamIds(): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(t.database.db, sql`select id from team order by id`)
  return rows.map((r) => r.id)
}

describe('the authority’s flags', () => {
  it.each([
    ['today', () => today()],
    ['a year ago', () => addMonths(today(), -12)],
  ])(
    'are the same worked out in the worker thread as in this one (%s)',
    async (_, when) => {
      const db = t.database.db
      const options = { asAt: when() as IsoDate, dueSoonWorkingDays: 5 }
      const here = await evaluateRules(db, options)
      expect(here.length).toBeGreaterThan(0)
      expect(await evaluateFlags(db, options, { background: false })).toEqual(here)
      expect(await evaluateFlags(db, options, { background: true })).toEqual(here)
    },
    120_000,
  )

  it('are worked out on the worker thread’s own connections on a PostgreSQL server', async () => {
    const url = postgresUrl(t.database)
    if (t.database.kind === 'pglite') {
      // PGlite lives in this thread: nothing to hand over.
      expect(url).toBeNull()
      return
    }
    expect(url).toMatch(/^postgres(ql)?:\/\//)
    await evaluateFlags(t.database.db, { asAt: today() }, { background: false })
    await evaluateFlags(t.database.db, { asAt: today() }, { background: true })
    // The thread's pools keep their connections open for a while after use, named for pg_stat_activity.
    const rows = await queryRows<{ name: string; n: number }>(
      t.database.db,
      sql`select application_name as name, count(*)::int as n from pg_stat_activity
          where datname = current_database() and application_name like 'hearth-flags%'
          group by application_name order by 1`,
    )
    expect(rows.map((r) => r.name)).toEqual(['hearth-flags', 'hearth-flags-refresh'])
    // The refresh pool is one connection, so a refresh takes at most one of the database's cores.
    expect(rows.find((r) => r.name === 'hearth-flags-refresh')?.n).toBe(1)
  })
})

describe('the count of overdue work in the navigation', () => {
  it('is the same from the authority’s cached flags as from evaluating the worker’s children', async () => {
    const db = t.database.db
    // One child certainly overdue for the social worker: a child protection visit long past.
    const child = await b.child({ givenName: 'Nell', familyName: 'Counted' })
    const referral = await b.referral(child, { referralDate: '2025-02-03' })
    await b.cpPlan(referral, { startDate: '2025-03-03' })
    await b.visit(child, { visitedOn: '2025-03-10', kind: 'cp' })
    const workers = await queryRows<{ id: number; team_id: number }>(
      db,
      sql`select w.id, w.team_id from ${worker} w
          where exists (select 1 from allocation a where a.worker_id = w.id and a.ended_on is null)
          order by exists (select 1 from user_account u where u.worker_id = w.id and u.username = 'socialworker') desc,
            w.id
          limit 8`,
    )
    expect(workers.length).toBeGreaterThan(1)
    const alone = new Map<number, number | null>()
    forgetCachedFlags()
    for (const w of workers) {
      forgetOverdueCounts(db)
      alone.set(w.id, await overdueCount(db, manager(w.team_id, w.id)))
    }
    // Not a vacuous comparison: someone has overdue work.
    expect([...alone.values()].some((n) => (n ?? 0) > 0)).toBe(true)

    // A team page puts the authority's flags in the cache; the counts are then read from them.
    const [first] = await teamIds()
    await teamWork(db, manager(first!), first!, defaultWorkQuery())
    const noRefresh = async (): Promise<never> => {
      throw new Error('fresh: no refresh expected')
    }
    expect(peekCachedFlags(db, `authority|${today()}|`, noRefresh)).toBeDefined()
    for (const w of workers) {
      forgetOverdueCounts(db)
      expect(await overdueCount(db, manager(w.team_id, w.id)), `worker ${w.id}`).toBe(alone.get(w.id))
    }
  }, 120_000)
})

describe('caseloads on a team’s page', () => {
  it.each([
    ['today', () => today()],
    ['a year ago', () => addMonths(today(), -12)],
  ])(
    'count each member’s children allocated at the date (%s)',
    async (_, when) => {
      const db = t.database.db
      const asAt = when() as IsoDate
      forgetCachedFlags()
      let compared = 0
      for (const teamId of await teamIds()) {
        const work = await teamWork(db, manager(teamId), teamId, { ...defaultWorkQuery(asAt), asAt })
        const expected = await queryRows<{ id: number; caseload: number }>(
          db,
          sql`select w.id, (select count(distinct a.person_id)::int from allocation a
              where a.worker_id = w.id and a.started_on <= ${asAt}
                and (a.ended_on is null or a.ended_on > ${asAt})) as caseload
            from ${worker} w where w.team_id = ${teamId}`,
        )
        const byId = new Map(expected.map((e) => [e.id, e.caseload]))
        for (const w of work.workers) {
          expect(w.caseload, `worker ${w.id}`).toBe(byId.get(w.id))
          if (w.caseload > 0) compared++
        }
      }
      if (asAt === today()) expect(compared).toBeGreaterThan(1)
    },
    120_000,
  )
})

describe('when the worker thread is gone', () => {
  it('the flags are worked out in this thread', async () => {
    const db = t.database.db
    await stopFlagsWorker(db)
    const options = { asAt: today(), dueSoonWorkingDays: 5 }
    expect(await evaluateFlags(db, options, { background: true })).toEqual(await evaluateRules(db, options))
  })
})
