import { and, asc, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocation, earlyHelpEpisode, referral, worker } from '../../../src/db/schema/index.ts'
import { helpHistory } from '../../../src/services/early-help.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import {
  addContact,
  addPerson,
  contactRow,
  dateFields,
  day,
  earlyHelpTeam,
  managerId,
  teamOf,
} from './helpers.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const episodes = (personId: number) =>
  t.database.db
    .select()
    .from(earlyHelpEpisode)
    .where(eq(earlyHelpEpisode.personId, personId))
    .orderBy(asc(earlyHelpEpisode.id))
const referrals = (personId: number) =>
  t.database.db.select().from(referral).where(eq(referral.personId, personId)).orderBy(asc(referral.id))
const currentAllocations = (personId: number) =>
  t.database.db
    .select()
    .from(allocation)
    .where(and(eq(allocation.personId, personId), isNull(allocation.endedOn)))

describe('early help from the front door', () => {
  it('an early help decision starts an episode with a lead professional and allocates to Families First', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-3), '10:00', { source: '2A' })
    const { teamId, workerId } = await earlyHelpTeam(t)
    const fd = await t.signedIn('frontdoor')
    const base = {
      version: '1',
      decision: 'early-help',
      rationale: 'Needs support with routines; no safeguarding concern.',
      ...dateFields('decisionDate', day(-3)),
      decisionTime: '15:00',
      agreedBy: String(await managerId(t)),
      earlyHelpTeamId: String(teamId),
    }
    const noLead = await fd.post(`/children/${child}/contacts/${id}/decision`, base)
    expect(noLead.statusCode).toBe(400)
    expect(noLead.body).toContain(
      'Choose the lead professional from the team, or name one from another agency',
    )
    const [elsewhere] = await t.database.db
      .select({ id: worker.id })
      .from(worker)
      .where(eq(worker.teamId, await teamOf(t, 'socialworker')))
      .limit(1)
    const wrongTeam = await fd.post(`/children/${child}/contacts/${id}/decision`, {
      ...base,
      leadWorkerId: String(elsewhere!.id),
    })
    expect(wrongTeam.body).toContain('Choose a worker who is in post in the chosen team')
    expect(await episodes(child)).toHaveLength(0)

    const saved = await fd.post(`/children/${child}/contacts/${id}/decision`, {
      ...base,
      leadWorkerId: String(workerId),
    })
    expect(saved.statusCode).toBe(303)
    const [episode] = await episodes(child)
    expect(episode).toMatchObject({
      contactId: id,
      startedOn: day(-3),
      leadWorkerId: workerId,
      endedOn: null,
    })
    expect(episode!.leadProfessional).toMatch(/\w+ \w+, /)
    expect(await currentAllocations(child)).toMatchObject([{ kind: 'lead-professional', teamId, workerId }])
    expect(await referrals(child)).toHaveLength(0)
    expect(await contactRow(t, id)).toMatchObject({ decision: 'early-help' })

    // Only one early help at a time.
    const again = await fd.post(`/children/${child}/early-help/new`, {
      ...dateFields('startedOn', day(-1)),
      teamId: String(teamId),
      leadProfessional: 'Amina Khan, DSL, Oakfield Primary',
    })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('already has early help')
    expect(await episodes(child)).toHaveLength(1)
  })
})

