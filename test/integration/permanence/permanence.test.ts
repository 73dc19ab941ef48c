import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  carerAssessment,
  changeHistory,
  directWork,
  lacReview,
  permanenceOption,
  permanencePlan,
  person,
  siblingAssessment,
  specialGuardianshipOrder,
} from '../../../src/db/schema/index.ts'
import { addWorkingDays } from '../../../src/domain/calendar/working-days.ts'
import { temporaryApprovalDeadlines } from '../../../src/services/permanence.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childInTeam, dateParts, periodInCare, relative } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const OPTIONS = [
  'return-home',
  'connected-person',
  'special-guardianship',
  'long-term-fostering',
  'adoption',
  'early-permanence',
  'residential',
  'other',
]

/** The permanence plan form: every option answered; some considered with what was found. */
function planForm(over: Record<string, string> = {}) {
  const form: Record<string, string> = {
    ...dateParts('decidedOn', '2026-03-02'),
    chosenOption: 'special-guardianship',
    rationale: 'Her grandmother has cared for her safely for a year and she wants to stay there.',
  }
  for (const o of OPTIONS) {
    const considered = ['return-home', 'special-guardianship', 'adoption', 'long-term-fostering'].includes(o)
    form[`considered-${o}`] = considered ? 'yes' : 'no'
    form[`analysis-${o}`] = considered ? `What we found about ${o}` : ''
  }
  return { ...form, ...over }
}

