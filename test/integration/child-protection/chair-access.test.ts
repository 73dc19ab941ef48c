// The conference chair and the child's record: a chair can open the record of a child awaiting an initial
// conference (to prepare it) and record it; a chair whose conference ends (or does not make) a plan is told
// so, not sent to a record they can no longer open; a manager finds the step-down from the plan's page.
import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  allocation,
  cpConference,
  cpPlan,
  person,
  referral,
  section47,
  strategyDiscussion,
  userAccount,
  worker,
} from '../../../src/db/schema/index.ts'
import { isWeekend } from '../../../src/domain/calendar/iso-date.ts'
import { workingDaysBetween } from '../../../src/domain/calendar/working-days.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { userWith } from '../practice/support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const now = today()
const db = () => t.database.db

function workingDaysAgo(n: number): string {
  for (let back = 1; ; back++) {
    const d = new Date(Date.parse(`${now}T12:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10)
    if (workingDaysBetween(d, now) >= n && !isWeekend(d)) return d
  }
}

const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

async function staff(username: string) {
  const [row] = await db()
    .select({ userId: userAccount.id, workerId: userAccount.workerId, teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  return { ...row!, workerId: row!.workerId! }
}

const dates = {
  referral: workingDaysAgo(30),
  strategy: workingDaysAgo(28),
  s47: workingDaysAgo(27),
  s47Outcome: workingDaysAgo(20),
  icpc: workingDaysAgo(15),
  review: workingDaysAgo(5),
}

/**
 * A child allocated to the social worker's team, with a strategy discussion and a section 47 enquiry that
 * has not concluded yet (or, with `outcome`, concluded so).
 */
async function childInEnquiry(familyName: string, outcome: 'icpc' | 'no-further-action' | null = null) {
  const sw = await staff('socialworker')
  const [p] = await db()
    .insert(person)
    .values({ givenName: 'Ashton', familyName, dateOfBirth: '2017-04-02' })
    .returning({ id: person.id })
  const personId = p!.id
  const [r] = await db()
    .insert(referral)
    .values({ personId, referralDate: dates.referral, source: '6', primaryNeed: 'N1' })
    .returning({ id: referral.id })
  const referralId = r!.id
  await db().insert(allocation).values({
    personId,
    teamId: sw.teamId,
    workerId: sw.workerId,
    kind: 'social-worker',
    startedOn: dates.referral,
  })
  const [d] = await db()
    .insert(strategyDiscussion)
    .values({
      referralId,
      personId,
      heldOn: dates.strategy,
      agencies: ['social-care', 'police'],
      decision: 'section-47',
      rationale: 'Bruising seen at school.',
    })
    .returning({ id: strategyDiscussion.id })
  const [e] = await db()
    .insert(section47)
    .values({
      referralId,
      personId,
      strategyDiscussionId: d!.id,
      startDate: dates.s47,
      outcome,
      outcomeDate: outcome ? dates.s47Outcome : null,
    })
    .returning({ id: section47.id })
  return { personId, referralId, enquiryId: e!.id }
}

const conferenceForm = (
  enquiryId: number,
  chairWorkerId: number,
  overrides: Record<string, string> = {},
) => ({
  ...parts('heldOn', dates.icpc),
  section47Id: String(enquiryId),
  chairWorkerId: String(chairWorkerId),
  participants: 'Mother\nPolice\nSchool',
  childContribution: 'attended',
  childsViews: 'Ashton said he wants his dad to stop shouting.',
  decision: 'plan',
  category: 'PHY',
  rationale: 'Continuing risk of significant harm from physical abuse.',
  ...overrides,
})

describe('the conference chair and the record', () => {
  it('lets a chair open, find and record the conference of a child awaiting an initial conference', async () => {
    const chair = await staff('iro')
    const { personId, enquiryId } = await childInEnquiry('Quillfeather')
    const iro = await t.signedIn('iro')
    const record = `/children/${personId}`
    const found = async () =>
      (await iro.api('GET', `/api/v1/children?name=${encodeURIComponent('Ashton Quillfeather')}`))
        .json()
        .map((c: { id: number }) => c.id)

    // While the enquiry runs, it is not the chairs' business.
    expect((await iro.get(record)).statusCode).toBe(404)
    expect(await found()).not.toContain(personId)

    // The enquiry concludes that a conference is needed: the chair can prepare it.
    await db()
      .update(section47)
      .set({ outcome: 'icpc', outcomeDate: dates.s47Outcome })
      .where(eq(section47.id, enquiryId))
    expect((await iro.get(record)).statusCode).toBe(200)
    expect((await iro.get(`${record}/child-protection`)).statusCode).toBe(200)
    expect((await iro.api('GET', `/api/v1/children/${personId}`)).statusCode).toBe(200)
    expect(await found()).toContain(personId)
    // …but nobody else outside the child's team: the rule is for conference chairs.
    const outsider = await userWith(t, 'social-worker', { notTeamId: (await staff('socialworker')).teamId })
    expect((await (await t.signedIn(outsider.username)).get(record)).statusCode).toBe(404)

    // The chair records the conference, which makes the plan and allocates them.
    const form = await iro.get(`${record}/child-protection/conferences/new?section47Id=${enquiryId}`)
    expect(form.statusCode).toBe(200)
    const saved = await iro.post(
      `${record}/child-protection/conferences/new`,
      conferenceForm(enquiryId, chair.workerId),
    )
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toMatch(new RegExp(`^${record}/child-protection\\?planMade=\\d+$`))
    expect((await iro.get(saved.headers.location!)).statusCode).toBe(200)
    const [allocated] = await db()
      .select()
      .from(allocation)
      .where(
        and(eq(allocation.personId, personId), eq(allocation.kind, 'cp-chair'), isNull(allocation.endedOn)),
      )
    expect(allocated).toMatchObject({ workerId: chair.workerId, startedOn: dates.icpc })
  })

  it('keeps the record from chairs when no conference is awaited', async () => {
    const iro = await t.signedIn('iro')
    // The enquiry found no need for a conference.
    const nfa = await childInEnquiry('Thistlewood', 'no-further-action')
    expect((await iro.get(`/children/${nfa.personId}`)).statusCode).toBe(404)
    // The referral closed before the conference was held.
    const closed = await childInEnquiry('Marrowby', 'icpc')
    await db()
      .update(referral)
      .set({ closureDate: dates.review, closureReason: 'RC8' })
      .where(eq(referral.id, closed.referralId))
    expect((await iro.get(`/children/${closed.personId}`)).statusCode).toBe(404)
    // A restricted record stays with those named on it, conference or not.
    const restricted = await childInEnquiry('Pennyroyal', 'icpc')
    await db()
      .update(person)
      .set({ accessRestriction: 'restricted' })
      .where(eq(person.id, restricted.personId))
    expect((await iro.get(`/children/${restricted.personId}`)).statusCode).toBe(404)
  })

  it('sends a chair whose conference makes no plan to a confirmation, not to a record closed to them', async () => {
    const chair = await staff('iro')
    const { personId, enquiryId } = await childInEnquiry('Wrenfield', 'icpc')
    const iro = await t.signedIn('iro')
    const saved = await iro.post(
      `/children/${personId}/child-protection/conferences/new`,
      conferenceForm(enquiryId, chair.workerId, { decision: 'no-plan', category: '' }),
    )
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/child-protection/conference-recorded')
    const landed = await iro.get(saved.headers.location!)
    expect(landed.statusCode).toBe(200)
    expect(landed.body).toContain('Conference recorded')
    expect(landed.body).not.toContain('Wrenfield')
    expect((await iro.get(`/children/${personId}`)).statusCode).toBe(404)
    const [conference] = await db().select().from(cpConference).where(eq(cpConference.personId, personId))
    expect(conference).toMatchObject({ decision: 'no-plan', chairWorkerId: chair.workerId })
  })

  it('sends the chair who ends the plan to a confirmation, and the social worker back to the record', async () => {
    const chair = await staff('iro')
    const iro = await t.signedIn('iro')
    const sw = await t.signedIn('socialworker')
    const review = (version: number) => ({
      ...parts('heldOn', dates.review),
      chairWorkerId: String(chair.workerId),
      participants: 'Mother\nSocial worker',
      childContribution: 'attended',
      childsViews: 'Things are calmer at home.',
      decision: 'end-plan',
      endReason: 'no-longer-needed',
      rationale: 'Father has left the home and the risk of significant harm has gone.',
      version: String(version),
    })
    const planOf = async (personId: number) =>
      (await db().select().from(cpPlan).where(eq(cpPlan.personId, personId)))[0]!

    const first = await childInEnquiry('Ashgrove', 'icpc')
    const made = await iro.post(
      `/children/${first.personId}/child-protection/conferences/new`,
      conferenceForm(first.enquiryId, chair.workerId),
    )
    expect(made.statusCode).toBe(303)
    let cp = await planOf(first.personId)
    const ended = await iro.post(
      `/children/${first.personId}/child-protection/cp-plans/${cp.id}/review`,
      review(cp.version),
    )
    expect(ended.statusCode).toBe(303)
    expect(ended.headers.location).toBe('/child-protection/conference-recorded')
    expect((await iro.get(ended.headers.location!)).statusCode).toBe(200)
    expect((await iro.get(`/children/${first.personId}/child-protection`)).statusCode).toBe(404)
    expect((await planOf(first.personId)).endDate).toBe(dates.review)

    // The same conference recorded by the social worker, who still works with the child.
    const second = await childInEnquiry('Birchall', 'icpc')
    expect(
      (
        await sw.post(
          `/children/${second.personId}/child-protection/conferences/new`,
          conferenceForm(second.enquiryId, chair.workerId),
        )
      ).statusCode,
    ).toBe(303)
    cp = await planOf(second.personId)
    const byWorker = await sw.post(
      `/children/${second.personId}/child-protection/cp-plans/${cp.id}/review`,
      review(cp.version),
    )
    expect(byWorker.statusCode).toBe(303)
    expect(byWorker.headers.location).toBe(`/children/${second.personId}/child-protection`)
    expect((await sw.get(byWorker.headers.location!)).statusCode).toBe(200)
  })

  it('shows a manager the way to step the plan down to a child in need plan', async () => {
    const chair = await staff('iro')
    const { personId, enquiryId } = await childInEnquiry('Coldharbour', 'icpc')
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const page = `/children/${personId}/child-protection`
    const link = `href="/children/${personId}/child-protection/step-down"`
    expect((await tm.get(page)).body).not.toContain(link)
    await sw.post(`${page}/conferences/new`, conferenceForm(enquiryId, chair.workerId))
    const managerPage = await tm.get(page)
    expect(managerPage.body).toContain(link)
    expect(managerPage.body).toContain('step down to a child in need plan</a>')
    // Only managers may step down, so only they are shown the way.
    expect((await sw.get(page)).body).not.toContain(link)
    const stepDown = await tm.get(`${page}/step-down`)
    expect(stepDown.statusCode).toBe(200)
    expect(stepDown.body).toContain('End the plan and step down')
  })
})
