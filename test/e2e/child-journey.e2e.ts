// One child's journey through Hearth, from the front door to a signed-off closure, walked in a browser by the
// people who would do each step, each signing in through the sign-in form. The journey takes about twelve
// weeks: the clock (Hearth's and the browser's) is moved to each step's day, so every date typed is today or
// earlier, as the pages require, and the audit trails and plan versions carry the days they would in life.
import { type SQL, sql } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/client.ts'
import { addCalendarDays, addWorkingDays, isWorkingDay } from '../../src/domain/calendar/working-days.ts'
import { longDate, today } from '../../src/services/dates.ts'
import {
  AxeChecks,
  choose,
  fill,
  fillDate,
  follow,
  group,
  openSection,
  press,
  select,
  tableRows,
} from './pages/forms.ts'
import { stopAfterFirstFailure } from './pages/journey.ts'
import { openRecord, recordVisit } from './pages/record.ts'
import { SimulatedClock } from './pages/simulated-clock.ts'
import { launchBrowser } from './support/browser.ts'
import { type RunningHearth, signIn, startHearth } from './support/server.ts'

let hearth: RunningHearth
let browser: Browser
const clock = new SimulatedClock()
const axe = new AxeChecks()
const check = (page: Page, kind: string) => axe.check(page, kind)

// The journey's days, counted in working days from the contact, 60 working days ago.
const realToday = today()
function workingDaysBefore(date: string, n: number): string {
  let d = date
  for (let counted = 0; counted < n; ) {
    d = addCalendarDays(d, -1)
    if (isWorkingDay(d)) counted++
  }
  return d
}
const contactDay = workingDaysBefore(realToday, 60)
const day = (n: number) => addWorkingDays(contactDay, n)
const on = {
  contact: day(0),
  assessmentStarted: day(1),
  assessmentCompleted: day(7),
  assessmentAuthorised: day(8),
  strategyDiscussion: day(9),
  section47Concluded: day(13),
  initialConference: day(20),
  planWritten: day(21),
  coreGroup: day(25),
  visit: day(28),
  reviewConference: day(40),
  cinReview: day(50),
}

// Who is who, read from the seeded authority (names are generated, so never hard-coded here).
interface StaffMember {
  username: string
  name: string
  jobTitle: string
  teamId: number
  teamName: string
}
const staff = {} as Record<'frontDoorManager' | 'socialWorker' | 'iro' | 'outsider', StaffMember>
let child: { givenName: string; familyName: string; dateOfBirth: string; twinId: number | null }
let personId: number

// The plan's words, so later steps can look for them.
const plan = {
  outcome1: 'lives free from domestic abuse and feels safe at home',
  outcome2: 'is settled at school and has a trusted adult to talk to',
  action1: 'Mother to attend the Freedom Programme for survivors of domestic abuse',
  action2: 'School learning mentor to meet the child weekly',
  action3: 'GP to review the child’s sleep and bedwetting',
}

// One browser context (cookie jar) per person, kept for the whole journey: each signs in through the form
// when their session has lapsed — on each new day of the journey, as the idle timeout ends a session — and
// carries on signed in otherwise (steps on the same day, and the last steps, all today).
const contexts = new Map<string, BrowserContext>()

/** As `username` on `date` (today when null): opens Hearth, signs in if need be, and does one piece of work. */
async function as<T>(username: string, date: string | null, work: (page: Page) => Promise<T>): Promise<T> {
  if (date) clock.advanceTo(`${date}T12:00:00Z`)
  else clock.reset()
  let context = contexts.get(username)
  if (!context) {
    context = await browser.newContext()
    contexts.set(username, context)
  }
  await clock.syncBrowser(context)
  const page = await context.newPage()
  try {
    await page.goto(`${hearth.url}/`)
    if (new URL(page.url()).pathname.startsWith('/sign-in')) await signIn(page, hearth.url, username)
    return await work(page)
  } finally {
    await page.close()
  }
}

// Each step is a few people's work over days of the journey: a minute and more on a busy machine.
const STEP_TIMEOUT = 180_000

