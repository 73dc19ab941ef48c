import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocation, changeHistory, team, timescaleException, worker } from '../../../src/db/schema/index.ts'
import { addCalendarDays } from '../../../src/domain/calendar/working-days.ts'
import { forgetCachedFlags } from '../../../src/rules/engine/cache.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { type RecordBuilder, recordBuilder, type Staff } from '../../support/record-builder.ts'

// My team: the team manager's view of the team's work, per worker with caseloads; reassigning a child
// from there; and reasons for exceeding a timescale, recorded by the worker and agreed by the manager.

let t: TestApp
let b: RecordBuilder
let social: TestClient
let manager: TestClient
let sw: Staff
let colleague: { id: number; name: string }

beforeAll(async () => {
  t = await buildTestApp()
  b = recordBuilder(t.database.db)
  social = await t.signedIn('socialworker')
  manager = await t.signedIn('teammanager')
  sw = await b.staff('socialworker')
  const [other] = await t.database.db
    .select({ id: worker.id, name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}` })
    .from(worker)
    .where(
      and(
        eq(worker.teamId, sw.teamId),
        ne(worker.id, sw.workerId),
        eq(worker.caseHolding, true),
        isNull(worker.leftOn),
      ),
    )
    .limit(1)
  colleague = other!
})
afterAll(() => t.close())

interface Item {
  personId: number
  ruleId: string
  subjectType: string
  subjectId: number
  severity: string
  ownerWorkerId: number | null
  ownerWorkerName: string | null
  reason: {
    id: number
    reason: string
    recordedBy: string
    agreedBy: string | null
    agreedOn: string | null
  } | null
}

/** A child on a plan since 1 October with no visit since: a visit has been overdue since mid-October. */
async function overdueToday(givenName: string) {
  const child = await b.child({ givenName, familyName: 'Teamwork' })
  const referral = await b.referral(child, { referralDate: '2026-09-01' })
  const cp = await b.cpPlan(referral, { startDate: '2026-10-01' })
  // Written straight to the tables, not through a request: the team's cached flags must be told.
  forgetCachedFlags()
  return { child, cp }
}

async function teamItems(client: TestClient, query: string, personId: number): Promise<Item[]> {
  const response = await client.api('GET', `/api/v1/worklists/teams/${sw.teamId}?${query}`)
  expect(response.statusCode).toBe(200)
  return (response.json().items as Item[]).filter((i) => i.personId === personId)
}

describe('My team', () => {
  it('takes a team manager to their team’s work, with each worker’s caseload', async () => {
    const { child } = await overdueToday('Ada')
    const start = await manager.get('/my-team?asAt=2026-11-02')
    expect(start.statusCode).toBe(303)
    expect(start.headers.location).toBe(`/teams/${sw.teamId}/work?asAt=2026-11-02`)
    const page = await manager.get(`/teams/${sw.teamId}/work`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain("Each worker's caseload and work")
    expect(page.body).toContain('Ada Teamwork')
    expect(page.body).toContain(`href="/teams/${sw.teamId}/work/reassign/${child.id}"`)
    const api = (await manager.api('GET', `/api/v1/worklists/teams/${sw.teamId}?rule=cp-visits`)).json()
    const mine = api.workers.find((w: { id: number }) => w.id === sw.workerId)
    expect(mine.caseload).toBeGreaterThanOrEqual(1)
    expect(mine.overdue).toBeGreaterThanOrEqual(1)
    expect(api.byRule).toEqual([expect.objectContaining({ ruleId: 'cp-visits' })])
  })

  it('evaluates the team’s work as at a past date', async () => {
    const { child } = await overdueToday('Bo')
    expect(await teamItems(manager, 'asAt=2026-10-09&rule=cp-visits', child.id)).toMatchObject([
      { severity: 'due-soon' },
    ])
    expect(await teamItems(manager, 'asAt=2026-09-30&rule=cp-visits', child.id)).toEqual([])
    const page = await manager.get(`/my-team?asAt=2026-10-16`)
    const past = await manager.get(page.headers.location as string)
    expect(past.body).toContain('as at 16 October 2026')
  })

  it('is not open to social workers, nor to a manager of another team', async () => {
    expect((await social.get(`/teams/${sw.teamId}/work`)).statusCode).toBe(403)
    expect((await social.api('GET', `/api/v1/worklists/teams/${sw.teamId}`)).statusCode).toBe(403)
    const [other] = await t.database.db
      .select({ id: team.id })
      .from(team)
      .where(ne(team.id, sw.teamId))
      .limit(1)
    expect((await manager.get(`/teams/${other!.id}/work`)).statusCode).toBe(403)
    expect((await manager.api('GET', `/api/v1/worklists/teams/${other!.id}`)).statusCode).toBe(403)
    expect((await manager.get('/teams/999999/work')).statusCode).toBe(404)
    const leader = await t.signedIn('leader')
    expect((await leader.get(`/teams/${other!.id}/work`)).statusCode).toBe(200)
  })

  it('exports the team’s list, written to the access log', async () => {
    const { child } = await overdueToday('Cy')
    const csv = await manager.get(`/teams/${sw.teamId}/work/export.csv?rule=cp-visits`)
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain(`Cy Teamwork,${child.id},Visit and see the child (child protection plan)`)
    const logged = await t.database.db.execute(
      sql`select detail from access_log where action = 'export' and subject_id = ${`team:${sw.teamId}`}`,
    )
    expect((logged as unknown as { rows: unknown[] }).rows).toHaveLength(1)
  })
})

describe('reassigning a child from the team’s work', () => {
  it('ends the old allocation, starts the new, keeps the history and moves the flags to the new worker', async () => {
    const { child } = await overdueToday('Dee')
    expect((await teamItems(manager, 'rule=cp-visits', child.id))[0]).toMatchObject({
      ownerWorkerId: sw.workerId,
    })
    const form = await manager.get(`/teams/${sw.teamId}/work/reassign/${child.id}`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain(colleague.name)
    const [y, m, d] = today().split('-')
    const done = await manager.post(`/teams/${sw.teamId}/work/reassign/${child.id}`, {
      workerId: String(colleague.id),
      'startedOn-day': d!,
      'startedOn-month': m!,
      'startedOn-year': y!,
    })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(`/teams/${sw.teamId}/work?reassigned=${child.id}`)
    const rows = await t.database.db
      .select()
      .from(allocation)
      .where(eq(allocation.personId, child.id))
      .orderBy(allocation.id)
    expect(rows).toMatchObject([
      { workerId: sw.workerId, endedOn: today() },
      { workerId: colleague.id, endedOn: null, startedOn: today(), kind: 'social-worker' },
    ])
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'allocation'), eq(changeHistory.personId, child.id)))
    expect(history.find((h) => h.field === 'workerId')).toMatchObject({
      oldValue: sw.workerId,
      newValue: colleague.id,
    })
    expect((await teamItems(manager, 'rule=cp-visits', child.id))[0]).toMatchObject({
      ownerWorkerId: colleague.id,
      ownerWorkerName: colleague.name,
    })
    const mine = (await social.api('GET', '/api/v1/worklists/me?rule=cp-visits')).json().items as Item[]
    expect(mine.filter((i) => i.personId === child.id)).toEqual([])
    // As at yesterday the work was still the first worker's.
    expect(
      (await teamItems(manager, `asAt=${addCalendarDays(today(), -1)}&rule=cp-visits`, child.id))[0],
    ).toMatchObject({ ownerWorkerId: sw.workerId })
  })

  it('refuses a missing worker or a bad date and changes nothing', async () => {
    const { child } = await overdueToday('Eli')
    const before = await t.database.db.select().from(allocation).where(eq(allocation.personId, child.id))
    const none = await manager.post(`/teams/${sw.teamId}/work/reassign/${child.id}`, {
      workerId: '',
      'startedOn-day': '1',
      'startedOn-month': '11',
      'startedOn-year': '2026',
    })
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('Choose the worker who will hold the case')
    const future = await manager.post(`/teams/${sw.teamId}/work/reassign/${child.id}`, {
      workerId: String(colleague.id),
      'startedOn-day': '1',
      'startedOn-month': '1',
      'startedOn-year': '2099',
    })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('must be today or in the past')
    const notReal = await manager.post(`/teams/${sw.teamId}/work/reassign/${child.id}`, {
      workerId: String(colleague.id),
      'startedOn-day': '31',
      'startedOn-month': '2',
      'startedOn-year': '2026',
    })
    expect(notReal.statusCode).toBe(400)
    expect(await t.database.db.select().from(allocation).where(eq(allocation.personId, child.id))).toEqual(
      before,
    )
  })

  it('is for managers who allocate work only', async () => {
    const { child } = await overdueToday('Fay')
    const refused = await social.post(`/teams/${sw.teamId}/work/reassign/${child.id}`, {
      workerId: String(colleague.id),
    })
    expect(refused.statusCode).toBe(403)
  })
})

describe('recorded reasons', () => {
  const reasonUrl = (personId: number, cpId: number) =>
    `/children/${personId}/timescale-reasons/new?rule=cp-visits&subjectType=cp-plan&subjectId=${cpId}&returnTo=/my-work`

  it('are recorded by the worker, agreed by a manager, and shown on the flag', async () => {
    const { child, cp } = await overdueToday('Gus')
    const form = await social.get(reasonUrl(child.id, cp.id))
    expect(form.statusCode).toBe(200)
    const empty = await social.post(`/children/${child.id}/timescale-reasons`, {
      rule: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: String(cp.id),
      reason: '  ',
      replacesId: '',
      returnTo: '/my-work',
    })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Enter the reason the timescale will not be, or was not, met')
    expect(
      await t.database.db.select().from(timescaleException).where(eq(timescaleException.personId, child.id)),
    ).toEqual([])
    const saved = await social.post(`/children/${child.id}/timescale-reasons`, {
      rule: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: String(cp.id),
      reason: 'Gus was in hospital; seen on the ward by the nurse, visit booked for his return home.',
      replacesId: '',
      returnTo: '/my-work',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/my-work')
    const [pending] = await teamItems(manager, 'rule=cp-visits', child.id)
    expect(pending!.reason).toMatchObject({ recordedBy: expect.any(String), agreedOn: null })
    expect(pending!.severity).toBe('overdue')
    const teamPage = await manager.get(`/teams/${sw.teamId}/work`)
    expect(teamPage.body).toContain("Reasons awaiting a manager's agreement")
    expect(teamPage.body).toContain(`/children/${child.id}/timescale-reasons/${pending!.reason!.id}/agree`)

    // The worker may not agree it; the manager does, once.
    const byWorker = await social.post(
      `/children/${child.id}/timescale-reasons/${pending!.reason!.id}/agree`,
      {},
    )
    expect(byWorker.statusCode).toBe(403)
    const agreed = await manager.post(
      `/children/${child.id}/timescale-reasons/${pending!.reason!.id}/agree`,
      {
        returnTo: `/teams/${sw.teamId}/work`,
      },
    )
    expect(agreed.statusCode).toBe(303)
    const [item] = await teamItems(manager, 'rule=cp-visits', child.id)
    expect(item).toMatchObject({
      severity: 'overdue',
      reason: {
        reason: expect.stringContaining('in hospital'),
        agreedBy: expect.any(String),
        agreedOn: today(),
      },
    })
    const myPage = await social.get('/my-work?rule=cp-visits')
    expect(myPage.body).toContain('in hospital')
    expect(myPage.body).toMatch(/Agreed by [^<]+ on /)
    const again = await manager.post(
      `/children/${child.id}/timescale-reasons/${pending!.reason!.id}/agree`,
      {},
    )
    expect(again.statusCode).toBe(409)
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'timescale-exception'), eq(changeHistory.personId, child.id)))
    expect(history.map((h) => h.field).sort()).toEqual([
      'agreedBy',
      'agreedOn',
      'reason',
      'ruleId',
      'subjectId',
      'subjectType',
    ])
    // As at yesterday, before it was recorded, the flag had no reason.
    expect(
      (await teamItems(manager, `asAt=${addCalendarDays(today(), -1)}&rule=cp-visits`, child.id))[0]!.reason,
    ).toBeNull()
  })

  it('refuse a reason written over someone else’s, and a reason for a timescale that takes none', async () => {
    const { child, cp } = await overdueToday('Hal')
    const api = await social.api('POST', `/api/v1/children/${child.id}/timescale-reasons`, {
      ruleId: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: cp.id,
      reason: 'First reason.',
      replacesId: null,
    })
    expect(api.statusCode).toBe(201)
    const second = await social.api('POST', `/api/v1/children/${child.id}/timescale-reasons`, {
      ruleId: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: cp.id,
      reason: 'Second reason, written without seeing the first.',
      replacesId: null,
    })
    expect(second.statusCode).toBe(409)
    const replaced = await social.api('POST', `/api/v1/children/${child.id}/timescale-reasons`, {
      ruleId: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: cp.id,
      reason: 'Second reason, having read the first.',
      replacesId: api.json().id,
    })
    expect(replaced.statusCode).toBe(201)
    const oldAgree = await manager.api(
      'POST',
      `/api/v1/children/${child.id}/timescale-reasons/${api.json().id}/agree`,
    )
    expect(oldAgree.statusCode).toBe(409)
    const noReasons = await social.get(
      `/children/${child.id}/timescale-reasons/new?rule=re-referral-within-12-months&subjectType=referral&subjectId=1`,
    )
    expect(noReasons.statusCode).toBe(404)
    const nothingDue = await social.api('POST', `/api/v1/children/${child.id}/timescale-reasons`, {
      ruleId: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: cp.id + 100000,
      reason: 'No such flag.',
      replacesId: null,
    })
    expect(nothingDue.statusCode).toBe(400)
  })

  it('cannot be agreed by the manager who recorded it', async () => {
    const { child, cp } = await overdueToday('Ivy')
    const recorded = await manager.api('POST', `/api/v1/children/${child.id}/timescale-reasons`, {
      ruleId: 'cp-visits',
      subjectType: 'cp-plan',
      subjectId: cp.id,
      reason: 'Recorded by the manager.',
      replacesId: null,
    })
    expect(recorded.statusCode).toBe(201)
    const own = await manager.api(
      'POST',
      `/api/v1/children/${child.id}/timescale-reasons/${recorded.json().id}/agree`,
    )
    expect(own.statusCode).toBe(400)
    expect(own.json().errors).toEqual([
      { pointer: '/agree', detail: 'Another manager must agree a reason you recorded yourself' },
    ])
  })
})
