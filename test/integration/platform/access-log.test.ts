import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logAccess } from '../../../src/audit/access-log.ts'
import { diffFields, historyOf, recordChanges } from '../../../src/audit/change-history.ts'
import type { CurrentUser } from '../../../src/auth/current-user.ts'
import { canSeePerson } from '../../../src/auth/record-access.ts'
import { findSession } from '../../../src/auth/sessions.ts'
import { accessLog, allocation, person, recordAccessGrant } from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
const users = new Map<string, CurrentUser>()
let child: number
let restricted: number
let sealed: number

beforeAll(async () => {
  t = await buildTestApp({}, (app) => {
    // A record page, as the child's record routes declare it.
    app.get(
      '/records/:personId',
      { config: { permission: 'child:view', record: { param: 'personId' } } },
      async () => 'record',
    )
  })
  for (const username of [
    'socialworker',
    'teammanager',
    'servicemanager',
    'frontdoor',
    'auditor',
    'iro',
    'admin',
  ]) {
    const client = await t.signedIn(username)
    const found = await findSession(t.database.db, client.cookies.get('hearth_session')!, {
      idleMinutes: 30,
      maxHours: 12,
    })
    if (found.state !== 'active') throw new Error('no session')
    users.set(username, found.session.user)
  }
  const db = t.database.db
  const sw = users.get('socialworker')!
  const [c, r, s] = await db
    .insert(person)
    .values([
      { givenName: 'Test', familyName: 'Child', dateOfBirth: '2015-05-05' },
      {
        givenName: 'Restricted',
        familyName: 'Child',
        dateOfBirth: '2014-04-04',
        accessRestriction: 'restricted',
      },
      { givenName: 'Sealed', familyName: 'Child', dateOfBirth: '2020-02-02', accessRestriction: 'sealed' },
    ])
    .returning({ id: person.id })
  child = c!.id
  restricted = r!.id
  sealed = s!.id
  for (const id of [child, restricted, sealed]) {
    await db.insert(allocation).values({
      personId: id,
      teamId: sw.teamId!,
      workerId: sw.workerId,
      kind: 'social-worker',
      startedOn: '2026-01-05',
    })
  }
  await db
    .insert(recordAccessGrant)
    .values({ personId: restricted, userId: sw.id, reason: 'Allocated worker' })
})
afterAll(() => t.close())

describe('who may see a record', () => {
  it('follows the relationship to the child', async () => {
    const db = t.database.db
    expect(await canSeePerson(db, users.get('socialworker')!, child)).toBe(true) // allocated worker
    expect(await canSeePerson(db, users.get('teammanager')!, child)).toBe(true) // same team, line manager
    expect(await canSeePerson(db, users.get('servicemanager')!, child)).toBe(true) // management chain
    expect(await canSeePerson(db, users.get('frontdoor')!, child)).toBe(true) // authority-wide front door
    expect(await canSeePerson(db, users.get('iro')!, child)).toBe(false) // no relationship
    expect(await canSeePerson(db, users.get('admin')!, child)).toBe(false)
  })

  it('hides restricted and sealed records from all but named users', async () => {
    const db = t.database.db
    expect(await canSeePerson(db, users.get('socialworker')!, restricted)).toBe(true)
    expect(await canSeePerson(db, users.get('teammanager')!, restricted)).toBe(false)
    expect(await canSeePerson(db, users.get('auditor')!, restricted)).toBe(false)
    expect(await canSeePerson(db, users.get('socialworker')!, sealed)).toBe(false)
    expect(await canSeePerson(db, users.get('frontdoor')!, sealed)).toBe(false)
  })

  it('stops following an ended allocation', async () => {
    const db = t.database.db
    const iro = users.get('iro')!
    const [a] = await db
      .insert(allocation)
      .values({
        personId: child,
        teamId: iro.teamId!,
        workerId: iro.workerId,
        kind: 'iro',
        startedOn: '2026-01-05',
      })
      .returning({ id: allocation.id })
    expect(await canSeePerson(db, iro, child)).toBe(true)
    await db.execute(sql`update allocation set ended_on = '2026-03-01' where id = ${a!.id}`)
    expect(await canSeePerson(db, iro, child)).toBe(false)
  })
})

describe('the access log', () => {
  it('records each view of a record, and each refusal, with who, where and a correlation id', async () => {
    const sw = await t.signedIn('socialworker')
    const view = await sw.get(`/records/${child}`)
    expect(view.statusCode).toBe(200)
    const outsider = await t.signedIn('iro')
    const refused = await outsider.get(`/records/${child}`)
    expect(refused.statusCode).toBe(404)
    const hidden = await sw.get(`/records/${sealed}`)
    expect(hidden.statusCode).toBe(404)

    const rows = await t.database.db
      .select()
      .from(accessLog)
      .where(sql`${accessLog.personId} in (${child}, ${sealed})`)
    const viewRow = rows.find(
      (r) => r.action === 'view' && r.personId === child && r.username === 'socialworker',
    )
    expect(viewRow).toMatchObject({
      subjectType: 'person',
      ip: '127.0.0.1',
      correlationId: view.headers['x-correlation-id'],
    })
    expect(rows.some((r) => r.action === 'denied' && r.username === 'iro' && r.personId === child)).toBe(true)
    expect(
      rows.some((r) => r.action === 'denied' && r.username === 'socialworker' && r.personId === sealed),
    ).toBe(true)
  })

  it('cannot be altered or deleted, even by the application', async () => {
    const db = t.database.db
    await logAccess(db, null, { action: 'view', subjectType: 'test' })
    await expect(db.execute(sql`update access_log set action = 'search'`)).rejects.toThrow()
    await expect(db.execute(sql`delete from access_log`)).rejects.toThrow()
    await expect(db.execute(sql`delete from change_history`)).rejects.toThrow()
  })

  it('is searchable by administrators, with clear messages for bad filters', async () => {
    const admin = await t.signedIn('admin')
    const page = await admin.get(`/admin/access-log?personId=${child}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('socialworker')
    const bad = await admin.get('/admin/access-log?personId=abc&from=2026-02-31&to=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Hearth ID must be a number')
    expect(bad.body).toContain('Date from must be a real date')
    expect(bad.body).toContain('Date to must be a real date')
    const backwards = await admin.get('/admin/access-log?from=2026-03-01&to=2026-02-01')
    expect(backwards.body).toContain('Date to must be the same as or after date from')
  })
})

describe('the change history', () => {
  it('keeps field, old and new value, who and when for every edit', async () => {
    const db = t.database.db
    const actor = { user: users.get('socialworker')!, ip: '127.0.0.1', correlationId: 'test-1' }
    const before = { givenName: 'Test', familyName: 'Child', upn: null }
    const after = { givenName: 'Tess', familyName: 'Child', upn: 'A123' }
    const changes = diffFields(before, after)
    expect(changes.map((c) => c.field)).toEqual(['givenName', 'upn'])
    await recordChanges(db, actor, {
      entityType: 'person',
      entityId: child,
      personId: child,
      version: 2,
      changes,
    })
    const history = await historyOf(db, 'person', child)
    expect(history).toHaveLength(2)
    expect(history[0]).toMatchObject({
      field: 'givenName',
      oldValue: 'Test',
      newValue: 'Tess',
      version: 2,
      correlationId: 'test-1',
    })
  })
})
