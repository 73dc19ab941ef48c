import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  careProceedings,
  careProceedingsExtension,
  changeHistory,
} from '../../../src/db/schema/index.ts'
import { addCalendarDays } from '../../../src/domain/calendar/working-days.ts'
import { today } from '../../../src/services/dates.ts'
import { ConflictError, ValidationError } from '../../../src/services/errors.ts'
import {
  careProceedingsRecord,
  recordCareProceedings,
  recordExtension,
  recordOutcome,
  updateCareProceedings,
} from '../../../src/services/looked-after.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { actorFor } from '../plans/support.ts'
import { userWith } from '../practice/support.ts'
import { childInTeam, dateParts, startForm, workerOf } from './support.ts'

// Care proceedings on the child's record: pages, API and the service's checks. Issued on Monday 2 March
// 2026, the 26 weeks beginning with that day end on Sunday 30 August 2026 (Children Act 1989 s32(1)(a)).

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const application = (over: Record<string, string> = {}) => ({
  ...dateParts('preProceedingsOn', '2026-01-12'),
  ...dateParts('issuedOn', '2026-03-02'),
  court: 'Family Court sitting at Manchester',
  caseNumber: 'ma26c00042',
  ...over,
})

const rowsOf = (personId: number) =>
  t.database.db.select().from(careProceedings).where(eq(careProceedings.personId, personId))
const extensionsOf = (proceedingsId: number) =>
  t.database.db
    .select()
    .from(careProceedingsExtension)
    .where(eq(careProceedingsExtension.careProceedingsId, proceedingsId))

/** The field errors a service call was refused with (it must be refused). */
async function refused(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).fields
}

