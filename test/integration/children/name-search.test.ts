import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../../src/auth/current-user.ts'
import { queryRows } from '../../../src/db/client.ts'
import { allocation, person, personName, userAccount, worker } from '../../../src/db/schema/index.ts'
import {
  folded,
  foldName,
  NAME_SEARCH_INDEXES,
  nameMatchesBothWays,
  searchQuery,
  soundOf,
  soundSql,
} from '../../../src/services/people.ts'
import { buildTestApp, type TestApp, type TestClient } from '../../support/app.ts'

// Name search tolerant of the ways names are mistyped or misheard: one slip of the keyboard, names that
// sound alike, accents left off, the second part of a double-barrelled name — never showing a record the
// user may not see. Invented names, so the demo authority's own people do not crowd the results.

let t: TestApp
let fd: TestClient
beforeAll(async () => {
  t = await buildTestApp()
  fd = await t.signedIn('frontdoor')
})
afterAll(() => t.close())

async function add(...people: (typeof person.$inferInsert)[]) {
  const rows = await t.database.db.insert(person).values(people).returning({ id: person.id })
  return rows.map((r) => r.id)
}

async function found(client: TestClient, query: Record<string, string>) {
  const response = await client.api('GET', `/api/v1/children?${new URLSearchParams(query)}`)
  expect(response.statusCode, JSON.stringify(query)).toBe(200)
  return (response.json() as { id: number }[]).map((c) => c.id)
}

