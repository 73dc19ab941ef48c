import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLog, changeHistory, setting, userAccount } from '../../../src/db/schema/index.ts'
import { RULES } from '../../../src/rules/catalogue/index.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'
import { type RecordBuilder, recordBuilder, type Staff } from '../../support/record-builder.ts'

// My service (counts by team and timescale, the trend over 8 Mondays, drilling down), the Timescales page
// and the local settings an administrator changes.

let t: TestApp
let b: RecordBuilder
let sw: Staff
let admin: TestClient
let social: TestClient
let serviceManager: TestClient

beforeAll(async () => {
  t = await buildTestApp()
  b = recordBuilder(t.database.db)
  sw = await b.staff('socialworker')
  admin = await t.signedIn('admin')
  social = await t.signedIn('socialworker')
  serviceManager = await t.signedIn('servicemanager')
})
afterAll(() => t.close())

interface Trend {
  weekOf: string
  overdue: number
  overdueByTeam: Record<string, number>
}

const KEY = 'cp-visit-interval-working-days'

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

describe('My service', () => {
  it('counts by team and timescale, with the number overdue each Monday for 8 weeks', async () => {
    const query = '/api/v1/worklists/service?asAt=2026-03-25&rule=cp-visits'
    const before = (await serviceManager.api('GET', query)).json()
    expect(before.trend.map((w: Trend) => w.weekOf)).toEqual([
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ])
    // A plan from 2 March with no visit: due 16 March, overdue on Monday 23 March only.
    const child = await b.child({ givenName: 'Ola', familyName: 'Service' })
    const referral = await b.referral(child, { referralDate: '2026-02-02' })
    await b.cpPlan(referral, { startDate: '2026-03-02' })
    const after = (await serviceManager.api('GET', query)).json()
    const moved = after.trend.map((w: Trend, i: number) => w.overdue - before.trend[i].overdue)
    expect(moved).toEqual([0, 0, 0, 0, 0, 0, 0, 1])
    expect(after.trend[7].overdueByTeam[String(sw.teamId)]).toBe(
      (before.trend[7].overdueByTeam[String(sw.teamId)] ?? 0) + 1,
    )
    const team = (x: { byTeam: { id: number; overdue: number }[] }) =>
      x.byTeam.find((r) => r.id === sw.teamId)!
    expect(team(after).overdue).toBe(team(before).overdue + 1)
    expect(after.byRule).toEqual([
      expect.objectContaining({ ruleId: 'cp-visits', overdue: before.totals.overdue + 1 }),
    ])
  })

  it('draws the trend as an SVG without inline styles, with a table of the same figures beside it', async () => {
    const page = await serviceManager.get('/my-service?asAt=2026-03-25')
    expect(page.statusCode).toBe(200)
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? ''
    expect(svg).toContain('role="img"')
    expect(svg).toContain('<title')
    expect(svg).not.toMatch(/style[=>]/)
    expect(page.body).toContain('Each Monday')
    expect(page.body).toContain('23 March 2026')
    // Drill down: team to its work as at the same date.
    expect(page.body).toContain(`href="/teams/${sw.teamId}/work?asAt=2026-03-25"`)
    const team = await serviceManager.get(`/teams/${sw.teamId}/work?asAt=2026-03-25`)
    expect(team.statusCode).toBe(200)
  })

  it('leaves out teams outside a service manager’s service, and team links for analysts', async () => {
    const mine = (await serviceManager.api('GET', '/api/v1/worklists/service?weeks=0')).json()
    const everyone = (
      await (await t.signedIn('leader')).api('GET', '/api/v1/worklists/service?weeks=0')
    ).json()
    expect(mine.byTeam.length).toBeLessThan(everyone.byTeam.length)
    const analyst = await t.signedIn('analyst')
    const page = await analyst.get('/my-service')
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('/work?')
  })

  it('exports every item it may name, written to the access log', async () => {
    const csv = await serviceManager.get('/my-service/export.csv?asAt=2026-03-25&rule=cp-visits')
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('Ola Service')
    const [logged] = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'export'), eq(accessLog.subjectId, 'service')))
    expect(logged).toMatchObject({ username: 'servicemanager', subjectType: 'worklist' })
  })

  it('refuses a bad filter with a clear message', async () => {
    const page = await serviceManager.get('/my-service?team=abc')
    expect(page.statusCode).toBe(400)
    expect(page.body).toContain('Choose a team from the list')
  })
})

describe('Timescales', () => {
  it('lists every rule with its source, clock, threshold, dates, reasons and local setting', async () => {
    const page = await social.get('/timescales')
    for (const rule of RULES) {
      expect(page.body).toContain(`id="${rule.id}"`)
      expect(page.body).toContain(escapeHtml(rule.source.citation))
    }
    expect(page.body).toContain('Child protection visits: at least every 10 working days (the default)')
    const api = (await social.api('GET', '/api/v1/timescales')).json()
    expect(api).toHaveLength(RULES.length)
    expect(api.find((r: { id: string }) => r.id === 'cp-visits')).toMatchObject({
      source: { kind: 'local-practice' },
      allowsRecordedReason: true,
      settings: [{ key: KEY, value: 10, isDefault: true }],
    })
  })
})