async function staffMember(where: SQL): Promise<StaffMember> {
  const [found] = await queryRows<StaffMember>(
    hearth.database.db,
    sql`select u.username, w.given_name || ' ' || w.family_name as "name", w.job_title as "jobTitle",
          t.id as "teamId", t.name as "teamName"
        from user_account u join user_role r on r.user_id = u.id join worker w on w.id = u.worker_id
        join team t on t.id = w.team_id
        where not u.disabled and w.left_on is null and ${where}
        order by u.username limit 1`,
  )
  if (!found) throw new Error('The seeded authority has no such member of staff')
  return found
}

beforeAll(async () => {
  // Hearth starts on the morning of the contact, so its clock only ever moves forward.
  clock.install()
  clock.startAt(`${on.contact}T07:00:00Z`)
  ;[hearth, browser] = await Promise.all([startHearth(), launchBrowser()])
  staff.socialWorker = await staffMember(sql`u.username = 'socialworker'`)
  staff.iro = await staffMember(sql`u.username = 'iro'`)
  staff.frontDoorManager = await staffMember(sql`r.role = 'team-manager' and t.kind = 'front-door'`)
  // A social worker in another Support and Protect team: a colleague with no part in this child's care.
  staff.outsider = await staffMember(
    sql`r.role = 'social-worker' and t.kind = 'support-and-protect' and t.id <> ${staff.socialWorker.teamId}`,
  )
  // The child is the twin of a seeded child: same family name and date of birth, so the duplicate check
  // has something to find, and the front door must confirm it is a different child.
  const [twin] = await queryRows<{ id: number; familyName: string; dateOfBirth: string; givenName: string }>(
    hearth.database.db,
    sql`select p.id, p.family_name as "familyName", p.date_of_birth::text as "dateOfBirth", c.name as "givenName"
        from person p cross join unnest(array['Rowan', 'Ellis', 'Jamie', 'Robin', 'Frankie', 'Riley']) as c(name)
        where p.date_of_birth between ${addCalendarDays(realToday, -12 * 365)}::date and ${addCalendarDays(realToday, -7 * 365)}::date
          and p.date_of_death is null and p.access_restriction = 'none' and lower(p.given_name) <> lower(c.name)
          and similarity(lower(p.given_name || ' ' || p.family_name), lower(c.name || ' ' || p.family_name)) > 0.35
        order by p.id limit 1`,
  )
  child = twin
    ? {
        givenName: twin.givenName,
        familyName: twin.familyName,
        dateOfBirth: twin.dateOfBirth,
        twinId: twin.id,
      }
    : {
        givenName: 'Rowan',
        familyName: 'Ashdown-Keel',
        dateOfBirth: addCalendarDays(realToday, -3650),
        twinId: null,
      }
}, STEP_TIMEOUT)

// The steps share one child: after a failed step the rest would only fail for the same reason.
stopAfterFirstFailure()

afterAll(async () => {
  clock.uninstall()
  for (const context of contexts.values()) await context.close()
  await browser?.close()
  await hearth?.stop()
})

