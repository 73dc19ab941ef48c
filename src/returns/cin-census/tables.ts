import type { IsoDate } from '../shared/dates.ts'

// The flat tables the DfE CIN validator works on (shared/specs/cin-census/cin_validator_tables.csv).
// Column names match the validator so rule logic and issue reports line up with it. Dates are ISO
// strings (null when missing or unreadable); codes and flags are kept as the raw text.

export interface HeaderRow {
  Collection: string | null
  Year: string | null
  ReferenceDate: IsoDate | null
  SourceLevel: string | null
  LEA: string | null
  SoftwareCode: string | null
  Release: string | null
  SerialNo: string | null
  DateTime: string | null
}

export interface ChildIdentifiersRow {
  LAchildID: string | null
  UPN: string | null
  FormerUPN: string | null
  UPNunknown: string | null
  PersonBirthDate: IsoDate | null
  ExpectedPersonBirthDate: IsoDate | null
  /** Up to 2023-24 (codes 0, 1, 2, 9). */
  GenderCurrent: string | null
  /** From 2024-25 (codes M, F, U). */
  Sex: string | null
  PersonDeathDate: IsoDate | null
}

export interface ChildCharacteristicsRow {
  LAchildID: string | null
  Ethnicity: string | null
}

export interface DisabilitiesRow {
  LAchildID: string | null
  Disability: string | null
}

export interface CINdetailsRow {
  LAchildID: string | null
  /** 1..n per child, in document order. */
  CINdetailsID: number
  CINreferralDate: IsoDate | null
  ReferralSource: string | null
  PrimaryNeedCode: string | null
  CINclosureDate: IsoDate | null
  ReasonForClosure: string | null
  DateOfInitialCPC: IsoDate | null
  /** Raw flag text: true/false/1/0. */
  ReferralNFA: string | null
}

export interface AssessmentsRow {
  LAchildID: string | null
  CINdetailsID: number
  /** 1..n per CINdetails. */
  AssessmentID: number
  AssessmentActualStartDate: IsoDate | null
  AssessmentInternalReviewDate: IsoDate | null
  AssessmentAuthorisationDate: IsoDate | null
  /** The factor codes of the assessment; null when none are given. */
  AssessmentFactors: string[] | null
}

export interface AssessmentFactorsListRow {
  LAchildID: string | null
  CINdetailsID: number
  AssessmentID: number
  AssessmentFactor: string | null
}

export interface CINplanDatesRow {
  LAchildID: string | null
  CINdetailsID: number
  CINPlanStartDate: IsoDate | null
  CINPlanEndDate: IsoDate | null
}

export interface Section47Row {
  LAchildID: string | null
  CINdetailsID: number
  S47ActualStartDate: IsoDate | null
  InitialCPCtarget: IsoDate | null
  DateOfInitialCPC: IsoDate | null
  /** Raw flag text: true/false/1/0. */
  ICPCnotRequired: string | null
}

export interface ChildProtectionPlansRow {
  LAchildID: string | null
  CINdetailsID: number
  /** 1..n per CINdetails. */
  CPPID: number
  CPPstartDate: IsoDate | null
  CPPendDate: IsoDate | null
  InitialCategoryOfAbuse: string | null
  LatestCategoryOfAbuse: string | null
  /** Raw text; the rule checks it is a whole number of at least 0. */
  NumberOfPreviousCPP: string | null
}

export interface ReviewsRow {
  LAchildID: string | null
  CINdetailsID: number
  CPPID: number
  CPPreviewDate: IsoDate | null
}

export interface CinCensusTables {
  /** One row per return (empty if the file has no header). */
  Header: HeaderRow[]
  ChildIdentifiers: ChildIdentifiersRow[]
  ChildCharacteristics: ChildCharacteristicsRow[]
  Disabilities: DisabilitiesRow[]
  CINdetails: CINdetailsRow[]
  Assessments: AssessmentsRow[]
  AssessmentFactorsList: AssessmentFactorsListRow[]
  CINplanDates: CINplanDatesRow[]
  Section47: Section47Row[]
  ChildProtectionPlans: ChildProtectionPlansRow[]
  Reviews: ReviewsRow[]
}

export type CinTableName = keyof CinCensusTables

export const CIN_TABLE_NAMES: readonly CinTableName[] = [
  'Header',
  'ChildIdentifiers',
  'ChildCharacteristics',
  'Disabilities',
  'CINdetails',
  'Assessments',
  'AssessmentFactorsList',
  'CINplanDates',
  'Section47',
  'ChildProtectionPlans',
  'Reviews',
]

// --- Building the tables from nested records -------------------------------------------------
// The XML reader and Hearth's own exporter both describe children as nested records (the shape of
// the XML); flattening in one place keeps the generated ids identical to the validator's.

type Optional<T> = { [K in keyof T]?: T[K] | null }

export type ChildIdentifiersInput = Optional<ChildIdentifiersRow>

export interface AssessmentInput
  extends Optional<
    Omit<AssessmentsRow, 'LAchildID' | 'CINdetailsID' | 'AssessmentID' | 'AssessmentFactors'>
  > {
  /** Codes under FactorsIdentifiedAtAssessment; null/undefined when that block is absent. */
  factors?: (string | null)[] | null
}

export interface ChildProtectionPlanInput
  extends Optional<Omit<ChildProtectionPlansRow, 'LAchildID' | 'CINdetailsID' | 'CPPID'>> {
  reviews?: (IsoDate | null)[]
}

