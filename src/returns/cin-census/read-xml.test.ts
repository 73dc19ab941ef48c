import { describe, expect, it } from 'vitest'
import { CinCensusReadError, readCinCensusXml } from './read-xml.ts'

const header = `<Header>
  <CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>
  <Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>Test</SoftwareCode></Source>
</Header>`

const message = (children: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Message>${header}<Children>${children}</Children></Message>`

describe('readCinCensusXml', () => {
  it('reads the header, keeping codes as text', () => {
    const t = readCinCensusXml(message(''))
    expect(t.Header).toEqual([
      {
        Collection: 'CIN',
        Year: '2025',
        ReferenceDate: '2025-03-31',
        SourceLevel: 'L',
        LEA: '201',
        SoftwareCode: 'Test',
        Release: null,
        SerialNo: null,
        DateTime: null,
      },
    ])
  })

  it('numbers episodes per child and assessments and plans per episode, as the validator', () => {
    const cin = (inner: string) =>
      `<CINdetails><CINreferralDate>2024-06-03</CINreferralDate><ReferralNFA>0</ReferralNFA>${inner}</CINdetails>`
    const plan =
      '<ChildProtectionPlans><CPPstartDate>2024-07-01</CPPstartDate><NumberOfPreviousCPP>007</NumberOfPreviousCPP></ChildProtectionPlans>'
    const assessment =
      '<Assessments><AssessmentActualStartDate>2024-06-04</AssessmentActualStartDate></Assessments>'
    const t = readCinCensusXml(
      message(
        `<Child><ChildIdentifiers><LAchildID>A</LAchildID></ChildIdentifiers>${cin(assessment + assessment)}${cin(plan + plan)}</Child>
         <Child><ChildIdentifiers><LAchildID>B</LAchildID></ChildIdentifiers>${cin(plan)}</Child>`,
      ),
    )
    expect(t.CINdetails.map((c) => [c.LAchildID, c.CINdetailsID])).toEqual([
      ['A', 1],
      ['A', 2],
      ['B', 1],
    ])
    expect(t.Assessments.map((a) => [a.CINdetailsID, a.AssessmentID])).toEqual([
      [1, 1],
      [1, 2],
    ])
    expect(t.ChildProtectionPlans.map((p) => [p.LAchildID, p.CINdetailsID, p.CPPID])).toEqual([
      ['A', 2, 1],
      ['A', 2, 2],
      ['B', 1, 1],
    ])
    expect(t.ChildProtectionPlans[0]?.NumberOfPreviousCPP).toBe('007')
    expect(t.CINdetails[0]?.ReferralNFA).toBe('0')
  })

  it('tolerates stray text and missing elements and blocks', () => {
    const t = readCinCensusXml(
      message(`<Child><ChildIdentifiers><LAchildID>A</LAchildID><UPNunknown>UN3</UPNunknown>PersonBirthDate
        <PersonBirthDate>2015-03-27</PersonBirthDate><Sex/></ChildIdentifiers><CINdetails/></Child>`),
    )
    expect(t.ChildIdentifiers[0]).toMatchObject({
      LAchildID: 'A',
      UPNunknown: 'UN3',
      PersonBirthDate: '2015-03-27',
      Sex: null,
    })
    expect(t.ChildCharacteristics).toEqual([{ LAchildID: 'A', Ethnicity: null }])
    expect(t.Disabilities).toEqual([])
    expect(t.CINdetails).toHaveLength(1)
    expect(t.CINdetails[0]?.CINreferralDate).toBeNull()
  })

  it('reads disabilities and assessment factors as lists', () => {
    const t = readCinCensusXml(
      message(`<Child><ChildIdentifiers><LAchildID>A</LAchildID></ChildIdentifiers>
        <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>MOB</Disability><Disability>HAND</Disability></Disabilities></ChildCharacteristics>
        <CINdetails>
          <Assessments><FactorsIdentifiedAtAssessment><AssessmentFactors>1A</AssessmentFactors><AssessmentFactors/></FactorsIdentifiedAtAssessment></Assessments>
          <Assessments><FactorsIdentifiedAtAssessment/></Assessments>
          <Assessments/>
        </CINdetails></Child>`),
    )
    expect(t.Disabilities.map((d) => d.Disability)).toEqual(['MOB', 'HAND'])
    expect(t.Assessments.map((a) => a.AssessmentFactors)).toEqual([['1A'], null, null])
    expect(t.AssessmentFactorsList.map((f) => [f.AssessmentID, f.AssessmentFactor])).toEqual([
      [1, '1A'],
      [1, null],
    ])
  })

  it('gives a Reviews row for every review date', () => {
    const t = readCinCensusXml(
      message(`<Child><ChildIdentifiers><LAchildID>A</LAchildID></ChildIdentifiers><CINdetails><ChildProtectionPlans>
        <Reviews><CPPreviewDate>2024-08-01</CPPreviewDate><CPPreviewDate>not a date</CPPreviewDate></Reviews>
        <Reviews><CPPreviewDate>2024-11-01</CPPreviewDate></Reviews>
      </ChildProtectionPlans></CINdetails></Child>`),
    )
    expect(t.Reviews.map((r) => r.CPPreviewDate)).toEqual(['2024-08-01', null, '2024-11-01'])
  })

  it('reads ISO dates with a time part and UK dates, and drops impossible ones', () => {
    const t = readCinCensusXml(
      message(`<Child><ChildIdentifiers><LAchildID>A</LAchildID><PersonBirthDate>2015-03-27T00:00:00</PersonBirthDate>
        <ExpectedPersonBirthDate>01/06/2025</ExpectedPersonBirthDate><PersonDeathDate>2024-02-30</PersonDeathDate></ChildIdentifiers></Child>`),
    )
    expect(t.ChildIdentifiers[0]).toMatchObject({
      PersonBirthDate: '2015-03-27',
      ExpectedPersonBirthDate: '2025-06-01',
      PersonDeathDate: null,
    })
  })

  it('ignores namespace prefixes and accepts bytes', () => {
    const xml = `<cin:Message xmlns:cin="urn:x">${header.replaceAll('<', '<cin:').replaceAll('<cin:/', '</cin:')}<cin:Children/></cin:Message>`
    expect(readCinCensusXml(new TextEncoder().encode(xml)).Header[0]?.Year).toBe('2025')
  })

  it('rejects a file that is not a CIN census', () => {
    expect(() => readCinCensusXml('just text')).toThrow(CinCensusReadError)
    expect(() => readCinCensusXml('<Other><Thing/></Other>')).toThrow(/not a CIN census/)
  })
})
