import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLog, allocation, changeHistory, contact, referral } from '../../../src/db/schema/index.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import {
  addContact,
  addPerson,
  contactRow,
  dateFields,
  day,
  earlyHelpTeam,
  managerId,
  notAManager,
  relate,
  teamOf,
} from './helpers.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const contactForm = (overrides: Record<string, string> = {}) => ({
  ...dateFields('receivedDate', day(-2)),
  receivedTime: '09:15',
  source: '2A',
  contactName: 'Priya Shah',
  contactRole: 'Designated safeguarding lead, Oakfield Primary',
  concerns: 'Bruise on the cheek; says dad hit him.',
  consent: 'not-sought-safeguarding',
  consentNote: 'Telling the father could put the child at risk.',
  ...overrides,
})

async function decisionForm(contactId: number, overrides: Record<string, string> = {}) {
  const row = await contactRow(t, contactId)
  return {
    version: String(row.version),
    decision: 'referral',
    rationale: 'Injury with a disclosure: needs a social work assessment.',
    ...dateFields('decisionDate', day(-2)),
    decisionTime: '11:00',
    agreedBy: String(await managerId(t)),
    primaryNeed: 'N1',
    teamId: String(await teamOf(t, 'socialworker')),
    workerId: '',
    ...overrides,
  }
}

const count = async (table: typeof contact | typeof referral | typeof allocation, personId: number) =>
  (await t.database.db.select().from(table).where(eq(table.personId, personId))).length

