// A child's time in care, from accommodation under section 20 to adoption, walked in a browser by the people
// who would do each step, each signing in through the sign-in form: the social worker, the IRO, the head
// of service as agency decision maker, and finally the adoption team, who alone can open the sealed record.
// The journey takes about ten months: the clock (Hearth's and the browser's) is moved to each step's day, so
// each person signs in on each day they work (the jump to the next day would idle their session out); from
// the adoption order on, all on today, each stays signed in. Then the access log is read straight from the
// table: every page the adoption worker opened, and every refusal of the social worker and team manager.
import { type SQL, sql } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/client.ts'
import { addCalendarDays, addWorkingDays } from '../../src/domain/calendar/working-days.ts'
import { longDate, today } from '../../src/services/dates.ts'
import {
  AxeChecks,
  choose,
  fill,
  fillDate,
  follow,
  openSection,
  press,
  select,
  tableRows,
} from './pages/forms.ts'
import { stopAfterFirstFailure } from './pages/journey.ts'
import {
  changeLegalStatus,
  fillPlacement,
  fillWhen,
  type Reach,
  reachOf,
  recordMove,
  searchFinds,
} from './pages/looked-after.ts'
import { openRecord } from './pages/record.ts'
import { SimulatedClock } from './pages/simulated-clock.ts'
import { launchBrowser } from './support/browser.ts'
import { type RunningHearth, signIn, startHearth } from './support/server.ts'

let hearth: RunningHearth
let browser: Browser
const clock = new SimulatedClock()
const axe = new AxeChecks()
const check = (page: Page, kind: string) => axe.check(page, kind)

// The journey's days, counted from the day the child became looked after, about ten months ago.
const realToday = today()
const start = addCalendarDays(realToday, -300)
const on = {
  allocated: addCalendarDays(start, -40),
  accommodated: start,
  interimCareOrder: addCalendarDays(start, 14),
  move: addCalendarDays(start, 16),
  // Within 20 working days of becoming looked after (CPPCR 2010 regulation 33).
  firstReview: addWorkingDays(start, 18),
  missing: addCalendarDays(start, 45),
  returnInterview: addCalendarDays(start, 46),
  permanencePlan: addCalendarDays(start, 100),
  agencyDecision: addCalendarDays(start, 110),
  placementOrder: addCalendarDays(start, 160),
  familyFinding: addCalendarDays(start, 170),
  matchingPanel: addCalendarDays(start, 205),
  matched: addCalendarDays(start, 208),
  placedForAdoption: addCalendarDays(start, 222),
  adoptionOrder: realToday,
}

// Made up for the test: a child of nine known to the demo social worker's team.
const child = {
  givenName: 'Marnie',
  familyName: 'Quillfeather',
  dateOfBirth: addCalendarDays(start, -9 * 365 - 40),
}
const childName = `${child.givenName} ${child.familyName}`
let personId: number
let iro: { name: string; teamName: string }

// Today's sessions, one per person: once the journey reaches today, each signs in once and carries on.
const signedInToday = new Map<string, Page>()

/**
 * Signs in through the form as `username` on `date` and does one piece of work. On an earlier day the
 * session is closed afterwards (the clock's jump to the next day would idle it out anyway); today
 * (`date` null) the person stays signed in for their next piece of work.
 */
async function as<T>(username: string, date: string | null, work: (page: Page) => Promise<T>): Promise<T> {
  const kept = date === null ? signedInToday.get(username) : undefined
  if (kept) {
    await kept.goto(`${hearth.url}/`)
    return work(kept)
  }
  if (date) clock.advanceTo(`${date}T12:00:00Z`)
  else clock.reset()
  const context = await browser.newContext()
  await clock.syncBrowser(context)
  const page = await context.newPage()
  let keep = false
  try {
    await signIn(page, hearth.url, username)
    const done = await work(page)
    keep = date === null
    return done
  } finally {
    if (keep) signedInToday.set(username, page)
    else await context.close()
  }
}

async function one<T>(query: SQL): Promise<T> {
  const [row] = await queryRows<T>(hearth.database.db, query)
  if (!row) throw new Error('Expected a row')
  return row
}

