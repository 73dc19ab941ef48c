import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  adoptionCase,
  allocation,
  assessment,
  careLeaverContact,
  contact,
  cpConference,
  cpPlan,
  healthRecord,
  iroContact,
  lacReview,
  legalStatus,
  localAuthority,
  missingEpisode,
  periodOfCare,
  permanencePlan,
  person,
  personDisability,
  placement,
  plan,
  planReview,
  referral,
  section47,
  strategyDiscussion,
  team,
  userAccount,
  visit,
  worker,
} from '../../../src/db/schema/index.ts'
import { annexAPeriod } from '../../../src/returns/annex-a/period.ts'
import { type AnnexAResult, produceAnnexA } from '../../../src/returns/annex-a/produce.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

// A small authority's records, inserted directly, then the workbook for the six months to 31 March 2026,
// read back with exceljs. The seeded demo authority is there too: rows are found by child.

const spec = JSON.parse(readFileSync(path.resolve('../shared/specs/annex-a/annex_a_lists.json'), 'utf8')) as {
  lists: { list: string; columns: { column: string }[] }[]
}

const period = annexAPeriod('2026-03-31', 6)
let t: TestApp
let workbook: ExcelJS.Workbook
let result: AnnexAResult
const ids = { amy: 0, ben: 0, cara: 0, dan: 0, eve: 0, finn: 0 }
let teamName = ''
let workerName = ''
let laName = ''

