import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { team, visit, worker } from '../../../src/db/schema/index.ts'
import { addMonths, type IsoDate } from '../../../src/domain/calendar/working-days.ts'
import { cacheGeneration, forgetCachedFlags } from '../../../src/rules/engine/cache.ts'
import { evaluateRules } from '../../../src/rules/engine/evaluate.ts'
import type { Flag } from '../../../src/rules/engine/types.ts'
import { today } from '../../../src/services/dates.ts'
import { defaultWorkQuery, TEAM_PAGE_SIZE, teamWork } from '../../../src/services/worklists.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { type Cast, Journey, signInCast, workingDaysBefore } from '../timescales/support.ts'

// The team's worklist evaluates the rules for the team's children only, and keeps the team's flags until
// the record next changes. Both are checked here: the flags are the same as the whole authority's owned by
// the team, and a change made through a request shows on the very next request.

let t: TestApp
let c: Cast
beforeAll(async () => {
  t = await buildTestApp()
  c = await signInCast(t)
}, 120_000)
afterAll(() => t.close())

const key = (
  f: Pick<
    Flag,
    | 'ruleId'
    | 'personId'
    | 'subjectType'
    | 'subjectId'
    | 'severity'
    | 'ownerWorkerId'
    | 'ownerTeamId'
    | 'dueOn'
  >,
) =>
  `${f.ruleId}|${f.personId}|${f.subjectType}|${f.subjectId}|${f.severity}|${f.ownerWorkerId}|${f.ownerTeamId}|${f.dueOn}`

interface Item {
  personId: number
  ruleId: string
  ownerWorkerId: number | null
}

