import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { carerAssessment, fosteringPanel, person } from '../../../src/db/schema/index.ts'
import { fosteringPanelEfficiency } from '../../../src/services/fostering.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childInTeam, dateParts, relative, workerOf } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const panelOf = async (carerPersonId: number) => {
  const [row] = await t.database.db
    .select()
    .from(fosteringPanel)
    .where(eq(fosteringPanel.carerPersonId, carerPersonId))
  return row!
}

describe('the fostering panel', () => {
  it('takes a new foster carer from assessment to panel to decision, refusing steps out of order, and measures the time taken', async () => {
    const tm = await t.signedIn('teammanager')
    const missing = await tm.post('/fostering/carers/new', {
      kind: 'mainstream',
      ...dateParts('assessmentStartedOn', '2026-01-05'),
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Enter the carer')
    const added = await tm.post('/fostering/carers/new', {
      'newCarer.givenName': 'Priya',
      'newCarer.familyName': 'Fostercarer',
      kind: 'mainstream',
      ...dateParts('assessmentStartedOn', '2026-01-05'),
    })
    expect(added.statusCode, added.body).toBe(303)
    const [carer] = await t.database.db.select().from(person).where(eq(person.familyName, 'Fostercarer'))
    const panel = await panelOf(carer!.id)

    const decisionFirst = await tm.post(`/fostering/panels/${panel.id}/decision`, {
      decision: 'approved',
      ...dateParts('decisionOn', '2026-05-01'),
    })
    expect(decisionFirst.statusCode).toBe(400)
    expect(decisionFirst.body).toContain('before the decision')
    const earlyPanel = await tm.post(`/fostering/panels/${panel.id}/panel`, {
      ...dateParts('panelOn', '2025-12-01'),
      recommendation: 'Approve',
    })
    expect(earlyPanel.body).toContain('The panel cannot be before the assessment started')
    const held = await tm.post(`/fostering/panels/${panel.id}/panel`, {
      ...dateParts('panelOn', '2026-04-20'),
      recommendation: 'Approve for up to two children aged 0 to 10',
    })
    expect(held.statusCode, held.body).toBe(303)
    const twice = await tm.post(`/fostering/panels/${panel.id}/panel`, {
      ...dateParts('panelOn', '2026-04-21'),
      recommendation: 'Again',
    })
    expect(twice.statusCode).toBe(409)
    const beforePanel = await tm.post(`/fostering/panels/${panel.id}/decision`, {
      decision: 'approved',
      ...dateParts('decisionOn', '2026-04-19'),
    })
    expect(beforePanel.body).toContain('The decision cannot be before the panel')
    const decided = await tm.post(`/fostering/panels/${panel.id}/decision`, {
      decision: 'approved',
      ...dateParts('decisionOn', '2026-05-04'),
    })
    expect(decided.statusCode, decided.body).toBe(303)
    const row = await panelOf(carer!.id)
    expect(row).toMatchObject({ panelOn: '2026-04-20', decision: 'approved', decisionOn: '2026-05-04' })
    expect(row.decidedBy).toBe((await workerOf(t, 'teammanager')).userId)

    const tmUser = {
      id: row.decidedBy!,
      username: 'teammanager',
      displayName: '',
      roles: ['team-manager' as const],
      workerId: null,
      teamId: null,
    }
    const e = await fosteringPanelEfficiency(t.database.db, tmUser, { from: '2026-01-01', to: '2026-12-31' })
    const mine = e.decided.find((d) => d.carerPersonId === carer!.id)
    // 5 January to 20 April is 105 days; to 4 May, 119.
    expect(mine).toMatchObject({ daysToPanel: 105, daysToDecision: 119 })
    expect(e.averageDaysToDecision).not.toBeNull()
    const page = await tm.get('/fostering?from=2026-01-01&to=2026-12-31')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Priya Fostercarer')
    expect(page.body).toContain('119')
    const api = await tm.api('GET', '/api/v1/fostering/panels?from=2026-01-01&to=2026-12-31')
    expect(api.json().decided.some((d: { carerPersonId: number }) => d.carerPersonId === carer!.id)).toBe(
      true,
    )
    // Not for social workers.
    const sw = await t.signedIn('socialworker')
    expect((await sw.get('/fostering')).statusCode).toBe(403)
    expect(
      (
        await sw.api('POST', `/api/v1/fostering/panels/${panel.id}/decision`, {
          decision: 'approved',
          decisionOn: '2026-05-04',
        })
      ).statusCode,
    ).toBe(403)
  })

  it('refers a connected person assessed for a child to the panel, with the clock from their assessment', async () => {
    const childId = await childInTeam(t)
    const aunt = await relative(t, childId, 'aunt-or-uncle', {
      givenName: 'Bernadette',
      familyName: 'Kinship',
    })
    const sw = await t.signedIn('socialworker')
    expect(
      (
        await sw.post(`/children/${childId}/permanence/carers/new`, {
          carerPersonId: String(aunt),
          kind: 'connected-person',
          ...dateParts('startedOn', '2026-02-02'),
          ...dateParts('temporaryApprovalOn', '2026-02-02'),
        })
      ).statusCode,
    ).toBe(303)
    const [a] = await t.database.db
      .select()
      .from(carerAssessment)
      .where(eq(carerAssessment.childPersonId, childId))
    const referred = await sw.post(`/children/${childId}/permanence/carers/${a!.id}/panel`, {})
    expect(referred.statusCode, referred.body).toBe(303)
    expect(await panelOf(aunt)).toMatchObject({
      kind: 'connected-person',
      assessmentStartedOn: '2026-02-02',
      panelOn: null,
    })
    const again = await sw.post(`/children/${childId}/permanence/carers/${a!.id}/panel`, {})
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('already on their way to the panel')
    const page = await sw.get(`/children/${childId}/permanence`)
    expect(page.body).toContain('Assessment for the panel from 2 February 2026; panel not yet held')
  })
})
