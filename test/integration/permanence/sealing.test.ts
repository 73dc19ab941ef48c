import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../src/db/client.ts'
import {
  accessLog,
  adoptionCase,
  allocation,
  changeHistory,
  person,
  recordAccessGrant,
  team,
  userAccount,
  worker,
} from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { adoptionTeamUser, childInTeam, dateParts, periodInCare } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const caseOf = async (childId: number) => {
  const [row] = await t.database.db.select().from(adoptionCase).where(eq(adoptionCase.personId, childId))
  return row!
}

async function step(client: TestClient, childId: number, name: string, form: Record<string, string>) {
  const c = await caseOf(childId)
  const response = await client.post(`/children/${childId}/adoption/${c.id}/steps/${name}`, {
    version: String(c.version),
    ...form,
  })
  expect(response.statusCode, response.body).toBe(303)
  return response
}

/** A child in care with the adoption team as family finder, matched with adopters. */
async function matchedChild(givenName: string) {
  const childId = await childInTeam(t, { givenName, familyName: 'Sealtest', dateOfBirth: '2022-03-03' })
  await periodInCare(t, childId, '2025-01-06')
  const practitioner = await adoptionTeamUser(t, 'practitioner')
  await t.database.db.insert(allocation).values({
    personId: childId,
    teamId: practitioner.teamId,
    workerId: practitioner.workerId,
    kind: 'family-finder',
    startedOn: '2025-06-02',
  })
  const sw = await t.signedIn('socialworker')
  expect(
    (await sw.post(`/children/${childId}/adoption/new`, dateParts('shouldBePlacedOn', '2025-06-02')))
      .statusCode,
  ).toBe(303)
  await step(sw, childId, 'placement-order', dateParts('placementOrderOn', '2025-08-01'))
  await step(sw, childId, 'matching-panel', {
    ...dateParts('matchingPanelOn', '2025-11-10'),
    matchingRecommendation: 'Match',
  })
  return { childId, sw }
}

const viewsBy = async (userId: number, personId: number) =>
  (
    await t.database.db
      .select()
      .from(accessLog)
      .where(
        and(eq(accessLog.userId, userId), eq(accessLog.personId, personId), eq(accessLog.action, 'view')),
      )
  ).length

