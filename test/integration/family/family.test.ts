import { and, eq, or } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocation, person, professionalContact, relationship } from '../../../src/db/schema/index.ts'
import { householdAsAt, householdHistory, relationshipsOf, siblingsOf } from '../../../src/services/family.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { allocateToSocialWorker, dateFields, newPerson, versionIn } from './helpers.ts'

let t: TestApp
let child: number
let mother: number
beforeAll(async () => {
  t = await buildTestApp()
  child = await newPerson(t, 'Leila', 'Brightwater', '2016-05-20')
  mother = await newPerson(t, 'Sorrel', 'Brightwater', '1990-02-11')
  await allocateToSocialWorker(t, child)
})
afterAll(() => t.close())

const db = () => t.database.db
const relationshipsBetween = (a: number, b: number) =>
  db()
    .select()
    .from(relationship)
    .where(
      or(
        and(eq(relationship.personId, a), eq(relationship.relatedPersonId, b)),
        and(eq(relationship.personId, b), eq(relationship.relatedPersonId, a)),
      ),
    )
    .orderBy(relationship.id)

describe('relationships', () => {
  it('adds someone who already has a record, found by Hearth ID, and reads it both ways', async () => {
    const fd = await t.signedIn('frontdoor')
    const added = await fd.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(mother),
      type: 'parent',
      parentalResponsibility: 'yes',
      sameHousehold: 'yes',
      ...dateFields('startedOn', '2016-05-20'),
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`/children/${child}/family`)

    const childPage = await fd.get(`/children/${child}/family`)
    expect(childPage.statusCode).toBe(200)
    expect(childPage.body).toContain(
      `<a class="govuk-link" href="/children/${mother}">Sorrel Brightwater</a>`,
    )
    expect(childPage.body).toMatch(/Sorrel Brightwater<\/a>[\s\S]*?Parent<\/td>/)
    expect(childPage.body).toContain('Has parental responsibility for Leila')

    const motherPage = await fd.get(`/children/${mother}/family`)
    expect(motherPage.body).toMatch(/Leila Brightwater<\/a>[\s\S]*?Child<\/td>/)
    expect(motherPage.body).toContain('Sorrel has parental responsibility for them')

    const fromMother = await relationshipsOf(db(), mother)
    expect(fromMother).toMatchObject([
      { personId: child, type: 'child', parentalResponsibility: 'this-person' },
    ])
    const fromChild = await relationshipsOf(db(), child)
    expect(fromChild).toMatchObject([{ personId: mother, type: 'parent', parentalResponsibility: 'other' }])

    // Changed from the mother's side: "Leila is my child", and the parent holds parental responsibility.
    const [row] = await relationshipsBetween(child, mother)
    const form = await fd.get(`/children/${mother}/family/relationships/${row!.id}/edit`)
    expect(form.body).toContain('Change Sorrel’s relationship with Leila Brightwater')
    expect(form.body).toMatch(/<option value="child" selected>/)
    const saved = await fd.post(`/children/${mother}/family/relationships/${row!.id}/edit`, {
      version: versionIn(form.body),
      type: 'child',
      parentalResponsibility: 'yes',
      sameHousehold: 'yes',
      ...dateFields('startedOn', '2016-05-20'),
      ...dateFields('endedOn', '2026-01-31'),
    })
    expect(saved.statusCode).toBe(303)
    expect((await relationshipsBetween(child, mother))[0]).toMatchObject({
      personId: child,
      relatedPersonId: mother,
      type: 'parent',
      parentalResponsibility: true,
      endedOn: '2026-01-31',
      version: 2,
    })
    const undo = await fd.get(`/children/${child}/family/relationships/${row!.id}/edit`)
    expect(
      (
        await fd.post(`/children/${child}/family/relationships/${row!.id}/edit`, {
          version: versionIn(undo.body),
          type: 'parent',
          parentalResponsibility: 'yes',
          sameHousehold: 'yes',
          ...dateFields('startedOn', '2016-05-20'),
        })
      ).statusCode,
    ).toBe(303)
  })

  it('stores a relationship recorded "downwards" the other way round, so it reads the same', async () => {
    const fd = await t.signedIn('frontdoor')
    const baby = await newPerson(t, 'Rowan', 'Brightwater', '2025-12-01')
    // From the mother's record: Rowan is her child.
    const added = await fd.post(`/children/${mother}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(baby),
      type: 'child',
      sameHousehold: 'yes',
      ...dateFields('startedOn', '2025-12-01'),
    })
    expect(added.statusCode).toBe(303)
    const [row] = await relationshipsBetween(mother, baby)
    expect(row).toMatchObject({ personId: baby, relatedPersonId: mother, type: 'parent' })
    expect(await relationshipsOf(db(), baby)).toMatchObject([{ personId: mother, label: 'Parent' }])
  })

  it('refuses a relationship to oneself, an unknown or unseen Hearth ID, PR for a friend and an end before the start', async () => {
    const fd = await t.signedIn('frontdoor')
    const before = (await db().select().from(relationship)).length
    const self = await fd.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(child),
      type: 'sibling',
    })
    expect(self.statusCode).toBe(400)
    expect(self.body).toContain('A person cannot be related to themselves')

    const unknown = await fd.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: '99999999',
      type: 'friend',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('There is no record you can see with Hearth ID 99999999')

    const sealed = await newPerson(t, 'Hidden', 'Person', '2012-01-01', { accessRestriction: 'sealed' })
    const unseen = await fd.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(sealed),
      type: 'sibling',
    })
    expect(unseen.body).toContain(`There is no record you can see with Hearth ID ${sealed}`)

    const bad = await fd.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(mother),
      type: 'friend',
      parentalResponsibility: 'yes',
      ...dateFields('startedOn', '2020-01-01'),
      ...dateFields('endedOn', '2019-01-01'),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Parental responsibility can only be recorded for a parent')
    expect(bad.body).toContain('The end date must be the same as or after the start date')

    const nothing = await fd.post(`/children/${child}/family/relationships/new`, { type: '' })
    expect(nothing.statusCode).toBe(400)
    expect(nothing.body).toContain('Choose whether they already have a Hearth record')
    expect(nothing.body).toContain('Choose how they are related')

    const duplicate = await fd.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(mother),
      type: 'parent',
    })
    expect(duplicate.statusCode).toBe(400)
    expect(duplicate.body).toContain('This relationship with Sorrel Brightwater is already recorded')
    expect((await db().select().from(relationship)).length).toBe(before)
  })

  it('adds a new person as a relative after a duplicate check, without an allocation', async () => {
    const sw = await t.signedIn('socialworker')
    const father = {
      who: 'new',
      givenName: 'Caspian',
      familyName: 'Marlowe',
      ...dateFields('dateOfBirth', '1987-08-30'),
      sex: 'M',
      type: 'parent',
      parentalResponsibility: 'yes',
    }
    const badPerson = await sw.post(`/children/${child}/family/relationships/new`, {
      ...father,
      givenName: '',
      ...dateFields('dateOfBirth', '2099-01-01'),
    })
    expect(badPerson.statusCode).toBe(400)
    expect(badPerson.body).toContain('Enter a first name')
    expect(badPerson.body).toContain('Date of birth must be today or in the past')

    const created = await sw.post(`/children/${child}/family/relationships/new`, father)
    expect(created.statusCode).toBe(303)
    const [row] = await db().select().from(person).where(eq(person.givenName, 'Caspian'))
    expect(row).toMatchObject({ familyName: 'Marlowe', dateOfBirth: '1987-08-30', sex: 'M' })
    expect(await db().select().from(allocation).where(eq(allocation.personId, row!.id))).toHaveLength(0)

    // The social worker sees him on the child's page but may not open his record: no link.
    const page = await sw.get(`/children/${child}/family`)
    expect(page.body).toContain('Caspian Marlowe')
    expect(page.body).not.toContain(`href="/children/${row!.id}"`)
    expect((await sw.get(`/children/${row!.id}`)).statusCode).toBe(404)
    // The front door (authority-wide) may.
    const fd = await t.signedIn('frontdoor')
    expect((await fd.get(`/children/${child}/family`)).body).toContain(`href="/children/${row!.id}"`)

    // Adding him again as a new person finds the record already made.
    const again = await sw.post(`/children/${child}/family/relationships/new`, {
      ...father,
      givenName: 'Kaspian',
    })
    expect(again.statusCode).toBe(200)
    expect(again.body).toContain('This person may already have a record')
    expect((await db().select().from(person).where(eq(person.familyName, 'Marlowe'))).length).toBe(1)
  })

  it('changes a relationship with conflict detection, and ends living together while the relationship goes on', async () => {
    const sw = await t.signedIn('socialworker')
    const tm = await t.signedIn('teammanager')
    const [row] = await relationshipsBetween(child, mother)
    const form = await sw.get(`/children/${child}/family/relationships/${row!.id}/edit`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Change Leila’s relationship with Sorrel Brightwater')
    const version = versionIn(form.body)
    const fields = {
      version,
      type: 'parent',
      parentalResponsibility: 'yes',
      sameHousehold: 'yes',
      ...dateFields('startedOn', '2016-05-20'),
    }
    // The manager clears the start date: a parent since birth.
    expect(
      (
        await tm.post(`/children/${child}/family/relationships/${row!.id}/edit`, {
          ...fields,
          'startedOn-day': '',
          'startedOn-month': '',
          'startedOn-year': '',
        })
      ).statusCode,
    ).toBe(303)
    const stale = await sw.post(`/children/${child}/family/relationships/${row!.id}/edit`, {
      ...fields,
      ...dateFields('startedOn', '2016-05-21'),
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this relationship')
    const now = (await relationshipsBetween(child, mother))[0]!
    expect(now.startedOn).toBeNull()

    const endForm = await sw.get(`/children/${child}/family/relationships/${row!.id}/end`)
    expect(endForm.body).toContain('Sorrel Brightwater no longer lives with Leila')
    const unanswered = await sw.post(`/children/${child}/family/relationships/${row!.id}/end`, {
      version: versionIn(endForm.body),
    })
    expect(unanswered.statusCode).toBe(400)
    expect(unanswered.body).toContain('Choose whether they only stopped living together')
    expect(unanswered.body).toContain('Enter the end date')
    const ended = await sw.post(`/children/${child}/family/relationships/${row!.id}/end`, {
      version: versionIn(endForm.body),
      stillRelated: 'yes',
      ...dateFields('endedOn', '2026-03-31'),
    })
    expect(ended.statusCode).toBe(303)
    const rows = await relationshipsBetween(child, mother)
    expect(rows.map((r) => [r.sameHousehold, r.startedOn, r.endedOn, r.parentalResponsibility])).toEqual([
      [true, null, '2026-03-31', true],
      [false, '2026-04-01', null, true],
    ])
    const seen = await relationshipsOf(db(), child)
    expect(seen.filter((r) => r.personId === mother && r.current)).toMatchObject([{ sameHousehold: false }])
  })
})

describe('household', () => {
  it('is derived from same-household relationships and dates, through other members, as at any date', async () => {
    // The mother's partner lived with her (and so with Leila) from 2023 to mid-2024.
    const partner = await newPerson(t, 'Bram', 'Oduya', '1985-01-01')
    await db().insert(relationship).values({
      personId: mother,
      relatedPersonId: partner,
      type: 'partner',
      sameHousehold: true,
      startedOn: '2023-01-01',
      endedOn: '2024-06-30',
    })
    const names = async (on: string) => (await householdAsAt(db(), child, on)).map((m) => m.givenName).sort()
    expect(await names('2022-12-31')).toEqual(['Sorrel'])
    expect(await names('2023-06-01')).toEqual(['Bram', 'Sorrel'])
    expect(await names('2024-07-01')).toEqual(['Sorrel'])
    // The mother moved out on 31 March 2026 (previous test); her new baby lives with her, not with Leila.
    expect(await names('2026-04-01')).toEqual([])
    expect(await names('2026-01-01')).toEqual(['Rowan', 'Sorrel'])

    const history = await householdHistory(db(), child)
    expect(history.map((h) => [h.from, h.to, h.members.map((m) => m.givenName).sort()])).toEqual([
      ['2026-04-01', null, []],
      ['2025-12-01', '2026-03-31', ['Rowan', 'Sorrel']],
      ['2024-07-01', '2025-11-30', ['Sorrel']],
      ['2023-01-01', '2024-06-30', ['Bram', 'Sorrel']],
      [null, '2022-12-31', ['Sorrel']],
    ])

    const sw = await t.signedIn('socialworker')
    const page = await sw.get(
      `/children/${child}/family?${new URLSearchParams(dateFields('asAt', '2023-06-01'))}`,
    )
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Living with Leila on 1 June 2023')
    expect(page.body).toMatch(
      /Living with Leila on 1 June 2023[\s\S]*Bram Oduya[\s\S]*The household over time/,
    )
    const bad = await sw.get(`/children/${child}/family?asAt-day=31&asAt-month=2&asAt-year=2023`)
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The date must be a real date')
  })
})

describe('siblings', () => {
  it('finds siblings recorded as such and through shared parents, telling half-siblings apart', async () => {
    // Rowan shares Sorrel with Leila, but Rowan's father is Bram and Leila's is Caspian: half-siblings.
    const caspian = (await db().select().from(person).where(eq(person.givenName, 'Caspian')))[0]!.id
    const rowan = (await db().select().from(person).where(eq(person.givenName, 'Rowan')))[0]!.id
    const bram = (await db().select().from(person).where(eq(person.givenName, 'Bram')))[0]!.id
    expect((await siblingsOf(db(), child)).find((s) => s.personId === rowan)!.type).toBe('sibling')
    await db().insert(relationship).values({ personId: rowan, relatedPersonId: bram, type: 'parent' })
    // Ivo has both of Leila's parents: a full sibling, never recorded as one.
    const ivo = await newPerson(t, 'Ivo', 'Marlowe', '2018-09-09')
    await db()
      .insert(relationship)
      .values([
        { personId: ivo, relatedPersonId: mother, type: 'parent' },
        { personId: caspian, relatedPersonId: ivo, type: 'child' },
      ])
    // Wren is recorded directly as a half-sister and shares no recorded parent.
    const wren = await newPerson(t, 'Wren', 'Adair', '2010-03-03')
    await db().insert(relationship).values({ personId: child, relatedPersonId: wren, type: 'half-sibling' })

    const siblings = await siblingsOf(db(), child)
    expect(siblings.map((s) => [s.givenName, s.type, s.recorded, s.sharedParentIds.length])).toEqual([
      ['Wren', 'half-sibling', true, 0],
      ['Ivo', 'sibling', false, 2],
      ['Rowan', 'half-sibling', false, 1],
    ])
    expect(siblings.find((s) => s.personId === rowan)!.sharedParentIds).toEqual([mother])
    // Read from Ivo's side too.
    expect((await siblingsOf(db(), ivo)).map((s) => s.givenName).sort()).toEqual(['Leila', 'Rowan'])
    expect((await siblingsOf(db(), wren)).map((s) => s.givenName)).toEqual(['Leila'])

    const sw = await t.signedIn('socialworker')
    const listed = (await sw.api('GET', `/api/v1/children/${child}/siblings`)).json()
    expect(listed.map((s: { givenName: string; visible: boolean }) => [s.givenName, s.visible])).toEqual([
      ['Wren', false],
      ['Ivo', false],
      ['Rowan', false],
    ])
    await allocateToSocialWorker(t, ivo)
    const page = await sw.get(`/children/${child}/family`)
    expect(page.body).toContain(`<a class="govuk-link" href="/children/${ivo}">Ivo Marlowe</a>`)
    expect(page.body).toContain('Wren Adair')
  })

  it('never names a sibling whose restricted record the user may not see', async () => {
    const secret = await newPerson(t, 'Quintessa', 'Vale', '2013-01-01', { accessRestriction: 'restricted' })
    await db().insert(relationship).values({ personId: secret, relatedPersonId: child, type: 'sibling' })
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${child}/family`)
    expect(page.body).not.toContain('Quintessa')
    expect(page.body).toContain('A person with a restricted record')
    const api = (await sw.api('GET', `/api/v1/children/${child}/relationships`)).json()
    expect(api.find((r: { personId: number }) => r.personId === secret)).toMatchObject({ givenName: null })
  })
})

