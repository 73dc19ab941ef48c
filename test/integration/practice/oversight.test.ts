import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeHistory, oversight, oversightAction } from '../../../src/db/schema/index.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childOfSocialWorker, dateParts, demoWorker, userWith } from './support.ts'

let t: TestApp
let childId: number
let swWorkerId: number
beforeAll(async () => {
  t = await buildTestApp()
  childId = await childOfSocialWorker(t, { givenName: 'Noah', familyName: 'Bennett' })
  swWorkerId = (await demoWorker(t, 'socialworker')).workerId
})
afterAll(() => t.close())

const entryForm = (overrides: Record<string, string> = {}) => ({
  kind: 'case-review',
  ...dateParts('recordedOn', today()),
  decision: 'Continue the child in need plan and increase visits to weekly.',
  rationale:
    'School reports Noah arriving hungry twice this month; mother is struggling since losing her job, so closer support is needed.',
  challenge: 'Have you spoken to Noah alone about what mealtimes are like at home?',
  'actions[0].description': 'See Noah alone at school and ask about meals',
  'actions[0].ownerWorkerId': String(swWorkerId),
  ...dateParts('actions[0].dueDate', '2027-01-15'),
  ...overrides,
})

const entryCount = async () =>
  (await t.database.db.select().from(oversight).where(eq(oversight.personId, childId))).length

describe('management oversight', () => {
  it('lets a manager record a decision, rationale, challenge and actions with owners and dates', async () => {
    const tm = await t.signedIn('teammanager')
    const form = await tm.get(`/children/${childId}/oversight/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Action 3')
    const saved = await tm.post(`/children/${childId}/oversight/new`, entryForm())
    expect(saved.statusCode).toBe(303)
    const [entry] = await t.database.db.select().from(oversight).where(eq(oversight.personId, childId))
    expect(entry).toMatchObject({ kind: 'case-review', recordedOn: today() })
    const actions = await t.database.db
      .select()
      .from(oversightAction)
      .where(eq(oversightAction.oversightId, entry!.id))
    expect(actions).toEqual([
      expect.objectContaining({ ownerWorkerId: swWorkerId, dueDate: '2027-01-15', completedOn: null }),
    ])
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'oversight'), eq(changeHistory.entityId, String(entry!.id))))
    expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(['decision', 'rationale', 'actions']))

    const page = await tm.get(`/children/${childId}/oversight`)
    expect(page.body).toContain('Continue the child in need plan')
    expect(page.body).toContain('Have you spoken to Noah alone')
    expect(page.body).toContain('See Noah alone at school')
  })

  it('adds another action row without saving anything', async () => {
    const tm = await t.signedIn('teammanager')
    const before = await entryCount()
    const more = await tm.post(`/children/${childId}/oversight/new`, {
      ...entryForm(),
      rows: '3',
      addAction: 'yes',
    })
    expect(more.statusCode).toBe(200)
    expect(more.body).toContain('Action 4')
    expect(more.body).toContain('See Noah alone at school')
    expect(await entryCount()).toBe(before)
  })

  it('refuses an entry that only says the case was reviewed, or has no rationale', async () => {
    const tm = await t.signedIn('teammanager')
    const before = await entryCount()
    const reviewed = await tm.post(
      `/children/${childId}/oversight/new`,
      entryForm({ decision: 'Case reviewed.', rationale: 'Noted.' }),
    )
    expect(reviewed.statusCode).toBe(400)
    expect(reviewed.body).toContain('Say what you decided for the child, not only that the case was reviewed')
    expect(reviewed.body).toContain('Explain why you made this decision')
    const noRationale = await tm.post(`/children/${childId}/oversight/new`, entryForm({ rationale: '' }))
    expect(noRationale.statusCode).toBe(400)
    expect(noRationale.body).toContain('Explain why you made this decision')
    const halfAction = await tm.post(
      `/children/${childId}/oversight/new`,
      entryForm({ 'actions[1].description': 'Refer to the food bank' }),
    )
    expect(halfAction.statusCode).toBe(400)
    expect(halfAction.body).toContain('Choose who will do action 2')
    expect(halfAction.body).toContain('Enter when action 2 is due')
    const api = await tm.api('POST', `/api/v1/children/${childId}/oversight`, {
      kind: 'case-review',
      decision: 'Case reviewed',
      rationale: 'Case reviewed',
    })
    expect(api.statusCode).toBe(400)
    expect(api.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/decision', '/rationale'])
    expect(await entryCount()).toBe(before)
  })

  it('is for managers only; a social worker can mark an action done, once', async () => {
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${childId}/oversight/new`)).statusCode).toBe(403)
    expect((await sw.post(`/children/${childId}/oversight/new`, entryForm())).statusCode).toBe(403)
    expect(
      (
        await sw.api('POST', `/api/v1/children/${childId}/oversight`, {
          kind: 'case-review',
          decision: 'Close the case now please',
          rationale: 'I think it is time to close this case for good now.',
        })
      ).statusCode,
    ).toBe(403)

    const [action] = await t.database.db
      .select({ id: oversightAction.id })
      .from(oversightAction)
      .innerJoin(oversight, eq(oversight.id, oversightAction.oversightId))
      .where(eq(oversight.personId, childId))
      .limit(1)
    const done = await sw.post(`/children/${childId}/oversight/actions/${action!.id}/complete`, {})
    expect(done.statusCode).toBe(303)
    const again = await sw.post(`/children/${childId}/oversight/actions/${action!.id}/complete`, {})
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('Someone has already marked this action as done')
    const [row] = await t.database.db.select().from(oversightAction).where(eq(oversightAction.id, action!.id))
    expect(row!.completedOn).toBe(today())
    const list = await sw.api('GET', `/api/v1/children/${childId}/oversight`)
    expect(list.json()[0].actions[0].status).toBe('done')
  })

  it('records through the API and keeps it from an outsider', async () => {
    const leader = await t.signedIn('leader')
    const created = await leader.api('POST', `/api/v1/children/${childId}/oversight`, {
      kind: 'supervision',
      decision: 'Escalate to a strategy discussion if school reports hunger again.',
      rationale:
        'A pattern is emerging across agencies and the family has not taken up the support offered so far.',
      actions: [
        { description: 'Check in with school weekly', ownerWorkerId: swWorkerId, dueDate: '2027-02-01' },
      ],
    })
    expect(created.statusCode).toBe(201)
    const tm = await demoWorker(t, 'teammanager')
    const otherManager = await userWith(t, 'team-manager', { notTeamId: tm.teamId })
    const outsider = await t.signedIn(otherManager.username)
    expect((await outsider.get(`/children/${childId}/oversight`)).statusCode).toBe(404)
    expect((await outsider.post(`/children/${childId}/oversight/new`, entryForm())).statusCode).toBe(404)
  })
})