describe('step-up and step-down', () => {
  it('keeps early help and social care as one history: start, step up, close, step down', async () => {
    const child = await addPerson(t, { givenName: 'Lily', familyName: 'Steps' })
    const { teamId } = await earlyHelpTeam(t)
    const swTeam = await teamOf(t, 'socialworker')
    const fd = await t.signedIn('frontdoor')

    // Early help started directly, with a lead professional from another agency.
    const started = await fd.post(`/children/${child}/early-help/new`, {
      ...dateFields('startedOn', day(-100)),
      teamId: String(teamId),
      leadProfessional: 'Amina Khan, designated safeguarding lead, Oakfield Primary',
    })
    expect(started.statusCode).toBe(303)
    const [first] = await episodes(child)
    expect(first).toMatchObject({
      leadProfessional: 'Amina Khan, designated safeguarding lead, Oakfield Primary',
    })

    // Step up: bad input changes nothing.
    const url = `/children/${child}/early-help/${first!.id}/step-up`
    expect((await fd.get(url)).statusCode).toBe(200)
    const bad = await fd.post(url, {
      version: '1',
      ...dateFields('referralDate', day(-101)),
      primaryNeed: '',
      teamId: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The referral cannot be before early help started')
    expect(bad.body).toContain('Choose the child’s primary need')
    expect(bad.body).toContain('Choose the social work team the referral goes to')
    expect(await referrals(child)).toHaveLength(0)
    expect((await episodes(child))[0]).toMatchObject({ endedOn: null, version: 1 })

    const up = await fd.post(url, {
      version: '1',
      ...dateFields('referralDate', day(-50)),
      primaryNeed: 'N5',
      teamId: String(swTeam),
    })
    expect(up.statusCode).toBe(303)
    const [made] = await referrals(child)
    expect(made).toMatchObject({ referralDate: day(-50), source: '5D', primaryNeed: 'N5', contactId: null })
    expect((await episodes(child))[0]).toMatchObject({
      endedOn: day(-50),
      endReason: 'stepped-up',
      steppedUpTo: made!.id,
      version: 2,
    })
    // The lead professional's allocation ended; the social work team's began.
    expect(await currentAllocations(child)).toMatchObject([
      { kind: 'social-worker', teamId: swTeam, workerId: null },
    ])
    // A second step-up from the ended episode is refused.
    const twice = await fd.post(url, {
      version: '1',
      ...dateFields('referralDate', day(-40)),
      primaryNeed: 'N5',
      teamId: String(swTeam),
    })
    expect(twice.statusCode).toBe(409)
    expect(await referrals(child)).toHaveLength(1)

    // The referral closes (another area's work), then the child steps down into early help.
    await t.database.db
      .update(referral)
      .set({ closureDate: day(-20), closureReason: 'RC9' })
      .where(eq(referral.id, made!.id))
    const other = await addPerson(t)
    const [othersReferral] = await t.database.db
      .insert(referral)
      .values({ personId: other, referralDate: day(-30), source: '6', primaryNeed: 'N1' })
      .returning({ id: referral.id })
    const downUrl = `/children/${child}/early-help/new`
    const form = await fd.get(`${downUrl}?stepDownFrom=${made!.id}`)
    expect(form.body).toContain('Step down to early help')
    const wrong = await fd.post(downUrl, {
      ...dateFields('startedOn', day(-19)),
      teamId: String(teamId),
      leadProfessional: 'Family support worker',
      steppedDownFrom: String(othersReferral!.id),
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Choose one of the child’s referrals')
    const early = await fd.post(downUrl, {
      ...dateFields('startedOn', day(-60)),
      teamId: String(teamId),
      leadProfessional: 'Family support worker',
      steppedDownFrom: String(made!.id),
    })
    expect(early.body).toContain('cannot start before the referral')
    const down = await fd.post(downUrl, {
      ...dateFields('startedOn', day(-19)),
      teamId: String(teamId),
      leadProfessional: 'Family support worker',
      steppedDownFrom: String(made!.id),
    })
    expect(down.statusCode).toBe(303)

    const history = await helpHistory(t.database.db, child)
    expect(history.map((h) => [h.kind, h.startedOn, h.endedOn])).toEqual([
      ['early-help', day(-100), day(-50)],
      ['referral', day(-50), day(-20)],
      ['early-help', day(-19), null],
    ])
    const second = history[2]!
    expect(second.kind === 'early-help' && second.episode.steppedDownFrom).toBe(made!.id)

    const page = await fd.get(`/children/${child}/contacts`)
    expect(page.statusCode).toBe(200)
    const at = (text: string) => page.body.indexOf(text)
    expect(at('Stepped up to children’s social care, referral of')).toBeGreaterThan(0)
    expect(at('Stepped down from the referral of')).toBeGreaterThan(
      at('Stepped up to children’s social care, referral of'),
    )
    expect(page.body).toContain('Early help and children’s social care')

    const api = await fd.api('GET', `/api/v1/children/${child}/early-help`)
    expect(api.statusCode).toBe(200)
    expect(api.json().history.map((h: { kind: string }) => h.kind)).toEqual([
      'early-help',
      'referral',
      'early-help',
    ])
  })

  it('steps up through the API, all or nothing', async () => {
    const child = await addPerson(t)
    const { teamId } = await earlyHelpTeam(t)
    const fd = await t.signedIn('frontdoor')
    const opened = await fd.api('POST', `/api/v1/children/${child}/early-help`, {
      startedOn: day(-30),
      teamId,
      leadProfessional: 'Jo Bloggs, school nurse',
    })
    expect(opened.statusCode).toBe(201)
    const episodeId = opened.json().id as number
    const refused = await fd.api('POST', `/api/v1/children/${child}/early-help/${episodeId}/step-up`, {
      version: 1,
      referralDate: day(-5),
      primaryNeed: 'N42',
      teamId: await teamOf(t, 'socialworker'),
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors).toEqual([
      { pointer: '/primaryNeed', detail: 'Choose the child’s primary need' },
    ])
    expect(await referrals(child)).toHaveLength(0)
    const up = await fd.api('POST', `/api/v1/children/${child}/early-help/${episodeId}/step-up`, {
      version: 1,
      referralDate: day(-5),
      primaryNeed: 'N4',
      teamId: await teamOf(t, 'socialworker'),
    })
    expect(up.statusCode).toBe(200)
    expect(up.json()).toMatchObject({ version: 2 })
    expect((await referrals(child))[0]!.id).toBe(up.json().referralId)
  })
})

describe('ending early help', () => {
  it('ends an episode with a reason, refusing bad input and stale versions', async () => {
    const child = await addPerson(t)
    const { teamId, workerId } = await earlyHelpTeam(t)
    const fd = await t.signedIn('frontdoor')
    await fd.post(`/children/${child}/early-help/new`, {
      ...dateFields('startedOn', day(-30)),
      teamId: String(teamId),
      leadWorkerId: String(workerId),
    })
    const [episode] = await episodes(child)
    const url = `/children/${child}/early-help/${episode!.id}/end`
    expect((await fd.get(url)).statusCode).toBe(200)
    const bad = await fd.post(url, {
      version: '1',
      ...dateFields('endedOn', day(-31)),
      endReason: 'stepped-up',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Early help cannot end before it started')
    expect(bad.body).toContain('Choose why early help ended')
    const future = await fd.post(url, {
      version: '1',
      ...dateFields('endedOn', day(2)),
      endReason: 'completed',
    })
    expect(future.body).toContain('must be today or in the past')
    expect((await episodes(child))[0]).toMatchObject({ endedOn: null })

    const ended = await fd.post(url, {
      version: '1',
      ...dateFields('endedOn', day(-1)),
      endReason: 'completed',
    })
    expect(ended.statusCode).toBe(303)
    expect((await episodes(child))[0]).toMatchObject({ endedOn: day(-1), endReason: 'completed', version: 2 })
    expect(await currentAllocations(child)).toHaveLength(0)
    const stale = await fd.post(url, {
      version: '1',
      ...dateFields('endedOn', day(-1)),
      endReason: 'declined',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('This early help has already ended')
    const page = await fd.get(`/children/${child}/contacts`)
    expect(page.body).toContain('Needs met: early help completed')

    // An episode of another child cannot be reached through this child's address.
    const other = await addPerson(t)
    expect((await fd.get(`/children/${other}/early-help/${episode!.id}/end`)).statusCode).toBe(404)
  })
})
