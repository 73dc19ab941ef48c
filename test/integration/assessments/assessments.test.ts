import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  allocation,
  assessment,
  assessmentFactor,
  changeHistory,
  person,
  referral,
  userAccount,
  worker,
} from '../../../src/db/schema/index.ts'
import { addWorkingDays, workingDaysBetween } from '../../../src/domain/calendar/working-days.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const now = today()

/** The date `n` working days before today. */
function workingDaysAgo(n: number): string {
  let d = now
  for (let back = 1; ; back++) {
    d = new Date(Date.parse(`${now}T12:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10)
    if (workingDaysBetween(d, now) >= n) return d
  }
}

const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

async function childWithReferral(referralDate: string, allocated = true) {
  const db = t.database.db
  const [p] = await db
    .insert(person)
    .values({ givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '2017-05-02' })
    .returning({ id: person.id })
  const [r] = await db
    .insert(referral)
    .values({ personId: p!.id, referralDate, source: '1A', primaryNeed: 'N1' })
    .returning({ id: referral.id })
  if (allocated) {
    const [sw] = await db
      .select({ workerId: userAccount.workerId, teamId: worker.teamId })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, 'socialworker'))
    await db.insert(allocation).values({
      personId: p!.id,
      teamId: sw!.teamId,
      workerId: sw!.workerId,
      kind: 'social-worker',
      startedOn: referralDate,
    })
  }
  return { personId: p!.id, referralId: r!.id }
}

const fullAssessment = (startDate: string) => ({
  ...parts('startDate', startDate),
  livedExperience: 'Amara gets herself ready for school most days and worries about her mum.',
  identityAndCulture: 'Nigerian heritage; attends church with her grandmother.',
  childsViews: 'Amara said she feels safe at her nan’s house.',
  parentalCapacity: 'Mother loves Amara but struggles when unwell.',
  historyAndRisks: 'Domestic abuse by a former partner, police called twice this year.',
  strengths: 'Grandmother nearby and involved.',
  analysis: 'Needs are met inconsistently; risk reduced by grandmother’s support.',
  outcome: 'cin-plan',
  nextSteps: 'CIN planning meeting within 10 working days.',
  factors: ['3B', '4B'],
})

const assessmentCount = async (personId: number) =>
  (await t.database.db.select().from(assessment).where(eq(assessment.personId, personId))).length

describe('assessments', () => {
  let personId: number
  let referralId: number
  let assessmentId: number
  const referralDate = workingDaysAgo(20)

  it('keeps the pages from anyone outside the child’s team', async () => {
    ;({ personId, referralId } = await childWithReferral(referralDate, false))
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${personId}/assessments`)).statusCode).toBe(404)
    expect((await sw.get(`/children/${personId}/assessments/new`)).statusCode).toBe(404)
    expect((await sw.api('GET', `/api/v1/children/${personId}/assessments`)).statusCode).toBe(404)
    const before = await assessmentCount(personId)
    const posted = await sw.post(`/children/${personId}/assessments/new`, {
      referralId: String(referralId),
      ...fullAssessment(referralDate),
    })
    expect(posted.statusCode).toBe(404)
    expect(await assessmentCount(personId)).toBe(before)
    const denied = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.personId, personId), eq(accessLog.action, 'denied')))
    expect(denied.length).toBeGreaterThan(0)
    // Once allocated to the social worker's team, they can.
    const [sw1] = await t.database.db
      .select({ workerId: userAccount.workerId, teamId: worker.teamId })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, 'socialworker'))
    await t.database.db.insert(allocation).values({
      personId,
      teamId: sw1!.teamId,
      workerId: sw1!.workerId,
      kind: 'social-worker',
      startedOn: referralDate,
    })
    const page = await sw.get(`/children/${personId}/assessments`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Start an assessment')
  })

  it('refuses bad input with a message for each problem and saves nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...parts('startDate', workingDaysAgo(25)) }, 'The assessment cannot start before the referral'],
      [{ ...parts('startDate', addWorkingDays(now, 3)) }, 'must be today or in the past'],
      [{ 'startDate-day': '31', 'startDate-month': '2', 'startDate-year': '2026' }, 'must be a real date'],
      [{ ...parts('startDate', referralDate), factors: ['18A'] }, '18A is no longer used: choose 18B'],
      [{ ...parts('startDate', referralDate), factors: ['ZZ', '1A'] }, 'ZZ is not a current DfE factor code'],
      [{ ...parts('startDate', referralDate), factors: ['21', '1A'] }, 'cannot be chosen with other factors'],
      [{ ...parts('startDate', referralDate), outcome: 'adoption' }, 'Choose an outcome from the list'],
      [{}, 'Enter the date the assessment started'],
    ]
    for (const [form, message] of cases) {
      const response = await sw.post(`/children/${personId}/assessments/new`, {
        referralId: String(referralId),
        ...form,
      })
      expect(response.statusCode, message).toBe(400)
      expect(response.body, message).toContain(message)
      expect(response.body).toContain('There is a problem')
    }
    const noReferral = await sw.post(`/children/${personId}/assessments/new`, fullAssessment(referralDate))
    expect(noReferral.statusCode).toBe(400)
    expect(noReferral.body).toContain('Choose a referral of this child')
    expect(await assessmentCount(personId)).toBe(0)
  })

  it('starts a draft on an open referral and shows the census warnings and the working days', async () => {
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${personId}/assessments/new?referralId=${referralId}`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Factors identified at assessment')
    expect(form.body).not.toContain('value="18A"') // deprecated codes are not offered
    const created = await sw.post(`/children/${personId}/assessments/new`, {
      referralId: String(referralId),
      ...parts('startDate', referralDate),
      livedExperience: 'First notes.',
      factors: ['3B'],
    })
    expect(created.statusCode).toBe(303)
    assessmentId = Number(created.headers.location!.split('/').pop())
    const page = await sw.get(created.headers.location!)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('In progress')
    expect(page.body).toContain('govuk-warning-text')
    expect(page.body).toContain('CIN census 8614')
    expect(page.body).toContain(
      `<strong>${workingDaysBetween(referralDate, now)}</strong> (the timescale is 45 working days`,
    )
    const factors = await t.database.db
      .select()
      .from(assessmentFactor)
      .where(eq(assessmentFactor.assessmentId, assessmentId))
    expect(factors.map((f) => f.code)).toEqual(['3B'])
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(
        and(eq(changeHistory.entityType, 'assessment'), eq(changeHistory.entityId, String(assessmentId))),
      )
    expect(history.map((h) => h.field)).toContain('factors')
    const log = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectType, 'assessment'), eq(accessLog.action, 'create')))
    expect(log.some((l) => l.subjectId === String(assessmentId))).toBe(true)
    // A second assessment cannot start while this one is open.
    const second = await sw.post(`/children/${personId}/assessments/new`, {
      referralId: String(referralId),
      ...parts('startDate', now),
    })
    expect(second.statusCode).toBe(400)
    expect(second.body).toContain('Another assessment on this referral is still open')
  })

  it('refuses the second of two concurrent edits, saying what changed', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const form = await sw.get(`/children/${personId}/assessments/${assessmentId}/edit`)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const first = await tm.post(`/children/${personId}/assessments/${assessmentId}/edit`, {
      ...fullAssessment(referralDate),
      strengths: 'A strong bond with her older brother.',
      version,
    })
    expect(first.statusCode).toBe(303)
    const second = await sw.post(`/children/${personId}/assessments/${assessmentId}/edit`, {
      ...fullAssessment(referralDate),
      analysis: 'My analysis',
      version,
    })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('Someone else changed this assessment')
    expect(second.body).toContain('A strong bond with her older brother.')
    const [row] = await t.database.db.select().from(assessment).where(eq(assessment.id, assessmentId))
    expect(row!.strengths).toBe('A strong bond with her older brother.')
    expect(row!.analysis).not.toBe('My analysis')
    expect(row!.version).toBe(Number(version) + 1)
  })

  it('is completed by the worker once written up, then authorised only by a manager', async () => {
    const sw = await t.signedIn('socialworker')
    const [row] = await t.database.db.select().from(assessment).where(eq(assessment.id, assessmentId))
    // Clear the analysis: completion needs it.
    const cleared = await sw.post(`/children/${personId}/assessments/${assessmentId}/edit`, {
      ...fullAssessment(referralDate),
      analysis: '',
      version: String(row!.version),
    })
    expect(cleared.statusCode).toBe(303)
    const incomplete = await sw.post(`/children/${personId}/assessments/${assessmentId}/complete`, {
      ...parts('completedOn', now),
      version: String(row!.version + 1),
    })
    expect(incomplete.statusCode).toBe(400)
    expect(incomplete.body).toContain('Write the analysis before completing the assessment')
    const restored = await sw.post(`/children/${personId}/assessments/${assessmentId}/edit`, {
      ...fullAssessment(referralDate),
      version: String(row!.version + 1),
    })
    expect(restored.statusCode).toBe(303)
    let version = row!.version + 2
    const early = await sw.post(`/children/${personId}/assessments/${assessmentId}/complete`, {
      ...parts('completedOn', workingDaysAgo(25)),
      version: String(version),
    })
    expect(early.body).toContain('cannot be completed before it started')
    const done = await sw.post(`/children/${personId}/assessments/${assessmentId}/complete`, {
      ...parts('completedOn', now),
      version: String(version),
    })
    expect(done.statusCode).toBe(303)
    version++
    // Now it cannot be edited.
    const locked = await sw.post(`/children/${personId}/assessments/${assessmentId}/edit`, {
      ...fullAssessment(referralDate),
      version: String(version),
    })
    expect(locked.statusCode).toBe(400)
    expect(locked.body).toContain('can no longer be changed')
    // A social worker cannot authorise.
    const refused = await sw.post(`/children/${personId}/assessments/${assessmentId}/authorise`, {
      ...parts('authorisedOn', now),
      version: String(version),
    })
    expect(refused.statusCode).toBe(403)
    expect((await sw.get(`/children/${personId}/assessments/${assessmentId}`)).body).not.toContain(
      'Authorise the assessment',
    )
    const tm = await t.signedIn('teammanager')
    const page = await tm.get(`/children/${personId}/assessments/${assessmentId}`)
    expect(page.body).toContain('Authorise the assessment')
    const beforeStart = await tm.post(`/children/${personId}/assessments/${assessmentId}/authorise`, {
      ...parts('authorisedOn', workingDaysAgo(25)),
      version: String(version),
    })
    expect(beforeStart.statusCode).toBe(400)
    expect(beforeStart.body).toContain('Authorisation cannot be before the assessment started')
    const future = await tm.post(`/children/${personId}/assessments/${assessmentId}/authorise`, {
      ...parts('authorisedOn', addWorkingDays(now, 2)),
      version: String(version),
    })
    expect(future.body).toContain('must be today or in the past')
    const ok = await tm.post(`/children/${personId}/assessments/${assessmentId}/authorise`, {
      ...parts('authorisedOn', now),
      version: String(version),
    })
    expect(ok.statusCode).toBe(303)
    const [authorised] = await t.database.db.select().from(assessment).where(eq(assessment.id, assessmentId))
    expect(authorised!.authorisedOn).toBe(now)
    const [manager] = await t.database.db
      .select({ id: userAccount.id })
      .from(userAccount)
      .where(eq(userAccount.username, 'teammanager'))
    expect(authorised!.authorisedBy).toBe(manager!.id)
    const shown = await tm.get(`/children/${personId}/assessments/${assessmentId}`)
    expect(shown.body).toContain('Authorised')
    expect(shown.body).not.toContain('CIN census 8614')
  })

  it('re-assesses on the same referral after the first is authorised, not overlapping it', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${personId}/assessments/${assessmentId}`)
    expect(page.body).toContain('Re-assess: start a new assessment on this referral')
    // Started on the day the previous one was authorised: it would overlap.
    const overlap = await sw.post(`/children/${personId}/assessments/new`, {
      referralId: String(referralId),
      ...parts('startDate', now),
    })
    expect(overlap.statusCode).toBe(400)
    expect(overlap.body).toContain('must start after the previous one was authorised')
    // Move the first assessment's authorisation back so a re-assessment can start today.
    await t.database.db
      .update(assessment)
      .set({ authorisedOn: workingDaysAgo(2) })
      .where(eq(assessment.id, assessmentId))
    const again = await sw.post(`/children/${personId}/assessments/new`, {
      referralId: String(referralId),
      ...parts('startDate', now),
    })
    expect(again.statusCode).toBe(303)
    const rows = await t.database.db.select().from(assessment).where(eq(assessment.referralId, referralId))
    expect(rows).toHaveLength(2)
  })

  it('warns when an authorised assessment has no factors, until they are corrected', async () => {
    const { personId: pid, referralId: rid } = await childWithReferral(workingDaysAgo(10))
    const sw = await t.signedIn('socialworker')
    const created = await sw.post(`/children/${pid}/assessments/new`, {
      referralId: String(rid),
      ...fullAssessment(workingDaysAgo(9)),
      factors: [],
    })
    expect(created.statusCode).toBe(303)
    const id = Number(created.headers.location!.split('/').pop())
    expect((await sw.get(`/children/${pid}/assessments/${id}`)).body).not.toContain('govuk-warning-text')
    await sw.post(`/children/${pid}/assessments/${id}/complete`, {
      ...parts('completedOn', now),
      version: '1',
    })
    const tm = await t.signedIn('teammanager')
    expect(
      (
        await tm.post(`/children/${pid}/assessments/${id}/authorise`, {
          ...parts('authorisedOn', now),
          version: '2',
        })
      ).statusCode,
    ).toBe(303)
    const page = await sw.get(`/children/${pid}/assessments/${id}`)
    expect(page.body).toContain('CIN census 8897Q')
    expect(page.body).toContain('no factors are recorded')
    const corrected = await sw.post(`/children/${pid}/assessments/${id}/factors`, {
      factors: ['21'],
      version: '3',
    })
    expect(corrected.statusCode).toBe(303)
    expect((await sw.get(`/children/${pid}/assessments/${id}`)).body).not.toContain('CIN census 8897Q')
  })

  it('needs a recorded reason and a manager’s agreement beyond 45 working days', async () => {
    const referred = workingDaysAgo(50)
    const { personId: pid, referralId: rid } = await childWithReferral(referred)
    const sw = await t.signedIn('socialworker')
    const created = await sw.post(`/children/${pid}/assessments/new`, {
      referralId: String(rid),
      ...fullAssessment(workingDaysAgo(48)),
    })
    const id = Number(created.headers.location!.split('/').pop())
    const page = await sw.get(`/children/${pid}/assessments/${id}`)
    expect(page.body).toContain('CIN census 8670Q')
    expect(page.body).toContain(
      `<strong>${workingDaysBetween(referred, now)}</strong> (the timescale is 45 working days`,
    )
    const noReason = await sw.post(`/children/${pid}/assessments/${id}/complete`, {
      ...parts('completedOn', now),
      version: '1',
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('record why it has taken longer')
    const reasoned = await sw.post(`/children/${pid}/assessments/${id}/edit`, {
      ...fullAssessment(workingDaysAgo(48)),
      extensionReason: 'Waiting for a specialist assessment of the child’s speech and language.',
      version: '1',
    })
    expect(reasoned.statusCode).toBe(303)
    // Only a manager can agree the extension.
    expect((await sw.post(`/children/${pid}/assessments/${id}/extension`, { version: '2' })).statusCode).toBe(
      403,
    )
    expect(
      (
        await sw.post(`/children/${pid}/assessments/${id}/complete`, {
          ...parts('completedOn', now),
          version: '2',
        })
      ).statusCode,
    ).toBe(303)
    const tm = await t.signedIn('teammanager')
    const notAgreed = await tm.post(`/children/${pid}/assessments/${id}/authorise`, {
      ...parts('authorisedOn', now),
      version: '3',
    })
    expect(notAgreed.statusCode).toBe(400)
    expect(notAgreed.body).toContain(
      'Confirm that you agree the assessment being paced beyond 45 working days',
    )
    const agreed = await tm.post(`/children/${pid}/assessments/${id}/authorise`, {
      ...parts('authorisedOn', now),
      agreeExtension: 'yes',
      version: '3',
    })
    expect(agreed.statusCode).toBe(303)
    const [row] = await t.database.db.select().from(assessment).where(eq(assessment.id, id))
    expect(row!.extensionAgreedBy).not.toBeNull()
    expect(row!.authorisedOn).toBe(now)
  })

  it('lets a manager return a completed assessment to the worker', async () => {
    const { personId: pid, referralId: rid } = await childWithReferral(workingDaysAgo(5))
    const sw = await t.signedIn('socialworker')
    const created = await sw.post(`/children/${pid}/assessments/new`, {
      referralId: String(rid),
      ...fullAssessment(workingDaysAgo(4)),
    })
    const id = Number(created.headers.location!.split('/').pop())
    await sw.post(`/children/${pid}/assessments/${id}/complete`, {
      ...parts('completedOn', now),
      version: '1',
    })
    const tm = await t.signedIn('teammanager')
    const noReason = await tm.post(`/children/${pid}/assessments/${id}/return`, {
      returnReason: '',
      version: '2',
    })
    expect(noReason.body).toContain('Say what needs to change')
    const returned = await tm.post(`/children/${pid}/assessments/${id}/return`, {
      returnReason: 'Add the father’s views.',
      version: '2',
    })
    expect(returned.statusCode).toBe(303)
    const [row] = await t.database.db.select().from(assessment).where(eq(assessment.id, id))
    expect(row!.completedOn).toBeNull()
    const [history] = await t.database.db
      .select()
      .from(changeHistory)
      .where(
        and(
          eq(changeHistory.entityType, 'assessment'),
          eq(changeHistory.entityId, String(id)),
          eq(changeHistory.version, 3),
        ),
      )
    expect(history!.reason).toContain('Add the father’s views.')
  })

  it('offers the same through the API, with problems for bad input and conflicts', async () => {
    const { personId: pid, referralId: rid } = await childWithReferral(workingDaysAgo(10))
    const sw = await t.signedIn('socialworker')
    const bad = await sw.api('POST', `/api/v1/children/${pid}/assessments`, {
      referralId: rid,
      startDate: addWorkingDays(now, 5),
      factors: ['19A'],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const problem = bad.json()
    expect(problem.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/factors',
      '/startDate',
    ])
    const created = await sw.api('POST', `/api/v1/children/${pid}/assessments`, {
      referralId: rid,
      startDate: workingDaysAgo(8),
      factors: ['2B'],
      childsViews: 'Wants to stay at home.',
    })
    expect(created.statusCode).toBe(201)
    const { id, warnings } = created.json()
    expect(warnings.map((w: { code: string }) => w.code)).toContain('8614')
    const got = await sw.api('GET', `/api/v1/children/${pid}/assessments/${id}`)
    expect(got.json()).toMatchObject({ id, factors: ['2B'], state: 'in-progress', version: 1 })
    const put = await sw.api('PUT', `/api/v1/children/${pid}/assessments/${id}`, {
      version: 1,
      startDate: workingDaysAgo(8),
      factors: ['2B', '3A'],
    })
    expect(put.json()).toEqual({ version: 2 })
    const stale = await sw.api('PUT', `/api/v1/children/${pid}/assessments/${id}`, {
      version: 1,
      startDate: workingDaysAgo(8),
      factors: [],
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toContain('factors')
    const list = await sw.api('GET', `/api/v1/children/${pid}/assessments`)
    expect(list.json()[0].assessments[0].factors).toEqual(['2B', '3A'])
    const authorise = await sw.api('POST', `/api/v1/children/${pid}/assessments/${id}/authorise`, {
      version: 2,
      authorisedOn: now,
    })
    expect(authorise.statusCode).toBe(403)
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json()
    expect(
      openapi.paths['/api/v1/children/{personId}/assessments/{assessmentId}/authorise']?.post,
    ).toBeDefined()
    // Another child's assessment cannot be reached through this child.
    expect((await sw.api('GET', `/api/v1/children/${personId}/assessments/${id}`)).statusCode).toBe(404)
  })
})