beforeAll(async () => {
  clock.install()
  clock.startAt(`${on.allocated}T07:00:00Z`)
  ;[hearth, browser] = await Promise.all([startHearth(), launchBrowser()])
  iro = await one(
    sql`select w.given_name || ' ' || w.family_name as "name", t.name as "teamName"
        from user_account u join worker w on w.id = u.worker_id join team t on t.id = w.team_id
        where u.username = 'iro'`,
  )
  // The child is already known: allocated to the demo social worker (the front door's part of the journey
  // is walked in child-journey.e2e.ts).
  const made = await one<{ id: number }>(
    sql`insert into person (given_name, family_name, date_of_birth, sex)
        values (${child.givenName}, ${child.familyName}, ${child.dateOfBirth}, 'F') returning id`,
  )
  personId = Number(made.id)
  await hearth.database.db.execute(
    sql`insert into allocation (person_id, team_id, worker_id, kind, started_on)
        select ${personId}, w.team_id, w.id, 'social-worker', ${on.allocated}
        from user_account u join worker w on w.id = u.worker_id where u.username = 'socialworker'`,
  )
})

// The steps share one child: after a failed step the rest would only fail for the same reason.
stopAfterFirstFailure()

afterAll(async () => {
  clock.uninstall()
  await browser?.close()
  await hearth?.stop()
})

