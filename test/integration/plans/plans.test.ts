import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLog, changeHistory, plan, planAction, planVersion } from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { actionFields, childWithReferral, dateFields, newPlanForm } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const plansOf = (personId: number) => t.database.db.select().from(plan).where(eq(plan.personId, personId))
const actionsOf = (planId: number) =>
  t.database.db.select().from(planAction).where(eq(planAction.planId, planId)).orderBy(asc(planAction.id))

/** The edit form as the browser would send it back unchanged: every field of the page. */
function editFormOf(html: string): Record<string, string> {
  const form: Record<string, string> = {}
  const start = html.lastIndexOf('<form', html.indexOf('data-draft'))
  const formHtml = html.slice(start, html.indexOf('</form>', start))
  for (const m of formHtml.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    const tag = m[0]
    const name = m[1]!
    if (name === '_csrf') continue
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? ''
    if (/type="radio"/.test(tag) && !/checked/.test(tag)) continue
    form[name] = decode(value)
  }
  for (const m of formHtml.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    form[m[1]!] = decode(m[2]!.trim())
  for (const m of formHtml.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    form[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? ''
  }
  return form
}
const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

describe('plans', () => {
  let personId: number
  let planId: number

  it('makes a child in need plan with SMART actions, on the open referral, as version 1', async () => {
    ;({ personId } = await childWithReferral(t))
    const sw = await t.signedIn('socialworker')
    const form = await sw.get(`/children/${personId}/plans/new?kind=child-in-need`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Make a plan')
    const made = await sw.post(`/children/${personId}/plans/new`, newPlanForm())
    expect(made.statusCode, made.body.slice(0, 3000)).toBe(303)
    planId = Number(made.headers.location!.split('/').pop())
    const [row] = await plansOf(personId)
    expect(row).toMatchObject({
      id: planId,
      kind: 'child-in-need',
      startDate: '2026-09-14',
      nextReviewDue: '2026-12-14',
      version: 1,
      endDate: null,
    })
    expect(row!.referralId).not.toBeNull()
    const actions = await actionsOf(planId)
    expect(actions.map((a) => [a.description, a.ownerDescription, a.dueDate, a.status])).toEqual([
      ['Walk Amira to the school gate each morning', 'Mother', '2026-11-02', 'open'],
      ['Complete the Freedom Programme', 'Mother, with the family support worker', '2027-01-29', 'open'],
    ])
    expect(actions[0]!.outcomeId).not.toBe(actions[1]!.outcomeId)
    const versions = await t.database.db.select().from(planVersion).where(eq(planVersion.planId, planId))
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ version: 1, reason: 'Plan made' })
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'plan'), eq(changeHistory.entityId, String(planId))))
    expect(history.map((h) => h.field)).toContain('contingency')
    const log = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectType, 'plan'), eq(accessLog.subjectId, String(planId))))
    expect(log.map((l) => l.action)).toContain('create')

    const page = await sw.get(`/children/${personId}/plans/${planId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Child in need plan')
    expect(page.body).toContain('Outcome 1: Amira goes to school every day and is ready to learn')
    expect(page.body).toContain('Walk Amira to the school gate each morning')
    // Due on 2 November 2026, still open: marked overdue. The other is not due yet.
    expect(page.body.match(/>\s*Overdue\s*</g)).toHaveLength(1)
    const list = await sw.get(`/children/${personId}/plans`)
    expect(list.body).toContain(`/children/${personId}/plans/${planId}"`)
    expect(list.body).toContain('1 overdue')
  })

  it('refuses a second current child in need plan for the same child', async () => {
    const sw = await t.signedIn('socialworker')
    const second = await sw.post(`/children/${personId}/plans/new`, newPlanForm())
    expect(second.statusCode).toBe(400)
    expect(second.body).toContain(
      'This child already has a current child in need plan, started 14 September 2026',
    )
    expect(await plansOf(personId)).toHaveLength(1)
    const api = await sw.api('POST', `/api/v1/children/${personId}/plans`, {
      kind: 'child-in-need',
      startDate: '2026-10-01',
      nextReviewDue: '2026-12-01',
      contingency: 'x',
      nonEngagementStrategy: 'y',
      outcomes: ['Safe'],
      actions: [
        { description: 'Visit', ownerDescription: 'Social worker', dueDate: '2026-12-01', measure: 'Seen' },
      ],
    })
    expect(api.statusCode).toBe(400)
    expect(api.json().errors[0].detail).toContain('already has a current child in need plan')
    // An early help plan is another kind: it may be current alongside.
    const eh = await sw.post(`/children/${personId}/plans/new`, newPlanForm({ kind: 'early-help' }))
    expect(eh.statusCode).toBe(303)
  })

  it('refuses actions that are not SMART, and other bad input, saying what is missing and making nothing', async () => {
    const { personId: child } = await childWithReferral(t)
    const sw = await t.signedIn('socialworker')
    const response = await sw.post(
      `/children/${child}/plans/new`,
      newPlanForm({
        ...actionFields(0, {
          description: 'Walk Amira to school',
          dueDate: '2026-11-02',
          measure: 'Attendance',
        }),
        ...actionFields(1, { description: 'Complete the Freedom Programme', owner: 'Mother' }),
        // Row 3 left empty (ignored); row 4 half filled in.
        ...actionFields(3, { description: 'Family group conference' }),
        ...dateFields('startDate', '2026-02-30'),
        contingency: '',
      }),
    )
    expect(response.statusCode).toBe(400)
    for (const message of [
      'Say who does action 1',
      'Say how progress on action 2 will be measured',
      'Enter when action 2 is due',
      'Say who does action 4',
      'Say how progress on action 4 will be measured',
      'The plan start date must be a real date',
      'Say what will happen if the plan does not make enough progress',
    ])
      expect(response.body, message).toContain(message)
    expect(response.body).not.toContain('action 3')
    expect(response.body).toContain('href="#actions[0].owner"')
    // What was typed is kept.
    expect(response.body).toContain('Family group conference')

    const wrongKind = await sw.post(`/children/${child}/plans/new`, newPlanForm({ kind: 'child-protection' }))
    expect(wrongKind.body).toContain('Choose a child in need plan or an early help plan')
    const nothing = await sw.post(`/children/${child}/plans/new`, { kind: 'child-in-need' })
    expect(nothing.body).toContain('Describe at least one outcome for the child')
    expect(nothing.body).toContain('Add at least one action')
    expect(await plansOf(child)).toHaveLength(0)

    const { personId: noReferral } = await childWithReferral(t, { referral: false })
    const refused = await sw.post(`/children/${noReferral}/plans/new`, newPlanForm())
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('This child has no open referral')
    expect(await plansOf(noReferral)).toHaveLength(0)
  })

  it('saves each change as a new version with its reason; closes actions, never deletes them', async () => {
    const sw = await t.signedIn('socialworker')
    const edit = await sw.get(`/children/${personId}/plans/${planId}/edit`)
    expect(edit.statusCode).toBe(200)
    const form = editFormOf(edit.body)
    expect(form.version).toBe('1')
    const [first, second] = await actionsOf(planId)

    const noReason = await sw.post(`/children/${personId}/plans/${planId}/edit`, {
      ...form,
      contingency: 'Changed without a reason',
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Say why the plan is changing')
    expect((await plansOf(personId)).find((p) => p.id === planId)!.version).toBe(1)

    const saved = await sw.post(`/children/${personId}/plans/${planId}/edit`, {
      ...form,
      contingency: 'A strategy discussion the same day if Amira reports feeling unsafe.',
      'actions[0].status': 'done',
      ...dateFields('actions[1].dueDate', '2027-02-26'),
      // The first empty row becomes a new action.
      'actions[2].description': 'Refer Amira to the young carers group',
      'actions[2].owner': 'Social worker',
      ...dateFields('actions[2].dueDate', '2026-12-11'),
      'actions[2].measure': 'Amira has started at the group',
      'actions[2].outcome': '0',
      reason: 'Agreed at the CIN meeting on 20 November',
    })
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303)
    const [row] = (await plansOf(personId)).filter((p) => p.id === planId)
    expect(row).toMatchObject({
      version: 2,
      contingency: 'A strategy discussion the same day if Amira reports feeling unsafe.',
    })
    const actions = await actionsOf(planId)
    expect(actions).toHaveLength(3)
    expect(actions.find((a) => a.id === first!.id)).toMatchObject({ status: 'done' })
    expect(actions.find((a) => a.id === first!.id)!.completedOn).not.toBeNull()
    expect(actions.find((a) => a.id === second!.id)).toMatchObject({ status: 'open', dueDate: '2027-02-26' })
    expect(actions.find((a) => a.description === 'Refer Amira to the young carers group')!.outcomeId).toBe(
      first!.outcomeId,
    )
    const [v2] = await t.database.db
      .select()
      .from(planVersion)
      .where(and(eq(planVersion.planId, planId), eq(planVersion.version, 2)))
    expect(v2!.reason).toBe('Agreed at the CIN meeting on 20 November')
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(
        and(
          eq(changeHistory.entityType, 'plan'),
          eq(changeHistory.entityId, String(planId)),
          eq(changeHistory.version, 2),
        ),
      )
    expect(history.map((h) => h.field).sort()).toEqual(
      [
        'contingency',
        `action:${first!.id}:status`,
        `action:${second!.id}:dueDate`,
        `action:${actions[2]!.id}`,
      ].sort(),
    )
    expect(history.every((h) => h.reason === 'Agreed at the CIN meeting on 20 November')).toBe(true)

    // The API cannot delete an action either: an action left out of a change stays as it was.
    const api = await sw.api('PUT', `/api/v1/children/${personId}/plans/${planId}`, {
      version: 2,
      reason: 'Next review brought forward',
      nextReviewDue: '2026-12-07',
      actions: [],
    })
    expect(api.statusCode, api.body).toBe(200)
    expect(api.json()).toEqual({ version: 3 })
    expect(await actionsOf(planId)).toHaveLength(3)
  })

  it('shows every version with who, when and why, and the plan as it stood on a date', async () => {
    // Version 1 was saved in October, the later ones today.
    await t.database.db
      .update(planVersion)
      .set({ savedAt: new Date('2026-10-01T12:00:00Z') })
      .where(and(eq(planVersion.planId, planId), eq(planVersion.version, 1)))
    const sw = await t.signedIn('socialworker')
    const then = await sw.get(`/children/${personId}/plans/${planId}?asAt=2026-10-15`)
    expect(then.statusCode).toBe(200)
    expect(then.body).toContain('as it stood on 15 October 2026')
    expect(then.body).toContain('version 1 of the plan')
    expect(then.body).toContain('A strategy discussion if Amira reports feeling unsafe again.')
    expect(then.body).not.toContain('young carers group')
    const now = await sw.get(`/children/${personId}/plans/${planId}`)
    expect(now.body).toContain('young carers group')
    expect(now.body).toContain('A strategy discussion the same day')

    const before = await sw.get(`/children/${personId}/plans/${planId}?asAt=2026-09-01`)
    expect(before.statusCode).toBe(200)
    expect(before.body).toContain('This plan had not been made by 1 September 2026')
    const nonsense = await sw.get(`/children/${personId}/plans/${planId}?asAt=2026-13-45`)
    expect(nonsense.statusCode).toBe(400)
    expect(nonsense.body).toContain('Enter a real date')

    const history = await sw.get(`/children/${personId}/plans/${planId}/history`)
    expect(history.statusCode).toBe(200)
    for (const text of [
      'Version 3',
      'Version 2',
      'Version 1',
      'Agreed at the CIN meeting on 20 November',
      'Next review brought forward',
      'Contingency plan',
      'A strategy discussion if Amira reports feeling unsafe again.',
      'Action added',
      'young carers group',
      ': status',
    ])
      expect(history.body, text).toContain(text)

    const api = await sw.api('GET', `/api/v1/children/${personId}/plans/${planId}?asAt=2026-10-15`)
    expect(api.statusCode).toBe(200)
    expect(api.json()).toMatchObject({ asAt: '2026-10-15', version: 1, reason: 'Plan made' })
    expect(api.json().plan.actions).toHaveLength(2)
    const versions = await sw.api('GET', `/api/v1/children/${personId}/plans/${planId}/versions`)
    expect(versions.json().map((v: { version: number }) => v.version)).toEqual([3, 2, 1])
    expect(versions.json()[0].differences).toEqual([
      expect.objectContaining({ key: 'nextReviewDue', from: '14 December 2026', to: '7 December 2026' }),
    ])
  })

  it('refuses the second of two concurrent saves, listing what the first person changed', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const swForm = editFormOf((await sw.get(`/children/${personId}/plans/${planId}/edit`)).body)
    const tmForm = editFormOf((await tm.get(`/children/${personId}/plans/${planId}/edit`)).body)
    expect(swForm.version).toBe('3')
    const first = await tm.post(`/children/${personId}/plans/${planId}/edit`, {
      ...tmForm,
      nonEngagementStrategy: 'Legal planning meeting if Mother does not engage for 4 weeks.',
      // Rows 0–2 hold the plan's three actions; row 3 is the first empty one.
      'actions[3].description': 'Ask the school nurse to see Amira',
      'actions[3].owner': 'School nurse',
      ...dateFields('actions[3].dueDate', '2026-12-04'),
      'actions[3].measure': 'Nurse’s notes shared with the social worker',
      reason: 'Manager’s oversight after the strategy discussion',
    })
    expect(first.statusCode).toBe(303)
    const second = await sw.post(`/children/${personId}/plans/${planId}/edit`, {
      ...swForm,
      contingency: 'My own change',
      reason: 'Updating the contingency',
    })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('Someone else changed this plan while you were working on it.')
    expect(second.body).toContain('If the child or family do not engage')
    expect(second.body).toContain('Legal planning meeting if Mother does not engage for 4 weeks.')
    expect(second.body).toContain('Action added')
    expect(second.body).toContain('Ask the school nurse to see Amira')
    expect(second.body).toContain('Manager’s oversight after the strategy discussion')
    // What the second person typed is still on the form, and nothing of theirs was saved.
    expect(second.body).toContain('My own change')
    const [row] = (await plansOf(personId)).filter((p) => p.id === planId)
    expect(row).toMatchObject({ version: 4 })
    expect(row!.contingency).not.toBe('My own change')

    const api = await sw.api('PUT', `/api/v1/children/${personId}/plans/${planId}`, {
      version: 3,
      reason: 'Stale',
      contingency: 'Stale change',
    })
    expect(api.statusCode).toBe(409)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(api.json().detail).toContain('Legal planning meeting')
  })

  it('keeps plans from anyone outside the child’s team, and a plan to its own child', async () => {
    const { personId: other } = await childWithReferral(t, { allocated: false })
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${other}/plans`)).statusCode).toBe(404)
    expect((await sw.get(`/children/${other}/plans/new`)).statusCode).toBe(404)
    expect((await sw.post(`/children/${other}/plans/new`, newPlanForm())).statusCode).toBe(404)
    expect((await sw.api('GET', `/api/v1/children/${other}/plans`)).statusCode).toBe(404)
    expect(await plansOf(other)).toHaveLength(0)
    // Another child the worker can see: this child's plan is not reachable through their record.
    const { personId: visible } = await childWithReferral(t)
    expect((await sw.get(`/children/${visible}/plans/${planId}`)).statusCode).toBe(404)
    expect((await sw.get(`/children/${visible}/plans/${planId}/history`)).statusCode).toBe(404)
    expect(
      (await sw.api('PUT', `/api/v1/children/${visible}/plans/${planId}`, { version: 4, reason: 'x' }))
        .statusCode,
    ).toBe(404)
    // An auditor may read the plan but not change it.
    const auditor = await t.signedIn('auditor')
    expect((await auditor.get(`/children/${personId}/plans/${planId}`)).statusCode).toBe(200)
    expect((await auditor.get(`/children/${personId}/plans/${planId}/edit`)).statusCode).toBe(403)
  })

  it('ends a plan once its actions are closed, so a new plan of the same kind can be made', async () => {
    const { personId: child } = await childWithReferral(t)
    const sw = await t.signedIn('socialworker')
    const made = await sw.post(`/children/${child}/plans/new`, newPlanForm())
    const id = Number(made.headers.location!.split('/').pop())
    const form = editFormOf((await sw.get(`/children/${child}/plans/${id}/edit`)).body)
    const ending = { ...form, ...dateFields('endDate', '2026-11-20'), reason: 'Needs met; case to close' }
    // An end before the start (14 September 2026) is refused, whatever else is right.
    const backwards = await sw.post(`/children/${child}/plans/${id}/edit`, {
      ...ending,
      ...dateFields('endDate', '2026-09-10'),
      'actions[0].status': 'done',
      'actions[1].status': 'not-done',
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.body).toContain('The plan cannot end before it started (14 September 2026)')
    expect((await plansOf(child))[0]).toMatchObject({ endDate: null, version: 1 })
    const refused = await sw.post(`/children/${child}/plans/${id}/edit`, ending)
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Close the 2 open actions as done or not done before ending the plan')
    const ended = await sw.post(`/children/${child}/plans/${id}/edit`, {
      ...ending,
      'actions[0].status': 'done',
      'actions[1].status': 'not-done',
    })
    expect(ended.statusCode).toBe(303)
    const [row] = await plansOf(child)
    expect(row).toMatchObject({ endDate: '2026-11-20', version: 2 })
    // An ended plan is kept as it was.
    const page = await sw.get(`/children/${child}/plans/${id}/edit`)
    expect(page.body).toContain('An ended plan is kept as it was and cannot be changed')
    const late = await sw.api('PUT', `/api/v1/children/${child}/plans/${id}`, {
      version: 2,
      reason: 'x',
      contingency: 'y',
    })
    expect(late.statusCode).toBe(400)
    expect((await plansOf(child))[0]!.version).toBe(2)
    // With no current child in need plan, a new one may be made.
    const next = await sw.post(
      `/children/${child}/plans/new`,
      newPlanForm({ ...dateFields('startDate', '2026-11-21') }),
    )
    expect(next.statusCode).toBe(303)
  })
})