describe('local timescale settings', () => {
  const post = (client: TestClient, form: Record<string, string>) =>
    client.post(`/admin/timescale-settings/${KEY}`, form)

  it('refuses what is not a whole number in range, or has no reason, and changes nothing', async () => {
    for (const [value, message] of [
      ['ten', 'Enter a whole number of working days, like 10'],
      ['2.5', 'Enter a whole number of working days, like 10'],
      ['0', 'Enter a number between 1 and 130'],
      ['500', 'Enter a number between 1 and 130'],
      ['', 'Enter the number of working days'],
    ]) {
      const response = await post(admin, { value: value!, reason: 'Testing', version: '0' })
      expect(response.statusCode).toBe(400)
      expect(response.body).toContain(message)
      expect(response.body).toContain(`href="#${KEY}-value"`)
    }
    const noReason = await post(admin, { value: '5', reason: '', version: '0' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Enter why the setting is changing')
    expect(await t.database.db.select().from(setting)).toEqual([])
  })

  it('records who changed what, when and why, and the flags follow the new value', async () => {
    const child = await b.child({ givenName: 'Pip', familyName: 'Settings' })
    const referral = await b.referral(child, { referralDate: '2026-02-02' })
    await b.cpPlan(referral, { startDate: '2026-03-02' })
    await b.visit(child, { visitedOn: '2026-03-09', kind: 'cp' })
    const flags = async () =>
      (
        (await social.api('GET', '/api/v1/worklists/me?asAt=2026-03-17&rule=cp-visits')).json().items as {
          personId: number
          severity: string
          dueOn: string
        }[]
      ).filter((i) => i.personId === child.id)
    expect(await flags()).toMatchObject([{ severity: 'due-soon', dueOn: '2026-03-23' }])

    const changed = await post(admin, {
      value: '5',
      reason: 'New local procedures from 1 April',
      version: '0',
    })
    expect(changed.statusCode).toBe(303)
    const [row] = await t.database.db.select().from(setting).where(eq(setting.key, KEY))
    expect(row).toMatchObject({ value: 5 })
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'setting'), eq(changeHistory.entityId, KEY)))
    expect(history).toMatchObject([
      { field: 'value', oldValue: 10, newValue: 5, version: 1, reason: 'New local procedures from 1 April' },
    ])
    const page = await admin.get(`/admin/timescale-settings?changed=${KEY}`)
    expect(page.body).toContain('Child protection visits: at least every is now 5 working days')
    expect(page.body).toContain('New local procedures from 1 April')
    const [adminUser] = await t.database.db
      .select()
      .from(userAccount)
      .where(eq(userAccount.username, 'admin'))
    expect(page.body).toContain(
      `<td class="govuk-table__cell">${escapeHtml(adminUser!.displayName)}</td>\n      <td class="govuk-table__cell">Child protection visits: at least every</td>`,
    )
    expect(await flags()).toMatchObject([{ severity: 'overdue', dueOn: '2026-03-16' }])
    const rules = (await social.api('GET', '/api/v1/timescales')).json()
    expect(rules.find((r: { id: string }) => r.id === 'cp-visits').settings[0]).toMatchObject({
      value: 5,
      isDefault: false,
    })

    // Someone who started from the old version is told what changed instead of overwriting it.
    const stale = await post(admin, { value: '7', reason: 'Another view', version: '0' })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this setting while you were changing it.')
    const api = await admin.api('PUT', `/api/v1/timescale-settings/${KEY}`, {
      value: 10,
      version: 0,
      reason: 'Back',
    })
    expect(api.statusCode).toBe(409)
    const back = await admin.api('PUT', `/api/v1/timescale-settings/${KEY}`, {
      value: 10,
      version: 1,
      reason: 'Back',
    })
    expect(back.statusCode).toBe(200)
    expect(back.json()).toEqual({ version: 2 })
    const list = (await admin.api('GET', '/api/v1/timescale-settings')).json()
    expect(list.history.map((h: { to: number }) => h.to)).toEqual([10, 5])
    expect(list.history[0].by).toBeTruthy()
  })

  it('cannot change a statutory threshold, and is for administrators only', async () => {
    const statutory = await admin.post('/admin/timescale-settings/icpc-15-working-days', {
      value: '20',
      reason: 'x',
      version: '0',
    })
    expect(statutory.statusCode).toBe(404)
    expect((await social.get('/admin/timescale-settings')).statusCode).toBe(403)
    expect(
      (await social.post(`/admin/timescale-settings/${KEY}`, { value: '5', reason: 'x', version: '0' }))
        .statusCode,
    ).toBe(403)
    expect(
      (await social.api('PUT', `/api/v1/timescale-settings/${KEY}`, { value: 5, version: 0, reason: 'x' }))
        .statusCode,
    ).toBe(403)
  })
})
