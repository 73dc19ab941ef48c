import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocation, changeHistory, team, worker } from '../../../src/db/schema/index.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childOfSocialWorker, dateParts, demoWorker, serviceOf, userWith } from './support.ts'

let t: TestApp
let childId: number
let sw: Awaited<ReturnType<typeof demoWorker>>
let colleague: { id: number }
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childOfSocialWorker(t, { givenName: 'Ella', familyName: 'Rowe' })
  sw = await demoWorker(t, 'socialworker')
  const [other] = await t.database.db
    .select({ id: worker.id })
    .from(worker)
    .where(and(eq(worker.teamId, sw.teamId), eq(worker.caseHolding, true), isNull(worker.leftOn)))
    .orderBy(worker.id)
  colleague = other!.id === sw.workerId ? (await nextColleague())! : other!
})
afterAll(() => t.close())

async function nextColleague() {
  const rows = await t.database.db
    .select({ id: worker.id })
    .from(worker)
    .where(and(eq(worker.teamId, sw.teamId), eq(worker.caseHolding, true), isNull(worker.leftOn)))
  return rows.find((r) => r.id !== sw.workerId)
}

const current = async (personId: number) =>
  t.database.db
    .select()
    .from(allocation)
    .where(and(eq(allocation.personId, personId), isNull(allocation.endedOn)))

describe('allocation', () => {
  it('reallocates the child to another worker, keeping the history', async () => {
    const tm = await t.signedIn('teammanager')
    expect((await tm.get(`/children/${childId}/allocation/new`)).statusCode).toBe(200)
    const saved = await tm.post(`/children/${childId}/allocation/new`, {
      kind: 'social-worker',
      workerId: String(colleague.id),
      teamId: '',
      ...dateParts('startedOn', today()),
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`/children/${childId}/allocation`)
    const rows = await t.database.db.select().from(allocation).where(eq(allocation.personId, childId))
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.workerId === sw.workerId)?.endedOn).toBe(today())
    expect(rows.find((r) => r.workerId === colleague.id)).toMatchObject({ teamId: sw.teamId, endedOn: null })
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'allocation'), eq(changeHistory.personId, childId)))
    expect(history.some((h) => h.field === 'workerId' && h.oldValue === sw.workerId)).toBe(true)

    const page = await tm.get(`/children/${childId}/allocation`)
    expect(page.body).toContain('Allocation history')
    expect(page.body).toContain('Who holds the case now')
    const api = await tm.api('GET', `/api/v1/children/${childId}/allocations`)
    expect(api.json().map((a: { current: boolean }) => a.current)).toEqual([true, false])
  })

  it('refuses a worker outside the chosen team, a future date, a date before the current allocation, and the same worker again', async () => {
    const tm = await t.signedIn('teammanager')
    const [otherTeam] = await t.database.db
      .select({ id: team.id })
      .from(team)
      .where(and(eq(team.kind, 'children-in-care')))
      .limit(1)
    const before = await t.database.db.select().from(allocation).where(eq(allocation.personId, childId))
    const mismatch = await tm.post(`/children/${childId}/allocation/new`, {
      kind: 'social-worker',
      workerId: String(sw.workerId),
      teamId: String(otherTeam!.id),
      ...dateParts('startedOn', today()),
    })
    expect(mismatch.statusCode).toBe(400)
    expect(mismatch.body).toContain('Choose the team the worker is in, or leave the team empty')
    const future = await tm.post(`/children/${childId}/allocation/new`, {
      kind: 'social-worker',
      workerId: String(sw.workerId),
      ...dateParts('startedOn', '2099-01-01'),
    })
    expect(future.body).toContain('The allocation date must be today or in the past')
    const backdated = await tm.post(`/children/${childId}/allocation/new`, {
      kind: 'social-worker',
      workerId: String(sw.workerId),
      ...dateParts('startedOn', '2025-01-01'),
    })
    expect(backdated.statusCode).toBe(400)
    expect(backdated.body).toContain('on or after the start of the current allocation')
    const same = await tm.api('POST', `/api/v1/children/${childId}/allocations`, {
      kind: 'social-worker',
      workerId: colleague.id,
      startedOn: today(),
    })
    expect(same.statusCode).toBe(400)
    expect(same.json().detail).toContain('already allocated')
    const noTeam = await tm.api('POST', `/api/v1/children/${childId}/allocations`, {
      kind: 'social-worker',
      startedOn: today(),
    })
    expect(noTeam.json().errors[0]).toMatchObject({ pointer: '/teamId' })
    const badKind = await tm.api('POST', `/api/v1/children/${childId}/allocations`, {
      kind: 'best-friend',
      workerId: sw.workerId,
      startedOn: today(),
    })
    expect(badKind.statusCode).toBe(400)
    expect(await t.database.db.select().from(allocation).where(eq(allocation.personId, childId))).toEqual(
      before,
    )
  })

  it('is managed by managers only, and not for a child outside their sight', async () => {
    const social = await t.signedIn('socialworker')
    expect((await social.get(`/children/${childId}/allocation/new`)).statusCode).toBe(403)
    expect(
      (await social.api('POST', `/api/v1/children/${childId}/allocations`, { kind: 'social-worker' }))
        .statusCode,
    ).toBe(403)
    const tm = await demoWorker(t, 'teammanager')
    const other = await userWith(t, 'team-manager', { notTeamId: tm.teamId })
    const outsider = await t.signedIn(other.username)
    expect((await outsider.get(`/children/${childId}/allocation`)).statusCode).toBe(404)
  })

  it('moves a child to wait in another team; the manager who lost sight of them goes to their teams', async () => {
    const second = await childOfSocialWorker(t, { givenName: 'Finn', familyName: 'Rowe' })
    const [cinTeam] = await t.database.db
      .select({ id: team.id })
      .from(team)
      .where(eq(team.kind, 'children-in-care'))
    const tm = await t.signedIn('teammanager')
    const moved = await tm.post(`/children/${second}/allocation/new`, {
      kind: 'social-worker',
      workerId: '',
      teamId: String(cinTeam!.id),
      ...dateParts('startedOn', today()),
    })
    expect(moved.statusCode).toBe(303)
    expect(moved.headers.location).toBe('/teams')
    expect(await current(second)).toEqual([
      expect.objectContaining({ teamId: cinTeam!.id, workerId: null, kind: 'social-worker' }),
    ])
    // The receiving team's manager sees the child waiting.
    const receiving = await userWith(t, 'team-manager', { teamId: cinTeam!.id })
    const them = await t.signedIn(receiving.username)
    const page = await them.get(`/teams/${cinTeam!.id}/caseloads`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Finn Rowe')
  })
})