async function teamItems(teamId: number, query = ''): Promise<Item[]> {
  const response = await c.teammanager.api('GET', `/api/v1/worklists/teams/${teamId}${query}`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items as Item[]
}

/** A child on a child protection plan whose last visit, 15 working days ago, makes a visit overdue today. */
async function visitOverdue(givenName: string) {
  const now = today()
  const ago = (n: number) => workingDaysBefore(now, n)
  const j = await Journey.start(c, givenName)
  const referralId = await j.referral(ago(38))
  const s47 = await j.section47(referralId, ago(35), ago(32))
  const cpPlanId = await j.initialConference(s47, ago(25))
  await j.coreGroup(cpPlanId, ago(20))
  await j.visit(ago(15), { kind: 'cp' })
  await j.oversight(ago(10))
  return j
}

describe("a team's flags", () => {
  it.each([
    ['today', () => today()],
    ['a year ago', () => addMonths(today(), -12)],
  ])(
    'are the whole authority’s flags owned by the team, for every team (%s)',
    async (_, when) => {
      const asAt: IsoDate = when()
      const db = t.database.db
      const all = await evaluateRules(db, { asAt, dueSoonWorkingDays: 5 })
      const teams = await db.select({ id: team.id, kind: team.kind }).from(team)
      let compared = 0
      for (const { id: teamId } of teams) {
        const members = new Set(
          (await db.select({ id: worker.id }).from(worker).where(eq(worker.teamId, teamId))).map((w) => w.id),
        )
        const owned = (f: Flag) =>
          f.ownerTeamId === teamId || (f.ownerWorkerId !== null && members.has(f.ownerWorkerId))
        const manager = {
          id: c.staff.teammanager.userId,
          username: 'teammanager',
          displayName: 'Team manager',
          roles: ['team-manager'] as const,
          workerId: c.staff.teammanager.workerId,
          teamId,
        }
        forgetCachedFlags()
        const work = await teamWork(db, manager, teamId, { ...defaultWorkQuery(asAt), asAt })
        const expected = all.filter(owned)
        // Every flag the team owns, once: named, or counted as about a restricted child.
        expect(work.items.length + work.hiddenCount, `team ${teamId}`).toBe(expected.length)
        const named = work.items.map(key)
        expect(named.toSorted(), `team ${teamId}`).toEqual(
          expected
            .map(key)
            .filter((k) => named.includes(k))
            .toSorted(),
        )
        expect(new Set(named).size).toBe(named.length)
        if (all.some(owned)) compared++
      }
      // Not a vacuous comparison: several teams own flags in the seeded authority.
      expect(compared).toBeGreaterThan(1)
    },
    120_000,
  )

  it('are kept between requests, and a change made through a request shows on the very next one', async () => {
    const j = await visitOverdue('Cato')
    const teamId = c.staff.socialworker.teamId
    const overdueVisit = (items: Item[]) =>
      items.filter((i) => i.personId === j.personId && i.ruleId === 'cp-visits')
    expect(overdueVisit(await teamItems(teamId))).toEqual([
      expect.objectContaining({ ownerWorkerId: c.staff.socialworker.workerId }),
    ])

    // Kept: a visit written straight to the table, behind the application's back, does not show…
    await t.database.db.insert(visit).values({
      personId: j.personId,
      visitedOn: today(),
      visitedBy: c.staff.socialworker.workerId,
      kind: 'cp',
      childSeen: true,
      childSeenAlone: true,
    })
    expect(overdueVisit(await teamItems(teamId))).toHaveLength(1)
    // …until the cache is told, as anything writing outside a request must.
    forgetCachedFlags()
    expect(overdueVisit(await teamItems(teamId))).toEqual([])

    // Through the API: the visit is recorded, and the next request no longer lists it.
    const k = await visitOverdue('Dara')
    const kVisit = (items: Item[]) =>
      items.filter((i) => i.personId === k.personId && i.ruleId === 'cp-visits')
    expect(kVisit(await teamItems(teamId))).toHaveLength(1)
    await k.visit(today(), { kind: 'cp' })
    expect(kVisit(await teamItems(teamId))).toEqual([])

    // Through a page: the manager's team page (the cached one) after the worker records a visit on a form.
    const m = await visitOverdue('Emrys')
    const page = async () => (await c.teammanager.get(`/teams/${teamId}/work?rule=cp-visits`)).body
    expect(await page()).toContain(`/children/${m.personId}"`)
    const [y, mo, d] = today().split('-')
    const saved = await c.socialworker.post(`/children/${m.personId}/visits/new`, {
      'visitedOn-day': String(Number(d)),
      'visitedOn-month': String(Number(mo)),
      'visitedOn-year': y!,
      visitedBy: String(c.staff.socialworker.workerId),
      kind: 'cp',
      childSeen: 'yes',
      childSeenAlone: 'yes',
      bedroomSeen: 'yes',
      wishesAndFeelings: 'Said home is calmer.',
      observations: 'Home warm and tidy.',
      analysis: 'No new concerns.',
    })
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303)
    expect(await page()).not.toContain(`/children/${m.personId}"`)
  }, 180_000)

  it('are not thrown away by someone signing in or out, which changes no record', async () => {
    const before = cacheGeneration()
    const someone = await t.signedIn('analyst')
    expect((await someone.post('/session/keep-alive', {})).statusCode).toBeLessThan(400)
    expect(cacheGeneration()).toBe(before)
    // A change to the record still does.
    forgetCachedFlags()
    expect(cacheGeneration()).toBeGreaterThan(before)
  })

  it('shows the list a page at a time, with every item in the export', async () => {
    const teamId = c.staff.socialworker.teamId
    const manager = {
      id: c.staff.teammanager.userId,
      username: 'teammanager',
      displayName: 'Team manager',
      roles: ['team-manager'] as const,
      workerId: c.staff.teammanager.workerId,
      teamId,
    }
    const all = await teamWork(t.database.db, manager, teamId, defaultWorkQuery())
    expect(all.items.length).toBeGreaterThan(4)
    const size = 2
    const pages = Math.ceil(all.items.length / size)
    const seen: string[] = []
    for (let page = 1; page <= pages; page++) {
      const work = await teamWork(t.database.db, manager, teamId, defaultWorkQuery(), page, size)
      const shown = work.groups.flatMap((g) => g.items)
      expect(shown.length).toBe(page < pages ? size : all.items.length - size * (pages - 1))
      expect(work.pagination).toEqual({
        page,
        pages,
        from: (page - 1) * size + 1,
        to: (page - 1) * size + shown.length,
        total: all.items.length,
      })
      // Each group says how many it holds in all, whichever page it is on.
      expect(work.groups.map((g) => g.total)).toEqual(all.groups.map((g) => g.items.length))
      // Counts and the whole list (for export) are the same on every page.
      expect(work.counts).toEqual(all.counts)
      expect(work.items).toEqual(all.items)
      seen.push(...shown.map((i) => `${i.ruleId}|${i.subjectType}|${i.subjectId}`))
    }
    // Every item once, in the order the page reads (by group, then the sort), continuing across pages.
    expect(seen).toEqual(
      all.groups.flatMap((g) => g.items).map((i) => `${i.ruleId}|${i.subjectType}|${i.subjectId}`),
    )
    expect(seen.toSorted()).toEqual(
      all.items.map((i) => `${i.ruleId}|${i.subjectType}|${i.subjectId}`).toSorted(),
    )
    // A page past the end shows the last.
    const beyond = await teamWork(t.database.db, manager, teamId, defaultWorkQuery(), pages + 5, size)
    expect(beyond.pagination.page).toBe(pages)

    // The page itself: the first TEAM_PAGE_SIZE, the rest on the next pages, and all of them in the export.
    const body = (await c.teammanager.get(`/teams/${teamId}/work`)).body
    const rows = (html: string) =>
      html.match(
        /<tr class="govuk-table__row">\s*<td class="govuk-table__cell"><a class="govuk-link" href="\/children\/\d+">/g,
      )?.length ?? 0
    expect(rows(body)).toBe(Math.min(TEAM_PAGE_SIZE, all.items.length))
    if (all.items.length > TEAM_PAGE_SIZE) {
      expect(body).toContain(`Showing items 1 to ${TEAM_PAGE_SIZE} of ${all.items.length}`)
      expect(body).toContain(`href="/teams/${teamId}/work?page=2"`)
      const last = Math.ceil(all.items.length / TEAM_PAGE_SIZE)
      const lastBody = (await c.teammanager.get(`/teams/${teamId}/work?page=${last}`)).body
      expect(lastBody).toContain(
        `Showing items ${(last - 1) * TEAM_PAGE_SIZE + 1} to ${all.items.length} of ${all.items.length}`,
      )
      expect(rows(lastBody)).toBe(all.items.length - (last - 1) * TEAM_PAGE_SIZE)
    } else expect(body).not.toContain('Showing items')
    const csv = (await c.teammanager.get(`/teams/${teamId}/work/export.csv`)).body
    expect(csv.trim().split('\r\n')).toHaveLength(all.items.length + 1)
  }, 60_000)
})
