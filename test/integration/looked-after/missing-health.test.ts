import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { healthRecord, missingEpisode, personalEducationPlan } from '../../../src/db/schema/index.ts'
import { addWorkingDays } from '../../../src/domain/calendar/working-days.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'
import { childInTeam, dateParts, startForm } from './support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

/** A date and time field pair of the missing episode form. */
const when = (name: string, date: string, time: string) => ({
  ...dateParts(`${name}Date`, date),
  [`${name}Time`]: time,
})

describe('missing episodes (any child)', () => {
  let childId: number
  beforeAll(async () => {
    // Not looked after: missing episodes are recorded for any child.
    childId = await childInTeam(t)
  })

  it('refuses a return before going missing, an interview offered before the return, and unknown reasons', async () => {
    const sw = await t.signedIn('socialworker')
    const response = await sw.post(`/children/${childId}/missing/new`, {
      kind: 'X',
      ...when('startedAt', '2026-05-02', '22:00'),
      ...when('endedAt', '2026-05-01', '09:00'),
      ...when('returnInterviewOfferedAt', '2026-04-30', '10:00'),
      reasonCategories: ['aliens'],
    })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Choose missing or away without permission')
    expect(response.body).toContain('The child cannot come back before they went missing')
    expect(response.body).toContain('The return interview is offered after the child came back')
    expect(response.body).toContain('Say whether the child accepted the return interview')
    expect(response.body).toContain('Choose the reasons from the list')
    const badTime = await sw.post(`/children/${childId}/missing/new`, {
      kind: 'M',
      ...when('startedAt', '2026-05-02', '25:99'),
    })
    expect(badTime.body).toContain('must be a real date and a time like 21:30')
    expect(
      await t.database.db.select().from(missingEpisode).where(eq(missingEpisode.personId, childId)),
    ).toEqual([])
  })

  it('records episodes with the reasons the child gave, and shows the pattern across episodes', async () => {
    const sw = await t.signedIn('socialworker')
    const first = await sw.post(`/children/${childId}/missing/new`, {
      kind: 'M',
      ...when('startedAt', '2026-05-02', '22:00'),
      ...when('endedAt', '2026-05-03', '14:30'),
      ...when('returnInterviewOfferedAt', '2026-05-04', '10:00'),
      returnInterviewAccepted: 'yes',
      ...when('returnInterviewHeldAt', '2026-05-05', '16:00'),
      reasonsGiven: 'Went to see my mum and my friends in town',
      reasonCategories: ['to-see-family', 'to-see-friends-or-partner'],
    })
    expect(first.statusCode, first.body).toBe(303)
    const [row] = await t.database.db
      .select()
      .from(missingEpisode)
      .where(eq(missingEpisode.personId, childId))
    // 22:00 on 2 May in London (BST) is 21:00 UTC.
    expect(row!.startedAt.toISOString()).toBe('2026-05-02T21:00:00.000Z')
    expect(row!.reasonCategories).toEqual(['to-see-family', 'to-see-friends-or-partner'])

    const second = await sw.post(`/children/${childId}/missing/new`, {
      kind: 'A',
      ...when('startedAt', '2026-06-10', '19:00'),
      reasonsGiven: 'Wanted to see Mum',
      reasonCategories: ['to-see-family'],
    })
    expect(second.statusCode, second.body).toBe(303)
    // A third while the second is still open is refused: record the return on that one.
    const overlapping = await sw.post(`/children/${childId}/missing/new`, {
      kind: 'M',
      ...when('startedAt', '2026-06-11', '08:00'),
    })
    expect(overlapping.statusCode).toBe(400)
    expect(overlapping.body).toContain('The child is already recorded as missing since 2026-06-10 19:00')

    const page = await sw.get(`/children/${childId}/missing`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Reasons the child gave, across all episodes')
    const table = page.body.slice(page.body.indexOf('Reasons the child gave, across all episodes'))
    // To see family: both episodes (100%); friends: one (50%) — most common first.
    expect(table.indexOf('To see family')).toBeLessThan(table.indexOf('To see friends'))
    expect(table).toMatch(
      /To see family<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2<\/td><td class="govuk-table__cell govuk-table__cell--numeric">100%/,
    )
    expect(table).toMatch(
      /To see friends or a boyfriend or girlfriend<\/td><td class="govuk-table__cell govuk-table__cell--numeric">1<\/td><td class="govuk-table__cell govuk-table__cell--numeric">50%/,
    )
    expect(page.body).toContain('Not back')

    const api = await sw.api('GET', `/api/v1/children/${childId}/looked-after/missing-episodes`)
    expect(
      api.json().reasonPattern.map((r: { category: string; count: number }) => [r.category, r.count]),
    ).toEqual([
      ['to-see-family', 2],
      ['to-see-friends-or-partner', 1],
    ])
  })

  it('records the return on the open episode, refusing a stale form', async () => {
    const sw = await t.signedIn('socialworker')
    // This child's open episode: the seeded authority has missing episodes of its own.
    const [open] = await t.database.db
      .select()
      .from(missingEpisode)
      .where(and(eq(missingEpisode.personId, childId), eq(missingEpisode.kind, 'A')))
    const form = await sw.get(`/children/${childId}/missing/${open!.id}/edit`)
    expect(form.body).toContain('value="19:00"')
    const fields = {
      version: String(open!.version),
      kind: 'A',
      ...when('startedAt', '2026-06-10', '19:00'),
      ...when('endedAt', '2026-06-11', '07:15'),
      reasonsGiven: 'Wanted to see Mum',
      reasonCategories: ['to-see-family'],
    }
    expect((await sw.post(`/children/${childId}/missing/${open!.id}/edit`, fields)).statusCode).toBe(303)
    const stale = await sw.post(`/children/${childId}/missing/${open!.id}/edit`, {
      ...fields,
      reasonsGiven: 'Changed',
    })
    expect(stale.statusCode).toBe(409)
    const [after] = await t.database.db.select().from(missingEpisode).where(eq(missingEpisode.id, open!.id))
    expect(after).toMatchObject({ version: 2, reasonsGiven: 'Wanted to see Mum' })
    expect(after!.endedAt!.toISOString()).toBe('2026-06-11T06:15:00.000Z')
  })
})

describe('health and education', () => {
  let childId: number
  beforeAll(async () => {
    childId = await childInTeam(t, { dateOfBirth: '2015-09-01' })
    const sw = await t.signedIn('socialworker')
    expect(
      (await sw.post(`/children/${childId}/looked-after/start`, startForm('2026-09-01'))).statusCode,
    ).toBe(303)
  })

  it('shows the initial health assessment due 20 working days after care began', async () => {
    const sw = await t.signedIn('socialworker')
    const page = await sw.get(`/children/${childId}/health-education`)
    expect(page.statusCode).toBe(200)
    const due = addWorkingDays('2026-09-01', 20)
    const [y, m, d] = due.split('-').map(Number)
    const long = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    expect(page.body).toContain(`Initial health assessment due by ${long}`)
  })

  it('refuses an SDQ score out of range, or both a score and a reason; records either', async () => {
    const sw = await t.signedIn('socialworker')
    const base = { kind: 'sdq', ...dateParts('recordedOn', '2026-10-01') }
    const high = await sw.post(`/children/${childId}/health-education/health/new`, {
      ...base,
      sdqScore: '41',
    })
    expect(high.statusCode).toBe(400)
    expect(high.body).toContain('The SDQ score is a whole number from 0 to 40')
    const both = await sw.post(`/children/${childId}/health-education/health/new`, {
      ...base,
      sdqScore: '12',
      sdqReason: 'SDQ2',
    })
    expect(both.body).toContain('Enter either the score or the reason there is none, not both')
    const neither = await sw.post(`/children/${childId}/health-education/health/new`, base)
    expect(neither.body).toContain('Enter the SDQ score, or choose why there is none')
    const badReason = await sw.post(`/children/${childId}/health-education/health/new`, {
      ...base,
      sdqReason: 'SDQ9',
    })
    expect(badReason.body).toContain('Choose why there is no score from the list')
    expect(await t.database.db.select().from(healthRecord).where(eq(healthRecord.personId, childId))).toEqual(
      [],
    )
    expect(
      (await sw.post(`/children/${childId}/health-education/health/new`, { ...base, sdqScore: '17' }))
        .statusCode,
    ).toBe(303)
    expect(
      (await sw.post(`/children/${childId}/health-education/health/new`, { ...base, sdqReason: 'SDQ5' }))
        .statusCode,
    ).toBe(303)
    const rows = await t.database.db.select().from(healthRecord).where(eq(healthRecord.personId, childId))
    expect(rows.map((r) => [r.sdqScore, r.sdqReason])).toEqual([
      [17, null],
      [null, 'SDQ5'],
    ])
  })

  it('records health assessments, immunisations and substance misuse; the next assessment follows the last', async () => {
    const sw = await t.signedIn('socialworker')
    const ha = await sw.post(`/children/${childId}/health-education/health/new`, {
      kind: 'initial-health-assessment',
      ...dateParts('recordedOn', '2026-09-20'),
      notes: 'Well; glasses needed',
    })
    expect(ha.statusCode).toBe(303)
    const noAnswer = await sw.post(`/children/${childId}/health-education/health/new`, {
      kind: 'immunisations',
      ...dateParts('recordedOn', '2026-09-20'),
    })
    expect(noAnswer.body).toContain('Say whether the child&#39;s immunisations are up to date')
    const imm = await sw.post(`/children/${childId}/health-education/health/new`, {
      kind: 'immunisations',
      ...dateParts('recordedOn', '2026-09-20'),
      upToDate: 'yes',
    })
    expect(imm.statusCode).toBe(303)
    const contradictory = await sw.post(`/children/${childId}/health-education/health/new`, {
      kind: 'substance-misuse',
      ...dateParts('recordedOn', '2026-09-20'),
      substanceMisuse: 'yes',
      interventionOffered: 'no',
      interventionReceived: 'yes',
    })
    expect(contradictory.body).toContain('cannot have received an intervention that was not offered')
    const page = await sw.get(`/children/${childId}/health-education`)
    // 11 years old at the assessment: the review is due within 12 months.
    expect(page.body).toContain('Review health assessment due by 20 September 2027')
    expect(page.body).toContain('Up to date (20 September 2026)')
  })

  it('records a personal education plan with the school and the virtual school', async () => {
    const sw = await t.signedIn('socialworker')
    const bad = await sw.post(`/children/${childId}/health-education/peps/new`, {
      ...dateParts('heldOn', '2026-09-25'),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the school or education setting')
    expect(bad.body).toContain('education targets')
    const ok = await sw.post(`/children/${childId}/health-education/peps/new`, {
      ...dateParts('heldOn', '2026-09-25'),
      school: 'Heaton Park Primary',
      designatedTeacher: 'Ms Clarke',
      virtualSchoolContact: 'Dev Patel, virtual school, 0161 000 0000',
      targets: 'Reading age up by a year; join the after-school club',
    })
    expect(ok.statusCode).toBe(303)
    expect(
      await t.database.db
        .select()
        .from(personalEducationPlan)
        .where(eq(personalEducationPlan.personId, childId)),
    ).toHaveLength(1)
    const page = await sw.get(`/children/${childId}/health-education`)
    expect(page.body).toContain('Dev Patel, virtual school')
  })
})
