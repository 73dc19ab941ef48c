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
let own: string[] = []
const mine = <T extends { LAchildID: string | null }>(rows: T[]) => rows.filter((r) => r.LAchildID === own[0])
const xsd = path.resolve('../shared/specs/cin-census/CIN_schema_2024.xsd')

beforeAll(async () => {
  database = await testDatabase()
  const db = database.db
  // A child through referral, assessment, strategy discussion, s47, ICPC and a CP plan with a review,
  // stepped down to a CIN plan and closed within 2025-26; and a child whose name XML forbids.
  const [a, b] = await db
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
    ])
    .returning({ id: person.id })
  own = [String(a!.id), String(b!.id)]
  await db.insert(personDisability).values({ personId: a!.id, code: 'NONE' })
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
})
afterAll(() => database.close())

async function produce(year: '2024-25' | '2025-26') {
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
  })
  return { xml, result, progress }
}

describe('CIN census from the record', () => {
  it('writes every child with an episode open in the year, in schema order, and the DfE rules find no errors', async () => {
    const { xml, result, progress } = await produce('2025-26')
    // The test database also holds the demo authority's generated children: look at this test's own.
    expect(result.children).toBeGreaterThanOrEqual(2)
    expect(progress.at(-1)).toBe(result.children)
    expect(result.issues.filter((i) => i.type === 'error' && own.includes(i.laChildId ?? ''))).toEqual([])
    const tables = readCinCensusXml(xml)
    expect(tables.Header[0]).toMatchObject({
      Collection: 'CIN',
      Year: '2026',
      ReferenceDate: '2026-03-31',
      LEA: '358',
    })
    expect(mine(tables.CINdetails)[0]).toMatchObject({
      CINreferralDate: '2025-05-06',
      ReferralSource: '2A',
      PrimaryNeedCode: 'N1',
      CINclosureDate: '2026-02-27',
      ReasonForClosure: 'RC1',
      DateOfInitialCPC: null,
    })
    expect(mine(tables.Assessments)[0]).toMatchObject({
      AssessmentActualStartDate: '2025-05-07',
      AssessmentAuthorisationDate: '2025-06-20',
      AssessmentFactors: ['3A', '4B'],
    })
    // The ICPC target is 15 working days after the strategy discussion (the late May bank holiday skipped).
    expect(mine(tables.Section47)[0]).toMatchObject({
      S47ActualStartDate: '2025-05-08',
      InitialCPCtarget: '2025-05-30',
      DateOfInitialCPC: '2025-05-28',
    })
    expect(mine(tables.ChildProtectionPlans)[0]).toMatchObject({
      InitialCategoryOfAbuse: 'NEG',
      LatestCategoryOfAbuse: 'EMO',
      NumberOfPreviousCPP: '0',
    })
    expect(mine(tables.Reviews).map((r) => r.CPPreviewDate)).toEqual(['2025-08-27'])
    expect(mine(tables.CINplanDates)[0]).toMatchObject({
      CINPlanStartDate: '2025-11-20',
      CINPlanEndDate: '2026-02-27',
    })
    expect(xml).not.toContain('Bad')
  })

  it('leaves out children whose episodes were closed before the year', async () => {
    const { xml } = await produce('2024-25')
    const children = readCinCensusXml(xml).ChildIdentifiers.map((c) => c.LAchildID)
    expect(children).not.toContain(own[0])
    expect(children).not.toContain(own[1])
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