describe('team caseloads', () => {
  it("shows a team manager their own team's caseloads, counted and weighted by FTE", async () => {
    // A part-time worker holding two more children.
    const tm = await t.signedIn('teammanager')
    const before = await tm.api('GET', `/api/v1/teams/${sw.teamId}/caseloads`)
    const held = before.json().workers.find((w: { id: number }) => w.id === sw.workerId).children as number
    await t.database.db.update(worker).set({ fte: 0.5 }).where(eq(worker.id, sw.workerId))
    await childOfSocialWorker(t, { givenName: 'Ava', familyName: 'Stone' })
    await childOfSocialWorker(t, { givenName: 'Max', familyName: 'Stone' })
    const mine = await tm.get('/teams')
    expect(mine.statusCode).toBe(303)
    expect(mine.headers.location).toBe(`/teams/${sw.teamId}/caseloads`)
    const page = await tm.get(`/teams/${sw.teamId}/caseloads`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain("Each worker's current children")
    const api = await tm.api('GET', `/api/v1/teams/${sw.teamId}/caseloads`)
    expect(api.statusCode).toBe(200)
    const me = api.json().workers.find((w: { id: number }) => w.id === sw.workerId)
    expect(me).toMatchObject({ fte: 0.5, children: held + 2, perFte: (held + 2) * 2 })
    expect(api.json().totals.children).toBe(before.json().totals.children + 2)
  })

  it('lets a service manager see their service’s teams and a senior leader any team, and no one else', async () => {
    const serviceId = await serviceOf(t, sw.teamId)
    const [elsewhere] = await t.database.db
      .select({ id: team.id, serviceId: team.serviceId })
      .from(team)
      .where(eq(team.kind, 'front-door'))
    expect(elsewhere!.serviceId).not.toBe(serviceId)

    const sm = await t.signedIn('servicemanager')
    const teams = await sm.get('/teams')
    expect(teams.statusCode).toBe(200)
    expect(teams.body).toContain(`/teams/${sw.teamId}/caseloads`)
    expect(teams.body).not.toContain(`/teams/${elsewhere!.id}/caseloads`)
    expect((await sm.get(`/teams/${sw.teamId}/caseloads`)).statusCode).toBe(200)
    expect((await sm.get(`/teams/${elsewhere!.id}/caseloads`)).statusCode).toBe(403)
    expect((await sm.api('GET', `/api/v1/teams/${elsewhere!.id}/caseloads`)).statusCode).toBe(403)

    const leader = await t.signedIn('leader')
    expect((await leader.get(`/teams/${elsewhere!.id}/caseloads`)).statusCode).toBe(200)
    expect((await leader.get(`/teams/${sw.teamId}/caseloads`)).statusCode).toBe(200)

    const tm = await t.signedIn('teammanager')
    expect((await tm.get(`/teams/${elsewhere!.id}/caseloads`)).statusCode).toBe(403)
    const social = await t.signedIn('socialworker')
    expect((await social.get(`/teams/${sw.teamId}/caseloads`)).statusCode).toBe(403)
    expect((await social.get('/teams')).statusCode).toBe(403)
    expect((await tm.get('/teams/999999/caseloads')).statusCode).toBe(403)
    expect((await leader.get('/teams/999999/caseloads')).statusCode).toBe(404)
  })

  it('shows the administrator the numbers but not the names of children they may not see', async () => {
    const [cinTeam] = await t.database.db
      .select({ id: team.id })
      .from(team)
      .where(eq(team.kind, 'children-in-care'))
    const admin = await t.signedIn('admin')
    const page = await admin.api('GET', `/api/v1/teams/${cinTeam!.id}/caseloads`)
    expect(page.statusCode).toBe(200)
    expect(page.json().awaiting).toEqual([])
    expect(page.json().awaitingHidden).toBeGreaterThanOrEqual(1)
    const leader = await t.signedIn('leader')
    const named = await leader.api('GET', `/api/v1/teams/${cinTeam!.id}/caseloads`)
    expect(named.json().awaiting.map((a: { givenName: string }) => a.givenName)).toContain('Finn')
    expect(named.json().awaitingHidden).toBe(0)
  })

  it('puts My team in the navigation of managers only', async () => {
    const tm = await t.signedIn('teammanager')
    expect((await tm.get('/')).body).toContain('href="/my-team"')
    const social = await t.signedIn('socialworker')
    expect((await social.get('/')).body).not.toContain('href="/my-team"')
  })
})