async function build() {
  const db = t.database.db
  const [sw] = await db
    .select({
      workerId: worker.id,
      teamId: worker.teamId,
      given: worker.givenName,
      family: worker.familyName,
    })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, 'socialworker'))
  const [teamRow] = await db.select({ name: team.name }).from(team).where(eq(team.id, sw!.teamId))
  const [la] = await db.select({ name: localAuthority.name }).from(localAuthority)
  teamName = teamRow!.name
  workerName = `${sw!.given} ${sw!.family}`
  laName = la!.name
  const allocate = (personId: number, startedOn: string, kind: 'social-worker' | 'personal-adviser') =>
    db.insert(allocation).values({ personId, teamId: sw!.teamId, workerId: sw!.workerId, kind, startedOn })

  const people = await db
    .insert(person)
    .values([
      { givenName: 'Amy', familyName: 'Annex', dateOfBirth: '2015-06-01', sex: 'F', ethnicity: 'WBRI' },
      { givenName: 'Ben', familyName: 'Annex', dateOfBirth: '2012-03-15', sex: 'M', ethnicity: 'AIND' },
      {
        givenName: 'Cara',
        familyName: 'Annex',
        dateOfBirth: '2006-05-01',
        sex: 'F',
        ethnicity: 'BCRB',
        uasc: true,
      },
      { givenName: 'Dan', familyName: 'Annex', dateOfBirth: '2009-06-01', sex: 'U' },
      {
        givenName: 'Eve',
        familyName: 'Annex',
        dateOfBirth: '2022-01-10',
        sex: 'F',
        ethnicity: 'WOTH',
        accessRestriction: 'sealed',
      },
      {
        givenName: 'Finn',
        familyName: 'Annex',
        dateOfBirth: '2018-09-09',
        sex: 'M',
        accessRestriction: 'restricted',
      },
    ])
    .returning({ id: person.id })
  const [amy, ben, cara, dan, eve, finn] = people.map((p) => p.id) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  Object.assign(ids, { amy, ben, cara, dan, eve, finn })
  await db.insert(personDisability).values([
    { personId: ids.amy, code: 'NONE' },
    { personId: ids.ben, code: 'LD' },
  ])

  // Amy: contacts (one just after midnight in England on the first day, one just before), referrals,
  // an assessment, a strategy discussion, s47, ICPC and a CP plan with a review and visits.
  await db.insert(contact).values([
    {
      personId: ids.amy,
      receivedAt: new Date('2025-09-30T23:30:00Z'),
      source: '1A',
      concerns: 'x',
      consent: 'given',
    },
    {
      personId: ids.amy,
      receivedAt: new Date('2025-09-30T22:30:00Z'),
      source: '6',
      concerns: 'x',
      consent: 'given',
    },
    {
      personId: ids.amy,
      receivedAt: new Date('2026-01-10T09:00:00Z'),
      source: '2A',
      concerns: 'x',
      consent: 'given',
    },
    {
      personId: ids.eve,
      receivedAt: new Date('2025-11-01T09:00:00Z'),
      source: '8',
      concerns: 'x',
      consent: 'given',
    },
    {
      personId: ids.finn,
      receivedAt: new Date('2026-02-02T09:00:00Z'),
      source: '5D',
      concerns: 'x',
      consent: 'given',
    },
  ])
  const [oldReferral, , amyReferral] = await db
    .insert(referral)
    .values([
      {
        personId: ids.amy,
        referralDate: '2024-01-05',
        source: '6',
        primaryNeed: 'N1',
        closureDate: '2024-08-01',
        closureReason: 'RC7',
      },
      {
        personId: ids.amy,
        referralDate: '2025-05-01',
        source: '3A',
        noFurtherAction: true,
        closureDate: '2025-05-02',
        closureReason: 'RC8',
      },
      { personId: ids.amy, referralDate: '2026-01-12', source: '2A', primaryNeed: 'N1' },
    ])
    .returning({ id: referral.id })
  await db.insert(assessment).values({
    referralId: amyReferral!.id,
    personId: ids.amy,
    startDate: '2026-01-13',
    authorisedOn: '2026-02-20',
    outcome: 'cin-plan',
  })
  const [sd] = await db
    .insert(strategyDiscussion)
    .values({
      referralId: amyReferral!.id,
      personId: ids.amy,
      heldOn: '2026-01-30',
      agencies: ['police'],
      decision: 'section-47',
      rationale: 'x',
    })
    .returning({ id: strategyDiscussion.id })
  const [s47] = await db
    .insert(section47)
    .values({
      referralId: amyReferral!.id,
      personId: ids.amy,
      strategyDiscussionId: sd!.id,
      startDate: '2026-02-01',
      outcome: 'icpc',
      outcomeDate: '2026-02-10',
    })
    .returning({ id: section47.id })
  const [oldPlan, amyPlan] = await db
    .insert(cpPlan)
    .values([
      {
        referralId: oldReferral!.id,
        personId: ids.amy,
        startDate: '2024-01-20',
        endDate: '2024-07-01',
        initialCategory: 'PHY',
        latestCategory: 'PHY',
      },
      {
        referralId: amyReferral!.id,
        personId: ids.amy,
        startDate: '2026-02-15',
        initialCategory: 'NEG',
        latestCategory: 'EMO',
      },
    ])
    .returning({ id: cpPlan.id })
  expect(oldPlan).toBeDefined()
  const conference = {
    referralId: amyReferral!.id,
    personId: ids.amy,
    participants: [],
    childContribution: 'attended' as const,
  }
  await db.insert(cpConference).values([
    {
      ...conference,
      kind: 'initial',
      section47Id: s47!.id,
      cpPlanId: amyPlan!.id,
      heldOn: '2026-02-15',
      decision: 'plan',
    },
    { ...conference, kind: 'review', cpPlanId: amyPlan!.id, heldOn: '2026-03-20', decision: 'continue-plan' },
  ])
  const seen = { childSeen: true, childSeenAlone: false }
  await db.insert(visit).values([
    { personId: ids.amy, visitedOn: '2026-01-20', kind: 'assessment', ...seen },
    { personId: ids.amy, visitedOn: '2026-03-01', kind: 'cp', childSeen: true, childSeenAlone: true },
    { personId: ids.amy, visitedOn: '2026-03-25', kind: 'cp', ...seen },
    { personId: ids.amy, visitedOn: '2026-04-05', kind: 'cp', childSeen: true, childSeenAlone: true },
  ])
  await allocate(ids.amy, '2026-01-12', 'social-worker')

  // Ben: in care since November after an earlier period that ended in June 2025; two placements.
  const [benEarlier, benCare] = await db
    .insert(periodOfCare)
    .values([
      {
        personId: ids.ben,
        startDate: '2025-02-01',
        endDate: '2025-06-30',
        categoryOfNeed: 'N4',
        reasonCeased: 'E4A',
      },
      { personId: ids.ben, startDate: '2025-11-01', categoryOfNeed: 'N1' },
    ])
    .returning({ id: periodOfCare.id })
  await db.insert(legalStatus).values([
    {
      periodOfCareId: benEarlier!.id,
      personId: ids.ben,
      code: 'V2',
      startDate: '2025-02-01',
      endDate: '2025-06-30',
    },
    {
      periodOfCareId: benCare!.id,
      personId: ids.ben,
      code: 'C1',
      startDate: '2025-11-01',
      endDate: '2026-01-09',
    },
    { periodOfCareId: benCare!.id, personId: ids.ben, code: 'C2', startDate: '2026-01-10' },
  ])
  await db.insert(placement).values([
    {
      periodOfCareId: benCare!.id,
      personId: ids.ben,
      placementType: 'U6',
      provider: 'PR1',
      postcode: 'AB1 2CD',
      insideAuthority: true,
      startDate: '2025-11-01',
      endDate: '2025-12-14',
    },
    {
      periodOfCareId: benCare!.id,
      personId: ids.ben,
      placementType: 'U4',
      provider: 'PR4',
      postcode: 'M1 1AA',
      urn: 'SC123456',
      insideAuthority: false,
      startDate: '2025-12-15',
    },
  ])
  await db.insert(lacReview).values(
    ['2025-11-20', '2026-02-15'].map((heldOn) => ({
      personId: ids.ben,
      periodOfCareId: benCare!.id,
      heldOn,
      participation: 'PN1',
      attendees: [],
      decisions: 'x',
    })),
  )
  await db.insert(visit).values([
    { personId: ids.ben, visitedOn: '2026-03-10', kind: 'statutory-looked-after', ...seen },
    { personId: ids.ben, visitedOn: '2026-04-02', kind: 'statutory-looked-after', ...seen },
  ])
  await db.insert(iroContact).values([
    { personId: ids.ben, contactedOn: '2026-03-01', kind: 'visit' },
    { personId: ids.ben, contactedOn: '2026-04-01', kind: 'phone' },
  ])
  await db.insert(healthRecord).values([
    { personId: ids.ben, kind: 'initial-health-assessment', recordedOn: '2025-11-20' },
    { personId: ids.ben, kind: 'review-health-assessment', recordedOn: '2026-01-05' },
    { personId: ids.ben, kind: 'dental-check', recordedOn: '2025-12-01' },
  ])
  await db.insert(permanencePlan).values({
    personId: ids.ben,
    periodOfCareId: benCare!.id,
    decidedOn: '2026-02-15',
    chosenOption: 'long-term-fostering',
    rationale: 'x',
  })
  await db.insert(missingEpisode).values([
    {
      personId: ids.ben,
      kind: 'M',
      startedAt: new Date('2026-02-01T20:00:00Z'),
      endedAt: new Date('2026-02-02T08:00:00Z'),
      returnInterviewOfferedAt: new Date('2026-02-03T10:00:00Z'),
      returnInterviewAccepted: true,
    },
    { personId: ids.ben, kind: 'A', startedAt: new Date('2026-03-05T20:00:00Z') },
  ])
  await allocate(ids.ben, '2025-11-01', 'social-worker')

  // Cara: left care at 18, a former relevant child with a personal adviser and a pathway plan.
  const [caraCare] = await db
    .insert(periodOfCare)
    .values({
      personId: ids.cara,
      startDate: '2021-03-01',
      endDate: '2024-05-01',
      categoryOfNeed: 'N1',
      reasonCeased: 'E8',
    })
    .returning({ id: periodOfCare.id })
  await db.insert(legalStatus).values({
    periodOfCareId: caraCare!.id,
    personId: ids.cara,
    code: 'C2',
    startDate: '2021-03-01',
    endDate: '2024-05-01',
  })
  await db.insert(careLeaverContact).values([
    { personId: ids.cara, contactedOn: '2025-12-01', inTouch: 'NO' },
    { personId: ids.cara, contactedOn: '2026-02-10', inTouch: 'YES', activity: 'F2', accommodation: 'D1' },
  ])
  const [pathway] = await db
    .insert(plan)
    .values({ personId: ids.cara, kind: 'pathway', startDate: '2024-04-01' })
    .returning({ id: plan.id })
  await db.insert(planReview).values({
    planId: pathway!.id,
    personId: ids.cara,
    heldOn: '2026-01-15',
    attendance: [],
    childContribution: 'attended',
    decisions: 'x',
    actionProgress: [],
  })
  await allocate(ids.cara, '2024-05-01', 'personal-adviser')

  // Dan: 16, looked after since September 2025, in a children's home inside the authority: eligible.
  const [danCare] = await db
    .insert(periodOfCare)
    .values({ personId: ids.dan, startDate: '2025-09-01', categoryOfNeed: 'N4' })
    .returning({ id: periodOfCare.id })
  await db
    .insert(legalStatus)
    .values({ periodOfCareId: danCare!.id, personId: ids.dan, code: 'V2', startDate: '2025-09-01' })
  await db.insert(placement).values({
    periodOfCareId: danCare!.id,
    personId: ids.dan,
    placementType: 'K2',
    provider: 'PR1',
    postcode: 'AB2 3CD',
    insideAuthority: true,
    startDate: '2025-09-01',
  })

  // Eve: adopted in December 2025; her record is sealed.
  const [eveCare] = await db
    .insert(periodOfCare)
    .values({
      personId: ids.eve,
      startDate: '2023-01-01',
      endDate: '2025-12-01',
      categoryOfNeed: 'N1',
      reasonCeased: 'E11',
    })
    .returning({ id: periodOfCare.id })
  await db.insert(placement).values({
    periodOfCareId: eveCare!.id,
    personId: ids.eve,
    placementType: 'U5',
    provider: 'PR1',
    insideAuthority: true,
    startDate: '2024-07-01',
  })
  await db.insert(adoptionCase).values({
    personId: ids.eve,
    shouldBePlacedOn: '2024-03-01',
    placementOrderOn: '2024-06-01',
    matchedOn: '2025-03-01',
    placedOn: '2025-04-01',
    adoptionOrderOn: '2025-12-01',
    sealedOn: '2025-12-01',
  })
}

