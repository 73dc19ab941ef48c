import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iroContact, iroEscalation, lacReview } from '../../../src/db/schema/index.ts'
import { addWorkingDays } from '../../../src/domain/calendar/working-days.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { userWith } from '../practice/support.ts'
import { childInTeam, dateParts, startForm, workerOf } from './support.ts'

let t: TestApp
let childId: number
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childInTeam(t, { dateOfBirth: '2012-05-05' })
  const iro = await workerOf(t, 'iro')
  const sw = await t.signedIn('socialworker')
  const started = await sw.post(`/children/${childId}/looked-after/start`, {
    ...startForm('2026-03-02'),
    iroWorkerId: String(iro.workerId),
  })
  expect(started.statusCode, started.body).toBe(303)
})
afterAll(() => t.close())

const review = (heldOn: string, over: Record<string, string> = {}) => ({
  ...dateParts('heldOn', heldOn),
  participation: 'PN1',
  childsViews: 'I like it here but I want to see my brother more',
  attendees: 'Child\nFoster carer\nSocial worker',
  decisions: 'Sibling contact to increase to fortnightly',
  ...over,
})

describe('looked-after reviews', () => {
  it('refuses a review before the child became looked after, or without participation, and saves nothing', async () => {
    const iro = await t.signedIn('iro')
    const before = await iro.post(`/children/${childId}/looked-after/reviews/new`, review('2026-02-20'))
    expect(before.statusCode).toBe(400)
    expect(before.body).toContain('the child became looked after on 2 March 2026')
    const noCode = await iro.post(
      `/children/${childId}/looked-after/reviews/new`,
      review('2026-03-25', { participation: '' }),
    )
    expect(noCode.body).toContain('Choose how the child took part in the review')
    const unknownCode = await iro.post(
      `/children/${childId}/looked-after/reviews/new`,
      review('2026-03-25', { participation: 'PN9' }),
    )
    expect(unknownCode.body).toContain('Choose how the child took part in the review')
    const under4Code = await iro.post(
      `/children/${childId}/looked-after/reviews/new`,
      review('2026-03-25', { participation: 'PN0' }),
    )
    expect(under4Code.body).toContain('PN0 is only for a child under 4')
    const noViews = await iro.post(
      `/children/${childId}/looked-after/reviews/new`,
      review('2026-03-25', { childsViews: '' }),
    )
    expect(noViews.body).toContain('Record the child&#39;s views')
    expect(await t.database.db.select().from(lacReview).where(eq(lacReview.personId, childId))).toEqual([])
  })

  it('refuses a review after care ended, or between two periods of care, saying when care ended', async () => {
    const twiceInCare = await childInTeam(t, { dateOfBirth: '2013-07-07' })
    const sw = await t.signedIn('socialworker')
    const start = async (on: string) =>
      expect((await sw.post(`/children/${twiceInCare}/looked-after/start`, startForm(on))).statusCode).toBe(
        303,
      )
    const cease = async (on: string) => {
      const form = await sw.get(`/children/${twiceInCare}/looked-after/cease`)
      const response = await sw.post(`/children/${twiceInCare}/looked-after/cease`, {
        version: /name="version" value="(\d+)"/.exec(form.body)![1]!,
        ...dateParts('endDate', on),
        reasonCeased: 'E4A',
        destination: 'Home to her father',
        supportPlan: 'Child in need plan with weekly visits',
      })
      expect(response.statusCode, response.body).toBe(303)
    }
    await start('2026-01-05')
    await cease('2026-02-27')
    const chair = await workerOf(t, 'iro')
    const review = (heldOn: string) =>
      sw.post(`/children/${twiceInCare}/looked-after/reviews/new`, {
        ...dateParts('heldOn', heldOn),
        iroWorkerId: String(chair.workerId),
        participation: 'PN1',
        childsViews: 'I want to stay at Dad’s',
        attendees: 'Child\nFather',
        decisions: 'Care to end',
      })
    const afterCare = await review('2026-03-10')
    expect(afterCare.statusCode).toBe(400)
    expect(afterCare.body).toContain(
      'the child was not looked after on 10 March 2026 (care ended on 27 February 2026)',
    )
    await start('2026-04-06')
    const between = await review('2026-03-10')
    expect(between.statusCode).toBe(400)
    expect(between.body).toContain(
      'the child was not looked after on 10 March 2026 (care ended on 27 February 2026 and began again on 6 April 2026)',
    )
    const beforeCare = await review('2025-12-01')
    expect(beforeCare.body).toContain('the child became looked after on 5 January 2026')
    expect(await t.database.db.select().from(lacReview).where(eq(lacReview.personId, twiceInCare))).toEqual(
      [],
    )
  })

  it('records the IRO-chaired review, and schedules the next within 3 months', async () => {
    const iro = await t.signedIn('iro')
    const before = await iro.get(`/children/${childId}/looked-after/reviews`)
    expect(before.body).toContain(`Next looked-after review due by`)
    const response = await iro.post(`/children/${childId}/looked-after/reviews/new`, review('2026-03-25'))
    expect(response.statusCode, response.body).toBe(303)
    const [row] = await t.database.db.select().from(lacReview).where(eq(lacReview.personId, childId))
    const iroWorker = await workerOf(t, 'iro')
    expect(row).toMatchObject({
      heldOn: '2026-03-25',
      participation: 'PN1',
      attendees: ['Child', 'Foster carer', 'Social worker'],
      iroWorkerId: iroWorker.workerId,
    })
    const page = await iro.get(`/children/${childId}/looked-after/reviews`)
    expect(page.body).toContain('PN1 – Child physically attends and speaks for him or herself')
    expect(page.body).toContain('25 June 2026')
  })

  it('records IRO contact between reviews', async () => {
    const iro = await t.signedIn('iro')
    const bad = await iro.post(`/children/${childId}/looked-after/iro-contacts/new`, {
      ...dateParts('contactedOn', '2026-05-01'),
      kind: 'carrier-pigeon',
      notes: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Choose how the IRO was in touch')
    const ok = await iro.post(`/children/${childId}/looked-after/iro-contacts/new`, {
      ...dateParts('contactedOn', '2026-05-01'),
      kind: 'visit',
      notes: 'Saw him at school; wants more time with his brother',
    })
    expect(ok.statusCode).toBe(303)
    expect(
      await t.database.db.select().from(iroContact).where(eq(iroContact.personId, childId)),
    ).toHaveLength(1)
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${childId}/looked-after`)).body).toContain('1 May 2026')
  })
})

describe('IRO escalation (dispute resolution)', () => {
  it('raises an issue with a response due in 10 working days, escalates it a stage, and lists it for managers', async () => {
    const iro = await t.signedIn('iro')
    const missing = await iro.post(`/children/${childId}/looked-after/escalations/new`, {
      stage: 'informal',
      ...dateParts('raisedOn', '2026-07-01'),
      issue: '',
      respondent: '',
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Describe the issue')
    expect(missing.body).toContain('Say who must respond')
    const raised = await iro.post(`/children/${childId}/looked-after/escalations/new`, {
      stage: 'informal',
      ...dateParts('raisedOn', '2026-07-01'),
      issue: 'Sibling contact agreed at the review has not started',
      respondent: 'Team manager, Support and Protect',
    })
    expect(raised.statusCode, raised.body).toBe(303)
    const [first] = await t.database.db
      .select()
      .from(iroEscalation)
      .where(eq(iroEscalation.personId, childId))
    expect(first).toMatchObject({
      stage: 'informal',
      responseDue: addWorkingDays('2026-07-01', 10),
      outcome: null,
    })

    // Managers of the child's team see it on the list across the authority; a team that cannot see the child does not.
    const tm = await t.signedIn('teammanager')
    const list = await tm.get('/looked-after/escalations')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('Sibling contact agreed at the review has not started')
    expect(list.body).toContain(`/children/${childId}/looked-after/reviews`)
    const sw = await workerOf(t, 'socialworker')
    const otherManager = await userWith(t, 'team-manager', { notTeamId: sw.teamId })
    const elsewhere = await t.signedIn(otherManager.username)
    expect((await elsewhere.get('/looked-after/escalations')).body).not.toContain(`/children/${childId}/`)

    const noNext = await tm.post(`/children/${childId}/looked-after/escalations/${first!.id}/respond`, {
      version: String(first!.version),
      response: 'Contact centre has no space until September',
      ...dateParts('respondedOn', '2026-07-10'),
      outcome: 'escalated',
      nextRespondent: '',
    })
    expect(noNext.statusCode).toBe(400)
    expect(noNext.body).toContain('Say who must respond at the next stage')
    const escalated = await tm.post(`/children/${childId}/looked-after/escalations/${first!.id}/respond`, {
      version: String(first!.version),
      response: 'Contact centre has no space until September',
      ...dateParts('respondedOn', '2026-07-10'),
      outcome: 'escalated',
      nextRespondent: 'Head of service',
    })
    expect(escalated.statusCode, escalated.body).toBe(303)
    const rows = await t.database.db
      .select()
      .from(iroEscalation)
      .where(eq(iroEscalation.personId, childId))
      .orderBy(asc(iroEscalation.id))
    expect(rows.map((r) => [r.stage, r.outcome, r.respondent, r.responseDue])).toEqual([
      ['informal', 'escalated', 'Team manager, Support and Protect', addWorkingDays('2026-07-01', 10)],
      ['formal-1', null, 'Head of service', addWorkingDays('2026-07-10', 10)],
    ])
    // The same response sent twice (the first form again) is a conflict, and changes nothing.
    const twice = await tm.post(`/children/${childId}/looked-after/escalations/${first!.id}/respond`, {
      version: String(first!.version),
      response: 'Again',
      ...dateParts('respondedOn', '2026-07-11'),
      outcome: 'resolved',
    })
    expect(twice.statusCode).toBe(409)
    const page = await iro.get(`/children/${childId}/looked-after/reviews`)
    expect(page.body).toContain('Formal stage 1')
  })
})