describe('care proceedings pages', () => {
  let childId: number
  let proceedingsId: number

  it('records the application, derives the 26-week date and shows the interim order from the legal status', async () => {
    childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    // In care under an interim care order from the first hearing: the legal status, recorded once.
    const care = await sw.post(`/children/${childId}/looked-after/start`, {
      ...startForm('2026-03-03'),
      legalStatus: 'C1',
    })
    expect(care.statusCode, care.body).toBe(303)
    const form = await sw.get(`/children/${childId}/care-proceedings/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Date the application was issued')
    const saved = await sw.post(`/children/${childId}/care-proceedings/new`, {
      ...application(),
      ...dateParts('finalHearingOn', '2026-08-24'),
    })
    expect(saved.statusCode, saved.body).toBe(303)
    const [row] = await rowsOf(childId)
    proceedingsId = row!.id
    expect(saved.headers.location).toBe(`/children/${childId}/care-proceedings#proceedings-${proceedingsId}`)
    expect(row).toMatchObject({
      preProceedingsOn: '2026-01-12',
      issuedOn: '2026-03-02',
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00042',
      finalHearingOn: '2026-08-24',
      outcome: null,
      concludedOn: null,
      version: 1,
    })
    const history = await t.database.db
      .select({ field: changeHistory.field })
      .from(changeHistory)
      .where(
        and(eq(changeHistory.entityType, 'care-proceedings'), eq(changeHistory.entityId, String(row!.id))),
      )
    expect(history.map((h) => h.field).sort()).toEqual(
      ['caseNumber', 'court', 'finalHearingOn', 'issuedOn', 'preProceedingsOn'].sort(),
    )
    const logged = await t.database.db
      .select({ action: accessLog.action })
      .from(accessLog)
      .where(and(eq(accessLog.personId, childId), eq(accessLog.subjectType, 'care-proceedings')))
    expect(logged).toEqual([{ action: 'create' }])

    const page = await sw.get(`/children/${childId}/care-proceedings`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Issued 2 March 2026, case MA26C00042')
    expect(page.body).toContain('26-week date')
    expect(page.body).toContain('30 August 2026')
    // Today is after 30 August 2026: open past the timetable.
    expect(page.body).toContain('Overdue')
    expect(page.body).toContain('C1 – Interim care order, from 3 March 2026')
    // The child's page and the chronology show it too.
    const summary = await sw.get(`/children/${childId}`)
    expect(summary.body).toContain('Care proceedings</a> issued 2 March 2026 (case MA26C00042)')
    expect(summary.body).toContain('To conclude by 30 August 2026')
    const chronology = await sw.get(`/children/${childId}/chronology`)
    expect(chronology.body).toContain('Care proceedings issued (case MA26C00042)')
  })

  it('refuses bad applications with a message for each, and changes nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const other = await childInTeam(t)
    const bad = await sw.post(`/children/${other}/care-proceedings/new`, {
      ...application(),
      ...dateParts('preProceedingsOn', '2026-03-09'),
      ...dateParts('finalHearingOn', '2026-02-02'),
      court: '',
      caseNumber: '<script>',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('There is a problem')
    expect(bad.body).toContain('must be on or before the day the application was issued')
    expect(bad.body).toContain('The final hearing cannot be before the application was issued')
    expect(bad.body).toContain('Enter the court, like Family Court sitting at Manchester')
    expect(bad.body).toContain('Enter the court’s case number as it is on the court’s papers')
    const future = await sw.post(`/children/${other}/care-proceedings/new`, {
      ...application(dateParts('issuedOn', addCalendarDays(today(), 7))),
    })
    expect(future.body).toContain('The date the application was issued must be today or in the past')
    const unborn = await sw.post(`/children/${other}/care-proceedings/new`, {
      ...application({
        ...dateParts('issuedOn', '2013-05-01'),
        ...dateParts('preProceedingsOn', '2013-04-01'),
      }),
    })
    expect(unborn.body).toContain('cannot be issued before the child was born (11 February 2014)')
    expect(await rowsOf(other)).toEqual([])
    // One open application at a time.
    const second = await sw.post(`/children/${childId}/care-proceedings/new`, {
      ...application(dateParts('issuedOn', '2026-06-01')),
    })
    expect(second.statusCode).toBe(400)
    expect(second.body).toContain(
      'The proceedings issued on 2 March 2026 are still open: record their outcome first',
    )
    expect(await rowsOf(childId)).toHaveLength(1)
  })

  it('records the court’s extensions of 1 to 8 weeks, after issue, with a reason, and moves the timetable', async () => {
    const sw = await t.signedIn('socialworker')
    const url = `/children/${childId}/care-proceedings/${proceedingsId}/extensions/new`
    expect((await sw.get(url)).statusCode).toBe(200)
    const reason = 'The paternal grandmother came forward late and must be assessed as a special guardian.'
    for (const [weeks, message] of [
      ['9', 'Each extension is of whole weeks, from 1 to 8'],
      ['0', 'Each extension is of whole weeks, from 1 to 8'],
      ['two', 'Each extension is of whole weeks, from 1 to 8'],
      ['', 'Enter how many weeks the court extended the timetable by, from 1 to 8'],
    ] as const) {
      const response = await sw.post(url, {
        version: '1',
        ...dateParts('grantedOn', '2026-08-24'),
        weeks,
        reason,
      })
      expect(response.statusCode).toBe(400)
      expect(response.body).toContain(message)
    }
    const early = await sw.post(url, {
      version: '1',
      ...dateParts('grantedOn', '2026-03-02'),
      weeks: '8',
      reason,
    })
    expect(early.body).toContain('An extension is granted after the application was issued (2 March 2026)')
    const noReason = await sw.post(url, {
      version: '1',
      ...dateParts('grantedOn', '2026-08-24'),
      weeks: '8',
      reason: ' ',
    })
    expect(noReason.body).toContain('Enter the court’s reason')
    expect(await extensionsOf(proceedingsId)).toEqual([])
    expect((await rowsOf(childId))[0]!.version).toBe(1)

    const granted = await sw.post(url, {
      version: '1',
      ...dateParts('grantedOn', '2026-08-24'),
      weeks: '8',
      reason,
    })
    expect(granted.statusCode, granted.body).toBe(303)
    expect(await extensionsOf(proceedingsId)).toMatchObject([{ grantedOn: '2026-08-24', weeks: 8, reason }])
    expect((await rowsOf(childId))[0]!.version).toBe(2)
    const page = await sw.get(`/children/${childId}/care-proceedings`)
    expect(page.body).toContain('25 October 2026 (extended by 8 weeks)')
    expect(page.body).toContain(reason)
    const twice = await sw.post(url, {
      version: '2',
      ...dateParts('grantedOn', '2026-08-24'),
      weeks: '4',
      reason,
    })
    expect(twice.body).toContain('An extension granted on 24 August 2026 is already recorded')
    const chronology = await sw.get(`/children/${childId}/chronology`)
    expect(chronology.body).toContain(
      'Care proceedings timetable extended by the court: 8 weeks (case MA26C00042)',
    )
  })

  it('records the outcome: a known order, not before issue nor before the last extension', async () => {
    const sw = await t.signedIn('socialworker')
    const url = `/children/${childId}/care-proceedings/${proceedingsId}/outcome`
    expect((await sw.get(url)).body).toContain('Special guardianship order')
    const unknown = await sw.post(url, {
      version: '2',
      outcome: 'adoption-order',
      ...dateParts('concludedOn', '2026-10-20'),
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('Choose the outcome from the list')
    const early = await sw.post(url, {
      version: '2',
      outcome: 'care-order',
      ...dateParts('concludedOn', '2026-02-27'),
    })
    expect(early.body).toContain('cannot conclude before the application was issued (2 March 2026)')
    const beforeExtension = await sw.post(url, {
      version: '2',
      outcome: 'care-order',
      ...dateParts('concludedOn', '2026-08-21'),
    })
    expect(beforeExtension.body).toContain(
      'must conclude after the last extension was granted (24 August 2026)',
    )
    expect((await rowsOf(childId))[0]).toMatchObject({ outcome: null, concludedOn: null, version: 2 })

    const done = await sw.post(url, {
      version: '2',
      outcome: 'care-order',
      ...dateParts('concludedOn', '2026-10-20'),
      ...dateParts('finalHearingOn', '2026-10-20'),
    })
    expect(done.statusCode, done.body).toBe(303)
    expect((await rowsOf(childId))[0]).toMatchObject({
      outcome: 'care-order',
      concludedOn: '2026-10-20',
      finalHearingOn: '2026-10-20',
      version: 3,
    })
    const page = await sw.get(`/children/${childId}/care-proceedings`)
    expect(page.body).toContain('Concluded')
    // 232 days after issue: week 34, inside the extended timetable (25 October).
    expect(page.body).toContain('20 October 2026 (week 34, within the timetable)')
    expect(page.body).not.toContain('Overdue')
    expect((await sw.get(`/children/${childId}`)).body).not.toContain('To conclude by')
    expect((await sw.get(`/children/${childId}/chronology`)).body).toContain(
      'Care proceedings concluded: care order (case MA26C00042)',
    )
    const late = await sw.post(`/children/${childId}/care-proceedings/${proceedingsId}/extensions/new`, {
      version: '3',
      ...dateParts('grantedOn', '2026-10-21'),
      weeks: '2',
      reason: 'A further report was asked for after the hearing.',
    })
    expect(late.body).toContain('An extension is granted before the proceedings concluded (20 October 2026)')
    expect(await extensionsOf(proceedingsId)).toHaveLength(1)
  })

  it('tells the second of two people changing the proceedings what the first changed, and saves nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const manager = await t.signedIn('teammanager')
    const url = `/children/${childId}/care-proceedings/${proceedingsId}/edit`
    const form = await manager.get(url)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('value="MA26C00042"')
    const hearing = dateParts('finalHearingOn', '2026-10-20')
    const first = await sw.post(url, {
      version: '3',
      ...application({ court: 'Family Court sitting at Stockport', ...hearing }),
    })
    expect(first.statusCode, first.body).toBe(303)
    const second = await manager.post(url, {
      version: '3',
      ...application({ caseNumber: 'MA26C00099', ...hearing }),
    })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain(
      'Someone else changed these care proceedings while you were working on them.',
    )
    expect(second.body).toContain('court: now “Family Court sitting at Stockport”')
    expect((await rowsOf(childId))[0]).toMatchObject({
      court: 'Family Court sitting at Stockport',
      caseNumber: 'MA26C00042',
      version: 4,
    })
    const stale = await manager.post(`/children/${childId}/care-proceedings/${proceedingsId}/outcome`, {
      version: '3',
      outcome: 'supervision-order',
      ...dateParts('concludedOn', '2026-10-20'),
    })
    expect(stale.statusCode).toBe(409)
    expect((await rowsOf(childId))[0]!.outcome).toBe('care-order')
  })

  it('lets those who may record a legal status record proceedings, and hides the child from others', async () => {
    const sw = await workerOf(t, 'socialworker')
    const outsider = await t.signedIn((await userWith(t, 'social-worker', { notTeamId: sw.teamId })).username)
    expect((await outsider.get(`/children/${childId}/care-proceedings`)).statusCode).toBe(404)
    expect((await outsider.post(`/children/${childId}/care-proceedings/new`, application())).statusCode).toBe(
      404,
    )
    expect((await outsider.api('GET', `/api/v1/children/${childId}/care-proceedings`)).statusCode).toBe(404)
    // An auditor may read but not record.
    const auditor = await t.signedIn('auditor')
    expect((await auditor.get(`/children/${childId}/care-proceedings`)).statusCode).toBe(200)
    expect((await auditor.get(`/children/${childId}/care-proceedings/new`)).statusCode).toBe(403)
    expect(
      (await auditor.post(`/children/${childId}/care-proceedings/${proceedingsId}/outcome`, { version: '4' }))
        .statusCode,
    ).toBe(403)
    expect((await rowsOf(childId))[0]!.version).toBe(4)
  })

  it('shows every page, and each form again with its errors when sent empty', async () => {
    const sw = await t.signedIn('socialworker')
    const pages = t.app.routeAccess.filter((r) => r.url.startsWith('/children/:personId/care-proceedings'))
    expect(pages.length).toBe(9)
    const url = (u: string) =>
      u.replace(':personId', String(childId)).replace(':proceedingsId', String(proceedingsId))
    for (const route of pages.filter((r) => r.method === 'GET')) {
      const response = await sw.get(url(route.url))
      expect(response.statusCode, route.url).toBe(200)
      const ids = [...response.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        route.url,
      ).toEqual([])
    }
    // Sent empty, the new application goes to a child with none, so that nothing could be saved.
    const fresh = await childInTeam(t)
    for (const route of pages.filter((r) => r.method === 'POST')) {
      const response = await sw.post(
        url(
          route.url.replace(
            /^\/children\/:personId\/care-proceedings\/new$/,
            `/children/${fresh}/care-proceedings/new`,
          ),
        ),
        {},
      )
      expect(response.statusCode, `${route.url}: ${response.body.slice(0, 200)}`).toBeOneOf([400, 409])
      expect(response.body, route.url).toContain(
        response.statusCode === 400 ? 'There is a problem' : 'Your changes have not been saved',
      )
    }
    expect(await rowsOf(fresh)).toEqual([])
  })
})

describe('care proceedings in the JSON API', () => {
  it('records, extends and concludes, with the timetable derived and the same checks', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const base = `/api/v1/children/${childId}/care-proceedings`
    const bad = await sw.api('POST', base, { issuedOn: '2026-03-02', court: ' ', caseNumber: 'MA26C00001' })
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json())).toContain('Enter the court')
    const created = await sw.api('POST', base, {
      issuedOn: '2026-03-04',
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00001',
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as number
    const weeks9 = await sw.api('POST', `${base}/${id}/extensions`, {
      version: 1,
      grantedOn: '2026-08-25',
      weeks: 9,
      reason: 'An expert report on the child’s injuries is awaited.',
    })
    expect(weeks9.statusCode).toBe(400)
    expect(JSON.stringify(weeks9.json())).toContain('from 1 to 8')
    const extended = await sw.api('POST', `${base}/${id}/extensions`, {
      version: 1,
      grantedOn: '2026-08-25',
      weeks: 6,
      reason: 'An expert report on the child’s injuries is awaited.',
    })
    expect(extended.statusCode, extended.body).toBe(201)
    expect(extended.json()).toMatchObject({ id: expect.any(Number), version: 2 })
    const list = await sw.api('GET', base)
    expect(list.statusCode).toBe(200)
    // Issued on a Wednesday: the 26th week ends on Tuesday 1 September; 6 weeks more to 13 October.
    expect(list.json()).toMatchObject([
      {
        id,
        issuedOn: '2026-03-04',
        twentySixWeekDate: '2026-09-01',
        timetableEnd: '2026-10-13',
        extendedByWeeks: 6,
        open: true,
        overdue: true,
        extensions: [{ grantedOn: '2026-08-25', weeks: 6 }],
      },
    ])
    const stale = await sw.api('PUT', `${base}/${id}`, {
      version: 1,
      issuedOn: '2026-03-04',
      court: 'Family Court sitting at Bolton',
      caseNumber: 'MA26C00001',
    })
    expect(stale.statusCode).toBe(409)
    const unknown = await sw.api('POST', `${base}/${id}/outcome`, {
      version: 2,
      outcome: 'residence-order',
      concludedOn: '2026-10-01',
    })
    expect(unknown.statusCode).toBe(400)
    expect(JSON.stringify(unknown.json())).toContain('Choose the outcome from the list')
    const concluded = await sw.api('POST', `${base}/${id}/outcome`, {
      version: 2,
      outcome: 'special-guardianship-order',
      concludedOn: '2026-10-01',
    })
    expect(concluded.statusCode, concluded.body).toBe(200)
    expect(concluded.json()).toEqual({ version: 3 })
    expect((await sw.api('GET', base)).json()).toMatchObject([
      { outcome: 'special-guardianship-order', open: false, concludedInTime: true, week: 31 },
    ])
    const child = await sw.api('GET', `/api/v1/children/${childId}`)
    expect(child.json().summary.careProceedings).toBeNull()
  })

  it('puts open proceedings in their last four weeks on the child’s summary as due soon', async () => {
    const childId = await childInTeam(t)
    const sw = await t.signedIn('socialworker')
    const issuedOn = addCalendarDays(today(), -170)
    const created = await sw.api('POST', `/api/v1/children/${childId}/care-proceedings`, {
      issuedOn,
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00777',
    })
    expect(created.statusCode, created.body).toBe(201)
    const child = await sw.api('GET', `/api/v1/children/${childId}`)
    expect(child.json().summary.careProceedings).toMatchObject({
      issuedOn,
      week: 25,
      twentySixWeekDate: addCalendarDays(issuedOn, 181),
      overdue: false,
      dueSoon: true,
    })
    expect((await sw.get(`/children/${childId}`)).body).toContain('Due soon')
  })
})

describe('the care proceedings service', () => {
  it('refuses every problem at once and writes nothing', async () => {
    const childId = await childInTeam(t)
    const actor = await actorFor(t, 'socialworker')
    const fields = await refused(
      recordCareProceedings(t.database.db, actor, childId, {
        preProceedingsOn: '2026-04-01',
        issuedOn: '2026-03-02',
        court: '',
        caseNumber: '',
        finalHearingOn: '2026-02-01',
      }),
    )
    expect(Object.keys(fields).sort()).toEqual(['caseNumber', 'court', 'finalHearingOn', 'preProceedingsOn'])
    expect(await rowsOf(childId)).toEqual([])
    const id = await recordCareProceedings(t.database.db, actor, childId, {
      issuedOn: '2026-03-02',
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00500',
    })
    const extension = await refused(
      recordExtension(t.database.db, actor, childId, id, {
        version: 1,
        grantedOn: '2026-03-01',
        weeks: 12,
        reason: '',
      }),
    )
    expect(Object.keys(extension).sort()).toEqual(['reason', 'weeks'])
    const beforeIssue = await refused(
      recordExtension(t.database.db, actor, childId, id, {
        version: 1,
        grantedOn: '2026-03-01',
        weeks: 4,
        reason: 'The guardian asked for a sibling assessment.',
      }),
    )
    expect(beforeIssue.grantedOn).toBe(
      'An extension is granted after the application was issued (2 March 2026)',
    )
    const outcome = await refused(
      recordOutcome(t.database.db, actor, childId, id, {
        version: 1,
        outcome: 'residence',
        concludedOn: 'soon',
      }),
    )
    expect(outcome).toEqual({
      outcome: 'Choose the outcome from the list',
      concludedOn: 'The date the proceedings concluded must be a real date',
    })
    const [record] = await careProceedingsRecord(t.database.db, childId, '2026-08-31')
    expect(record).toMatchObject({ version: 1, extensions: [], open: true, overdue: true, week: 27 })
  })

  it('refuses a change made from an old version, saying what changed', async () => {
    const childId = await childInTeam(t)
    const actor = await actorFor(t, 'socialworker')
    const other = await actorFor(t, 'teammanager')
    const id = await recordCareProceedings(t.database.db, actor, childId, {
      issuedOn: '2026-03-02',
      court: 'Family Court sitting at Manchester',
      caseNumber: 'MA26C00600',
    })
    await recordExtension(t.database.db, other, childId, id, {
      version: 1,
      grantedOn: '2026-08-20',
      weeks: 4,
      reason: 'The guardian asked for a sibling assessment.',
    })
    const error = await updateCareProceedings(t.database.db, actor, childId, id, {
      version: 1,
      issuedOn: '2026-03-02',
      court: 'Family Court sitting at Salford',
      caseNumber: 'MA26C00600',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).changes).toMatchObject([
      { field: 'extension', theirValue: '4 weeks, granted 2026-08-20' },
    ])
    const moved = await refused(
      updateCareProceedings(t.database.db, actor, childId, id, {
        version: 2,
        issuedOn: '2026-08-20',
        court: 'Family Court sitting at Salford',
        caseNumber: 'MA26C00600',
      }),
    )
    expect(moved.issuedOn).toBe(
      'The application must be issued before the first extension was granted (20 August 2026)',
    )
    expect((await rowsOf(childId))[0]).toMatchObject({
      court: 'Family Court sitting at Manchester',
      version: 2,
    })
  })
})
