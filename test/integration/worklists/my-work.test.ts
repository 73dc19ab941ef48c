import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLog } from '../../../src/db/schema/index.ts'
import { today } from '../../../src/services/dates.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { type RecordBuilder, recordBuilder } from '../../support/record-builder.ts'

// My work: the social worker's own timescales in groups by date, as at any date, filtered, exported.
// A child on a child protection plan seen on Monday 9 March 2026 must be seen again by Monday 23 March.

let t: TestApp
let b: RecordBuilder
let social: TestClient

beforeAll(async () => {
  t = await buildTestApp()
  b = recordBuilder(t.database.db)
  social = await t.signedIn('socialworker')
})
afterAll(() => t.close())

interface Item {
  personId: number
  ruleId: string
  group: string
  severity: string
  daysOverdue: number
  dueOn: string
  href: string
  ruleHref: string
}

async function cpChild(givenName: string) {
  const child = await b.child({ givenName, familyName: 'Worklist' })
  const referral = await b.referral(child, { referralDate: '2026-02-02' })
  const cp = await b.cpPlan(referral, { startDate: '2026-03-02' })
  await b.visit(child, { visitedOn: '2026-03-09', kind: 'cp' })
  return { child, cp }
}

async function myItems(client: TestClient, query: string, personId: number): Promise<Item[]> {
  const response = await client.api('GET', `/api/v1/worklists/me?${query}`)
  expect(response.statusCode).toBe(200)
  return (response.json().items as Item[]).filter((i) => i.personId === personId)
}

describe('My work', () => {
  it('groups the worker’s items as overdue, due today, due this week, and to look at, as at any date', async () => {
    const { child } = await cpChild('Ava')
    await b.plan(child, {
      startDate: '2026-03-02',
      actions: [{ dueDate: '2026-03-10', description: 'Register with the GP', ownerDescription: 'Mother' }],
    })
    const visits = (items: Item[]) => items.filter((i) => i.ruleId === 'cp-visits')
    expect(visits(await myItems(social, 'asAt=2026-03-10', child.id))).toEqual([])
    expect(visits(await myItems(social, 'asAt=2026-03-18', child.id))).toMatchObject([
      { group: 'due-this-week', severity: 'due-soon', daysOverdue: -3, dueOn: '2026-03-23' },
    ])
    expect(visits(await myItems(social, 'asAt=2026-03-23', child.id))).toMatchObject([
      { group: 'due-today', severity: 'due-soon', daysOverdue: 0 },
    ])
    const late = await myItems(social, 'asAt=2026-03-24', child.id)
    expect(visits(late)).toMatchObject([
      {
        group: 'overdue',
        daysOverdue: 1,
        href: `/children/${child.id}/visits`,
        ruleHref: '/timescales#cp-visits',
      },
    ])
    expect(late.find((i) => i.ruleId === 'plan-actions-overdue')).toMatchObject({ group: 'query' })
  })

  it('puts a timescale with a longer warning under the coming weeks until its last week', async () => {
    // Issued Wednesday 1 October 2025: the 26 weeks end on Tuesday 31 March 2026, due soon from 3 March.
    const { child } = await cpChild('Cora')
    const issued = await social.api('POST', `/api/v1/children/${child.id}/care-proceedings`, {
      issuedOn: '2025-10-01',
      court: 'Family Court sitting at Leeds',
      caseNumber: 'LS25C00001',
    })
    expect(issued.statusCode).toBe(201)
    const proceedings = (items: Item[]) => items.filter((i) => i.ruleId === 'care-proceedings-26-weeks')
    expect(proceedings(await myItems(social, 'asAt=2026-03-10', child.id))).toMatchObject([
      { group: 'due-later', severity: 'due-soon', dueOn: '2026-03-31' },
    ])
    expect(proceedings(await myItems(social, 'asAt=2026-03-26', child.id))).toMatchObject([
      { group: 'due-this-week', severity: 'due-soon', dueOn: '2026-03-31' },
    ])
  })

  it('shows the groups on the page, each item linked to where it is done and to its rule', async () => {
    const { child } = await cpChild('Bea')
    const page = await social.get('/my-work?asAt=2026-03-24&rule=cp-visits')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('As at 24 March 2026')
    expect(page.body).toMatch(/Overdue \(\d+\)/)
    expect(page.body).toContain('Due today (0)')
    expect(page.body).toContain(`href="/children/${child.id}/visits"`)
    expect(page.body).toContain('href="/timescales#cp-visits"')
    expect(page.body).toContain('Bea Worklist')
    expect(page.body).toContain('Overdue by 1 working day')
  })

  it('filters by status and sorts by the child’s name', async () => {
    const { child } = await cpChild('Cal')
    const overdueOnly = await myItems(social, 'asAt=2026-03-18&severity=overdue', child.id)
    expect(overdueOnly).toEqual([])
    const all = await social.api('GET', '/api/v1/worklists/me?asAt=2026-03-24&sort=child')
    const names = (all.json().items as { childName: string }[]).map((i) =>
      i.childName.split(' ').reverse().join(' '),
    )
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')))
  })

  it('refuses a date that is not real, or in the future, or an unknown timescale, and says why', async () => {
    const bad = await social.get('/my-work?asAt=2026-02-30')
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the date as a real date, like 2026-03-01')
    const future = await social.get('/my-work?asAt=2099-01-01')
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The date must be today or in the past')
    const rule = await social.get('/my-work?rule=no-such-rule')
    expect(rule.statusCode).toBe(400)
    expect(rule.body).toContain('Choose a timescale from the list')
    const api = await social.api('GET', '/api/v1/worklists/me?asAt=yesterday')
    expect(api.statusCode).toBe(400)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(api.json().errors).toEqual([
      { pointer: '/asAt', detail: 'Enter the date as a real date, like 2026-03-01' },
    ])
  })

  it('exports the list as CSV and writes the export to the access log', async () => {
    const { child } = await cpChild('Dan')
    const response = await social.get('/my-work/export.csv?asAt=2026-03-24&rule=cp-visits')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    expect(response.headers['content-disposition']).toContain('attachment; filename="my-work-2026-03-24.csv"')
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Child,Hearth ID,What is due,Timescale,Status,Clock started,Due,Working days overdue,Worker,Team,Recorded reason,Reason agreed by,Reason agreed on',
    )
    const row = lines.find((l) => l.startsWith(`Dan Worklist,${child.id},`))
    expect(row).toContain('Child protection visit: child seen,Overdue,2026-03-09,2026-03-23,1,')
    const [logged] = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'export'), eq(accessLog.subjectId, 'my-work')))
    expect(logged).toMatchObject({ username: 'socialworker', subjectType: 'worklist' })
    expect(logged!.detail).toMatchObject({ asAt: '2026-03-24', filters: { rule: 'cp-visits' } })
    expect((logged!.detail as { personIds: number[] }).personIds).toContain(child.id)
  })

  it('keeps a spreadsheet from reading a name as a formula', async () => {
    const child = await b.child({ givenName: '=HYPERLINK("x")', familyName: 'Worklist' })
    const referral = await b.referral(child, { referralDate: '2026-02-02' })
    await b.cpPlan(referral, { startDate: '2026-03-02' })
    const response = await social.get('/my-work/export.csv?asAt=2026-03-24&rule=cp-visits')
    expect(response.body).toContain(`"'=HYPERLINK(""x"") Worklist",${child.id},`)
  })

  it('shows the number overdue today in the navigation', async () => {
    const child = await b.child({ givenName: 'Eve', familyName: 'Worklist' })
    const referral = await b.referral(child, { referralDate: '2026-09-01' })
    await b.cpPlan(referral, { startDate: '2026-10-01' })
    expect((await social.get('/my-work')).statusCode).toBe(200)
    const counts = (await social.api('GET', '/api/v1/worklists/me')).json().counts
    expect(counts.overdue).toBeGreaterThanOrEqual(1)
    const home = await social.get('/')
    expect(home.body).toContain(
      `My work <span aria-hidden="true">(${counts.overdue})</span><span class="govuk-visually-hidden">, ${counts.overdue} overdue</span>`,
    )
    expect(today()).toMatch(/^\d{4}-/)
  })
})

