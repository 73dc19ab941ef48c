import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/client.ts'
import {
  assessment,
  assessmentFactor,
  cpConference,
  cpPlan,
  person,
  personDisability,
  plan,
  referral,
  section47,
  strategyDiscussion,
} from '../../../src/db/schema/index.ts'
import { produceCinCensus } from '../../../src/returns/cin-census/produce.ts'
import { readCinCensusXml } from '../../../src/returns/cin-census/read-xml.ts'
import { testDatabase } from '../../support/database.ts'

let database: Database
const xsd = path.resolve('../shared/specs/cin-census/CIN_schema_2024.xsd')
// The database also holds the seeded demo authority: assertions look only at this file's children.
const mine = new Set<string>()
const ids: Record<'amy' | 'bad' | 'cal' | 'dee', number> = { amy: 0, bad: 0, cal: 0, dee: 0 }

beforeAll(async () => {
  database = await testDatabase()
  const db = database.db
  // A child through referral, assessment, strategy discussion, s47, ICPC and a CP plan with a review,
  // stepped down to a CIN plan and closed within 2025-26; a child whose name XML forbids; a child whose
  // enquiries ended without a conference (one in the year, one after it); and a child born after
  // 31 March 2026, referred before birth.
  const [a, b, c, d] = await db
    .insert(person)
    .values([
      {
        givenName: 'Amy',
        familyName: 'Test',
        dateOfBirth: '2014-06-01',
        sex: 'F',
        ethnicity: 'WBRI',
        upn: 'P207000016049',
      },
      {
        givenName: 'Bad\u0001Name <&>',
        familyName: 'Test',
        dateOfBirth: '2019-01-01',
        sex: 'M',
        ethnicity: 'AIND',
        upnUnknown: 'UN1',
      },
      {
        givenName: 'Cal',
        familyName: 'Test',
        dateOfBirth: '2021-03-01',
        sex: 'M',
        ethnicity: 'WBRI',
        upnUnknown: 'UN1',
      },
      {
        givenName: 'Dee',
        familyName: 'Test',
        dateOfBirth: '2026-04-10',
        expectedDateOfBirth: '2026-04-15',
        sex: 'F',
        ethnicity: 'WBRI',
        upnUnknown: 'UN1',
      },
    ])
    .returning({ id: person.id })
  Object.assign(ids, { amy: a!.id, bad: b!.id, cal: c!.id, dee: d!.id })
  for (const child of [a, b, c, d]) mine.add(String(child!.id))
  await db.insert(personDisability).values([
    { personId: a!.id, code: 'NONE' },
    { personId: c!.id, code: 'NONE' },
  ])
  const [r] = await db
    .insert(referral)
    .values({
      personId: a!.id,
      referralDate: '2025-05-06',
      source: '2A',
      primaryNeed: 'N1',
      closureDate: '2026-02-27',
      closureReason: 'RC1',
    })
    .returning({ id: referral.id })
  const [as] = await db
    .insert(assessment)
    .values({ referralId: r!.id, personId: a!.id, startDate: '2025-05-07', authorisedOn: '2025-06-20' })
    .returning({ id: assessment.id })
  await db.insert(assessmentFactor).values([
    { assessmentId: as!.id, code: '3A' },
    { assessmentId: as!.id, code: '4B' },
  ])
  const [sd] = await db
    .insert(strategyDiscussion)
    .values({
      referralId: r!.id,
      personId: a!.id,
      heldOn: '2025-05-08',
      agencies: ['police'],
      decision: 'section-47',
      rationale: 'x',
    })
    .returning({ id: strategyDiscussion.id })
  const [s] = await db
    .insert(section47)
    .values({
      referralId: r!.id,
      personId: a!.id,
      strategyDiscussionId: sd!.id,
      startDate: '2025-05-08',
      outcome: 'icpc',
      outcomeDate: '2025-05-20',
    })
    .returning({ id: section47.id })
  const [cp] = await db
    .insert(cpPlan)
    .values({
      referralId: r!.id,
      personId: a!.id,
      startDate: '2025-05-28',
      initialCategory: 'NEG',
      latestCategory: 'EMO',
      endDate: '2025-11-20',
      endReason: 'step-down-cin',
    })
    .returning({ id: cpPlan.id })
  await db.insert(cpConference).values([
    {
      referralId: r!.id,
      personId: a!.id,
      kind: 'initial',
      section47Id: s!.id,
      cpPlanId: cp!.id,
      heldOn: '2025-05-28',
      participants: [],
      childContribution: 'attended',
      decision: 'plan',
      category: 'NEG',
    },
    {
      referralId: r!.id,
      personId: a!.id,
      kind: 'review',
      cpPlanId: cp!.id,
      heldOn: '2025-08-27',
      participants: [],
      childContribution: 'attended',
      decision: 'continue-plan',
    },
  ])
  await db.insert(plan).values({
    personId: a!.id,
    kind: 'child-in-need',
    referralId: r!.id,
    startDate: '2025-11-20',
    endDate: '2026-02-27',
  })
  await db.insert(referral).values({
    personId: b!.id,
    referralDate: '2025-09-01',
    source: '5A',
    primaryNeed: 'N8',
    noFurtherAction: true,
    closureDate: '2025-09-01',
    closureReason: 'RC8',
  })
  // Cal: two enquiries without a conference, concluded on 2026-02-16 (closed) and on 2026-04-08.
  const [rc1, rc2] = await db
    .insert(referral)
    .values([
      {
        personId: c!.id,
        referralDate: '2026-01-12',
        source: '6',
        primaryNeed: 'N1',
        closureDate: '2026-02-20',
        closureReason: 'RC7',
      },
      { personId: c!.id, referralDate: '2026-03-20', source: '6', primaryNeed: 'N1' },
    ])
    .returning({ id: referral.id })
  for (const [r, held, started, concluded, authorised] of [
    [rc1!.id, '2026-01-12', '2026-01-12', '2026-02-16', '2026-02-18'],
    [rc2!.id, '2026-03-20', '2026-03-20', '2026-04-08', null],
  ] as const) {
    await db
      .insert(assessment)
      .values({ referralId: r, personId: c!.id, startDate: started, authorisedOn: authorised })
    const [sdc] = await db
      .insert(strategyDiscussion)
      .values({
        referralId: r,
        personId: c!.id,
        heldOn: held,
        agencies: ['police'],
        decision: 'section-47',
        rationale: 'x',
      })
      .returning({ id: strategyDiscussion.id })
    await db.insert(section47).values({
      referralId: r,
      personId: c!.id,
      strategyDiscussionId: sdc!.id,
      startDate: started,
      outcome: 'no-further-action',
      outcomeDate: concluded,
    })
  }
  // Dee: referred before birth, born after the year.
  const [rd] = await db
    .insert(referral)
    .values({ personId: d!.id, referralDate: '2026-01-05', source: '3F', primaryNeed: 'N1' })
    .returning({ id: referral.id })
  await db.insert(assessment).values({ referralId: rd!.id, personId: d!.id, startDate: '2026-01-05' })
})
afterAll(() => database.close())