export interface CinDetailsInput extends Optional<Omit<CINdetailsRow, 'LAchildID' | 'CINdetailsID'>> {
  assessments?: AssessmentInput[]
  cinPlanDates?: Optional<Omit<CINplanDatesRow, 'LAchildID' | 'CINdetailsID'>>[]
  section47?: Optional<Omit<Section47Row, 'LAchildID' | 'CINdetailsID'>>[]
  childProtectionPlans?: ChildProtectionPlanInput[]
}

export interface ChildInput extends ChildIdentifiersInput {
  Ethnicity?: string | null
  /** Disability codes; undefined/null when the Disabilities block is absent. */
  disabilities?: (string | null)[] | null
  cinDetails?: CinDetailsInput[]
}

export interface CinCensusInput {
  header?: Optional<HeaderRow> | null
  children: ChildInput[]
}

export function emptyTables(): CinCensusTables {
  return {
    Header: [],
    ChildIdentifiers: [],
    ChildCharacteristics: [],
    Disabilities: [],
    CINdetails: [],
    Assessments: [],
    AssessmentFactorsList: [],
    CINplanDates: [],
    Section47: [],
    ChildProtectionPlans: [],
    Reviews: [],
  }
}

const v = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value)

export function buildCinCensusTables(input: CinCensusInput): CinCensusTables {
  const t = emptyTables()
  const h = input.header
  if (h) {
    t.Header.push({
      Collection: v(h.Collection),
      Year: v(h.Year),
      ReferenceDate: v(h.ReferenceDate),
      SourceLevel: v(h.SourceLevel),
      LEA: v(h.LEA),
      SoftwareCode: v(h.SoftwareCode),
      Release: v(h.Release),
      SerialNo: v(h.SerialNo),
      DateTime: v(h.DateTime),
    })
  }
  for (const child of input.children) {
    const LAchildID = v(child.LAchildID)
    t.ChildIdentifiers.push({
      LAchildID,
      UPN: v(child.UPN),
      FormerUPN: v(child.FormerUPN),
      UPNunknown: v(child.UPNunknown),
      PersonBirthDate: v(child.PersonBirthDate),
      ExpectedPersonBirthDate: v(child.ExpectedPersonBirthDate),
      GenderCurrent: v(child.GenderCurrent),
      Sex: v(child.Sex),
      PersonDeathDate: v(child.PersonDeathDate),
    })
    t.ChildCharacteristics.push({ LAchildID, Ethnicity: v(child.Ethnicity) })
    for (const d of child.disabilities ?? []) t.Disabilities.push({ LAchildID, Disability: d })

    let CINdetailsID = 0
    for (const cin of child.cinDetails ?? []) {
      CINdetailsID++
      t.CINdetails.push({
        LAchildID,
        CINdetailsID,
        CINreferralDate: v(cin.CINreferralDate),
        ReferralSource: v(cin.ReferralSource),
        PrimaryNeedCode: v(cin.PrimaryNeedCode),
        CINclosureDate: v(cin.CINclosureDate),
        ReasonForClosure: v(cin.ReasonForClosure),
        DateOfInitialCPC: v(cin.DateOfInitialCPC),
        ReferralNFA: v(cin.ReferralNFA),
      })
      let AssessmentID = 0
      for (const a of cin.assessments ?? []) {
        AssessmentID++
        const factors = a.factors ?? null
        for (const f of factors ?? []) {
          t.AssessmentFactorsList.push({ LAchildID, CINdetailsID, AssessmentID, AssessmentFactor: f })
        }
        const codes = (factors ?? []).filter((f): f is string => f !== null && f !== '')
        t.Assessments.push({
          LAchildID,
          CINdetailsID,
          AssessmentID,
          AssessmentActualStartDate: v(a.AssessmentActualStartDate),
          AssessmentInternalReviewDate: v(a.AssessmentInternalReviewDate),
          AssessmentAuthorisationDate: v(a.AssessmentAuthorisationDate),
          AssessmentFactors: codes.length > 0 ? codes : null,
        })
      }
      for (const p of cin.cinPlanDates ?? []) {
        t.CINplanDates.push({
          LAchildID,
          CINdetailsID,
          CINPlanStartDate: v(p.CINPlanStartDate),
          CINPlanEndDate: v(p.CINPlanEndDate),
        })
      }
      for (const s of cin.section47 ?? []) {
        t.Section47.push({
          LAchildID,
          CINdetailsID,
          S47ActualStartDate: v(s.S47ActualStartDate),
          InitialCPCtarget: v(s.InitialCPCtarget),
          DateOfInitialCPC: v(s.DateOfInitialCPC),
          ICPCnotRequired: v(s.ICPCnotRequired),
        })
      }
      let CPPID = 0
      for (const c of cin.childProtectionPlans ?? []) {
        CPPID++
        t.ChildProtectionPlans.push({
          LAchildID,
          CINdetailsID,
          CPPID,
          CPPstartDate: v(c.CPPstartDate),
          CPPendDate: v(c.CPPendDate),
          InitialCategoryOfAbuse: v(c.InitialCategoryOfAbuse),
          LatestCategoryOfAbuse: v(c.LatestCategoryOfAbuse),
          NumberOfPreviousCPP: v(c.NumberOfPreviousCPP),
        })
        for (const r of c.reviews ?? []) t.Reviews.push({ LAchildID, CINdetailsID, CPPID, CPPreviewDate: r })
      }
    }
  }
  return t
}