describe('professional network', () => {
  const professional = {
    agency: 'school',
    organisation: 'Hillside Primary School',
    name: 'Ms Farah Iqbal',
    role: 'Designated safeguarding lead',
    phone: '0113 496 0000',
    email: 'f.iqbal@hillside.example.org',
    engagement: 'engaged',
    ...dateFields('startedOn', '2024-09-01'),
  }

  it('adds, changes (with conflict detection) and ends a professional', async () => {
    const sw = await t.signedIn('socialworker')
    const bad = await sw.post(`/children/${child}/family/professionals/new`, {
      ...professional,
      agency: 'wizard',
      organisation: '',
      email: 'not-an-email',
      phone: '12',
      engagement: 'maybe',
      ...dateFields('endedOn', '2024-01-01'),
    })
    expect(bad.statusCode).toBe(400)
    for (const message of [
      'Choose the type of agency',
      'Enter the organisation',
      'Enter an email address in the correct format',
      'Enter a telephone number',
      'Choose how engaged they are',
      'must be the same as or after the start date',
    ]) {
      expect(bad.body).toContain(message)
    }
    expect(
      await db().select().from(professionalContact).where(eq(professionalContact.personId, child)),
    ).toHaveLength(0)

    expect((await sw.post(`/children/${child}/family/professionals/new`, professional)).statusCode).toBe(303)
    const [row] = await db().select().from(professionalContact).where(eq(professionalContact.personId, child))
    const page = await sw.get(`/children/${child}/family`)
    expect(page.body).toContain('Hillside Primary School')
    expect(page.body).toContain('Designated safeguarding lead')

    const tm = await t.signedIn('teammanager')
    const form = await sw.get(`/children/${child}/family/professionals/${row!.id}/edit`)
    const version = versionIn(form.body)
    expect(
      (
        await tm.post(`/children/${child}/family/professionals/${row!.id}/edit`, {
          ...professional,
          engagement: 'partly-engaged',
          version,
        })
      ).statusCode,
    ).toBe(303)
    const stale = await sw.post(`/children/${child}/family/professionals/${row!.id}/edit`, {
      ...professional,
      phone: '0113 496 0001',
      version,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('partly-engaged')

    const endForm = await sw.get(`/children/${child}/family/professionals/${row!.id}/end`)
    const ended = await sw.post(`/children/${child}/family/professionals/${row!.id}/end`, {
      version: versionIn(endForm.body),
      ...dateFields('endedOn', '2026-07-22'),
    })
    expect(ended.statusCode).toBe(303)
    expect(
      (await db().select().from(professionalContact).where(eq(professionalContact.id, row!.id)))[0],
    ).toMatchObject({
      engagement: 'partly-engaged',
      phone: '0113 496 0000',
      endedOn: '2026-07-22',
      version: 3,
    })
    expect((await sw.get(`/children/${child}/family`)).body).toContain(
      'Professionals who worked with Leila before',
    )
  })

  it('works through the API', async () => {
    const sw = await t.signedIn('socialworker')
    const created = await sw.api('POST', `/api/v1/children/${child}/professionals`, {
      agency: 'gp',
      organisation: 'Park Road Surgery',
      startedOn: '2020-01-01',
    })
    expect(created.statusCode).toBe(201)
    const { id } = created.json()
    const list = (await sw.api('GET', `/api/v1/children/${child}/professionals`)).json()
    expect(list[0]).toMatchObject({
      id,
      agencyLabel: 'GP',
      engagement: 'not-known',
      current: true,
      version: 1,
    })
    const changed = await sw.api('PUT', `/api/v1/children/${child}/professionals/${id}`, {
      agency: 'gp',
      organisation: 'Park Road Surgery',
      name: 'Dr Nwosu',
      startedOn: '2020-01-01',
      version: 1,
    })
    expect(changed.json()).toEqual({ version: 2 })
    const stale = await sw.api('PUT', `/api/v1/children/${child}/professionals/${id}`, {
      agency: 'gp',
      organisation: 'Park Road Surgery',
      startedOn: '2020-01-01',
      version: 1,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toContain('Dr Nwosu')
    const early = await sw.api('POST', `/api/v1/children/${child}/professionals/${id}/end`, {
      version: 2,
      endedOn: '2019-12-31',
    })
    expect(early.statusCode).toBe(400)
  })
})

describe('relationships through the API', () => {
  it('adds, reads both ways, and refuses bad input', async () => {
    const fd = await t.signedIn('frontdoor')
    const grandmother = await newPerson(t, 'Oona', 'Brightwater', '1962-06-06')
    const self = await fd.api('POST', `/api/v1/children/${child}/relationships`, {
      relatedPersonId: child,
      type: 'friend',
    })
    expect(self.statusCode).toBe(400)
    expect(self.json().errors[0].detail).toContain('cannot be related to themselves')
    const unknownType = await fd.api('POST', `/api/v1/children/${child}/relationships`, {
      relatedPersonId: grandmother,
      type: 'godparent',
    })
    expect(unknownType.statusCode).toBe(400)

    const added = await fd.api('POST', `/api/v1/children/${grandmother}/relationships`, {
      relatedPersonId: child,
      type: 'grandchild',
      startedOn: '2016-05-20',
    })
    expect(added.statusCode).toBe(201)
    const fromChild = (await fd.api('GET', `/api/v1/children/${child}/relationships`)).json()
    expect(fromChild).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: grandmother, type: 'grandparent', visible: true }),
      ]),
    )
    const fromGrandmother = (await fd.api('GET', `/api/v1/children/${grandmother}/relationships`)).json()
    expect(fromGrandmother).toEqual([expect.objectContaining({ personId: child, type: 'grandchild' })])

    const badNew = await fd.api('POST', `/api/v1/children/${child}/relationships`, {
      newPerson: { givenName: 'Nell', familyName: 'Brightwater', dateOfBirth: '2099-01-01' },
      type: 'sibling',
      startedOn: '2024-01-01',
      endedOn: '2023-01-01',
    })
    expect(badNew.statusCode).toBe(400)
    expect(
      badNew
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/endedOn', '/newPerson/dateOfBirth'])
    const newOne = await fd.api('POST', `/api/v1/children/${child}/relationships`, {
      newPerson: { givenName: 'Caspian', familyName: 'Marlowe', dateOfBirth: '1987-08-30' },
      type: 'parent',
    })
    expect(newOne.statusCode).toBe(409)
    expect(newOne.json().detail).toContain('Possible matches')

    const household = (await fd.api('GET', `/api/v1/children/${child}/household?asAt=2023-06-01`)).json()
    expect(household.members.map((m: { givenName: string }) => m.givenName).sort()).toEqual([
      'Bram',
      'Sorrel',
    ])
    const history = (await fd.api('GET', `/api/v1/children/${child}/household/history`)).json()
    expect(history).toHaveLength(5)
  })
})