describe('a child in care, from section 20 to a sealed adoption record', () => {
  it('the social worker takes the child into care under section 20, then records the interim care order and a move', async () => {
    await as('socialworker', on.accommodated, async (page) => {
      await openRecord(page, childName, personId, 'Child in care')
      await axe.check(page, 'child in care: not looked after')
      await press(page, 'Start a period of care')
      await fillDate(page, 'Date the child became looked after', on.accommodated)
      await select(page, 'Category of need', /^N1 – /)
      await fill(page, 'Postcode of the home the child came from (optional)', 'LS9 4QT')
      await select(page, 'Legal status', /^V2 – /)
      await fillPlacement(page, {
        type: 'U6',
        provider: 'PR1',
        providerName: 'Mr and Mrs Okafor',
        urn: 'SC480213',
        address: '14 Larch Close',
        postcode: 'LS8 7LD',
        distanceMiles: '3',
        inside: true,
      })
      await select(page, 'IRO (optional)', `${iro.name} (${iro.teamName})`)
      await axe.check(page, 'start a period of care')
      await press(page, 'Start the period of care')
      const summary = await page.locator('.govuk-summary-list').first().innerText()
      expect(summary).toMatch(new RegExp(`Looked after since\\s+${longDate(on.accommodated)}`))
      expect(summary).toMatch(/V2 – Single period of accommodation under section 20/)
      expect(summary).toContain(`${iro.name}, since ${longDate(on.accommodated)}`)
      await axe.check(page, 'child in care')
    })

    await as('socialworker', on.interimCareOrder, async (page) => {
      await openRecord(page, String(personId), personId, 'Child in care')
      await changeLegalStatus(page, on.interimCareOrder, 'C1', check)
      expect(await page.locator('.govuk-summary-list').first().innerText()).toContain(
        `C1 – Interim care order, since ${longDate(on.interimCareOrder)}`,
      )
    })

    await as('socialworker', on.move, async (page) => {
      await openRecord(page, String(personId), personId, 'Child in care')
      await recordMove(
        page,
        on.move,
        {
          type: 'U6',
          provider: 'PR1',
          providerName: 'Ms Adeyemi',
          urn: 'SC480377',
          address: '2 Mill Lane',
          postcode: 'LS7 2NB',
          distanceMiles: '5',
          inside: true,
        },
        check,
      )
      // A new 903 episode for each change: accommodation, the order, the move.
      const episodes = await tableRows(page, 'SSDA903 episodes')
      expect(episodes.map((row) => [row[0], row[2], row[3]?.split(' ')[0]])).toEqual([
        [longDate(on.move), 'C1', 'U6'],
        [longDate(on.interimCareOrder), 'C1', 'U6'],
        [longDate(on.accommodated), 'V2', 'U6'],
      ])
    })
  })

  it('the IRO chairs the first looked-after review', async () => {
    await as('iro', on.firstReview, async (page) => {
      await openRecord(page, childName, personId, 'Reviews and IRO')
      await axe.check(page, 'reviews and IRO')
      await press(page, 'Record a review')
      await fillDate(page, 'Date of the review', on.firstReview)
      await select(page, 'Chaired by', `${iro.name} (${iro.teamName})`)
      await fill(page, 'Who attended', 'Marnie (the child)\nMother\nFoster carer – Ms Adeyemi\nSocial worker')
      await choose(page, 'How the child took part', /^PN1 – /)
      await fill(page, "The child's views", '“I like Ms Adeyemi’s dog. I want to see Mum on Saturdays.”')
      await fill(
        page,
        'Decisions',
        'Placement meets her needs. Family time with mother weekly, supervised. Health assessment and PEP to be completed.',
      )
      await axe.check(page, 'record a review')
      await press(page, 'Save the review')
      await expect(page.locator('main').innerText()).resolves.toContain(longDate(on.firstReview))
      await axe.check(page, 'reviews and IRO: with a review')
    })
  })

  it('the social worker records a missing episode with its return home interview', async () => {
    await as('socialworker', on.returnInterview, async (page) => {
      await openRecord(page, String(personId), personId, 'Missing episodes')
      await axe.check(page, 'missing episodes')
      await press(page, 'Record a missing episode')
      await choose(page, 'Was the child missing, or away without permission?', /^Missing: /)
      await fillWhen(page, 'When the child went missing', on.missing, '16:10')
      await fillWhen(page, 'When the child came back (leave empty if they are not back)', on.missing, '21:45')
      await fillWhen(page, 'When the interview was offered', on.returnInterview, '09:30')
      await choose(page, 'Did the child accept the interview?', 'Yes')
      await fillWhen(page, 'When the interview was held', on.returnInterview, '11:15')
      await fill(
        page,
        'The reasons the child gave, in their words',
        '“I walked to Mum’s house because I missed her and nobody said when I could see her.”',
      )
      await choose(page, 'Kinds of reason', 'To see family')
      await axe.check(page, 'record a missing episode')
      await press(page, 'Save')
      const episode = await page.locator('main').innerText()
      expect(episode).toContain('I walked to Mum’s house')
      expect(episode).toContain('To see family')
      await axe.check(page, 'missing episodes: with an episode')
    })
  })

  it('the social worker makes the permanence plan, weighing every option', async () => {
    await as('socialworker', on.permanencePlan, async (page) => {
      await openRecord(page, String(personId), personId, 'Permanence')
      await axe.check(page, 'permanence')
      await press(page, 'Record the permanence plan')
      await fillDate(page, 'Date of the decision', on.permanencePlan)
      const considered: [string, string][] = [
        [
          'return home to parents',
          'Mother has not engaged with the parenting assessment and still drinks heavily.',
        ],
        [
          'living with family or friends',
          'Maternal aunt was assessed and withdrew; no other relatives came forward.',
        ],
        ['special guardianship', 'No connected person able to care for her until she is grown up.'],
        ['long-term fostering', 'Possible, but at nine she has said she wants a “forever family”.'],
        [
          'adoption',
          'Gives her the legal permanence and family she asks for; she is young enough to be matched.',
        ],
      ]
      for (const [option, analysis] of considered) {
        await choose(page, `Was ${option} considered?`, 'Yes')
        await fill(page, `What you found about ${option}`, analysis)
      }
      for (const option of ['early permanence', 'residential care', 'another plan'])
        await choose(page, `Was ${option} considered?`, 'No')
      await choose(page, 'The plan for permanence', 'Adoption')
      await fill(
        page,
        'Why this plan was chosen over the others',
        'No one in her family can care for her safely; she wants to belong to a family, and adoption gives her that for life.',
      )
      await axe.check(page, 'permanence plan form')
      await press(page, 'Save the permanence plan')
      const plan = await page.locator('main').innerText()
      expect(plan).toContain('Adoption')
      expect(plan).toContain('she wants to belong to a family')
    })
  })

  it('adoption: the agency decision, the placement order, family finding, the match, the move and the order', async () => {
    await as('servicemanager', on.agencyDecision, async (page) => {
      await openRecord(page, childName, personId, 'Adoption')
      await axe.check(page, 'adoption: not the plan')
      await press(page, `Record the decision that ${child.givenName} should be placed for adoption`)
      await fillDate(page, 'Date of the decision', on.agencyDecision)
      await axe.check(page, 'agency decision')
      await press(page, 'Save')
      await expect(page.locator('h2', { hasText: 'The plan is adoption' }).count()).resolves.toBe(1)
      await axe.check(page, 'adoption: the plan')
    })

    await as('socialworker', on.placementOrder, async (page) => {
      await openRecord(page, String(personId), personId, 'Child in care')
      await changeLegalStatus(page, on.placementOrder, 'E1', check)
      await openSection(page, 'Adoption')
      await follow(page, 'Record the placement order')
      await page.waitForLoadState()
      await axe.check(page, 'adoption step')
      // The date comes from the legal status just recorded; nobody types it twice.
      await press(page, 'Save')
      expect(await page.locator('.govuk-summary-list').first().innerText()).toMatch(
        new RegExp(`Placement order\\s+${longDate(on.placementOrder)}`),
      )
    })

    await as('socialworker', on.familyFinding, async (page) => {
      await openRecord(page, String(personId), personId, 'Adoption')
      await follow(page, 'Record family finding')
      await page.waitForLoadState()
      await fillDate(page, 'Date', on.familyFinding)
      await select(page, 'What was done', 'Profile shared with the regional adoption agency')
      await fill(page, 'Notes', 'Profile and video shared; three enquiries in the first week.')
      await axe.check(page, 'family finding')
      await press(page, 'Save')
    })

    await as('socialworker', on.matched, async (page) => {
      await openRecord(page, String(personId), personId, 'Adoption')
      await follow(page, 'Record the matching panel')
      await page.waitForLoadState()
      await fillDate(page, 'Date of the matching panel', on.matchingPanel)
      await fill(
        page,
        "The panel's recommendation",
        'Unanimous recommendation to match with Mr and Mr Halloran.',
      )
      await press(page, 'Save')
      await follow(page, 'Record the match')
      await page.waitForLoadState()
      await fillDate(page, "Date of the agency decision maker's decision to match", on.matched)
      await choose(page, 'How many adopters', 'Two adopters (a couple)')
      await select(page, 'Sex of the adopters', /^MM/)
      await select(page, 'Legal status of the adopters', /^L12/)
      await choose(page, "Are the adopters the child's foster carers?", 'No')
      await axe.check(page, 'adoption step: match')
      await press(page, 'Save')
    })

    await as('socialworker', on.placedForAdoption, async (page) => {
      await openRecord(page, String(personId), personId, 'Child in care')
      await recordMove(
        page,
        on.placedForAdoption,
        {
          type: 'A6',
          provider: 'PR1',
          providerName: 'Mr and Mr Halloran',
          urn: 'XXXXXXX',
          address: '8 Orchard Rise',
          postcode: 'HG1 1HR',
          distanceMiles: '22',
          inside: false,
        },
        check,
      )
      await openSection(page, 'Adoption')
      await follow(page, 'Record when the child moved in')
      await page.waitForLoadState()
      await press(page, 'Save')
      const adoption = await page.locator('.govuk-summary-list').first().innerText()
      expect(adoption).toMatch(new RegExp(`Moved in with the adopters\\s+${longDate(on.placedForAdoption)}`))
    })
  })

  // Before the order: the child is on the social worker's home page and the team manager can find them, so
  // what follows shows the seal taking them away.
  let before: Record<'socialworker' | 'teammanager', Reach>
  it('the child is on their social worker’s caseload and found by the team until the order', async () => {
    before = {
      socialworker: await as('socialworker', null, (page) =>
        reachOf(page, hearth.url, { name: childName, personId }, { manager: false, check }),
      ),
      teammanager: await as('teammanager', null, (page) =>
        reachOf(page, hearth.url, { name: childName, personId }, { manager: true, check }),
      ),
    }
    // The child's overdue work (visits, health assessment, PEP…) is on the worker's and the team's lists.
    expect(before.socialworker).toEqual({ search: true, home: true, worklists: true, page: 200 })
    expect(before.teammanager).toMatchObject({ search: true, worklists: true, page: 200 })
  })

  it('the social worker records the adoption order and the record is sealed', async () => {
    await as('socialworker', null, async (page) => {
      await openRecord(page, String(personId), personId, 'Adoption')
      await follow(page, 'Record the adoption order')
      await page.waitForLoadState()
      await axe.check(page, 'adoption step: order')
      await fillDate(page, 'Date the court made the adoption order', on.adoptionOrder)
      await press(page, 'Save')
      expect(new URL(page.url()).pathname).toBe('/adoption/sealed')
      await expect(page.locator('h1').innerText()).resolves.toBe('The adoption record is sealed')
      await axe.check(page, 'adoption record sealed')
    })
  })

  it('an ordinary user can no longer find the child anywhere', async () => {
    for (const username of ['socialworker', 'teammanager'] as const) {
      const after = await as(username, null, async (page) => {
        const reach = await reachOf(
          page,
          hearth.url,
          { name: childName, personId },
          { manager: username === 'teammanager', check },
        )
        expect((await page.request.get(`${hearth.url}/children/${personId}/adoption`)).status()).toBe(404)
        expect((await page.request.get(`${hearth.url}/api/v1/children/${personId}`)).status()).toBe(404)
        const found = await page.request.get(
          `${hearth.url}/api/v1/children?name=${encodeURIComponent(childName)}`,
        )
        expect(((await found.json()) as { id: number }[]).map((c) => c.id)).not.toContain(personId)
        await axe.check(page, 'page not found')
        return reach
      })
      expect(after, username).toEqual({ search: false, home: false, worklists: false, page: 404 })
    }
  })

  it('the adoption team can find and open the sealed record, ends the period of care, and every access is logged', async () => {
    const since = await one<{ at: string }>(sql`select now()::text as at`)
    await as('adoption', null, async (page) => {
      expect(await searchFinds(page, childName, personId, check)).toBe(true)
      await page.locator(`table a[href="/children/${personId}"]`).click()
      await page.waitForLoadState()
      await axe.check(page, 'child summary: sealed')
      await openSection(page, 'Adoption')
      const adoption = await page.locator('main').innerText()
      expect(adoption).toContain('This adoption record is sealed')
      expect(adoption).toMatch(new RegExp(`Adoption order\\s+${longDate(on.adoptionOrder)}`))
      await axe.check(page, 'adoption: sealed')
      await openSection(page, 'Child in care')
      await press(page, 'End the period of care')
      await fillDate(page, 'Date the child stopped being looked after', on.adoptionOrder)
      await select(page, 'Why care ended', /^E12 – /)
      await fill(page, 'Where the child went to live', 'With her adoptive parents.')
      await fill(
        page,
        'The plan for support after care',
        'Adoption support from the regional adoption agency; later-life letter by her next birthday.',
      )
      await axe.check(page, 'end the period of care')
      await press(page, 'End the period of care')
      await expect(page.locator('main').innerText()).resolves.toContain(
        `${child.givenName} is not looked after. The last period of care ended on ${longDate(on.adoptionOrder)}`,
      )
    })

    const log = await queryRows<{ username: string; action: string; route: string | null; subject: string }>(
      hearth.database.db,
      sql`select username, action, detail->>'route' as route, subject_type as subject
          from access_log where person_id = ${personId} and at >= ${since.at}::timestamptz order by id`,
    )
    const mine = log.filter((e) => e.username === 'adoption')
    // The search that found the child is logged too (a search names no one child: it counts what it found).
    const searches = await queryRows<{ results: number }>(
      hearth.database.db,
      sql`select (detail->>'results')::int as results from access_log
          where username = 'adoption' and action = 'search' and at >= ${since.at}::timestamptz`,
    )
    expect(searches).toEqual([{ results: expect.any(Number) }])
    expect(searches[0]!.results).toBeGreaterThan(0)
    const views = mine.filter((e) => e.action === 'view').map((e) => e.route)
    // Every page of the record the adoption worker opened, in the order they opened it.
    expect(views).toEqual([
      '/children/:personId',
      '/children/:personId/adoption',
      '/children/:personId/looked-after',
      '/children/:personId/looked-after/cease',
      '/children/:personId/looked-after',
    ])
    expect(mine.some((e) => e.action === 'change' && e.subject === 'period-of-care')).toBe(true)
    expect(mine.every((e) => e.username === 'adoption')).toBe(true)
    expect(log.filter((e) => e.username !== 'adoption')).toEqual([])

    // The ordinary users' attempts after the seal were refused and logged as refusals.
    const refusals = await queryRows<{ username: string; n: number }>(
      hearth.database.db,
      sql`select username, count(*)::int as n from access_log
          where person_id = ${personId} and action = 'denied' group by username order by username`,
    )
    expect(refusals.map((r) => r.username)).toEqual(['socialworker', 'teammanager'])
    for (const r of refusals) expect(r.n).toBeGreaterThanOrEqual(3)
  })

  it('has no accessibility violations on any kind of page the journey used', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(28)
    expect(axe.violations, axe.violations.join('\n\n')).toEqual([])
  })
})