describe('sealing the adoption record', () => {
  it('is done early only by an adoption manager, and only once the child is matched', async () => {
    const { childId, sw } = await matchedChild('Isla')
    const manager = await adoptionTeamUser(t, 'manager')
    const am = await t.signedIn(manager.username)
    const c = await caseOf(childId)
    expect((await am.get(`/children/${childId}/adoption`)).body).not.toContain('Seal the adoption record now')
    const tooSoon = await am.post(`/children/${childId}/adoption/${c.id}/seal`, {
      version: String(c.version),
    })
    expect(tooSoon.statusCode).toBe(400)
    expect(tooSoon.body).toContain('only once the child is matched')
    await step(sw, childId, 'match', {
      ...dateParts('matchedOn', '2025-11-20'),
      numberOfAdopters: '1',
      sexOfAdopters: 'F1',
      legalStatusOfAdopters: 'L0',
      byFosterCarers: 'yes',
    })
    // The social worker cannot seal (not a manager); the social worker's team manager is not an adoption manager.
    const matched = await caseOf(childId)
    expect(
      (
        await sw.post(`/children/${childId}/adoption/${matched.id}/seal`, {
          version: String(matched.version),
        })
      ).statusCode,
    ).toBe(403)
    const tm = await t.signedIn('teammanager')
    const notAdoption = await tm.post(`/children/${childId}/adoption/${matched.id}/seal`, {
      version: String(matched.version),
    })
    expect(notAdoption.statusCode).toBe(400)
    expect(notAdoption.body).toContain('Only a manager in the permanence and adoption team')
    expect(
      (await t.database.db.select().from(person).where(eq(person.id, childId)))[0]!.accessRestriction,
    ).toBe('none')

    const page = await am.get(`/children/${childId}/adoption`)
    expect(page.body).toContain('Seal the adoption record now')
    const sealed = await am.post(`/children/${childId}/adoption/${matched.id}/seal`, {
      version: String(matched.version),
    })
    expect(sealed.statusCode, sealed.body).toBe(303)
    const [row] = await t.database.db.select().from(person).where(eq(person.id, childId))
    expect(row!.accessRestriction).toBe('sealed')
    // Every member of the adoption team holds a grant; no one else.
    const grants = await t.database.db
      .select({ userId: recordAccessGrant.userId, kind: team.kind, grantedBy: recordAccessGrant.grantedBy })
      .from(recordAccessGrant)
      .innerJoin(userAccount, eq(userAccount.id, recordAccessGrant.userId))
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .innerJoin(team, eq(team.id, worker.teamId))
      .where(eq(recordAccessGrant.personId, childId))
    const [counted] = await queryRows<{ members: number }>(
      t.database.db,
      sql`select count(*)::int as members from ${userAccount} u join ${worker} w on w.id = u.worker_id join ${team} tm on tm.id = w.team_id where tm.kind = 'permanence-and-adoption' and w.left_on is null`,
    )
    const members = Number(counted!.members)
    expect(grants).toHaveLength(members)
    expect(grants.every((g) => g.kind === 'permanence-and-adoption' && g.grantedBy === manager.userId)).toBe(
      true,
    )
    // With the change, in the change history and the access log.
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(
        and(
          eq(changeHistory.entityType, 'person'),
          eq(changeHistory.entityId, String(childId)),
          eq(changeHistory.field, 'accessRestriction'),
        ),
      )
    expect(history[0]).toMatchObject({ newValue: 'sealed', userId: manager.userId })
    const logged = await t.database.db
      .select()
      .from(accessLog)
      .where(
        and(
          eq(accessLog.personId, childId),
          eq(accessLog.action, 'change'),
          eq(accessLog.subjectType, 'person'),
        ),
      )
    expect(
      logged.some((l) => (l.detail as { accessRestriction?: string })?.accessRestriction === 'sealed'),
    ).toBe(true)
    // Sealed again: refused.
    const again = await caseOf(childId)
    expect(
      (await am.post(`/children/${childId}/adoption/${again.id}/seal`, { version: String(again.version) }))
        .statusCode,
    ).toBe(400)
  })

  it('hides the sealed child from everyone else everywhere, while the adoption team finds and opens it, every access logged', async () => {
    const { childId, sw } = await matchedChild('Zephyrine')
    // Before: the social worker finds the child, has them on their caseload and can open them.
    expect((await sw.get('/children?q=Zephyrine')).body).toContain(`/children/${childId}"`)
    expect((await sw.get('/')).body).toContain('Zephyrine Sealtest')
    await step(sw, childId, 'match', {
      ...dateParts('matchedOn', '2025-11-20'),
      numberOfAdopters: '2',
      sexOfAdopters: 'FF',
      legalStatusOfAdopters: 'L12',
      byFosterCarers: 'no',
    })
    await step(sw, childId, 'placed', dateParts('placedOn', '2025-12-15'))
    const ordered = await step(sw, childId, 'order', dateParts('adoptionOrderOn', '2026-06-01'))
    expect(ordered.headers.location).toBe('/adoption/sealed')

    // Everyone else: the social worker, their manager, the front door and the director (who see every other record).
    for (const username of ['socialworker', 'teammanager', 'frontdoor', 'leader']) {
      const client = await t.signedIn(username)
      expect((await client.get('/children?q=Zephyrine')).body, username).not.toContain(
        `/children/${childId}"`,
      )
      expect((await client.get(`/children/${childId}`)).statusCode, username).toBe(404)
      expect((await client.get(`/children/${childId}/adoption`)).statusCode, username).toBe(404)
      expect((await client.api('GET', `/api/v1/children/${childId}`)).statusCode, username).toBe(404)
      expect((await client.api('GET', `/api/v1/children/${childId}/adoption`)).statusCode, username).toBe(404)
      const found = await client.api('GET', '/api/v1/children?name=Zephyrine')
      if (found.statusCode === 200)
        expect(
          found.json().map((r: { id: number }) => r.id),
          username,
        ).not.toContain(childId)
    }
    // Not on the social worker's caseload, nor the team manager's adoption list.
    expect((await sw.get('/')).body).not.toContain('Zephyrine Sealtest')
    const tm = await t.signedIn('teammanager')
    expect((await tm.get('/adoption/timeliness')).body).not.toContain(`/children/${childId}/`)
    const denied = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.personId, childId), eq(accessLog.action, 'denied')))
    expect(denied.length).toBeGreaterThanOrEqual(4)

    // The adoption team: finds and opens the record, by page and API, and each access is logged.
    const practitioner = await adoptionTeamUser(t, 'practitioner')
    const ap = await t.signedIn(practitioner.username)
    expect((await ap.get('/children?q=Zephyrine')).body).toContain(`/children/${childId}"`)
    const before = await viewsBy(practitioner.userId, childId)
    expect((await ap.get(`/children/${childId}`)).statusCode).toBe(200)
    const adoption = await ap.get(`/children/${childId}/adoption`)
    expect(adoption.statusCode).toBe(200)
    expect(adoption.body).toContain('Sealed adoption record')
    expect(adoption.body).toContain('This adoption record is sealed')
    expect((await ap.api('GET', `/api/v1/children/${childId}`)).statusCode).toBe(200)
    expect(await viewsBy(practitioner.userId, childId)).toBe(before + 3)
    const searches = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.userId, practitioner.userId), eq(accessLog.action, 'search')))
    expect(searches.length).toBeGreaterThanOrEqual(1)
  })

  it('lets an adoption manager give the record to adoption team members who joined after it was sealed', async () => {
    const { childId, sw } = await matchedChild('Wren')
    await step(sw, childId, 'match', {
      ...dateParts('matchedOn', '2025-11-20'),
      numberOfAdopters: '1',
      sexOfAdopters: 'M1',
      legalStatusOfAdopters: 'L0',
      byFosterCarers: 'no',
    })
    await step(sw, childId, 'placed', dateParts('placedOn', '2025-12-15'))
    await step(sw, childId, 'order', dateParts('adoptionOrderOn', '2026-06-01'))
    // A new member of the adoption team, whose grant is missing.
    const practitioner = await adoptionTeamUser(t, 'practitioner')
    await t.database.db
      .delete(recordAccessGrant)
      .where(and(eq(recordAccessGrant.personId, childId), eq(recordAccessGrant.userId, practitioner.userId)))
    const ap = await t.signedIn(practitioner.username)
    expect((await ap.get(`/children/${childId}`)).statusCode).toBe(404)
    const manager = await adoptionTeamUser(t, 'manager')
    const am = await t.signedIn(manager.username)
    expect((await am.post(`/children/${childId}/adoption/access`, {})).statusCode).toBe(303)
    expect((await ap.get(`/children/${childId}`)).statusCode).toBe(200)
  })
})
