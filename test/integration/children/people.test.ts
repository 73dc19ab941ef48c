import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  allocation,
  person,
  personName,
  recordAccessGrant,
  referral,
  userAccount,
  worker,
} from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const newChild = {
  givenName: 'Kacper',
  familyName: 'Nowakowski',
  'dateOfBirth-day': '14',
  'dateOfBirth-month': '3',
  'dateOfBirth-year': '2016',
  sex: 'M',
  ethnicity: 'WOTH',
  nhsNumber: '943 476 5919',
  upn: 'P207000016049',
}

async function allocateToSocialWorker(personId: number) {
  const [sw] = await t.database.db
    .select({ workerId: userAccount.workerId, teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, 'socialworker'))
  await t.database.db.insert(allocation).values({
    personId,
    teamId: sw!.teamId,
    workerId: sw!.workerId,
    kind: 'social-worker',
    startedOn: '2026-01-01',
  })
}

describe('people', () => {
  let id: number

  it('creates a record after checking for duplicates', async () => {
    const fd = await t.signedIn('frontdoor')
    const created = await fd.post('/children/new', newChild)
    expect(created.statusCode).toBe(303)
    id = Number(created.headers.location!.split('/').pop())
    const [row] = await t.database.db.select().from(person).where(eq(person.id, id))
    expect(row).toMatchObject({
      givenName: 'Kacper',
      dateOfBirth: '2016-03-14',
      nhsNumber: '9434765919',
      upn: 'P207000016049',
    })

    const again = await fd.post('/children/new', { ...newChild, givenName: 'Kasper', nhsNumber: '', upn: '' })
    expect(again.statusCode).toBe(200)
    expect(again.body).toContain('This person may already have a record')
    expect(again.body).toContain('similar name and same date of birth')
    const confirmed = await fd.post('/children/new', {
      ...newChild,
      givenName: 'Kasper',
      nhsNumber: '',
      upn: '',
      confirmNotDuplicate: 'yes',
    })
    expect(confirmed.statusCode).toBe(303)
  })

  it('refuses impossible input with a message per field and creates nothing', async () => {
    const fd = await t.signedIn('frontdoor')
    const before = (await t.database.db.select().from(person)).length
    const response = await fd.post('/children/new', {
      givenName: '',
      familyName: 'Smith',
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '2015',
      nhsNumber: '943 476 5918',
      upn: 'B207000016049',
      ethnicity: 'XXXX',
    })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Enter a first name')
    expect(response.body).toContain('Date of birth must be a real date')
    expect(response.body).toContain('Enter a valid NHS number')
    expect(response.body).toContain('Enter a valid UPN')
    expect(response.body).toContain('Choose an ethnicity from the list')
    const future = await fd.post('/children/new', { ...newChild, 'dateOfBirth-year': '2099' })
    expect(future.body).toContain('Date of birth must be today or in the past')
    expect((await t.database.db.select().from(person)).length).toBe(before)
  })

  it('finds children by misspelt and partial names, date of birth, NHS number and ID — only those the user may see', async () => {
    const fd = await t.signedIn('frontdoor')
    for (const q of ['Kacper Nowakowski', 'Kacpr Nowakowsky', 'kac nowak', String(id), '9434765919']) {
      const page = await fd.get(`/children?q=${encodeURIComponent(q)}`)
      expect(page.statusCode, q).toBe(200)
      expect(page.body, q).toContain(`/children/${id}"`)
    }
    const byDob = await fd.get('/children?dateOfBirth=2016-03-14')
    expect(byDob.body).toContain(`/children/${id}"`)
    // The social worker's team has no relationship with the child yet.
    const sw = await t.signedIn('socialworker')
    expect((await sw.get('/children?q=Nowakowski')).body).not.toContain(`/children/${id}"`)
    expect((await sw.get(`/children/${id}`)).statusCode).toBe(404)
    await allocateToSocialWorker(id)
    expect((await sw.get('/children?q=Nowakowski')).body).toContain(`/children/${id}"`)
    expect((await sw.get(`/children/${id}`)).statusCode).toBe(200)
  })

  it('finds by other names, UPN, expected date of birth and two-letter starts; several criteria narrow the search', async () => {
    const db = t.database.db
    const [alias, unborn, namesake] = await db
      .insert(person)
      .values([
        { givenName: 'Marisol', familyName: 'Quenby', dateOfBirth: '2014-07-01', upn: 'A207000016041' },
        { givenName: 'Baby', familyName: 'Quenby', expectedDateOfBirth: '2026-11-20' },
        { givenName: 'Marisol', familyName: 'Quenby', dateOfBirth: '2012-02-02' },
      ])
      .returning({ id: person.id })
    await db.insert(personName).values({
      personId: alias!.id,
      kind: 'former',
      givenName: 'Marisol',
      familyName: 'Vantreight',
    })
    const fd = await t.signedIn('frontdoor')
    const ids = async (query: string) =>
      ((await fd.api('GET', `/api/v1/children?${query}`)).json() as { id: number }[]).map((c) => c.id)
    // A former name, misspelt.
    expect(await ids('name=Marisol%20Vantreigth')).toContain(alias!.id)
    // Two letters of each name, in either order.
    expect(await ids('name=ma%20qu')).toEqual(expect.arrayContaining([alias!.id, namesake!.id]))
    expect(await ids('name=qu%20ma')).toEqual(expect.arrayContaining([alias!.id, namesake!.id]))
    expect(await ids('upn=A207000016041')).toEqual([alias!.id])
    expect(await ids('dateOfBirth=2026-11-20')).toContain(unborn!.id)
    // Name and date of birth together: only the one born that day.
    const both = await ids('name=Marisol%20Quenby&dateOfBirth=2014-07-01')
    expect(both).toContain(alias!.id)
    expect(both).not.toContain(namesake!.id)
    // The exact name first.
    const ranked = await ids('name=Baby%20Quenby')
    expect(ranked[0]).toBe(unborn!.id)
    // Nothing to search by finds nobody, not everybody.
    expect(await ids('name=%20%20%20')).toEqual([])
    // Symbols and digits typed with a name do not widen the search to everyone.
    expect((await ids('name=Quenby%20%2A%2B2')).length).toBeLessThan(10)
  })

  it('finds, for an ordinary worker, only the children they may see — by misspelt, partial and former names', async () => {
    const db = t.database.db
    const [mine, other, restricted, granted] = await db
      .insert(person)
      .values([
        { givenName: 'Ottoline', familyName: 'Brackwater', dateOfBirth: '2015-05-05' },
        { givenName: 'Ottoline', familyName: 'Brackwater', dateOfBirth: '2013-03-03' },
        {
          givenName: 'Ottilie',
          familyName: 'Brackwater',
          dateOfBirth: '2017-07-07',
          accessRestriction: 'restricted',
        },
        {
          givenName: 'Otto',
          familyName: 'Brackwater',
          dateOfBirth: '2011-01-01',
          accessRestriction: 'restricted',
        },
      ])
      .returning({ id: person.id })
    await db.insert(personName).values({
      personId: mine!.id,
      kind: 'former',
      givenName: 'Ottoline',
      familyName: 'Pemberthy',
    })
    await allocateToSocialWorker(mine!.id)
    // A restricted record stays hidden from the allocated team; a grant opens it without an allocation.
    await allocateToSocialWorker(restricted!.id)
    const [swUser] = await db
      .select({ id: userAccount.id })
      .from(userAccount)
      .where(eq(userAccount.username, 'socialworker'))
    await db
      .insert(recordAccessGrant)
      .values({ personId: granted!.id, userId: swUser!.id, reason: 'Named worker for the court case' })
    const sw = await t.signedIn('socialworker')
    const ids = async (query: string) =>
      ((await sw.api('GET', `/api/v1/children?${query}`)).json() as { id: number }[]).map((c) => c.id)
    for (const q of [
      'Ottoline Brackwater',
      'Otoline Brackwatr',
      'ot brack',
      'Brackwater',
      'Ottoline Pemberthi',
    ]) {
      const found = await ids(`name=${encodeURIComponent(q)}`)
      expect(found, q).toContain(mine!.id)
      expect(found, q).not.toContain(other!.id)
      expect(found, q).not.toContain(restricted!.id)
    }
    expect(await ids('name=Otto%20Brackwater')).toContain(granted!.id)
    // The front door sees every open record, and no restricted one without a grant.
    const fd = await t.signedIn('frontdoor')
    const all = ((await fd.api('GET', '/api/v1/children?name=Brackwater')).json() as { id: number }[]).map(
      (c) => c.id,
    )
    expect(all).toEqual(expect.arrayContaining([mine!.id, other!.id]))
    expect(all).not.toContain(restricted!.id)
    expect(all).not.toContain(granted!.id)
  })

  it('refuses a birth before the referral made for the child as an unborn baby, changing nothing', async () => {
    const db = t.database.db
    const [unborn] = await db
      .insert(person)
      .values({ givenName: 'Unborn', familyName: 'Tresillian', expectedDateOfBirth: '2026-04-20', sex: 'U' })
      .returning({ id: person.id })
    await db.insert(referral).values({
      personId: unborn!.id,
      referralDate: '2026-03-02',
      source: '6',
      primaryNeed: 'N1',
    })
    await allocateToSocialWorker(unborn!.id)
    const sw = await t.signedIn('socialworker')
    const birth = async (iso: string, version: string) => {
      const [y, m, d] = iso.split('-')
      return sw.post(`/children/${unborn!.id}/details/edit`, {
        givenName: 'Nova',
        familyName: 'Tresillian',
        'dateOfBirth-day': String(Number(d)),
        'dateOfBirth-month': String(Number(m)),
        'dateOfBirth-year': y!,
        sex: 'F',
        version,
      })
    }
    const early = await birth('2026-02-27', '1')
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('referred as an unborn child on 2 March 2026')
    const [unchanged] = await db.select().from(person).where(eq(person.id, unborn!.id))
    expect(unchanged).toMatchObject({ givenName: 'Unborn', dateOfBirth: null, version: 1 })
    const born = await birth('2026-04-18', '1')
    expect(born.statusCode).toBe(303)
    const [after] = await db.select().from(person).where(eq(person.id, unborn!.id))
    expect(after).toMatchObject({ givenName: 'Nova', dateOfBirth: '2026-04-18', expectedDateOfBirth: null })
  })

  it('refuses the second of two concurrent edits, saying what changed', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const form = await sw.get(`/children/${id}/details/edit`)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const fields = { ...newChild, version }
    expect(
      (await tm.post(`/children/${id}/details/edit`, { ...fields, religion: 'Roman Catholic' })).statusCode,
    ).toBe(303)
    const second = await sw.post(`/children/${id}/details/edit`, { ...fields, firstLanguage: 'Polish' })
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('Someone else changed these details')
    expect(second.body).toContain('religion')
    expect(second.body).toContain('Roman Catholic')
    const [row] = await t.database.db.select().from(person).where(eq(person.id, id))
    expect(row).toMatchObject({ religion: 'Roman Catholic', firstLanguage: null })
  })

  it('shows the child page with a derived journey stage', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${id}`)
    expect(page.body).toContain('No current involvement')
    expect(page.body).toContain('Team around the child')
  })
})