describe('the permanence plan', () => {
  it('is due by the second looked-after review, and records every option with the rationale', async () => {
    const childId = await childInTeam(t)
    const periodId = await periodInCare(t, childId, '2025-11-03')
    const sw = await t.signedIn('socialworker')
    const before = await sw.get(`/children/${childId}/permanence`)
    expect(before.statusCode).toBe(200)
    // No reviews yet: due 3 months after the first review is due (20 working days after entering care).
    const firstDue = addWorkingDays('2025-11-03', 20)
    expect(before.body).toContain('No permanence plan has been recorded')
    expect(before.body).toContain('Overdue')
    await t.database.db.insert(lacReview).values([
      {
        personId: childId,
        periodOfCareId: periodId,
        heldOn: '2025-11-28',
        participation: 'PN1',
        attendees: [],
        decisions: 'x',
      },
    ])
    expect(firstDue).toBe('2025-12-01')
    const form = await sw.get(`/children/${childId}/permanence/plan/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('28 February 2026')

    const saved = await sw.post(`/children/${childId}/permanence/plan/new`, planForm())
    expect(saved.statusCode, saved.body).toBe(303)
    const [plan] = await t.database.db
      .select()
      .from(permanencePlan)
      .where(eq(permanencePlan.personId, childId))
    expect(plan).toMatchObject({ chosenOption: 'special-guardianship', periodOfCareId: periodId, version: 1 })
    const options = await t.database.db
      .select()
      .from(permanenceOption)
      .where(eq(permanenceOption.permanencePlanId, plan!.id))
    expect(options).toHaveLength(8)
    expect(options.find((o) => o.option === 'adoption')).toMatchObject({
      considered: true,
      analysis: 'What we found about adoption',
    })
    const page = await sw.get(`/children/${childId}/permanence`)
    expect(page.body).toContain('Special guardianship')
    expect(page.body).toContain('Her grandmother has cared for her safely')
    expect(page.body).toContain('Made late')
    const logged = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.personId, childId), eq(accessLog.subjectType, 'permanence-plan')))
    expect(logged.map((l) => l.action)).toEqual(['create'])
  })

  it('refuses a plan without a rationale, an unanswered option, an unanalysed option or a choice not considered, and saves nothing', async () => {
    const childId = await childInTeam(t)
    await periodInCare(t, childId, '2025-11-03')
    const sw = await t.signedIn('socialworker')
    const response = await sw.post(
      `/children/${childId}/permanence/plan/new`,
      planForm({
        rationale: '',
        'considered-residential': '',
        'analysis-adoption': '',
        chosenOption: 'early-permanence',
        'decidedOn-day': '31',
        'decidedOn-month': '2',
      }),
    )
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Explain why this plan was chosen over the others')
    expect(response.body).toContain('Say whether residential care was considered')
    expect(response.body).toContain('Write what you found about adoption')
    expect(response.body).toContain('The plan chosen must be one of the options considered')
    expect(response.body).toContain('The date of the decision must be a real date')
    expect(
      await t.database.db.select().from(permanencePlan).where(eq(permanencePlan.personId, childId)),
    ).toEqual([])
    // Before the child came into care.
    const early = await sw.post(
      `/children/${childId}/permanence/plan/new`,
      planForm({ ...dateParts('decidedOn', '2025-10-01') }),
    )
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The decision cannot be before the child became looked after')
  })

  it('keeps versions: the second of two edits is refused saying what changed, and every change is in the history', async () => {
    const childId = await childInTeam(t)
    await periodInCare(t, childId, '2025-11-03')
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    expect((await sw.post(`/children/${childId}/permanence/plan/new`, planForm())).statusCode).toBe(303)
    const again = await sw.post(`/children/${childId}/permanence/plan/new`, planForm())
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('A permanence plan was already recorded')
    const [plan] = await t.database.db
      .select()
      .from(permanencePlan)
      .where(eq(permanencePlan.personId, childId))
    const edit = await sw.get(`/children/${childId}/permanence/plan/${plan!.id}/edit`)
    expect(edit.body).toContain('name="version" value="1"')
    const first = await tm.post(
      `/children/${childId}/permanence/plan/${plan!.id}/edit`,
      planForm({
        version: '1',
        chosenOption: 'adoption',
        rationale: 'Her grandmother can no longer care for her.',
        reason: 'Grandmother ill',
      }),
    )
    expect(first.statusCode, first.body).toBe(303)
    const second = await sw.post(
      `/children/${childId}/permanence/plan/${plan!.id}/edit`,
      planForm({ version: '1', rationale: 'Something else' }),
    )
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('Someone else changed the permanence plan')
    expect(second.body).toContain('chosenOption')
    const [row] = await t.database.db.select().from(permanencePlan).where(eq(permanencePlan.id, plan!.id))
    expect(row).toMatchObject({ version: 2, chosenOption: 'adoption' })
    const history = await sw.get(`/children/${childId}/permanence/plan/${plan!.id}/history`)
    expect(history.statusCode).toBe(200)
    expect(history.body).toContain('Version 2')
    expect(history.body).toContain('Grandmother ill')
    expect(history.body).toContain('Her grandmother can no longer care for her.')
    const api = await sw.api('GET', `/api/v1/children/${childId}/permanence/plans/${plan!.id}/versions`)
    expect(api.statusCode).toBe(200)
    expect(api.json()).toHaveLength(2)
  })

  it('works through the API with problems for bad input', async () => {
    const childId = await childInTeam(t)
    await periodInCare(t, childId, '2025-11-03')
    const sw = await t.signedIn('socialworker')
    const options = OPTIONS.map((option) => ({
      option,
      considered: option !== 'other',
      analysis: option === 'other' ? '' : 'Found',
    }))
    const bad = await sw.api('POST', `/api/v1/children/${childId}/permanence/plans`, {
      decidedOn: '2026-03-01',
      chosenOption: 'other',
      rationale: 'Because',
      options,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(JSON.stringify(bad.json())).toContain('The plan chosen must be one of the options considered')
    const unknown = await sw.api('POST', `/api/v1/children/${childId}/permanence/plans`, {
      decidedOn: '2026-03-01',
      chosenOption: 'orphanage',
      rationale: 'Because',
      options,
    })
    expect(unknown.statusCode).toBe(400)
    const created = await sw.api('POST', `/api/v1/children/${childId}/permanence/plans`, {
      decidedOn: '2026-03-01',
      chosenOption: 'long-term-fostering',
      rationale: 'Settled with her carers',
      options,
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    const put = await sw.api('PUT', `/api/v1/children/${childId}/permanence/plans/${id}`, {
      version: 1,
      decidedOn: '2026-03-01',
      chosenOption: 'long-term-fostering',
      rationale: 'Settled with her carers, and she says she wants to stay',
      options,
    })
    expect(put.json()).toEqual({ version: 2 })
    const stale = await sw.api('PUT', `/api/v1/children/${childId}/permanence/plans/${id}`, {
      version: 1,
      decidedOn: '2026-03-01',
      chosenOption: 'adoption',
      rationale: 'x',
      options,
    })
    expect(stale.statusCode).toBe(409)
    const read = await sw.api('GET', `/api/v1/children/${childId}/permanence`)
    expect(read.json().plan).toMatchObject({ id, chosenOption: 'long-term-fostering', version: 2 })
  })

  it('is refused to a user outside the child’s team', async () => {
    const childId = await childInTeam(t)
    const iro = await t.signedIn('iro')
    expect((await iro.get(`/children/${childId}/permanence`)).statusCode).toBe(404)
    expect((await iro.post(`/children/${childId}/permanence/plan/new`, planForm())).statusCode).toBe(404)
    expect((await iro.api('GET', `/api/v1/children/${childId}/permanence`)).statusCode).toBe(404)
    expect((await iro.api('GET', `/api/v1/children/${childId}/adoption`)).statusCode).toBe(404)
    expect((await iro.api('GET', `/api/v1/children/${childId}/care-leaver`)).statusCode).toBe(404)
  })
})

describe('permanence before care (903 PrevPerm)', () => {
  it('records the previous order against the person’s version, and refuses dates or an authority with Z1', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/permanence/previous`)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const bad = await sw.post(`/children/${childId}/permanence/previous`, {
      version,
      previousPermanence: 'Z1',
      previousPermanenceLa: '352',
      ...dateParts('previousPermanenceOn', '2022-05-01'),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Leave the local authority empty')
    expect(bad.body).toContain('Leave the date empty')
    const unknown = await sw.post(`/children/${childId}/permanence/previous`, {
      version,
      previousPermanence: 'P9',
      previousPermanenceLa: 'XYZ',
    })
    expect(unknown.body).toContain('Choose whether the child had a previous permanent home')
    const ok = await sw.post(`/children/${childId}/permanence/previous`, {
      version,
      previousPermanence: 'P2',
      previousPermanenceLa: 'wal',
      ...dateParts('previousPermanenceOn', '2022-05-01'),
    })
    expect(ok.statusCode, ok.body).toBe(303)
    const [row] = await t.database.db.select().from(person).where(eq(person.id, childId))
    expect(row).toMatchObject({
      previousPermanence: 'P2',
      previousPermanenceLa: 'WAL',
      previousPermanenceOn: '2022-05-01',
    })
    const stale = await sw.post(`/children/${childId}/permanence/previous`, {
      version,
      previousPermanence: 'P1',
    })
    expect(stale.statusCode).toBe(409)
    expect((await sw.get(`/children/${childId}/permanence`)).body).toContain(
      'Special guardianship order (SGO)',
    )
  })
})

describe('brothers and sisters', () => {
  it('records together or apart, and why, only for a recorded brother or sister', async () => {
    const childId = await childInTeam(t)
    const sister = await relative(t, childId, 'sibling', {
      givenName: 'Maisie',
      familyName: 'Testing',
      dateOfBirth: '2017-01-01',
    })
    const stranger = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/permanence/siblings/new`)
    expect(form.body).toContain('Maisie Testing')
    const bad = await sw.post(`/children/${childId}/permanence/siblings/new`, {
      siblingPersonId: String(stranger),
      ...dateParts('assessedOn', '2026-02-01'),
      outcome: 'sideways',
      rationale: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Choose a brother or sister from the list')
    expect(bad.body).toContain('Choose together or apart')
    expect(bad.body).toContain('Explain why')
    expect(
      await t.database.db.select().from(siblingAssessment).where(eq(siblingAssessment.personId, childId)),
    ).toEqual([])
    const ok = await sw.post(`/children/${childId}/permanence/siblings/new`, {
      siblingPersonId: String(sister),
      ...dateParts('assessedOn', '2026-02-01'),
      outcome: 'together',
      rationale: 'They are close and both want to live together.',
    })
    expect(ok.statusCode, ok.body).toBe(303)
    const page = await sw.get(`/children/${childId}/permanence`)
    expect(page.body).toContain('Live together')
    expect(page.body).toContain('They are close')
  })
})

describe('family and friends assessed as carers', () => {
  it('shows the regulation 24 deadlines, allows one extension of up to 8 weeks, and refuses more', async () => {
    expect(temporaryApprovalDeadlines('2026-01-05', null, '2026-02-01')).toMatchObject({
      expiresOn: '2026-04-27',
      latestExtension: '2026-06-22',
      endsOn: '2026-04-27',
      expired: false,
    })
    const childId = await childInTeam(t)
    const gran = await relative(t, childId, 'grandparent', { givenName: 'Edith', familyName: 'Testing' })
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${childId}/permanence/carers/new`)
    expect(form.body).toContain('Edith Testing (grandparent)')
    const both = await sw.post(`/children/${childId}/permanence/carers/new`, {
      carerPersonId: String(gran),
      'newCarer.givenName': 'Someone',
      'newCarer.familyName': 'Else',
      kind: 'special-guardianship',
      ...dateParts('startedOn', '2026-01-05'),
      ...dateParts('temporaryApprovalOn', '2026-01-05'),
    })
    expect(both.statusCode).toBe(400)
    expect(both.body).toContain('Choose someone from the list or add someone new, not both')
    expect(both.body).toContain(
      'Temporary approval (regulation 24) is only for connected person foster carers',
    )
    const ok = await sw.post(`/children/${childId}/permanence/carers/new`, {
      carerPersonId: String(gran),
      kind: 'connected-person',
      ...dateParts('startedOn', '2026-01-05'),
      ...dateParts('temporaryApprovalOn', '2026-01-05'),
    })
    expect(ok.statusCode, ok.body).toBe(303)
    const [a] = await t.database.db
      .select()
      .from(carerAssessment)
      .where(eq(carerAssessment.childPersonId, childId))
    const page = await sw.get(`/children/${childId}/permanence`)
    expect(page.body).toContain('Expires 27 April 2026')
    expect(page.body).toContain('22 June 2026 at the latest')

    const tooLong = await sw.post(`/children/${childId}/permanence/carers/${a!.id}/edit`, {
      version: '1',
      ...dateParts('temporaryApprovalOn', '2026-01-05'),
      ...dateParts('temporaryApprovalExtendedTo', '2026-06-23'),
      ...dateParts('completedOn', '2025-12-01'),
    })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.body).toContain('it must end on or before 22 June 2026')
    expect(tooLong.body).toContain('The assessment cannot be completed before it started')
    expect(tooLong.body).toContain('Choose the outcome of the assessment')
    const extended = await sw.post(`/children/${childId}/permanence/carers/${a!.id}/edit`, {
      version: '1',
      ...dateParts('temporaryApprovalOn', '2026-01-05'),
      ...dateParts('temporaryApprovalExtendedTo', '2026-06-22'),
    })
    expect(extended.statusCode, extended.body).toBe(303)
    const stale = await sw.post(`/children/${childId}/permanence/carers/${a!.id}/edit`, {
      version: '1',
      ...dateParts('completedOn', '2026-02-01'),
      outcome: 'positive',
    })
    expect(stale.statusCode).toBe(409)
    expect((await sw.get(`/children/${childId}/permanence`)).body).toContain('extended to 22 June 2026')

    // A new carer, added to Hearth as a person, with the change history and the access log.
    const added = await sw.post(`/children/${childId}/permanence/carers/new`, {
      'newCarer.givenName': 'Aunty',
      'newCarer.familyName': 'Testing',
      kind: 'special-guardianship',
      ...dateParts('startedOn', '2026-01-10'),
    })
    expect(added.statusCode, added.body).toBe(303)
    const [newCarer] = await t.database.db.select().from(person).where(eq(person.givenName, 'Aunty'))
    expect(newCarer).toBeDefined()
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(eq(changeHistory.entityId, String(newCarer!.id)))
    expect(history.some((h) => h.entityType === 'person' && h.field === 'givenName')).toBe(true)

    // A special guardianship order with that carer.
    const noGuardian = await sw.post(`/children/${childId}/permanence/special-guardianship/new`, {
      ...dateParts('madeOn', '2026-03-01'),
    })
    expect(noGuardian.body).toContain('Choose the special guardian')
    const sgo = await sw.post(`/children/${childId}/permanence/special-guardianship/new`, {
      guardianPersonId: String(newCarer!.id),
      ...dateParts('madeOn', '2026-03-01'),
    })
    expect(sgo.statusCode, sgo.body).toBe(303)
    expect(
      await t.database.db
        .select()
        .from(specialGuardianshipOrder)
        .where(eq(specialGuardianshipOrder.personId, childId)),
    ).toHaveLength(1)
  })
})