async function produce(year: '2024-25' | '2025-26', batchSize?: number) {
  let xml = ''
  const progress: number[] = []
  const result = await produceCinCensus(database.db, {
    year,
    laCode: '358',
    generatedAt: new Date('2026-04-10T09:00:00Z'),
    write: (chunk) => {
      xml += chunk
    },
    onProgress: (done) => progress.push(done),
    ...(batchSize ? { batchSize } : {}),
  })
  const tables = readCinCensusXml(xml)
  const own = <T extends { LAchildID: string | null }>(rows: T[]) =>
    rows.filter((r) => mine.has(r.LAchildID ?? ''))
  const ownTables = Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      name === 'Header' ? rows : own(rows as { LAchildID: string | null }[]),
    ]),
  ) as typeof tables
  const issues = result.issues.filter((i) => i.laChildId === null || mine.has(i.laChildId))
  return { xml, result, progress, tables: ownTables, issues }
}

describe('CIN census from the record', () => {
  it('writes the same file in small batches as in one (the next batch is read while one is written)', async () => {
    const whole = await produce('2025-26')
    const small = await produce('2025-26', 7)
    expect(small.result.children).toBe(whole.result.children)
    expect(small.xml).toBe(whole.xml)
    expect(small.result.issues).toEqual(whole.result.issues)
    // Progress starts at nothing done and climbs a batch at a time to every child.
    const steps = Math.ceil(whole.result.children / 7)
    expect(small.progress).toEqual([
      0,
      ...Array.from({ length: steps }, (_, i) => Math.min((i + 1) * 7, whole.result.children)),
    ])
  })

  it('writes every child with an episode open in the year, in schema order, and the DfE rules find no errors', async () => {
    const { xml, result, progress, tables, issues } = await produce('2025-26')
    expect(tables.ChildIdentifiers.map((c) => c.LAchildID).sort()).toEqual([...mine].sort())
    expect(progress.at(-1)).toBe(result.children)
    expect(issues.filter((i) => i.type === 'error')).toEqual([])
    expect(tables.Header[0]).toMatchObject({
      Collection: 'CIN',
      Year: '2026',
      ReferenceDate: '2026-03-31',
      LEA: '358',
    })
    expect(tables.CINdetails[0]).toMatchObject({
      CINreferralDate: '2025-05-06',
      ReferralSource: '2A',
      PrimaryNeedCode: 'N1',
      CINclosureDate: '2026-02-27',
      ReasonForClosure: 'RC1',
      DateOfInitialCPC: null,
    })
    expect(tables.Assessments[0]).toMatchObject({
      AssessmentActualStartDate: '2025-05-07',
      AssessmentAuthorisationDate: '2025-06-20',
      AssessmentFactors: ['3A', '4B'],
    })
    // The ICPC target is 15 working days after the strategy discussion (the late May bank holiday skipped).
    expect(tables.Section47[0]).toMatchObject({
      S47ActualStartDate: '2025-05-08',
      InitialCPCtarget: '2025-05-30',
      DateOfInitialCPC: '2025-05-28',
    })
    expect(tables.ChildProtectionPlans[0]).toMatchObject({
      InitialCategoryOfAbuse: 'NEG',
      LatestCategoryOfAbuse: 'EMO',
      NumberOfPreviousCPP: '0',
    })
    expect(tables.Reviews.map((r) => r.CPPreviewDate)).toEqual(['2025-08-27'])
    expect(tables.CINplanDates[0]).toMatchObject({
      CINPlanStartDate: '2025-11-20',
      CINPlanEndDate: '2026-02-27',
    })
    expect(xml).not.toContain('Bad')
  })

  it('leaves out children whose episodes were closed before the year', async () => {
    const { tables } = await produce('2024-25')
    expect(tables.ChildIdentifiers).toEqual([])
  })

  it('says no conference was required for an enquiry that concluded in the year without one', async () => {
    const { tables, issues } = await produce('2025-26')
    const cal = tables.Section47.filter((s) => s.LAchildID === String(ids.cal))
    expect(cal.map((s) => [s.S47ActualStartDate, s.DateOfInitialCPC, s.ICPCnotRequired])).toEqual([
      ['2026-01-12', null, 'true'],
      // Still going on at 31 March: the outcome came after the year.
      ['2026-03-20', null, 'false'],
    ])
    expect(
      issues.filter((i) => i.laChildId === String(ids.cal) && ['8868', '8675Q'].includes(i.code)),
    ).toEqual([])
  })

  it('gives a child born after the year as unborn: expected date of birth and sex U', async () => {
    const { tables, issues } = await produce('2025-26')
    expect(tables.ChildIdentifiers.find((c) => c.LAchildID === String(ids.dee))).toMatchObject({
      PersonBirthDate: null,
      ExpectedPersonBirthDate: '2026-04-15',
      Sex: 'U',
    })
    expect(issues.filter((i) => i.laChildId === String(ids.dee) && i.type === 'error')).toEqual([])
  })

  it('validates against the XSD where the year still matches it (the XSD predates Sex)', () => {
    return produce('2025-26').then(({ xml }) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cin-'))
      const file = path.join(dir, 'cin.xml')
      // The 2023-24 XSD has GenderCurrent where 2024-25 has Sex: map it for the XSD check only.
      writeFileSync(
        file,
        xml
          .replace(/<Sex>F<\/Sex>/g, '<GenderCurrent>2</GenderCurrent>')
          .replace(/<Sex>M<\/Sex>/g, '<GenderCurrent>1</GenderCurrent>')
          .replace(/<Sex>U<\/Sex>/g, '<GenderCurrent>0</GenderCurrent>')
          .replace(/<NumberOfPreviousCPP>0</g, '<NumberOfPreviousCPP>1<'),
      )
      const output = execFileSync('xmllint', ['--noout', '--schema', xsd, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      expect(output).toBe('')
    })
  })
})
