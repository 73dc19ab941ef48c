import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLog,
  changeHistory,
  personAddress,
  personDisability,
  personName,
  personWarning,
} from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { allocateToSocialWorker, dateFields, newPerson, versionIn } from './helpers.ts'

let t: TestApp
let child: number
beforeAll(async () => {
  t = await buildTestApp()
  child = await newPerson(t, 'Amara', 'Okonkwo-Reid', '2015-04-02')
  await allocateToSocialWorker(t, child)
})
afterAll(() => t.close())

const db = () => t.database.db

describe('other names', () => {
  it('adds a name that name search then finds, and refuses a form with nothing in it', async () => {
    const sw = await t.signedIn('socialworker')
    const bad = await sw.post(`/children/${child}/details/names/new`, {
      kind: '',
      givenName: '',
      familyName: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Choose what kind of name this is')
    expect(bad.body).toContain('Enter a first name or a last name, or both')
    expect(await db().select().from(personName).where(eq(personName.personId, child))).toHaveLength(0)

    const added = await sw.post(`/children/${child}/details/names/new`, {
      kind: 'former',
      givenName: 'Amara',
      familyName: 'Quillfeather',
    })
    expect(added.statusCode).toBe(303)
    const page = await sw.get(`/children/${child}/details/names`)
    expect(page.body).toContain('Quillfeather')
    expect(page.body).toContain('Former name')
    const found = await sw.get('/children?q=Quillfeather')
    expect(found.body).toContain(`/children/${child}"`)

    const again = await sw.post(`/children/${child}/details/names/new`, {
      kind: 'alias',
      givenName: 'amara',
      familyName: 'quillfeather',
    })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('This name is already recorded')
  })

  it('ends a name (still searchable), refuses a stale version, and removes a name recorded in error', async () => {
    const sw = await t.signedIn('socialworker')
    const [name] = await db().select().from(personName).where(eq(personName.personId, child))
    const form = await sw.get(`/children/${child}/details/names/${name!.id}/end`)
    expect(form.statusCode).toBe(200)
    const future = await sw.post(`/children/${child}/details/names/${name!.id}/end`, {
      version: versionIn(form.body),
      ...dateFields('endedOn', '2099-01-01'),
    })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('must be today or in the past')
    const ended = await sw.post(`/children/${child}/details/names/${name!.id}/end`, {
      version: versionIn(form.body),
      ...dateFields('endedOn', '2024-09-01'),
    })
    expect(ended.statusCode).toBe(303)
    expect((await sw.get(`/children/${child}/details/names`)).body).toContain('No longer used since')
    expect((await sw.get('/children?q=Quillfeather')).body).toContain(`/children/${child}"`)

    // The remove form was opened before the name was ended: its version is stale.
    const stale = await sw.post(`/children/${child}/details/names/${name!.id}/remove`, { version: '1' })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this name')
    expect(stale.body).toContain('endedOn')

    const removed = await sw.post(`/children/${child}/details/names/${name!.id}/remove`, { version: '2' })
    expect(removed.statusCode).toBe(303)
    expect(await db().select().from(personName).where(eq(personName.id, name!.id))).toHaveLength(0)
    const history = await db()
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'person-name'), eq(changeHistory.entityId, String(name!.id))))
    expect(history.find((h) => h.version === 3 && h.field === 'familyName')).toMatchObject({
      oldValue: 'Quillfeather',
      newValue: null,
    })
  })
})