describe('life-story work and later-life letters', () => {
  it('plans direct work by a date, shows it overdue, and records it done once', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const bad = await sw.post(`/children/${childId}/permanence/direct-work/new`, { kind: 'knitting' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Choose the kind of work')
    expect(bad.body).toContain('Enter the date it is to be done by')
    const ok = await sw.post(`/children/${childId}/permanence/direct-work/new`, {
      kind: 'life-story-work',
      ...dateParts('plannedBy', '2026-01-31'),
      notes: 'With her foster carer',
    })
    expect(ok.statusCode).toBe(303)
    const [work] = await t.database.db.select().from(directWork).where(eq(directWork.personId, childId))
    const page = await sw.get(`/children/${childId}/permanence`)
    expect(page.body).toContain('Life-story work')
    expect(page.body).toContain('Overdue')
    const done = await sw.post(`/children/${childId}/permanence/direct-work/${work!.id}/complete`, {
      ...dateParts('completedOn', '2026-02-10'),
    })
    expect(done.statusCode, done.body).toBe(303)
    const twice = await sw.post(`/children/${childId}/permanence/direct-work/${work!.id}/complete`, {
      ...dateParts('completedOn', '2026-02-11'),
    })
    expect(twice.statusCode).toBe(409)
    const [row] = await t.database.db.select().from(directWork).where(eq(directWork.id, work!.id))
    expect(row!.completedOn).toBe('2026-02-10')
  })
})