async function produce(): Promise<Buffer> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  result = await produceAnnexA(t.database.db, { period, stream })
  return Buffer.concat(chunks)
}

/** The rows of a sheet as objects keyed by header, with dates as DD/MM/YYYY as Excel shows them. */
function rowsOf(sheet: string, id?: number): Record<string, string | number | null>[] {
  const ws = workbook.getWorksheet(sheet)!
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[]
  const out: Record<string, string | number | null>[] = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    const record: Record<string, string | number | null> = {}
    headers.forEach((h, i) => {
      const cell = row.getCell(i + 1)
      const v = cell.value
      if (v instanceof Date) {
        expect(cell.numFmt).toBe('dd/mm/yyyy')
        record[h] = v.toISOString().slice(0, 10).split('-').reverse().join('/')
      } else record[h] = (v ?? null) as string | number | null
    })
    out.push(record)
  })
  return id === undefined ? out : out.filter((r) => r['Child Unique ID'] === String(id))
}

beforeAll(async () => {
  t = await buildTestApp()
  await build()
  workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await produce()) as unknown as ArrayBuffer)
})
afterAll(() => t.close())

describe('the Annex A workbook', () => {
  it('has exactly the eleven sheets, each with exactly the specified columns in order', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(spec.lists.map((l) => l.list))
    for (const list of spec.lists) {
      const header = (workbook.getWorksheet(list.list)!.getRow(1).values as unknown[]).slice(1)
      expect(header).toEqual(list.columns.map((c) => c.column))
    }
    expect(result.lists.map((l) => l.sheet)).toEqual(spec.lists.map((l) => l.list))
    // Every value written is one Annex A allows, across the whole authority.
    expect(result.issues.filter((i) => i.kind === 'not-allowed')).toEqual([])
  })

  it('lists contacts received in the period by the day they arrived in England, with the source in Annex A words', () => {
    expect(rowsOf('List 1', ids.amy)).toEqual([
      {
        'Child Unique ID': String(ids.amy),
        Gender: 'b) Female',
        Ethnicity: 'a) WBRI',
        'Date of Birth': '01/06/2015',
        'Age of Child (Years)': 10,
        'Date of Contact': '01/10/2025',
        'Contact Source': 'a) 1A: Individual',
      },
      expect.objectContaining({ 'Date of Contact': '10/01/2026', 'Contact Source': 'e) 2A: Schools' }),
    ])
    // A restricted record is listed (Ofsted may see it); Finn has no ethnicity recorded.
    expect(rowsOf('List 1', ids.finn)).toEqual([
      expect.objectContaining({
        Gender: 'a) Male',
        Ethnicity: 's) NOBT',
        'Contact Source': 'p1) 5D: LA services',
      }),
    ])
  })

  it('lists referrals with the number in the last twelve months and the allocated worker', () => {
    expect(rowsOf('List 3', ids.amy)).toEqual([
      expect.objectContaining({
        'Date of referral': '12/01/2026',
        'Referral Source': 'e) 2A: Schools',
        'Referral NFA?': 'b) No',
        'Number of Referrals in Last 12 Months': 2,
        'Allocated Team': teamName,
        'Allocated Worker': workerName,
      }),
    ])
  })

  it('lists assessments, with the child seen during it and the outcome', () => {
    expect(rowsOf('List 4', ids.amy)).toEqual([
      expect.objectContaining({
        'Does the Child have a Disability': 'b) No',
        'Continuous Assessment Start Date': '13/01/2026',
        'Child Seen During Continuous Assessment': 'a) Yes',
        'Continuous Assessment Date of Authorisation': '20/02/2026',
        "Was the child assessed as requiring LA children's social care support?": 'a) Yes',
      }),
    ])
  })

  it('lists section 47 enquiries from the strategy discussion to the conference', () => {
    expect(rowsOf('List 5', ids.amy)).toEqual([
      expect.objectContaining({
        'Strategy discussion initiating Section 47 Enquiry Start Date': '30/01/2026',
        'Was an Initial Child Protection Conference deemed unnecessary?': 'b) No',
        'Date of Initial Child Protection Conference': '15/02/2026',
        'Did the Initial Child Protection Conference Result in a Child Protection Plan': 'a) Yes',
        'Number of Section 47 Enquiries in the last 12 months': 1,
        'Number of ICPCs in the last 12 months': 1,
      }),
    ])
  })

  it('lists children in need with the date last seen and the case status on the inspection date', () => {
    // The NFA referral and the episode closed in 2024 are not listed.
    expect(rowsOf('List 6', ids.amy)).toEqual([
      expect.objectContaining({
        'CIN Start Date': '12/01/2026',
        'Primary Need Code': 'N1 - Abuse or neglect',
        'Date Child Was Last Seen': '25/03/2026',
        'CIN Closure Date': null,
        'Case Status': 'b) Child Protection plan',
      }),
    ])
  })

  it('lists child protection plans with the last statutory visit, seen alone, review and previous plans', () => {
    expect(rowsOf('List 7', ids.amy)).toEqual([
      expect.objectContaining({
        'Child Protection Plan Start Date': '15/02/2026',
        'Initial Category of Abuse': 'a) Neglect',
        'Latest Category of Abuse': 'd) Emotional abuse',
        // The visit on 5 April is after the inspection date.
        'Date of the Last Statutory Visit': '25/03/2026',
        'Was the Child Seen Alone?': 'b) No',
        'Date of latest review conference': '20/03/2026',
        'Child Protection Plan End Date': null,
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)':
          'b) No',
        'Number of Previous Child Protection Plans': 1,
      }),
    ])
  })

  it('lists children in care with every "date of last…" derived from the record', () => {
    expect(rowsOf('List 8', ids.ben)).toEqual([
      {
        'Child Unique ID': String(ids.ben),
        Gender: 'a) Male',
        Ethnicity: 'j) AIND',
        'Date of Birth': '15/03/2012',
        'Age of Child (Years)': 14,
        'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': 'b) No',
        'Does the Child have a Disability': 'a) Yes',
        'Date Started to be Looked After': '01/11/2025',
        "Child's Category of Need": 'N1 - Abuse or neglect',
        'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)':
          'a) Yes',
        'Start date of current legal status': '10/01/2026',
        "Child's Legal Status": 'C2: FCO',
        'Date of Latest Statutory Review': '15/02/2026',
        'Date of Last Social Work Visit': '10/03/2026',
        'What is the permanence plan for this child?': 'f) Long-term fostering',
        'Date of Last IRO Visit / Contact to the Child': '01/03/2026',
        'Date of Last Health Assessment': '05/01/2026',
        'Date of Last Dental Check': '01/12/2025',
        'Number of Placements in the Last 12 months': 2,
        'Date Ceased to be Looked After': null,
        'Reason Ceased to be Looked After': null,
        'Start Date of Most Recent Placement': '15/12/2025',
        'Placement Type': 'd) U4: Foster placement - long term',
        'Placement Provider': 'e) PR4: Private provision',
        'Placement postcode': 'M1 1AA',
        'URN of Placement': 'SC123456',
        'Placement Location': 'b) Out',
        'LA of Placement': null,
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": 1,
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": 1,
        'Was the child offered a Return Interview after their last missing episode (Y/N)?': 'a) Yes',
        'Did the child accept a Return Interview after their last missing episode (Y/N)?': 'a) Yes',
        'Allocated Team': teamName,
        'Allocated Worker': workerName,
      },
    ])
    expect(rowsOf('List 8', ids.dan)).toEqual([
      expect.objectContaining({
        Gender: 'c) Not stated/recorded',
        "Child's Legal Status": 'V2: Single period under S20',
        'Placement Type': "p) K2: Children's Homes",
        'Placement Location': 'a) In',
        'LA of Placement': laName,
        'Allocated Worker': null,
      }),
    ])
  })

  it('lists care leavers with the eligibility category worked out from their periods of care', () => {
    expect(rowsOf('List 9', ids.cara)).toEqual([
      expect.objectContaining({
        'Age of Child (Years)': 19,
        'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': 'a) Yes',
        'Allocated Personal Advisor': workerName,
        'Eligibility Category': 'b) Former relevant child',
        'Latest Pathway Plan Review Date': '15/01/2026',
        'LA in Touch': 'a) Yes',
        'Latest Date of Contact': '10/02/2026',
        'Type of Accommodation':
          'D: Semi-independent, transitional accommodation and self-contained accommodation',
        'Suitability of Accommodation': 'a) Suitable',
        'Activity Status': 'F2: Full time in education other than higher',
      }),
    ])
    expect(rowsOf('List 9', ids.dan)).toEqual([
      expect.objectContaining({ 'Eligibility Category': 'd) Eligible child', 'LA in Touch': 'a) Yes' }),
    ])
    expect(rowsOf('List 9', ids.ben)).toEqual([])
  })

  it('keeps sealed records out of every list but adoption, where Ofsted asks for adopted children', () => {
    for (const sheet of [
      'List 1',
      'List 2',
      'List 3',
      'List 4',
      'List 5',
      'List 6',
      'List 7',
      'List 8',
      'List 9',
    ])
      expect(rowsOf(sheet, ids.eve)).toEqual([])
    expect(rowsOf('List 10', ids.eve)).toEqual([
      {
        'Child Unique ID': String(ids.eve),
        'Family identifier': null,
        Gender: 'b) Female',
        Ethnicity: 'd) WOTH',
        'Date of Birth': '10/01/2022',
        'Age of Child (Years)': 4,
        'Does the Child have a Disability': 'c) Unknown',
        'Date the Child Entered Care': '01/01/2023',
        'Date of Decision that Child Should be Placed for Adoption': '01/03/2024',
        'Date of Placement Order': '01/06/2024',
        'Date of Matching Child and Prospective Adopters': '01/03/2025',
        'Date Placed for Adoption': '01/04/2025',
        'Date of Adoption Order': '01/12/2025',
        'Date of Decision that Child Should No Longer be Placed for Adoption': null,
        'Reason Why Child No Longer Placed for Adoption': null,
        'Date the child was placed for fostering in FFA or concurrent planning placement': '01/07/2024',
      },
    ])
    expect(rowsOf('List 11')).toEqual([])
  })

  it('reports the gaps Ofsted would see', () => {
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        sheet: 'List 8',
        column: 'Allocated Worker',
        id: String(ids.dan),
        kind: 'blank',
      }),
    )
    // Columns Hearth does not hold are not reported as gaps in the record.
    expect(result.issues.some((i) => i.column === 'LA of Placement' || i.sheet === 'List 11')).toBe(false)
  })
})