describe('disabilities', () => {
  it('saves DfE codes on a checkbox page, with change history', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${child}/details/disabilities`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Which disabilities does Amara have?')
    const saved = await sw.post(`/children/${child}/details/disabilities`, {
      version: versionIn(page.body),
      codes: ['HEAR', 'AUT'],
    })
    expect(saved.statusCode).toBe(303)
    const rows = await db().select().from(personDisability).where(eq(personDisability.personId, child))
    expect(rows.map((r) => r.code).sort()).toEqual(['AUT', 'HEAR'])
    expect((await sw.get(`/children/${child}/details/disabilities`)).body).toContain('Hearing, Autism')
  })

  it('refuses an unknown code and "No disability" with another code, changing nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const version = versionIn((await sw.get(`/children/${child}/details/disabilities`)).body)
    const unknown = await sw.post(`/children/${child}/details/disabilities`, {
      version,
      codes: ['HEAR', 'WINGS'],
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('WINGS is not a disability code')
    const none = await sw.post(`/children/${child}/details/disabilities`, { version, codes: ['NONE', 'VIS'] })
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('Choose &quot;No disability&quot; on its own')
    const rows = await db().select().from(personDisability).where(eq(personDisability.personId, child))
    expect(rows.map((r) => r.code).sort()).toEqual(['AUT', 'HEAR'])
  })

  it('refuses the second of two concurrent saves', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const version = versionIn((await sw.get(`/children/${child}/details/disabilities`)).body)
    expect(
      (await tm.post(`/children/${child}/details/disabilities`, { version, codes: 'NONE' })).statusCode,
    ).toBe(303)
    const second = await sw.post(`/children/${child}/details/disabilities`, { version, codes: 'VIS' })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('Someone else changed this list of disabilities')
    const rows = await db().select().from(personDisability).where(eq(personDisability.personId, child))
    expect(rows.map((r) => r.code)).toEqual(['NONE'])
  })
})

describe('addresses', () => {
  const address = (line1: string, postcode: string, startedOn: string, endedOn?: string) => ({
    line1,
    town: 'Leeds',
    postcode,
    ...dateFields('startedOn', startedOn),
    ...(endedOn ? dateFields('endedOn', endedOn) : {}),
  })

  it('refuses an invalid postcode, a missing line and an end before the start', async () => {
    const sw = await t.signedIn('socialworker')
    const bad = await sw.post(`/children/${child}/details/addresses/new`, {
      ...address('', 'LS1 1CI', '2024-05-01', '2024-04-01'),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter a real postcode, like SW1A 1AA')
    expect(bad.body).toContain('Enter the first line of the address')
    expect(bad.body).toContain('The date they moved out must be the same as or after the start date')
    expect(await db().select().from(personAddress).where(eq(personAddress.personId, child))).toHaveLength(0)
  })

  it('a new current address ends the previous one the day before, and normalises the postcode', async () => {
    const sw = await t.signedIn('socialworker')
    expect(
      (
        await sw.post(
          `/children/${child}/details/addresses/new`,
          address('1 Mill Lane', 'ls6 2aa', '2020-03-01'),
        )
      ).statusCode,
    ).toBe(303)
    expect(
      (
        await sw.post(
          `/children/${child}/details/addresses/new`,
          address('9 Park Row', 'LS1 5AB', '2025-07-14'),
        )
      ).statusCode,
    ).toBe(303)
    const rows = await db()
      .select()
      .from(personAddress)
      .where(eq(personAddress.personId, child))
      .orderBy(personAddress.startedOn)
    expect(rows).toMatchObject([
      { line1: '1 Mill Lane', postcode: 'LS6 2AA', startedOn: '2020-03-01', endedOn: '2025-07-13' },
      { line1: '9 Park Row', postcode: 'LS1 5AB', startedOn: '2025-07-14', endedOn: null },
    ])
    const page = await sw.get(`/children/${child}/details/addresses`)
    expect(page.body).toContain('9 Park Row')
    expect(page.body).toContain('Current')
  })

  it('refuses overlapping dates, changing nothing', async () => {
    const sw = await t.signedIn('socialworker')
    const overlap = await sw.post(
      `/children/${child}/details/addresses/new`,
      address('3 Old Road', 'LS2 7AA', '2019-01-01', '2020-06-30'),
    )
    expect(overlap.statusCode).toBe(400)
    expect(overlap.body).toContain('These dates overlap the address at 1 Mill Lane')
    // A new current address that starts before the current one began would overlap it.
    const early = await sw.post(
      `/children/${child}/details/addresses/new`,
      address('4 New Road', 'LS2 7AB', '2025-01-01'),
    )
    expect(early.statusCode).toBe(400)
    expect(await db().select().from(personAddress).where(eq(personAddress.personId, child))).toHaveLength(2)
  })

  it('changes an address with conflict detection, and records a move out', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const [current] = await db()
      .select()
      .from(personAddress)
      .where(and(eq(personAddress.personId, child), eq(personAddress.line1, '9 Park Row')))
    const form = await sw.get(`/children/${child}/details/addresses/${current!.id}/edit`)
    const version = versionIn(form.body)
    const changed = await tm.post(`/children/${child}/details/addresses/${current!.id}/edit`, {
      ...address('9a Park Row', 'LS1 5AB', '2025-07-14'),
      version,
    })
    expect(changed.statusCode).toBe(303)
    const stale = await sw.post(`/children/${child}/details/addresses/${current!.id}/edit`, {
      ...address('9 Park Row', 'LS1 5AB', '2025-07-01'),
      version,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('9a Park Row')

    const endForm = await sw.get(`/children/${child}/details/addresses/${current!.id}/end`)
    const before = await sw.post(`/children/${child}/details/addresses/${current!.id}/end`, {
      version: versionIn(endForm.body),
      ...dateFields('endedOn', '2025-07-01'),
    })
    expect(before.statusCode).toBe(400)
    expect(before.body).toContain('must be the same as or after the start date')
    const ended = await sw.post(`/children/${child}/details/addresses/${current!.id}/end`, {
      version: versionIn(endForm.body),
      ...dateFields('endedOn', '2026-02-01'),
    })
    expect(ended.statusCode).toBe(303)
    const [row] = await db().select().from(personAddress).where(eq(personAddress.id, current!.id))
    expect(row).toMatchObject({ line1: '9a Park Row', endedOn: '2026-02-01', version: 3 })
  })
})

describe('warnings', () => {
  it('adds a warning that shows on every page of the record, and ends it', async () => {
    const sw = await t.signedIn('socialworker')
    const bad = await sw.post(`/children/${child}/details/warnings/new`, {
      kind: 'danger',
      text: '',
      ...dateFields('startedOn', '2026-01-10'),
      ...dateFields('endedOn', '2026-01-01'),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Choose what kind of warning this is')
    expect(bad.body).toContain('Enter the warning')
    expect(bad.body).toContain('must be the same as or after the start date')
    expect(await db().select().from(personWarning).where(eq(personWarning.personId, child))).toHaveLength(0)

    const added = await sw.post(`/children/${child}/details/warnings/new`, {
      kind: 'risk-to-staff',
      text: 'Uncle Dorian has threatened staff: visit in pairs',
      ...dateFields('startedOn', '2026-01-10'),
    })
    expect(added.statusCode).toBe(303)
    for (const path of ['', '/details', '/family', '/details/addresses']) {
      expect((await sw.get(`/children/${child}${path}`)).body, path).toContain(
        'Uncle Dorian has threatened staff',
      )
    }
    const [warning] = await db().select().from(personWarning).where(eq(personWarning.personId, child))
    expect(warning!.recordedBy).not.toBeNull()
    const form = await sw.get(`/children/${child}/details/warnings/${warning!.id}/end`)
    const early = await sw.post(`/children/${child}/details/warnings/${warning!.id}/end`, {
      version: versionIn(form.body),
      ...dateFields('endedOn', '2026-01-09'),
    })
    expect(early.statusCode).toBe(400)
    const ended = await sw.post(`/children/${child}/details/warnings/${warning!.id}/end`, {
      version: versionIn(form.body),
      ...dateFields('endedOn', '2026-03-01'),
    })
    expect(ended.statusCode).toBe(303)
    expect((await sw.get(`/children/${child}`)).body).not.toContain('Uncle Dorian has threatened staff')
    expect((await sw.get(`/children/${child}/details/warnings`)).body).toContain(
      'Uncle Dorian has threatened staff',
    )
    const logged = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectType, 'person-warning'), eq(accessLog.subjectId, String(warning!.id))))
    expect(logged.map((l) => l.action).sort()).toEqual(['change', 'create'])
  })
})

describe('the API', () => {
  it('does the same through JSON, with problems for bad input', async () => {
    const sw = await t.signedIn('socialworker')
    const created = await sw.api('POST', `/api/v1/children/${child}/names`, {
      kind: 'known-as',
      givenName: 'Mimi',
    })
    expect(created.statusCode).toBe(201)
    const names = (await sw.api('GET', `/api/v1/children/${child}/names`)).json()
    expect(names).toEqual(
      expect.arrayContaining([expect.objectContaining({ givenName: 'Mimi', current: true })]),
    )

    const current = (await sw.api('GET', `/api/v1/children/${child}/disabilities`)).json()
    expect(current.codes).toEqual(['NONE'])
    const both = await sw.api('PUT', `/api/v1/children/${child}/disabilities`, {
      codes: ['NONE', 'MOB'],
      version: current.version,
    })
    expect(both.statusCode).toBe(400)
    expect(both.headers['content-type']).toContain('application/problem+json')
    expect(both.json().errors[0]).toMatchObject({ pointer: '/codes' })
    const ok = await sw.api('PUT', `/api/v1/children/${child}/disabilities`, {
      codes: ['MOB'],
      version: current.version,
    })
    expect(ok.json()).toEqual({ version: current.version + 1 })
    const stale = await sw.api('PUT', `/api/v1/children/${child}/disabilities`, {
      codes: ['VIS'],
      version: current.version,
    })
    expect(stale.statusCode).toBe(409)

    const postcode = await sw.api('POST', `/api/v1/children/${child}/addresses`, {
      line1: '2 Bridge Street',
      town: 'Leeds',
      postcode: 'ZZ99 9ZZ',
      startedOn: '2026-02-02',
    })
    expect(postcode.statusCode).toBe(400)
    expect(postcode.json().errors).toEqual([
      { pointer: '/postcode', detail: 'Enter a real postcode, like SW1A 1AA' },
    ])
    const moved = await sw.api('POST', `/api/v1/children/${child}/addresses`, {
      line1: '2 Bridge Street',
      town: 'Leeds',
      postcode: 'LS2 7EW',
      startedOn: '2026-02-02',
    })
    expect(moved.statusCode).toBe(201)
    const addresses = (await sw.api('GET', `/api/v1/children/${child}/addresses`)).json()
    expect(addresses[0]).toMatchObject({ line1: '2 Bridge Street', current: true })

    const warning = await sw.api('POST', `/api/v1/children/${child}/warnings`, {
      kind: 'health',
      text: 'Severe nut allergy',
    })
    expect(warning.statusCode).toBe(201)
    const header = (await sw.api('GET', `/api/v1/children/${child}`)).json()
    expect(header.warnings).toEqual(expect.arrayContaining([{ kind: 'health', text: 'Severe nut allergy' }]))
  })
})

describe('access', () => {
  it('a user outside the child’s team can neither open nor change these details', async () => {
    const iro = await t.signedIn('iro')
    for (const path of ['names', 'disabilities', 'addresses', 'warnings', 'names/new', 'addresses/new']) {
      expect((await iro.get(`/children/${child}/details/${path}`)).statusCode, path).toBe(404)
    }
    const before = await db().select().from(personWarning).where(eq(personWarning.personId, child))
    const refused = await iro.post(`/children/${child}/details/warnings/new`, {
      kind: 'other',
      text: 'Should not be saved',
      ...dateFields('startedOn', '2026-01-01'),
    })
    expect(refused.statusCode).toBe(404)
    for (const path of ['names', 'disabilities', 'addresses', 'warnings']) {
      expect((await iro.api('GET', `/api/v1/children/${child}/${path}`)).statusCode, path).toBe(404)
    }
    expect(
      (await iro.api('POST', `/api/v1/children/${child}/warnings`, { kind: 'other', text: 'No' })).statusCode,
    ).toBe(404)
    expect(await db().select().from(personWarning).where(eq(personWarning.personId, child))).toHaveLength(
      before.length,
    )
  })

  it('a row of another child cannot be changed through this child’s address', async () => {
    const other = await newPerson(t, 'Tobias', 'Linden', '2014-01-01')
    const [row] = await db()
      .insert(personAddress)
      .values({
        personId: other,
        line1: '5 Elm Road',
        town: 'York',
        postcode: 'YO1 7HH',
        startedOn: '2020-01-01',
      })
      .returning()
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${child}/details/addresses/${row!.id}/edit`)).statusCode).toBe(404)
    expect(
      (
        await sw.api('POST', `/api/v1/children/${child}/addresses/${row!.id}/end`, {
          version: 1,
          endedOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(404)
    const [after] = await db().select().from(personAddress).where(eq(personAddress.id, row!.id))
    expect(after!.endedOn).toBeNull()
  })
})