describe('one child’s journey, from the front door to closure', () => {
  it(
    'the front door adds the child after the duplicate check, records the contact and refers them',
    async () => {
      await as('frontdoor', on.contact, async (page) => {
        // First the search a person makes before adding anyone.
        await page.getByRole('link', { name: 'Find a child', exact: true }).first().click()
        await fill(page, 'Name, Hearth ID, NHS number or UPN', `${child.givenName} ${child.familyName}`)
        await press(page, 'Search')
        await axe.check(page, 'find a child: results')
        await follow(page, 'Add a person who is not already recorded')
        await axe.check(page, 'add a person')
        await fill(page, 'First name', child.givenName)
        await fill(page, 'Last name', child.familyName)
        await fillDate(page, 'Date of birth', child.dateOfBirth)
        await choose(page, 'Sex', 'Female')
        await page.getByRole('button', { name: 'Add person' }).click()
        await page.waitForLoadState()
        if (child.twinId !== null) {
          const banner = page.getByRole('region', { name: 'Important' })
          await expect(banner.innerText()).resolves.toContain('This person may already have a record')
          await expect(banner.locator(`a[href="/children/${child.twinId}"]`).count()).resolves.toBe(1)
          await axe.check(page, 'add a person: possible duplicates')
          await choose(page, 'Confirm', 'I have checked: none of these is the same person')
          await press(page, 'Add person')
        }
        personId = Number(/\/children\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1])
        expect(personId).toBeGreaterThan(0)
        await expect(page.locator('h1').innerText()).resolves.toBe('Summary')
        await axe.check(page, 'child summary')

        await openSection(page, 'Contacts and referrals')
        await axe.check(page, 'contacts and referrals')
        await press(page, 'Record a contact')
        await fillDate(page, 'Date received', on.contact)
        await fill(page, 'Time received', '09:20')
        await select(page, 'Where the contact came from', '2A – SCHOOLS')
        await fill(page, 'Name of the person who made the contact', 'Amina Khan')
        await fill(page, 'Their role or relationship to the child (optional)', 'Designated safeguarding lead')
        await fill(
          page,
          'What are the concerns about the child?',
          `${child.givenName} told her teacher that she hides under the bed when her mother's partner shouts, and that last night he hit her mother. She has been tired and withdrawn for two weeks.`,
        )
        await choose(
          page,
          'Did the family agree to the contact being made?',
          'Not sought, because asking would put the child at risk',
        )
        await fill(
          page,
          'About consent',
          'Asking the mother could put her and the child at risk from the partner.',
        )
        await axe.check(page, 'record a contact')
        await press(page, 'Save and decide what happens next')

        await expect(page.locator('h1').innerText()).resolves.toBe('Decide what happens next')
        await axe.check(page, 'decide on a contact')
        await choose(page, 'What happens next', 'Referral to children’s social care')
        await fill(
          page,
          'Reasons for the decision',
          'Disclosure of domestic abuse in the home with a child frightened and withdrawn; consent not sought for safety. Needs a single assessment.',
        )
        await fillDate(page, 'Date of the decision', on.contact)
        await fill(page, 'Time of the decision', '11:40')
        await select(
          page,
          'Manager who agreed the decision',
          `${staff.frontDoorManager.name} (${staff.frontDoorManager.teamName})`,
        )
        await select(page, 'Primary need', 'N1 – Abuse or neglect')
        await select(page, 'Team the child is allocated to', staff.socialWorker.teamName)
        await select(
          page,
          'Social worker (optional)',
          `${staff.socialWorker.name}, ${staff.socialWorker.jobTitle} (${staff.socialWorker.teamName})`,
        )
        await press(page, 'Record the decision')

        const decision = await page.locator('.govuk-summary-list').last().innerText()
        expect(decision).toContain('Referral to children’s social care')
        expect(decision).toContain('Within one working day')
        expect(decision).toContain(`Made ${longDate(on.contact)}, primary need Abuse or neglect`)
        await axe.check(page, 'contact')
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the social worker assesses the child and the team manager authorises the assessment',
    async () => {
      await as('socialworker', on.assessmentStarted, async (page) => {
        // The child is on the worker's home page from the allocation.
        const caseload = await tableRows(page, /Children allocated to you/)
        expect(caseload.some((row) => row[0] === `${child.givenName} ${child.familyName}`)).toBe(true)
        await openRecord(page, `${child.givenName} ${child.familyName}`, personId, 'Assessments')
        await axe.check(page, 'assessments')
        await press(page, 'Start an assessment')
        await fillDate(page, 'Date the assessment started', on.assessmentStarted)
        await fill(
          page,
          'The child’s lived experience',
          'She wakes early and checks on her mother before school. She eats breakfast at school club.',
        )
        await fill(
          page,
          'Identity and culture',
          'White British; her grandmother is Irish Traveller heritage and she is proud of it. Goes to Brownies.',
        )
        await fill(
          page,
          'The child’s own views',
          '“I want Mum to be happy and Dave to stop shouting. I like it at Nana’s.” Seen alone at school.',
        )
        await fill(
          page,
          'Parental capacity',
          'Mother is loving and protective but frightened of her partner.',
        )
        await fill(
          page,
          'History and risks',
          'Police called twice in a year to the home; partner has a history of violence.',
        )
        await fill(page, 'Strengths', 'Maternal grandmother lives nearby and offers a safe place to stay.')
        await choose(page, 'Factors identified at assessment', /^3B – /)
        await choose(page, 'Factors identified at assessment', /^17A – /)
        await axe.check(page, 'assessment form')
        await press(page, 'Save draft')
        await expect(page.locator('h1').innerText()).resolves.toBe(
          `Assessment started ${longDate(on.assessmentStarted)}`,
        )
      })

      await as('socialworker', on.assessmentCompleted, async (page) => {
        await openRecord(page, String(personId), personId, 'Assessments')
        await follow(page, /view assessment/)
        await follow(page, 'Change the assessment')
        await fill(
          page,
          'Analysis',
          'Reasonable cause to suspect she is suffering significant harm through living with domestic abuse.',
        )
        await choose(page, 'Outcome', 'Strategy discussion (concerns of significant harm)')
        await fill(page, 'Next steps', 'Strategy discussion with the police today; social worker to lead.')
        await press(page, 'Save draft')
        await axe.check(page, 'assessment, in progress')
        await fillDate(page, 'Date completed', on.assessmentCompleted)
        await press(page, 'Complete the assessment')
        await expect(page.locator('main').innerText()).resolves.toContain('Completed, awaiting authorisation')
      })

      await as('teammanager', on.assessmentAuthorised, async (page) => {
        await openRecord(page, `${child.givenName} ${child.familyName}`, personId, 'Assessments')
        await follow(page, /view assessment/)
        await axe.check(page, 'assessment, awaiting authorisation')
        await fillDate(page, 'Date authorised', on.assessmentAuthorised)
        await press(page, 'Authorise')
        const summary = await page.locator('.govuk-summary-list').first().innerText()
        expect(summary).toMatch(new RegExp(`Authorised\\s+${longDate(on.assessmentAuthorised)}, by`))
        expect(summary).toContain('3B – Domestic violence')
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'a strategy discussion, a section 47 enquiry and the initial conference make a child protection plan',
    async () => {
      await as('socialworker', on.strategyDiscussion, async (page) => {
        await openRecord(page, String(personId), personId, 'Child protection')
        await axe.check(page, 'child protection')
        await press(page, 'Record a strategy discussion')
        await fillDate(page, 'Date of the strategy discussion', on.strategyDiscussion)
        await choose(page, 'Agencies present', 'Health')
        await choose(page, 'Agencies present', 'Education')
        await choose(page, 'Decision', 'Section 47 enquiry')
        await fill(
          page,
          'Reasons for the decision',
          'Reasonable cause to suspect significant harm: a joint enquiry.',
        )
        await axe.check(page, 'strategy discussion form')
        await press(page, 'Save')
        await press(page, /^Start the section 47 enquiry from the discussion of/)
        await fillDate(page, 'Date the enquiry started', on.strategyDiscussion)
        await axe.check(page, 'section 47 form')
        await press(page, 'Save')
      })

      await as('socialworker', on.section47Concluded, async (page) => {
        await openRecord(page, String(personId), personId, 'Child protection')
        await follow(page, /^Change the enquiry started/)
        await choose(page, 'Outcome of the enquiry', 'Initial child protection conference')
        await fillDate(page, 'Date of the outcome', on.section47Concluded)
        await press(page, 'Save')
      })

      // The chair finds the child awaiting the conference (before any plan allocates them) and records it.
      await as('iro', on.initialConference, async (page) => {
        await openRecord(page, `${child.givenName} ${child.familyName}`, personId, 'Child protection')
        await press(page, /^Record the initial conference for the enquiry of/)
        await fillDate(page, 'Date of the conference', on.initialConference)
        await select(page, 'Chair', `${staff.iro.name} (${staff.iro.teamName})`)
        await fill(
          page,
          'Who took part',
          'Mother\nSocial worker\nPolice – DC Shah\nSchool – designated safeguarding lead\nGP',
        )
        await choose(page, 'How the child contributed', 'The child’s views were shared another way')
        await fill(
          page,
          'How the views were shared, or why they were not sought',
          'A drawing and a letter, with her social worker.',
        )
        await fill(page, 'The child’s views', '“I feel safe at Nana’s and at school.”')
        await choose(page, 'The conference’s decision', 'The child needs a child protection plan')
        await choose(page, 'Category of abuse', 'Emotional abuse')
        await fill(
          page,
          'Reasons for the decision',
          'Continuing risk of significant harm from domestic abuse.',
        )
        await fill(page, 'What the plan must achieve for the child', `${child.givenName} ${plan.outcome1}`)
        await fill(page, 'First action: what will be done', plan.action1)
        await fill(page, 'Who will do it', 'Mother')
        await fillDate(page, 'By when', day(32))
        await fill(
          page,
          'How progress will be measured',
          'Attends 10 of the 12 sessions, confirmed by the facilitator',
        )
        await fill(
          page,
          'Contingency: what happens if the plan does not keep the child safe',
          'Legal planning meeting; the child to stay with her grandmother.',
        )
        await axe.check(page, 'initial conference form')
        await press(page, 'Save')
        await expect(
          page.getByRole('link', { name: 'Write the plan’s outcomes and actions' }).count(),
        ).resolves.toBe(1)
        const current = await page.locator('.govuk-summary-list').first().innerText()
        expect(current).toContain(`Since ${longDate(on.initialConference)}`)
        expect(current).toContain('Emotional abuse')
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the social worker writes the plan, the core group meets and changes it, and the child is seen alone',
    async () => {
      await as('socialworker', on.planWritten, async (page) => {
        await openRecord(page, String(personId), personId, 'Plans')
        await axe.check(page, 'plans')
        await follow(page, 'Child protection plan')
        await axe.check(page, 'plan')
        await follow(page, 'Change the plan')
        await fill(page, 'Outcome 2 (new, leave empty if not needed)', `${child.givenName} ${plan.outcome2}`)
        const action2 = group(page, 'Action 2 (new, leave empty if not needed)')
        await fill(action2, 'What will be done', plan.action2)
        await fill(action2, 'Who will do it', 'School – learning mentor')
        await fillDate(action2, 'By when', addCalendarDays(realToday, 30))
        await fill(
          action2,
          'How progress will be measured',
          'Attendance above 95%; her own score of how safe she feels',
        )
        await select(action2, 'The outcome it works towards', /^Outcome 2/)
        const action3 = group(page, 'Action 3 (new, leave empty if not needed)')
        await fill(action3, 'What will be done', plan.action3)
        await fill(action3, 'Who will do it', 'GP')
        await fillDate(action3, 'By when', addCalendarDays(realToday, 30))
        await fill(action3, 'How progress will be measured', 'A sleep diary shared at each core group')
        await select(action3, 'The outcome it works towards', /^Outcome 1/)
        await fill(
          page,
          'If the child or family do not engage',
          'Unannounced visits and a review conference brought forward.',
        )
        await fill(page, 'Reason for the change', 'Outcomes and actions written after the initial conference')
        await axe.check(page, 'change a plan')
        await press(page, 'Save the plan')
        await expect(page.locator('.govuk-summary-list').first().innerText()).resolves.toContain(
          '(version 2)',
        )
      })

      await as('socialworker', on.coreGroup, async (page) => {
        await openRecord(page, String(personId), personId, 'Child protection')
        await press(page, 'Record a core group meeting')
        await fillDate(page, 'Date of the meeting', on.coreGroup)
        await fill(page, 'Who attended', 'Mother\nSocial worker\nSchool – learning mentor\nGP')
        await fill(
          page,
          'Summary',
          'Mother has finished the Freedom Programme. The partner has left the home.',
        )
        await axe.check(page, 'core group form')
        await press(page, 'Save')
        await openSection(page, 'Plans')
        await follow(page, 'Child protection plan')
        await follow(page, 'Change the plan')
        await choose(group(page, 'Action 1'), 'Status of action 1', 'Done')
        await fill(page, 'Reason for the change', `Agreed at the core group on ${longDate(on.coreGroup)}`)
        await press(page, 'Save the plan')
        await expect(page.locator('.govuk-summary-list').first().innerText()).resolves.toContain(
          '(version 3)',
        )
      })

      await as('socialworker', on.visit, async (page) => {
        await openRecord(page, String(personId), personId, 'Visits')
        await axe.check(page, 'visits')
        await recordVisit(
          page,
          {
            date: on.visit,
            wishesAndFeelings: '“It’s quiet at home now. I sleep better.”',
            directWorkTool: 'Three houses',
            sawAndHeard: 'A calm home; her bedroom is tidy with a new night light.',
            analysis: 'Risk is reducing while the partner stays away.',
          },
          check,
        )
        await expect(page.locator('.govuk-summary-list').first().innerText()).resolves.toContain('Yes, alone')
        await axe.check(page, 'visit')
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the review conference steps down to a child in need plan, carrying the open actions over',
    async () => {
      await as('iro', on.reviewConference, async (page) => {
        await openRecord(page, `${child.givenName} ${child.familyName}`, personId, 'Child protection')
        await press(page, 'Record a review conference')
        await fillDate(page, 'Date of the conference', on.reviewConference)
        await select(page, 'Chair', `${staff.iro.name} (${staff.iro.teamName})`)
        await fill(page, 'Who took part', 'Mother\nSocial worker\nSchool – learning mentor')
        await choose(page, 'How the child contributed', 'The child attended')
        await fill(page, 'The child’s views', '“I don’t want Dave to come back. I’m happier.”')
        await choose(page, 'The conference’s decision', 'The plan ends')
        await choose(page, 'Why the plan is ending', 'Stepped down to a child in need plan')
        await fill(
          page,
          'The conference’s reasons for its decision',
          'No longer at continuing risk of significant harm; support continues as a child in need.',
        )
        await axe.check(page, 'review conference form')
        // Ending the plan ends the chair's allocation: the chair is told so, not sent to a closed record.
        await press(page, 'Save')
        expect(new URL(page.url()).pathname).toBe('/child-protection/conference-recorded')
        await expect(page.locator('h1').innerText()).resolves.toBe('Conference recorded')
        await axe.check(page, 'conference recorded')
      })

      // Hearth carried the open actions into the child in need plan; nobody typed them again.
      await as('socialworker', on.reviewConference, async (page) => {
        await openRecord(page, String(personId), personId, 'Child protection')
        await expect(page.locator('main').innerText()).resolves.toContain('No current child protection plan')
        await openSection(page, 'Plans')
        await follow(page, 'Child in need plan')
        const cinActions = await page.locator('main table tbody tr').allInnerTexts()
        const carried = cinActions.filter((row) => row.includes('Carried over from the previous plan'))
        expect(carried).toHaveLength(2)
        expect(carried).toEqual(
          expect.arrayContaining([
            expect.stringContaining(plan.action2),
            expect.stringContaining(plan.action3),
          ]),
        )
        expect(cinActions.some((row) => row.includes(plan.action1))).toBe(false)
        await follow(page, 'the child protection plan')
        const ended = await page.locator('main').innerText()
        expect(ended).toContain(`Ended ${longDate(on.reviewConference)}`)
        expect(ended).toMatch(new RegExp(`${plan.action2}[^\\n]*Carried over to the next plan`))
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the child in need plan is reviewed, its actions resolved, and the case closed with a manager’s sign-off',
    async () => {
      await as('socialworker', on.cinReview, async (page) => {
        await openRecord(page, String(personId), personId, 'Plans')
        await follow(page, 'Child in need plan')
        await follow(page, 'Record a review')
        await fillDate(page, 'Date of the review', on.cinReview)
        await choose(page, 'Who attended', 'Parents or carers')
        await choose(page, 'Who attended', "Children's social care")
        await choose(page, 'Who attended', 'Education')
        await choose(page, 'How the child contributed', 'The child attended')
        await fill(
          page,
          "The child's views",
          '“School is good. Mrs Patel helps me. I want to stay with Mum.”',
        )
        await choose(page, new RegExp(`^Action \\d+: ${plan.action2}`), 'Done')
        await choose(page, new RegExp(`^Action \\d+: ${plan.action3}`), 'On track')
        await fill(
          page,
          'What the review decided',
          'Good progress. Plan continues; consider closure at the next review.',
        )
        await fillDate(page, 'Date of the next review', addCalendarDays(on.cinReview, 42))
        await axe.check(page, 'review a plan')
        await press(page, 'Save the review')
        const review = await page.locator('.govuk-summary-list').first().innerText()
        expect(review).toMatch(/The child's contribution\s+The child attended/)
        expect(review).toContain('School is good')
        await axe.check(page, 'plan review')
      })

      await as('socialworker', null, async (page) => {
        await openRecord(page, String(personId), personId, 'Allocation and closure')
        await axe.check(page, 'allocation and closure')
        await follow(page, 'Closing the case')
        const open = await tableRows(page, /^Open actions on the child/)
        expect(open.map((row) => row[0])).toEqual([expect.stringContaining(plan.action3)])
        await axe.check(page, 'close the case: open actions')
        await choose(page, `Resolve: ${plan.action3}`, 'Done')
        await press(page, `Save: ${plan.action3}`)
        await expect(page.locator('main').innerText()).resolves.toContain('No plan actions are open.')
        await choose(page, 'Reason for closure', /^RC7 – /)
        await fill(
          page,
          'Why the case can close',
          'The partner has left, mother is protective, school and the GP will carry on supporting her, and she says she feels safe.',
        )
        await press(page, 'Propose closure')
        await expect(page.locator('main').innerText()).resolves.toContain('Closure proposed')
      })

      await as('teammanager', null, async (page) => {
        await openRecord(page, `${child.givenName} ${child.familyName}`, personId, 'Allocation and closure')
        await follow(page, 'Closing the case')
        await axe.check(page, 'close the case: sign-off')
        await fillDate(page, 'Closure date', realToday)
        await fill(
          page,
          'Why you agree the case can close',
          'Risks have reduced and stayed reduced for ten weeks; universal services and her grandmother are the right support now.',
        )
        await press(page, 'Sign off closure')
        await expect(page.locator('h1').innerText()).resolves.toBe('Case closed')
        await axe.check(page, 'case closed')
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the chronology shows the journey in order',
    async () => {
      await as('auditor', null, async (page) => {
        await openRecord(page, String(personId), personId, 'Chronology')
        await axe.check(page, 'chronology')
        const titles = (await tableRows(page, /events?, oldest first/)).map((row) => `${row[0]} | ${row[1]}`)
        const key: [string, RegExp][] = [
          [on.contact, /Contact received from SCHOOLS/],
          [on.contact, /Referral to children's social care \(primary need: Abuse or neglect\)/],
          [on.assessmentAuthorised, /Assessment authorised: strategy discussion/],
          [on.strategyDiscussion, /Strategy discussion: section 47 enquiry to start/],
          [on.strategyDiscussion, /Section 47 enquiry began/],
          [on.initialConference, /Initial child protection conference: child protection plan/],
          [on.initialConference, /Child protection plan began \(category: emotional abuse\)/],
          [on.visit, /Child protection visit: child seen alone/],
          [on.reviewConference, /Review child protection conference: plan ends/],
          [on.reviewConference, /Child in need plan began/],
          [on.reviewConference, /Child protection plan ended: stepped down to child in need/],
          [realToday, /Case closed: Services ceased/],
        ]
        // One plan, listed once (not again as its plan document).
        expect(titles.filter((t) => /Child protection plan began/.test(t))).toHaveLength(1)
        let previous = -1
        for (const [date, title] of key) {
          const at = titles.findIndex((t, i) => i > previous && t.startsWith(longDate(date)) && title.test(t))
          expect(
            at,
            `${longDate(date)} ${title} after row ${previous} of\n${titles.join('\n')}`,
          ).toBeGreaterThan(previous)
          previous = at
        }
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the plan can be seen as it stood on an earlier date',
    async () => {
      await as('auditor', null, async (page) => {
        await openRecord(page, String(personId), personId, 'Plans')
        await follow(page, 'Child protection plan')
        const now = await page.locator('main').innerText()
        expect(now).toContain(`Ended ${longDate(on.reviewConference)}`)
        expect(now).toContain(plan.action2)

        await fill(page, 'See the plan as it stood on a date', on.initialConference)
        await press(page, 'Show the plan on that date')
        expect(new URL(page.url()).searchParams.get('asAt')).toBe(on.initialConference)
        await expect(page.locator('h1').innerText()).resolves.toContain(
          `as it stood on ${longDate(on.initialConference)}`,
        )
        const then = await page.locator('main').innerText()
        expect(then).toContain('You are looking at version 1 of the plan')
        expect(then).toContain(plan.action1)
        expect(then).not.toContain(plan.action2)
        expect(then).not.toContain(`Ended ${longDate(on.reviewConference)}`)
        await axe.check(page, 'plan as it stood')

        await follow(page, 'Every change to this plan: who, when and why')
        await axe.check(page, 'plan history')
        const versions = await page.getByRole('heading', { level: 2, name: /^Version \d+$/ }).allInnerTexts()
        expect(versions.length).toBeGreaterThanOrEqual(4)
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'no one outside the child’s care can open, find or read the child',
    async () => {
      // The chair's allocation ended with the plan.
      await as('iro', null, async (page) => {
        expect((await page.goto(`${hearth.url}/children/${personId}`))?.status()).toBe(404)
      })
      await as(staff.outsider.username, null, async (page) => {
        expect((await page.goto(`${hearth.url}/children/${personId}`))?.status()).toBe(404)
        expect((await page.goto(`${hearth.url}/children/${personId}/plans`))?.status()).toBe(404)
        await page.getByRole('link', { name: 'Find a child', exact: true }).first().click()
        for (const search of [String(personId), `${child.givenName} ${child.familyName}`]) {
          await fill(page, 'Name, Hearth ID, NHS number or UPN', search)
          await press(page, 'Search')
          await expect(page.locator(`a[href="/children/${personId}"]`).count()).resolves.toBe(0)
        }
        await axe.check(page, 'find a child: no matches')
        expect((await page.request.get(`${hearth.url}/api/v1/children/${personId}`)).status()).toBe(404)
        expect((await page.request.get(`${hearth.url}/api/v1/children/${personId}/plans`)).status()).toBe(404)
        const found = await page.request.get(
          `${hearth.url}/api/v1/children?name=${encodeURIComponent(`${child.givenName} ${child.familyName}`)}`,
        )
        expect(found.status()).toBe(200)
        expect(((await found.json()) as { id: number }[]).map((c) => c.id)).not.toContain(personId)
      })
    },
    STEP_TIMEOUT,
  )

  it(
    'the access log shows who viewed and changed the record',
    async () => {
      await as('admin', null, async (page) => {
        await page.getByRole('link', { name: 'Access log', exact: true }).first().click()
        await fill(page, 'Hearth ID of person', String(personId))
        await press(page, 'Search the log')
        await axe.check(page, 'access log')
        const entries = async () =>
          Number((await page.locator('table caption').innerText()).replace(/[^\d]/g, '').trim() || 0)
        expect(await entries()).toBeGreaterThan(0)
        const acted = ['frontdoor', 'socialworker', 'teammanager', 'iro']
        const expected: [string, string][] = [
          ...acted.flatMap((u): [string, string][] => [
            [u, 'view'],
            [u, 'change'],
          ]),
          ['frontdoor', 'create'],
          ['socialworker', 'create'],
          ['iro', 'create'],
          [staff.outsider.username, 'denied'],
        ]
        for (const [username, action] of expected) {
          await fill(page, 'Username', username)
          await select(page, 'Action', action)
          await press(page, 'Search the log')
          expect(await entries(), `${username} ${action}`).toBeGreaterThan(0)
          const who = (await tableRows(page, /entr(y|ies)/)).map(
            (row) => `${row[1]} ${row[2]?.split(' ')[0]}`,
          )
          expect(new Set(who)).toEqual(new Set([`${username} ${action}`]))
        }
      })
    },
    STEP_TIMEOUT,
  )

  it('has no accessibility violations on any kind of page the journey used', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(25)
    expect(axe.violations, axe.violations.join('\n\n')).toEqual([])
  })
})
