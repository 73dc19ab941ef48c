import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  allocation,
  changeHistory,
  cpPlan,
  oversight,
  plan,
  planAction,
  planVersion,
  referral,
} from '../../../src/db/schema/index.ts'
import { chronology } from '../../../src/services/chronology.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import {
  childOfSocialWorker,
  dateParts,
  demoWorker,
  openReferral,
  planWithActions,
  userWith,
} from './support.ts'

let t: TestApp
let childId: number
let referralId: number
let planId: number
let actionIds: number[]
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childOfSocialWorker(t, { givenName: 'Isla', familyName: 'Ward' })
  referralId = await openReferral(t, childId, '2026-01-05')
  ;({ planId, actionIds } = await planWithActions(t, childId, referralId, [
    'Mother to attend the Freedom programme',
    'School to refer Isla to the counsellor',
    'Health visitor to check on the baby',
  ]))
})
afterAll(() => t.close())

const episode = async (id = referralId) =>
  (await t.database.db.select().from(referral).where(eq(referral.id, id)))[0]!

/** The closure page's hidden episode fields, as a form would send them. */
async function episodeFields(client: TestClient, personId = childId) {
  const page = await client.get(`/children/${personId}/closure`)
  return {
    referralId: /name="referralId" value="(\d+)"/.exec(page.body)![1]!,
    version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
  }
}

const RATIONALE =
  'Isla is safe at home now that the risks have reduced, and the family is supported by school and early help.'