describe('who may see which worklist', () => {
  it('lets practitioners see My work, and not My service or the settings', async () => {
    expect((await social.get('/my-work')).statusCode).toBe(200)
    expect((await social.get('/my-service')).statusCode).toBe(403)
    expect((await social.get('/my-team')).statusCode).toBe(403)
    expect((await social.get('/admin/timescale-settings')).statusCode).toBe(403)
    expect((await social.api('GET', '/api/v1/worklists/service')).statusCode).toBe(403)
  })

  it('gives analysts and leaders My service but not My work', async () => {
    const analyst = await t.signedIn('analyst')
    expect((await analyst.get('/my-work')).statusCode).toBe(403)
    expect((await analyst.get('/my-service')).statusCode).toBe(200)
    const leader = await t.signedIn('leader')
    expect((await leader.get('/my-service')).statusCode).toBe(200)
    expect((await leader.get('/my-work')).statusCode).toBe(403)
  })

  it('describes the worklist and timescale API in the OpenAPI document', async () => {
    const paths = Object.keys((await t.client().get('/api/openapi.json')).json().paths)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/worklists/me',
        '/api/v1/worklists/teams/{teamId}',
        '/api/v1/worklists/service',
        '/api/v1/timescales',
        '/api/v1/timescale-settings',
        '/api/v1/timescale-settings/{key}',
        '/api/v1/children/{personId}/timescale-reasons',
      ]),
    )
  })

  it('shows no count to users who hold no caseload', async () => {
    const admin = await t.signedIn('admin')
    const home = (await admin.get('/')).body
    expect(home).not.toContain('href="/my-work"')
    expect(home).toContain('href="/timescales"')
  })

  it('shows the timescales to everyone', async () => {
    for (const user of ['socialworker', 'auditor', 'admin']) {
      const client = await t.signedIn(user)
      expect((await client.get('/timescales')).statusCode).toBe(200)
    }
  })

  it('puts the worklists in the navigation by role', async () => {
    expect((await social.get('/')).body).toContain('href="/my-work"')
    expect((await social.get('/')).body).not.toContain('href="/my-service"')
    const manager = await t.signedIn('servicemanager')
    const home = (await manager.get('/')).body
    expect(home).toContain('href="/my-service"')
    expect(home).toContain('href="/my-team"')
    expect(home).toContain('href="/timescales"')
  })
})