describe('name search', () => {
  it('finds a family name typed alone with one slip: a letter dropped, doubled, changed, or two swapped', async () => {
    const [id, other] = await add(
      { givenName: 'Ottilie', familyName: 'Farquharson', dateOfBirth: '2014-02-03' },
      { givenName: 'Ottilie', familyName: 'Fairweather', dateOfBirth: '2014-02-03' },
    )
    for (const name of [
      'Farquharsn',
      'Farquharrson',
      'Farquharsen',
      'Farquahrson',
      'farqharson',
      'Farquharso',
    ])
      expect(await found(fd, { name }), name).toContain(id)
    // Two letters missing is another name.
    expect(await found(fd, { name: 'Farquason' })).not.toContain(id)
    expect(await found(fd, { name: 'Farquharson' })).not.toContain(other)
  })

  it('finds names that sound alike: Mohammed and Muhammad, Thomsen and Thompson, Smyth, Steven, Katherine', async () => {
    const dateOfBirth = '2012-09-17'
    const [muhammad, katherine, stephen] = await add(
      { givenName: 'Muhammad', familyName: 'Thompson', dateOfBirth },
      { givenName: 'Katherine', familyName: 'Smyth', dateOfBirth },
      { givenName: 'Stephen', familyName: 'Mathews', dateOfBirth },
    )
    for (const name of ['Mohammed Thomsen', 'Mohamed', 'Thomson', 'Muhamad Tompson'])
      expect(await found(fd, { name, dateOfBirth }), name).toContain(muhammad)
    for (const name of ['Catherine Smith', 'Katharine Smyth', 'smith'])
      expect(await found(fd, { name, dateOfBirth }), name).toContain(katherine)
    for (const name of ['Steven Matthews', 'Stefan Mathews'])
      expect(await found(fd, { name, dateOfBirth }), name).toContain(stephen)
    // Each word must match: Muhammad is not a Mathews.
    const neither = await found(fd, { name: 'Muhammad Mathews', dateOfBirth })
    expect(neither).not.toContain(muhammad)
    expect(neither).not.toContain(stephen)
  })

  it('reads accents as the letters without them, either way, and finds the later parts of a name', async () => {
    const [zuzanna, renee, obrien, heaton] = await add(
      { givenName: 'Zuzanna', familyName: 'Wiśniewska', dateOfBirth: '2016-05-05' },
      { givenName: 'Renee', familyName: 'Lefevre', dateOfBirth: '2016-05-05' },
      { givenName: 'Kieran', familyName: "O'Brannagh", dateOfBirth: '2016-05-05' },
      { givenName: 'Imogen', familyName: 'Quarrington-Pryce', dateOfBirth: '2016-05-05' },
    )
    expect(await found(fd, { name: 'Zuzanna Wisniewska' })).toContain(zuzanna)
    expect(await found(fd, { name: 'wiśniewka' })).toContain(zuzanna)
    expect(await found(fd, { name: 'Renée Lefèvre' })).toContain(renee)
    for (const name of ['brannagh', 'obrannagh', "o'branagh kieran"])
      expect(await found(fd, { name }), name).toContain(obrien)
    for (const name of ['pryce', 'Imogen Pryce', 'quarr'])
      expect(await found(fd, { name }), name).toContain(heaton)
  })

  it('ranks the name as typed first, then the start of a name, then one slip, then a sound-alike', async () => {
    const [exact, start, slip, sound] = await add(
      { givenName: 'Perpetua', familyName: 'Thompson' },
      { givenName: 'Perpetua', familyName: 'Thompsonby' },
      { givenName: 'Perpetua', familyName: 'Thomson' },
      { givenName: 'Perpetua', familyName: 'Tomsen' },
    )
    const ids = await found(fd, { name: 'Perpetua Thompson' })
    expect(ids.filter((id) => [exact, start, slip, sound].includes(id))).toEqual([exact, start, slip, sound])
  })

  it('does not let a short word find every name sounding like it', async () => {
    const [lee, leo] = await add(
      { givenName: 'Xanthippe', familyName: 'Lee' },
      { givenName: 'Xanthippe', familyName: 'Leo' },
    )
    const ids = await found(fd, { name: 'Xanthippe Lee' })
    expect(ids).toContain(lee)
    expect(ids).not.toContain(leo)
    // One letter too many in a short name is still found.
    expect(await found(fd, { name: 'Xanthippe Leee' })).toContain(lee)
  })

  it('keeps misspelt searches to the records the user may see, by current and former names', async () => {
    const [open, restricted, sealed, allocated] = await add(
      { givenName: 'Philippa', familyName: 'Gallacher', dateOfBirth: '2015-01-01' },
      {
        givenName: 'Philippa',
        familyName: 'Gallagher',
        dateOfBirth: '2015-01-02',
        accessRestriction: 'restricted',
      },
      {
        givenName: 'Philippa',
        familyName: 'Galagher',
        dateOfBirth: '2015-01-03',
        accessRestriction: 'sealed',
      },
      { givenName: 'Filippa', familyName: 'Gallaher', dateOfBirth: '2015-01-04' },
    )
    await t.database.db.insert(personName).values({
      personId: allocated!,
      kind: 'former',
      givenName: 'Filippa',
      familyName: 'Drummond-Gallacher',
    })
    const [sw] = await t.database.db
      .select({ workerId: userAccount.workerId, teamId: worker.teamId })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, 'socialworker'))
    for (const personId of [restricted!, allocated!])
      await t.database.db.insert(allocation).values({
        personId,
        teamId: sw!.teamId,
        workerId: sw!.workerId,
        kind: 'social-worker',
        startedOn: '2026-01-01',
      })
    const frontDoor = await found(fd, { name: 'Philipa Galacher' })
    expect(frontDoor).toEqual(expect.arrayContaining([open, allocated]))
    expect(frontDoor).not.toContain(restricted)
    expect(frontDoor).not.toContain(sealed)
    const socialWorker = await t.signedIn('socialworker')
    for (const name of ['Philipa Galacher', 'gallager', 'Drummond', 'Filipa Drumond-Gallacher']) {
      const ids = await found(socialWorker, { name })
      expect(ids, name).toContain(allocated)
      expect(ids, name).not.toContain(open)
      expect(ids, name).not.toContain(restricted)
      expect(ids, name).not.toContain(sealed)
    }
  })

  it('finds the same children for an ordinary worker whether it tests each in reach or reads the indexes', async () => {
    const db = t.database.db
    const [user] = await db
      .select({ id: userAccount.id, workerId: userAccount.workerId, teamId: worker.teamId })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, 'socialworker'))
    const socialWorker: CurrentUser = {
      ...user!,
      username: 'socialworker',
      displayName: 'x',
      roles: ['social-worker'],
    }
    // The children allocated to the social worker's team, by their names as typed, misspelt and in part.
    const mine = await queryRows<{ given: string; family: string }>(
      db,
      sql`select p.given_name as given, p.family_name as family from person p
        join allocation a on a.person_id = p.id and a.ended_on is null and a.team_id = ${user!.teamId}
        order by p.id limit 6`,
    )
    expect(mine.length).toBeGreaterThan(0)
    const searches = mine.flatMap(({ given, family }) => [
      family,
      `${given} ${family.slice(0, 2)}`,
      `${given.slice(0, -1)} ${family}`,
      family.slice(0, 3),
    ])
    const run = (name: string, testedOneByOne: number) =>
      db.transaction(async (tx) => {
        const query = await searchQuery(tx, socialWorker, { name }, 50, testedOneByOne)
        return (await queryRows<{ id: number }>(tx, query!)).map((r) => r.id).sort()
      })
    for (const name of searches) {
      const oneByOne = await run(name, 10_000)
      expect(oneByOne.length, name).toBeGreaterThan(0)
      expect(await run(name, 0), name).toEqual(oneByOne)
    }
  })

  it('matches a name the same way through the indexes as by testing the name itself', async () => {
    // The front door's search reads the indexes; an ordinary worker's tests each child in their reach.
    const names = [
      ['Muhammad', 'Thompson'],
      ['Mohammed', 'Thomsen'],
      ['Catherine', "O'Brien"],
      ['Zuzanna', 'Wiśniewska'],
      ['Lee', 'Li'],
      ['Leo', 'Smith-Jones'],
      ['Stephen', 'Wolfeschlegelsteinhausen'],
      ['Mary Jane', 'de la Cruz'],
      ['Renée', 'Gallacher'],
    ]
    const values = sql.join(
      names.map(([given, family]) => sql`(${given}::text, ${family}::text)`),
      sql`, `,
    )
    const typed = [
      'thompson',
      'thomsen',
      'tomsen',
      'muhamad',
      'mohamed',
      'obrien',
      "o'brien",
      'brien',
      'wisniewska',
      'wiśniewka',
      'lee',
      'leee',
      'li',
      'lii',
      'leo',
      'kathrine',
      'catherine',
      'wolfeschlegelsteinhausn',
      'wolfeschlegelsteinhausenn',
      'wolfeschelgelsteinhausen',
      'smith jones',
      'cruz',
      'mary cruz',
      'renee',
      'galagher',
      'gallager',
      'stephen wolf',
      'steven',
      'jane',
      'smithjones',
    ]
    for (const name of typed) {
      const { indexed, oneByOne } = nameMatchesBothWays('v.', name)
      const rows = await queryRows<{ given: string; byIndex: boolean; byName: boolean }>(
        t.database.db,
        sql`select v.given_name as given, ${indexed} as "byIndex", ${oneByOne} as "byName"
          from (values ${values}) v(given_name, family_name)`,
      )
      for (const row of rows) expect(row.byName, `${name} / ${row.given}`).toBe(row.byIndex)
      if (['thomsen', 'muhamad', 'wiśniewka', 'galacher'].includes(name))
        expect(
          rows.some((r) => r.byIndex),
          name,
        ).toBe(true)
    }
  })

  it('folds and sounds out a typed word (in TypeScript) as the index does a name (in SQL)', async () => {
    const names = await queryRows<{ name: string }>(
      t.database.db,
      sql`select distinct given_name as name from person union select distinct family_name from person`,
    )
    const tricky = [
      "O'Brien",
      'Smith-Jones',
      'Łukasz',
      'Zoë',
      'Straße',
      'Ghani',
      'Hugh',
      'Thompson',
      'Sampson',
      'Phoebe',
      'St. John',
      'de la Cruz',
      'Ngũgĩ',
      'Xiǎo',
      'Yusuf',
      'Mhairi',
    ]
    const all = [...new Set([...names.map((n) => n.name), ...tricky])]
    const values = sql.join(
      all.map((name) => sql`(${name}::text)`),
      sql`, `,
    )
    const rows = await queryRows<{ name: string; plain: string; sound: string }>(
      t.database.db,
      sql`select v.name, ${sql.raw(folded('v.name'))} as plain, ${sql.raw(soundSql(folded('v.name')))} as sound
        from (values ${values}) v(name)`,
    )
    expect(rows.length).toBeGreaterThan(100)
    for (const row of rows) {
      expect(foldName(row.name), row.name).toBe(row.plain)
      expect(soundOf(row.plain), row.name).toBe(row.sound)
    }
  })

  it('reads its indexes for a user who sees every child (NAME_SEARCH_INDEXES match the query)', async () => {
    const db = t.database.db
    for (const ddl of NAME_SEARCH_INDEXES) await db.execute(sql.raw(ddl))
    const [user] = await db
      .select({ id: userAccount.id, workerId: userAccount.workerId, teamId: worker.teamId })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, 'frontdoor'))
    const frontDoor: CurrentUser = {
      ...user!,
      username: 'frontdoor',
      displayName: 'Front door',
      roles: ['front-door-worker'],
    }
    const plan = await db.transaction(async (tx) => {
      // However few people the demo authority holds, the plan must be able to read the indexes.
      await tx.execute(sql`set local enable_seqscan = off`)
      await tx.execute(sql`set local enable_indexscan = off`)
      const query = await searchQuery(tx, frontDoor, { name: 'Mohammed Thomsen' })
      const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`)
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    const used = (index: string) => new RegExp(`Bitmap Index Scan on ${index}\\b`).test(plan)
    expect(used('person_name_keys_idx')).toBe(true)
    expect(used('person_name_name_keys_idx')).toBe(true)
    expect(used('person_name_words_trgm_idx')).toBe(true)
  })
})