describe('recording a contact', () => {
  it('records a contact with its change history and access log, then goes to the decision', async () => {
    const child = await addPerson(t)
    const fd = await t.signedIn('frontdoor')
    const form = await fd.get(`/children/${child}/contacts/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('Record a contact')
    expect(form.body).toContain('2A – SCHOOLS')
    const saved = await fd.post(`/children/${child}/contacts/new`, contactForm())
    expect(saved.statusCode).toBe(303)
    const id = Number(/contacts\/(\d+)\/decision$/.exec(saved.headers.location!)![1])
    const row = await contactRow(t, id)
    expect(row).toMatchObject({
      personId: child,
      source: '2A',
      contactName: 'Priya Shah',
      consent: 'not-sought-safeguarding',
      decision: null,
      version: 1,
    })
    const history = await t.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'contact'), eq(changeHistory.entityId, String(id))))
    expect(history.map((h) => h.field)).toContain('concerns')
    const log = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectType, 'contact'), eq(accessLog.subjectId, String(id))))
    expect(log.map((l) => l.action)).toContain('create')
    const page = await fd.get(`/children/${child}/contacts`)
    expect(page.body).toContain('Priya Shah')
    expect(page.body).toContain('Awaiting decision')
  })

  it('refuses missing, unknown and future input, saying what is wrong, and records nothing', async () => {
    const child = await addPerson(t)
    const fd = await t.signedIn('frontdoor')
    const empty = await fd.post(`/children/${child}/contacts/new`, {})
    expect(empty.statusCode).toBe(400)
    for (const message of [
      'Enter the date the contact was received',
      'Enter the time the contact was received',
      'Choose who the contact came from',
      'Enter the name of the person who made the contact',
      'Describe the concerns about the child',
      'Say whether the family consented to the contact',
    ])
      expect(empty.body).toContain(message)
    expect(empty.body).toContain('There is a problem')

    const unknownSource = await fd.post(`/children/${child}/contacts/new`, contactForm({ source: 'ZZ' }))
    expect(unknownSource.statusCode).toBe(400)
    expect(unknownSource.body).toContain('Choose who the contact came from')

    const future = await fd.post(
      `/children/${child}/contacts/new`,
      contactForm(dateFields('receivedDate', day(1))),
    )
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The date the contact was received must be today or in the past')

    const laterToday = await fd.post(
      `/children/${child}/contacts/new`,
      contactForm({ ...dateFields('receivedDate', day(0)), receivedTime: '23:59' }),
    )
    // Unless the test runs in the last minute of the day, 23:59 today is still to come.
    if (laterToday.statusCode === 400)
      expect(laterToday.body).toContain('The time the contact was received must be now or in the past')

    const badTime = await fd.post(`/children/${child}/contacts/new`, contactForm({ receivedTime: '25:00' }))
    expect(badTime.body).toContain('on the 24-hour clock')

    const noReason = await fd.post(
      `/children/${child}/contacts/new`,
      contactForm({ consent: 'refused', consentNote: '' }),
    )
    expect(noReason.body).toContain('Say what the family refused')

    // An anonymous contact needs no name.
    const anonymous = await fd.post(
      `/children/${child}/contacts/new`,
      contactForm({ source: '9', contactName: '', contactRole: '' }),
    )
    expect(anonymous.statusCode).toBe(303)
    expect(await count(contact, child)).toBe(1)
  })

  it('records a contact through the API and refuses bad input as a problem document', async () => {
    const child = await addPerson(t)
    const fd = await t.signedIn('frontdoor')
    const created = await fd.api('POST', `/api/v1/children/${child}/contacts`, {
      receivedDate: day(-1),
      receivedTime: '14:30',
      source: '6',
      contactName: 'PC Jones',
      contactRole: 'Police officer',
      concerns: 'Domestic abuse incident at home; children present.',
      consent: 'not-needed',
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number
    const listed = await fd.api('GET', `/api/v1/children/${child}/contacts`)
    expect(listed.json()).toMatchObject([{ id, source: '6', sourceLabel: 'POLICE', decision: null }])

    const bad = await fd.api('POST', `/api/v1/children/${child}/contacts`, {
      receivedDate: day(3),
      receivedTime: '14:30',
      source: 'X1',
      concerns: '',
      consent: 'given',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const pointers = (bad.json().errors as { pointer: string }[]).map((e) => e.pointer)
    expect(pointers).toEqual(
      expect.arrayContaining(['/receivedDate', '/source', '/contactName', '/concerns']),
    )
    expect(await count(contact, child)).toBe(1)
  })
})

describe('the threshold decision', () => {
  it('shows the child’s and their siblings’ earlier contacts and referrals while deciding', async () => {
    const child = await addPerson(t, { givenName: 'Mia', familyName: 'Okafor' })
    const brother = await addPerson(t, { givenName: 'Tobi', familyName: 'Okafor' })
    const halfSister = await addPerson(t, { givenName: 'Zara', familyName: 'Bennett' })
    const restricted = await addPerson(t, { givenName: 'Hidden', accessRestriction: 'restricted' })
    const sealed = await addPerson(t, { givenName: 'Adopted', accessRestriction: 'sealed' })
    const cousin = await addPerson(t, { givenName: 'Cousin' })
    // Recorded either way round.
    await relate(t, brother, child, 'sibling')
    await relate(t, child, halfSister, 'half-sibling')
    await relate(t, child, restricted, 'sibling')
    await relate(t, sealed, child, 'sibling')
    await t.database.db.execute(
      sql`insert into relationship (person_id, related_person_id, type) values (${child}, ${cousin}, 'friend')`,
    )
    await addContact(t, child, day(-200), '10:00', { contactName: 'Earlier Caller' })
    await addContact(t, brother, day(-90), '10:00', { contactName: 'Brother School', source: '3B' })
    await t.database.db.insert(referral).values({
      personId: halfSister,
      referralDate: day(-60),
      source: '6',
      primaryNeed: 'N4',
    })
    await addContact(t, cousin, day(-30), '10:00', { contactName: 'Cousin Caller' })
    const current = await addContact(t, child, day(0), '00:00', { contactName: 'Today Caller' })

    const fd = await t.signedIn('frontdoor')
    const page = await fd.get(`/children/${child}/contacts/${current}/decision`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Earlier Caller')
    expect(page.body).toContain('Tobi Okafor, sibling')
    expect(page.body).toContain('Brother School')
    expect(page.body).toContain('Zara Bennett, half-sibling')
    expect(page.body).toContain('Family in acute stress')
    expect(page.body).not.toContain('Cousin Caller')
    expect(page.body).not.toContain('Hidden')
    expect(page.body).not.toContain('Adopted')
    // The restricted sibling is counted, the sealed one is not.
    expect(page.body).toContain('1 sibling has a record you cannot see')
    expect(page.body).toContain('due within one working day')
    const siblingViews = await t.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.personId, brother), eq(accessLog.action, 'view')))
    expect(siblingViews.length).toBeGreaterThan(0)

    const api = await fd.api('GET', `/api/v1/children/${child}/contacts/${current}`)
    expect(api.statusCode).toBe(200)
    const body = api.json()
    expect(body.history.siblings.map((s: { id: number }) => s.id).sort()).toEqual(
      [brother, halfSister].sort(),
    )
    expect(body.history.hiddenSiblings).toBe(1)
    expect(body.history.contacts.map((c: { contactName: string }) => c.contactName)).toEqual([
      'Earlier Caller',
    ])
  })

  it('refuses a decision without reasons, manager, need code, or dated before receipt or in the future — changing nothing', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-2), '10:00')
    const fd = await t.signedIn('frontdoor')
    const url = `/children/${child}/contacts/${id}/decision`
    const cases: [Record<string, string>, string][] = [
      [{ rationale: '' }, 'Give the reasons for the decision'],
      [{ decision: '' }, 'Choose the decision'],
      [{ decision: 'maybe' }, 'Choose the decision'],
      [{ agreedBy: '' }, 'Choose the manager who agreed the decision'],
      [{ agreedBy: String(await notAManager(t)) }, 'Choose a team manager from the list'],
      [{ primaryNeed: '' }, 'Choose the child’s primary need'],
      [{ primaryNeed: 'N99' }, 'Choose the child’s primary need'],
      [{ decision: 'strategy-discussion', primaryNeed: '' }, 'Choose the child’s primary need'],
      [{ teamId: '' }, 'Choose the social work team the referral goes to'],
      [
        { teamId: String((await earlyHelpTeam(t)).teamId) },
        'Choose the social work team the referral goes to',
      ],
      [{ decisionTime: '09:59' }, 'The decision cannot be before the contact was received'],
      [dateFields('decisionDate', day(-3)), 'The decision cannot be before the contact was received'],
      [dateFields('decisionDate', day(1)), 'The date of the decision must be today or in the past'],
      [{ decision: 'early-help' }, 'Choose the Families First team'],
    ]
    for (const [overrides, message] of cases) {
      const response = await fd.post(url, await decisionForm(id, overrides))
      expect(response.statusCode, message).toBe(400)
      expect(response.body, JSON.stringify(overrides)).toContain(message)
    }
    const unchanged = await contactRow(t, id)
    expect(unchanged).toMatchObject({ decision: null, version: 1 })
    expect(await count(referral, child)).toBe(0)
    expect(await count(allocation, child)).toBe(0)

    const api = await fd.api('POST', `/api/v1/children/${child}/contacts/${id}/decision`, {
      version: 1,
      decision: 'referral',
      decisionDate: day(-2),
      decisionTime: '11:00',
      rationale: '',
      agreedBy: await managerId(t),
      primaryNeed: null,
      teamId: await teamOf(t, 'socialworker'),
    })
    expect(api.statusCode).toBe(400)
    expect((api.json().errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(
      expect.arrayContaining(['/rationale', '/primaryNeed']),
    )
  })

  it('a referral decision makes the referral and allocates the child, with nothing typed twice', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-2), '10:00', { source: '3E' })
    const fd = await t.signedIn('frontdoor')
    const sw = await t.signedIn('socialworker')
    expect((await sw.get(`/children/${child}/contacts`)).statusCode).toBe(404)
    const saved = await fd.post(`/children/${child}/contacts/${id}/decision`, await decisionForm(id))
    expect(saved.statusCode).toBe(303)
    expect(await contactRow(t, id)).toMatchObject({ decision: 'referral', version: 2 })
    const [made] = await t.database.db.select().from(referral).where(eq(referral.personId, child))
    expect(made).toMatchObject({ contactId: id, referralDate: day(-2), source: '3E', primaryNeed: 'N1' })
    const [allocated] = await t.database.db.select().from(allocation).where(eq(allocation.personId, child))
    expect(allocated).toMatchObject({
      kind: 'social-worker',
      teamId: await teamOf(t, 'socialworker'),
      workerId: null,
      startedOn: day(-2),
    })
    const shown = await fd.get(`/children/${child}/contacts/${id}`)
    expect(shown.body).toContain('Referral to children’s social care')
    expect(shown.body).toContain('Within one working day')
    expect(shown.body).toContain('Abuse or neglect')
    // Allocated to the social worker's team, the child is now theirs to see.
    expect((await sw.get(`/children/${child}/contacts`)).statusCode).toBe(200)
    const log = await t.database.db
      .select({ subjectType: accessLog.subjectType, action: accessLog.action })
      .from(accessLog)
      .where(and(eq(accessLog.personId, child), sql`${accessLog.action} in ('create', 'change')`))
    expect(log).toEqual(
      expect.arrayContaining([
        { subjectType: 'contact', action: 'change' },
        { subjectType: 'referral', action: 'create' },
        { subjectType: 'allocation', action: 'change' },
      ]),
    )
    // Decided already: the decision page sends the user to the contact, and a second decision is refused.
    expect((await fd.get(`/children/${child}/contacts/${id}/decision`)).statusCode).toBe(303)
    const again = await fd.post(
      `/children/${child}/contacts/${id}/decision`,
      await decisionForm(id, { version: '1', decision: 'nfa' }),
    )
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('A decision has already been recorded')
    expect(again.body).toContain('decision')
    // A second referral cannot start while the first is open.
    const next = await addContact(t, child, day(-1), '10:00')
    const refused = await fd.post(
      `/children/${child}/contacts/${next}/decision`,
      await decisionForm(next, dateFields('decisionDate', day(-1))),
    )
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('already has an open referral')
  })

  it('says when a decision came later than one working day', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-12), '10:00')
    const fd = await t.signedIn('frontdoor')
    const saved = await fd.post(
      `/children/${child}/contacts/${id}/decision`,
      await decisionForm(id, { decision: 'advice', ...dateFields('decisionDate', day(-1)) }),
    )
    expect(saved.statusCode).toBe(303)
    const page = await fd.get(`/children/${child}/contacts/${id}`)
    expect(page.body).toContain('Later than one working day')
    expect(page.body).toContain('Information and advice')
    expect(await count(referral, child)).toBe(0)
  })

  it('makes the referral and the allocation in one transaction: a failing allocation leaves no referral', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-2), '10:00')
    const db = t.database.db
    await db.execute(
      sql.raw(`create or replace function front_door_test_refuse() returns trigger language plpgsql as $$
        begin raise exception 'allocation refused by the test'; end $$`),
    )
    await db.execute(
      sql.raw(
        'create trigger front_door_test_refuse before insert on allocation for each row execute function front_door_test_refuse()',
      ),
    )
    try {
      const fd = await t.signedIn('frontdoor')
      const response = await fd.post(`/children/${child}/contacts/${id}/decision`, await decisionForm(id))
      expect(response.statusCode).toBe(500)
    } finally {
      await db.execute(sql.raw('drop trigger front_door_test_refuse on allocation'))
    }
    expect(await count(referral, child)).toBe(0)
    expect(await count(allocation, child)).toBe(0)
    expect(await contactRow(t, id)).toMatchObject({ decision: null, version: 1 })
    const changes = await db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityType, 'contact'), eq(changeHistory.entityId, String(id))))
    expect(changes).toHaveLength(0)
  })

  it('refuses the second of two people deciding the same contact', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-2), '10:00')
    const fd = await t.signedIn('frontdoor')
    const tm = await t.signedIn('teammanager')
    const first = await decisionForm(id, { decision: 'nfa' })
    const second = await decisionForm(id, { decision: 'advice' })
    expect((await fd.post(`/children/${child}/contacts/${id}/decision`, first)).statusCode).toBe(303)
    // The team manager cannot see this child (not allocated to their team), so the front door tries again.
    expect((await tm.get(`/children/${child}/contacts/${id}/decision`)).statusCode).toBe(404)
    const late = await fd.post(`/children/${child}/contacts/${id}/decision`, second)
    expect(late.statusCode).toBe(409)
    expect(await contactRow(t, id)).toMatchObject({ decision: 'nfa', version: 2 })
    const api = await fd.api('POST', `/api/v1/children/${child}/contacts/${id}/decision`, {
      version: 1,
      decision: 'advice',
      decisionDate: day(-2),
      decisionTime: '11:00',
      rationale: 'Advice to the school.',
      agreedBy: await managerId(t),
    })
    expect(api.statusCode).toBe(409)
    expect(api.headers['content-type']).toContain('application/problem+json')
  })

  it('decides through the API: a strategy discussion starts a referral with an allocated worker', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-1), '08:30', { source: '6' })
    const fd = await t.signedIn('frontdoor')
    const choices = (await fd.api('GET', '/api/v1/front-door/choices')).json()
    const swTeam = await teamOf(t, 'socialworker')
    const teamChoice = choices.referralTeams.find((x: { id: number }) => x.id === swTeam)
    expect(teamChoice.workers.length).toBeGreaterThan(0)
    expect(choices.managers.map((m: { id: number }) => m.id)).toContain(await managerId(t))
    const decided = await fd.api('POST', `/api/v1/children/${child}/contacts/${id}/decision`, {
      version: 1,
      decision: 'strategy-discussion',
      decisionDate: day(-1),
      decisionTime: '09:00',
      rationale: 'Reasonable cause to suspect significant harm.',
      agreedBy: await managerId(t),
      primaryNeed: 'N1',
      teamId: swTeam,
      workerId: teamChoice.workers[0].id,
    })
    expect(decided.statusCode).toBe(200)
    expect(decided.json()).toMatchObject({ version: 2, earlyHelpEpisodeId: null })
    const referralId = decided.json().referralId as number
    const [made] = await t.database.db.select().from(referral).where(eq(referral.id, referralId))
    expect(made).toMatchObject({ source: '6', referralDate: day(-1) })
    const [allocated] = await t.database.db.select().from(allocation).where(eq(allocation.personId, child))
    expect(allocated!.workerId).toBe(teamChoice.workers[0].id)
    const shown = (await fd.api('GET', `/api/v1/children/${child}/contacts/${id}`)).json()
    expect(shown.contact).toMatchObject({
      decision: 'strategy-discussion',
      withinOneWorkingDay: true,
      referralId,
    })
  })
})

describe('who may see the front door', () => {
  it('keeps a child outside the user’s team from them, on every page and API route', async () => {
    const child = await addPerson(t)
    const id = await addContact(t, child, day(-2), '10:00')
    const iro = await t.signedIn('iro')
    for (const url of [
      `/children/${child}/contacts`,
      `/children/${child}/contacts/new`,
      `/children/${child}/contacts/${id}`,
      `/children/${child}/contacts/${id}/decision`,
      `/children/${child}/early-help/new`,
    ])
      expect((await iro.get(url)).statusCode, url).toBe(404)
    expect((await iro.post(`/children/${child}/contacts/new`, contactForm())).statusCode).toBe(404)
    expect(
      (await iro.post(`/children/${child}/contacts/${id}/decision`, await decisionForm(id))).statusCode,
    ).toBe(404)
    for (const url of [
      `/api/v1/children/${child}/contacts`,
      `/api/v1/children/${child}/contacts/${id}`,
      `/api/v1/children/${child}/referrals`,
      `/api/v1/children/${child}/early-help`,
    ])
      expect((await iro.api('GET', url)).statusCode, url).toBe(404)
    expect(await contactRow(t, id)).toMatchObject({ decision: null })
    // Nor can a contact of one child be reached through another child's address.
    const other = await addPerson(t)
    const fd = await t.signedIn('frontdoor')
    expect((await fd.get(`/children/${other}/contacts/${id}`)).statusCode).toBe(404)
    expect(
      (await fd.post(`/children/${other}/contacts/${id}/decision`, await decisionForm(id))).statusCode,
    ).toBe(404)
  })

  it('lists contacts awaiting a decision, oldest first, marking those past one working day', async () => {
    const oldChild = await addPerson(t, { givenName: 'Oldest', familyName: 'Waiting' })
    const newChild = await addPerson(t, { givenName: 'Newest', familyName: 'Waiting' })
    await addContact(t, newChild, day(0), '00:01')
    await addContact(t, oldChild, day(-9), '10:00')
    const fd = await t.signedIn('frontdoor')
    const page = await fd.get('/front-door')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Contacts awaiting a decision')
    const oldest = page.body.indexOf('Oldest Waiting')
    const newest = page.body.indexOf('Newest Waiting')
    expect(oldest).toBeGreaterThan(0)
    expect(newest).toBeGreaterThan(oldest)
    const oldRow = page.body.slice(oldest, newest)
    expect(oldRow).toContain('Overdue')
    expect(oldRow).toMatch(/\d+ working days/)
    expect(page.body.slice(newest)).not.toContain('Overdue')
    expect(page.body).toContain('href="/front-door"')

    const api = (await fd.api('GET', '/api/v1/front-door')).json() as {
      personId: number
      waiting: { overdue: boolean }
    }[]
    const mine = api.filter((c) => c.personId === oldChild || c.personId === newChild)
    expect(mine.map((c) => [c.personId, c.waiting.overdue])).toEqual([
      [oldChild, true],
      [newChild, false],
    ])
    // The list is the front door's: a social worker has no use for it; a team manager sees only the
    // children they may see.
    const sw = await t.signedIn('socialworker')
    expect((await sw.get('/front-door')).statusCode).toBe(403)
    const tm = await t.signedIn('teammanager')
    const tmPage = await tm.get('/front-door')
    expect(tmPage.statusCode).toBe(200)
    expect(tmPage.body).not.toContain('Oldest Waiting')
  })
})

describe('the API description', () => {
  it('documents every front-door route in OpenAPI', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json()
    for (const [path, method] of [
      ['/api/v1/front-door', 'get'],
      ['/api/v1/children/{personId}/contacts', 'post'],
      ['/api/v1/children/{personId}/contacts/{contactId}/decision', 'post'],
      ['/api/v1/children/{personId}/referrals', 'get'],
      ['/api/v1/children/{personId}/early-help/{episodeId}/step-up', 'post'],
    ] as const) {
      const operation = document.paths[path]?.[method]
      expect(operation, `${method} ${path}`).toBeDefined()
      expect(operation.tags).toEqual(['Front door and early help'])
    }
  })
})