describe('access', () => {
  it('a user outside the child’s team cannot reach the family pages or API, and changes nothing', async () => {
    const iro = await t.signedIn('iro')
    const [row] = await relationshipsBetween(child, mother)
    for (const path of [
      'family',
      'family/relationships/new',
      `family/relationships/${row!.id}/edit`,
      'family/professionals/new',
    ]) {
      expect((await iro.get(`/children/${child}/${path}`)).statusCode, path).toBe(404)
    }
    const before = (await db().select().from(relationship)).length
    const posted = await iro.post(`/children/${child}/family/relationships/new`, {
      who: 'existing',
      relatedPersonId: String(mother),
      type: 'friend',
    })
    expect(posted.statusCode).toBe(404)
    for (const path of ['relationships', 'household', 'household/history', 'siblings', 'professionals']) {
      expect((await iro.api('GET', `/api/v1/children/${child}/${path}`)).statusCode, path).toBe(404)
    }
    expect(
      (
        await iro.api('POST', `/api/v1/children/${child}/relationships`, {
          relatedPersonId: mother,
          type: 'friend',
        })
      ).statusCode,
    ).toBe(404)
    expect((await db().select().from(relationship)).length).toBe(before)
  })

  it('a relationship between other people cannot be changed through this child', async () => {
    const a = await newPerson(t, 'Ada', 'Stone', '2000-01-01')
    const b = await newPerson(t, 'Ben', 'Stone', '2001-01-01')
    const [row] = await db()
      .insert(relationship)
      .values({ personId: a, relatedPersonId: b, type: 'sibling' })
      .returning()
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${child}/family/relationships/${row!.id}/edit`)).statusCode).toBe(404)
    const ended = await sw.api('POST', `/api/v1/children/${child}/relationships/${row!.id}/end`, {
      version: 1,
      endedOn: '2026-01-01',
    })
    expect(ended.statusCode).toBe(404)
  })
})