describe('closure', () => {
  it('refuses a proposal with an unknown reason, a thin rationale, or an assessment reason without an assessment', async () => {
    const sw = await t.signedIn('socialworker')
    const before = await episode()
    const fields = await episodeFields(sw)
    const unknown = await sw.post(`/children/${childId}/closure/propose`, {
      ...fields,
      reason: 'RC99',
      rationale: 'ok',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('Choose a reason for closure from the list')
    expect(unknown.body).toContain('Explain why the case can close')
    const rc8 = await sw.post(`/children/${childId}/closure/propose`, {
      ...fields,
      reason: 'RC8',
      rationale: RATIONALE,
    })
    expect(rc8.statusCode).toBe(400)
    expect(rc8.body).toContain('no assessment is recorded for this episode')
    const api = await sw.api('POST', `/api/v1/children/${childId}/closure/proposal`, {
      referralId,
      version: before.version,
      reason: 'XX1',
      rationale: RATIONALE,
    })
    expect(api.statusCode).toBe(400)
    expect(api.json().errors[0]).toMatchObject({ pointer: '/reason' })
    expect(await episode()).toEqual(before)
  })

  it('lets the worker propose closure, refusing a proposal based on an old version', async () => {
    const sw = await t.signedIn('socialworker')
    const fields = await episodeFields(sw)
    const proposed = await sw.post(`/children/${childId}/closure/propose`, {
      ...fields,
      reason: 'RC7',
      rationale: RATIONALE,
    })
    expect(proposed.statusCode).toBe(303)
    expect(await episode()).toMatchObject({
      closureProposedOn: today(),
      closureReason: 'RC7',
      closureRationale: RATIONALE,
      closureDate: null,
      version: Number(fields.version) + 1,
    })
    const stale = await sw.post(`/children/${childId}/closure/propose`, {
      ...fields,
      reason: 'RC7',
      rationale: RATIONALE,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this episode')
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'referral'), eq(changeHistory.entityId, String(referralId))))
    expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(['closureReason', 'closureRationale']))
    const page = await sw.get(`/children/${childId}/closure`)
    expect(page.body).toContain('RC7 – Services ceased for any other reason')
    expect(page.body).toContain('A manager must sign off the closure')
  })

  it('lets only a manager sign off', async () => {
    const sw = await t.signedIn('socialworker')
    const current = await episode()
    // The worker's page offers no sign-off; a forged form is refused all the same.
    expect((await sw.get(`/children/${childId}/closure`)).body).not.toContain('/closure/sign-off')
    const fields = { referralId: String(referralId), version: String(current.version) }
    const refused = await sw.post(`/children/${childId}/closure/sign-off`, {
      ...fields,
      ...dateParts('closureDate', today()),
      signOffRationale: RATIONALE,
    })
    expect(refused.statusCode).toBe(403)
    expect((await episode()).closureDate).toBeNull()
  })

  it('refuses sign-off while plan actions are open, listing them, and changes nothing', async () => {
    const tm = await t.signedIn('teammanager')
    const fields = await episodeFields(tm)
    const refused = await tm.post(`/children/${childId}/closure/sign-off`, {
      ...fields,
      ...dateParts('closureDate', today()),
      signOffRationale: RATIONALE,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Resolve the 3 open plan actions before closing')
    for (const description of [
      'Mother to attend the Freedom programme',
      'School to refer Isla to the counsellor',
      'Health visitor to check on the baby',
    ])
      expect(refused.body).toContain(description)
    expect((await episode()).closureDate).toBeNull()
    const allocations = await t.database.db
      .select()
      .from(allocation)
      .where(and(eq(allocation.personId, childId), isNull(allocation.endedOn)))
    expect(allocations).toHaveLength(1)
    const api = await tm.api('POST', `/api/v1/children/${childId}/closure/sign-off`, {
      referralId,
      version: Number(fields.version),
      closureDate: today(),
      rationale: RATIONALE,
    })
    expect(api.statusCode).toBe(400)
    expect(api.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/openActions')
  })

  it('marks open actions done, not done or handed on, each a new version of the plan', async () => {
    const sw = await t.signedIn('socialworker')
    const [done, notDone, handed] = actionIds as [number, number, number]
    const missing = await sw.post(`/children/${childId}/closure/actions/${handed}`, { status: 'handed-on' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Say who the action is handed on to')
    expect(
      (await sw.post(`/children/${childId}/closure/actions/${done}`, { status: 'done' })).statusCode,
    ).toBe(303)
    expect(
      (await sw.api('POST', `/api/v1/children/${childId}/closure/actions/${notDone}`, { status: 'not-done' }))
        .statusCode,
    ).toBe(204)
    expect(
      (
        await sw.post(`/children/${childId}/closure/actions/${handed}`, {
          status: 'handed-on',
          handedOnTo: 'Families First early help team',
        })
      ).statusCode,
    ).toBe(303)
    const again = await sw.post(`/children/${childId}/closure/actions/${done}`, { status: 'not-done' })
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('Someone has already resolved this action')

    const actions = await t.database.db.select().from(planAction).where(eq(planAction.planId, planId))
    expect(
      Object.fromEntries(actions.map((a) => [a.id, [a.status, a.completedOn, a.ownerDescription]])),
    ).toEqual({
      [done]: ['done', today(), 'Mother'],
      [notDone]: ['not-done', null, 'Mother'],
      [handed]: ['handed-on', null, 'Families First early help team'],
    })
    const versions = await t.database.db.select().from(planVersion).where(eq(planVersion.planId, planId))
    expect(versions.map((v) => v.reason)).toEqual(
      expect.arrayContaining([
        'Action done',
        'Action not done',
        'Action handed on to Families First early help team',
      ]),
    )
    const [p] = await t.database.db.select().from(plan).where(eq(plan.id, planId))
    expect(p!.version).toBe(4)
  })

  it('refuses a closure date before the referral or in the future, and a sign-off without a rationale', async () => {
    const tm = await t.signedIn('teammanager')
    const fields = await episodeFields(tm)
    const early = await tm.post(`/children/${childId}/closure/sign-off`, {
      ...fields,
      ...dateParts('closureDate', '2025-12-31'),
      signOffRationale: RATIONALE,
    })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The closure date cannot be before the referral date')
    const future = await tm.post(`/children/${childId}/closure/sign-off`, {
      ...fields,
      ...dateParts('closureDate', '2099-01-01'),
      signOffRationale: RATIONALE,
    })
    expect(future.body).toContain('The closure date must be today or in the past')
    const thin = await tm.post(`/children/${childId}/closure/sign-off`, {
      ...fields,
      ...dateParts('closureDate', today()),
      signOffRationale: 'Agreed.',
    })
    expect(thin.statusCode).toBe(400)
    expect(thin.body).toContain('Explain why you agree the case can close')
    expect((await episode()).closureDate).toBeNull()
  })

  it('signs off: the episode closes, plans and allocations end, and the decision is recorded as oversight', async () => {
    const tm = await t.signedIn('teammanager')
    const fields = await episodeFields(tm)
    const closed = await tm.post(`/children/${childId}/closure/sign-off`, {
      ...fields,
      ...dateParts('closureDate', today()),
      signOffRationale:
        'Agree: the plan has achieved its outcomes and early help will continue with the family.',
    })
    expect(closed.statusCode).toBe(200)
    expect(closed.body).toContain('Case closed')
    const tmUser = await demoWorker(t, 'teammanager')
    expect(await episode()).toMatchObject({ closureDate: today(), closureSignedOffBy: tmUser.userId })
    const [p] = await t.database.db.select().from(plan).where(eq(plan.id, planId))
    expect(p!.endDate).toBe(today())
    const open = await t.database.db
      .select()
      .from(allocation)
      .where(and(eq(allocation.personId, childId), isNull(allocation.endedOn)))
    expect(open).toEqual([])
    const [entry] = await t.database.db.select().from(oversight).where(eq(oversight.personId, childId))
    expect(entry).toMatchObject({ kind: 'closure', managerUserId: tmUser.userId })
    expect(entry!.decision).toContain('Closure agreed')
    const entries = await chronology(t.database.db, childId, { types: ['closure', 'oversight'] })
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        'Case closed: Services ceased for any other reason, including child no longer in need',
        'Management oversight: closure',
      ]),
    )
    // With the allocations ended, the team no longer sees the record.
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${childId}`)).statusCode).toBe(404)
    // An auditor, who sees across the authority, sees the closed episode.
    const auditor = await t.signedIn('auditor')
    const state = await auditor.api('GET', `/api/v1/children/${childId}/closure`)
    expect(state.json()).toMatchObject({
      open: null,
      closed: [expect.objectContaining({ closureReason: 'RC7' })],
    })
  })

  it('refuses sign-off while a child protection plan is open; a manager can decline closure instead', async () => {
    const other = await childOfSocialWorker(t, { givenName: 'Ruby', familyName: 'Ward' })
    const otherReferral = await openReferral(t, other, '2026-02-01')
    await t.database.db.insert(cpPlan).values({
      referralId: otherReferral,
      personId: other,
      startDate: '2026-02-20',
      initialCategory: 'NEG',
      latestCategory: 'NEG',
    })
    const sw = await t.signedIn('socialworker')
    const fields = await episodeFields(sw, other)
    expect(
      (
        await sw.post(`/children/${other}/closure/propose`, {
          ...fields,
          reason: 'RC7',
          rationale: RATIONALE,
        })
      ).statusCode,
    ).toBe(303)
    const tm = await t.signedIn('teammanager')
    const proposed = await episodeFields(tm, other)
    const refused = await tm.post(`/children/${other}/closure/sign-off`, {
      ...proposed,
      ...dateParts('closureDate', today()),
      signOffRationale: RATIONALE,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('The child protection plan is still open')
    const declined = await tm.post(`/children/${other}/closure/decline`, {
      ...proposed,
      declineRationale:
        'Neglect concerns remain and the CP plan must be reviewed at conference before closure.',
    })
    expect(declined.statusCode).toBe(303)
    expect(await episode(otherReferral)).toMatchObject({ closureProposedOn: null, closureReason: null })
    const [entry] = await t.database.db.select().from(oversight).where(eq(oversight.personId, other))
    expect(entry!.decision).toBe('Closure not agreed: the case stays open')
  })

  it("is refused to someone outside the child's team", async () => {
    const other = await childOfSocialWorker(t, { givenName: 'Zoe', familyName: 'Ward' })
    await openReferral(t, other)
    const sw = await demoWorker(t, 'socialworker')
    const outsider = await userWith(t, 'social-worker', { notTeamId: sw.teamId })
    const client = await t.signedIn(outsider.username)
    expect((await client.get(`/children/${other}/closure`)).statusCode).toBe(404)
    expect(
      (await client.post(`/children/${other}/closure/propose`, { reason: 'RC7', rationale: RATIONALE }))
        .statusCode,
    ).toBe(404)
  })
})