/** What the analyst has exported, as the access log records it. */
async function exports(): Promise<{ subjectType: string; subjectId: string }[]> {
  const admin = await t.signedIn('admin')
  return (await admin.api('GET', '/api/v1/access-log?action=export&username=analyst')).json().entries
}

describe('producing Annex A from the returns page and API', () => {
  it('refuses a period the wrong way round, or not 6 or 12 months, and starts nothing', async () => {
    const analyst = await t.signedIn('analyst')
    const before = await exports()
    const date = (name: string, iso: string) => {
      const [y, m, d] = iso.split('-')
      return { [`${name}-day`]: d!, [`${name}-month`]: m!, [`${name}-year`]: y! }
    }
    const backwards = await analyst.post('/returns', {
      type: 'annex-a',
      ...date('periodStart', '2026-03-31'),
      ...date('periodEnd', '2025-10-01'),
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.body).toContain('The start of the period must be before the inspection date')
    const odd = await analyst.post('/returns', {
      type: 'annex-a',
      ...date('periodStart', '2025-11-15'),
      ...date('periodEnd', '2026-03-31'),
    })
    expect(odd.statusCode).toBe(400)
    expect(odd.body).toContain(
      'The period must be 6 or 12 months up to the inspection date: start it on 1 October 2025 for 6 months or 1 April 2025 for 12 months',
    )
    const api = await analyst.api('POST', '/api/v1/returns', {
      type: 'annex-a',
      periodStart: '2026-03-31',
      periodEnd: '2025-10-01',
    })
    expect(api.statusCode).toBe(400)
    expect(api.json().errors).toEqual([
      { pointer: '/periodStart', detail: 'The start of the period must be before the inspection date' },
    ])
    const future = await analyst.api('POST', '/api/v1/returns', {
      type: 'annex-a',
      periodStart: '2099-01-01',
      periodEnd: '2099-06-30',
    })
    expect(future.json().errors[0]).toEqual({
      pointer: '/periodEnd',
      detail: 'The inspection date must be today or in the past',
    })
    expect(await exports()).toEqual(before)
  })

  it('builds the workbook as a job from the page and downloads it as .xlsx', async () => {
    const analyst = await t.signedIn('analyst')
    expect((await analyst.get('/returns')).body).toContain('Ofsted Annex A lists for inspection')
    const started = await analyst.post('/returns', {
      type: 'annex-a',
      'periodStart-day': '30',
      'periodStart-month': '9',
      'periodStart-year': '2025',
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2026',
    })
    expect(started.statusCode).toBe(303)
    const jobUrl = started.headers.location!
    let page = await analyst.get(jobUrl)
    for (let i = 0; i < 100 && page.body.includes('Building the return'); i++) {
      await new Promise((r) => setTimeout(r, 100))
      page = await analyst.get(jobUrl)
    }
    expect(page.body).toContain('Ofsted Annex A: 1 October 2025 to 31 March 2026')
    expect(page.body).toContain('Workbook ready')
    expect(page.body).toContain('Lists in the workbook')
    const download = await analyst.get(`${jobUrl}/download`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(download.headers['content-disposition']).toMatch(/filename="annex-a-2026-03-31-\d+\.xlsx"/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(download.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets).toHaveLength(11)
  })

  it('produces it through the API, for twelve months', async () => {
    const analyst = await t.signedIn('analyst')
    const response = await analyst.api('POST', '/api/v1/returns', {
      type: 'annex-a',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      wait: true,
    })
    expect(response.statusCode).toBe(201)
    const job = response.json()
    expect(job).toMatchObject({
      type: 'annex-a',
      year: null,
      period: { start: '2025-04-01', end: '2026-03-31', months: 12 },
      state: 'finished',
      errors: 0,
    })
    expect(job.lists.map((l: { sheet: string }) => l.sheet)).toEqual(spec.lists.map((l) => l.list))
    const file = await analyst.api('GET', job.file)
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK')
    // Producing and downloading personal data are both in the access log.
    expect(await exports()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subjectType: 'return', subjectId: 'annex-a 2025-04-01 to 2026-03-31' }),
        expect.objectContaining({
          subjectType: 'return-file',
          subjectId: expect.stringMatching(/^annex-a-2026-03-31-/),
        }),
      ]),
    )
  })
})
