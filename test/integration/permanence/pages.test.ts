import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  adoptionCase,
  carerAssessment,
  directWork,
  fosteringPanel,
  person,
} from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childInTeam, periodInCare } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('every page of the area', () => {
  it('opens, labelled, for the people who use it', async () => {
    const db = t.database.db
    const childId = await childInTeam(t, { dateOfBirth: '2008-06-15' })
    await periodInCare(t, childId, '2023-01-01', '2026-06-15')
    const [c] = await db
      .insert(adoptionCase)
      .values({ personId: childId, shouldBePlacedOn: '2024-01-10' })
      .returning()
    const [carer] = await db.insert(person).values({ givenName: 'Gran', familyName: 'Pages' }).returning()
    const [a] = await db
      .insert(carerAssessment)
      .values({
        childPersonId: childId,
        carerPersonId: carer!.id,
        kind: 'connected-person',
        startedOn: '2026-01-05',
        temporaryApprovalOn: '2026-01-05',
      })
      .returning()
    const [w] = await db
      .insert(directWork)
      .values({ personId: childId, kind: 'later-life-letter', plannedBy: '2026-12-01' })
      .returning()
    const [p] = await db
      .insert(fosteringPanel)
      .values({
        carerPersonId: carer!.id,
        kind: 'connected-person',
        assessmentStartedOn: '2026-01-05',
        panelOn: '2026-03-01',
        recommendation: 'Approve',
      })
      .returning()
    const sw = await t.signedIn('socialworker')
    const base = `/children/${childId}`
    const pages = [
      `${base}/permanence`,
      `${base}/permanence/plan/new`,
      `${base}/permanence/previous`,
      `${base}/permanence/siblings/new`,
      `${base}/permanence/carers/new`,
      `${base}/permanence/carers/${a!.id}/edit`,
      `${base}/permanence/special-guardianship/new`,
      `${base}/permanence/direct-work/new?kind=later-life-letter`,
      `${base}/permanence/direct-work/${w!.id}/complete`,
      `${base}/adoption`,
      `${base}/adoption/new`,
      ...['placement-order', 'matching-panel', 'match', 'placed', 'order', 'ceased'].map(
        (s) => `${base}/adoption/${c!.id}/steps/${s}`,
      ),
      `${base}/adoption/${c!.id}/family-finding/new`,
      `${base}/care-leaver`,
      `${base}/care-leaver/adviser`,
      `${base}/care-leaver/pathway-plan/new`,
      `${base}/care-leaver/contacts/new`,
    ]
    for (const url of pages) {
      const response = await sw.get(url)
      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).toContain('<h1')
      expect(response.body, url).not.toContain('undefined')
      expect(response.body, url).not.toContain('[object')
      expect(response.body, url).not.toContain('NaN')
    }
    expect((await sw.get(`${base}/adoption/${c!.id}/steps/teleport`)).statusCode).toBe(404)
    expect((await sw.get(`${base}/permanence/carers/999999/edit`)).statusCode).toBe(404)
    expect((await sw.get(`${base}/permanence/direct-work/999999/complete`)).statusCode).toBe(404)
    // Another child's case in this child's address: not found.
    const other = await childInTeam(t)
    expect((await sw.get(`/children/${other}/adoption/${c!.id}/steps/match`)).statusCode).toBe(404)

    const tm = await t.signedIn('teammanager')
    for (const url of [
      '/adoption/timeliness',
      '/care-leavers/feedback',
      '/fostering',
      '/fostering/carers/new',
      `/fostering/panels/${p!.id}/panel`,
      `/fostering/panels/${p!.id}/decision`,
    ]) {
      const response = await tm.get(url)
      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).not.toContain('undefined')
    }
    expect((await tm.get('/fostering/panels/999999/panel')).statusCode).toBe(404)
    const [row] = await db.select().from(person).where(eq(person.id, childId))
    expect(row!.accessRestriction).toBe('none')
  })
})
