import { XMLParser } from 'fast-xml-parser'
import { parseDate } from '../shared/dates.ts'
import {
  type AssessmentInput,
  buildCinCensusTables,
  type ChildInput,
  type ChildProtectionPlanInput,
  type CinCensusTables,
  type CinDetailsInput,
} from './tables.ts'

// Reads a CIN census XML file into the validator's flat tables, tolerating the faults found in real
// and fake files: stray text between elements, missing elements and blocks, empty elements. Like
// the DfE validator (csc-validator-be-cin ingress.py) a missing element becomes null, an element that
// repeats where only one is expected is read once (the first), and dates that cannot be read become
// null. One difference: every <CPPreviewDate> in a <Reviews> block gives a Reviews row, where the
// validator reads only the first date of each block.

export class CinCensusReadError extends Error {}

// Elements that may repeat; forcing arrays keeps one and many the same shape.
const REPEATING = new Set([
  'Child',
  'CINdetails',
  'Assessments',
  'AssessmentFactors',
  'CINPlanDates',
  'Section47',
  'ChildProtectionPlans',
  'Reviews',
  'CPPreviewDate',
  'Disability',
])

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  textNodeName: '#text',
  isArray: (name) => REPEATING.has(name),
})

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

/** The text of a leaf value: a string, or the text part of an element that also has children. */
function leafText(value: unknown): string | null {
  const v = firstOf(value)
  if (typeof v === 'string') return v === '' ? null : v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v !== null && typeof v === 'object') return leafText((v as XmlNode)['#text'])
  return null
}

function text(node: XmlNode | undefined, name: string): string | null {
  return node ? leafText(node[name]) : null
}

function date(node: XmlNode | undefined, name: string): string | null {
  return parseDate(text(node, name))
}

/** Child blocks with this name; an empty element (`<X/>`) counts as a block with nothing in it. */
function blocks(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name]
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  return list.map((item) => (item !== null && typeof item === 'object' ? (item as XmlNode) : {}))
}

function block(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return blocks(node, name)[0]
}

/** The text of every child element of a list block (e.g. each <Disability> in <Disabilities>). */
function listTexts(node: XmlNode | undefined, name: string): (string | null)[] | null {
  const value = node?.[name]
  if (value === undefined || value === null) return null
  const list = firstOf(value)
  if (list === null || typeof list !== 'object') return []
  const out: (string | null)[] = []
  for (const [key, items] of Object.entries(list as XmlNode)) {
    if (key === '#text') continue
    for (const item of Array.isArray(items) ? items : [items]) out.push(leafText(item))
  }
  return out
}

function readAssessment(a: XmlNode): AssessmentInput {
  return {
    AssessmentActualStartDate: date(a, 'AssessmentActualStartDate'),
    AssessmentInternalReviewDate: date(a, 'AssessmentInternalReviewDate'),
    AssessmentAuthorisationDate: date(a, 'AssessmentAuthorisationDate'),
    factors: listTexts(a, 'FactorsIdentifiedAtAssessment'),
  }
}

function readPlan(p: XmlNode): ChildProtectionPlanInput {
  const reviews: (string | null)[] = []
  for (const r of blocks(p, 'Reviews')) {
    for (const d of Array.isArray(r.CPPreviewDate) ? r.CPPreviewDate : [])
      reviews.push(parseDate(leafText(d)))
  }
  return {
    CPPstartDate: date(p, 'CPPstartDate'),
    CPPendDate: date(p, 'CPPendDate'),
    InitialCategoryOfAbuse: text(p, 'InitialCategoryOfAbuse'),
    LatestCategoryOfAbuse: text(p, 'LatestCategoryOfAbuse'),
    NumberOfPreviousCPP: text(p, 'NumberOfPreviousCPP'),
    reviews,
  }
}

function readCinDetails(c: XmlNode): CinDetailsInput {
  return {
    CINreferralDate: date(c, 'CINreferralDate'),
    ReferralSource: text(c, 'ReferralSource'),
    PrimaryNeedCode: text(c, 'PrimaryNeedCode'),
    CINclosureDate: date(c, 'CINclosureDate'),
    ReasonForClosure: text(c, 'ReasonForClosure'),
    DateOfInitialCPC: date(c, 'DateOfInitialCPC'),
    ReferralNFA: text(c, 'ReferralNFA'),
    assessments: blocks(c, 'Assessments').map(readAssessment),
    cinPlanDates: blocks(c, 'CINPlanDates').map((p) => ({
      CINPlanStartDate: date(p, 'CINPlanStartDate'),
      CINPlanEndDate: date(p, 'CINPlanEndDate'),
    })),
    section47: blocks(c, 'Section47').map((s) => ({
      S47ActualStartDate: date(s, 'S47ActualStartDate'),
      InitialCPCtarget: date(s, 'InitialCPCtarget'),
      DateOfInitialCPC: date(s, 'DateOfInitialCPC'),
      ICPCnotRequired: text(s, 'ICPCnotRequired'),
    })),
    childProtectionPlans: blocks(c, 'ChildProtectionPlans').map(readPlan),
  }
}

function readChild(child: XmlNode): ChildInput {
  const ids = block(child, 'ChildIdentifiers')
  const characteristics = block(child, 'ChildCharacteristics')
  return {
    LAchildID: text(ids, 'LAchildID'),
    UPN: text(ids, 'UPN'),
    FormerUPN: text(ids, 'FormerUPN'),
    UPNunknown: text(ids, 'UPNunknown'),
    PersonBirthDate: date(ids, 'PersonBirthDate'),
    ExpectedPersonBirthDate: date(ids, 'ExpectedPersonBirthDate'),
    GenderCurrent: text(ids, 'GenderCurrent'),
    Sex: text(ids, 'Sex'),
    PersonDeathDate: date(ids, 'PersonDeathDate'),
    Ethnicity: text(characteristics, 'Ethnicity'),
    disabilities: listTexts(characteristics, 'Disabilities'),
    cinDetails: blocks(child, 'CINdetails').map(readCinDetails),
  }
}

function rootElement(doc: XmlNode): XmlNode {
  if (doc.Message !== undefined) return block(doc, 'Message') ?? {}
  for (const value of Object.values(doc)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as XmlNode
  }
  throw new CinCensusReadError('The file has no XML root element.')
}

/** Parses a CIN census XML file (as text or bytes) into the validator's flat tables. */
export function readCinCensusXml(xml: string | Uint8Array): CinCensusTables {
  const source = typeof xml === 'string' ? xml : new TextDecoder('utf-8').decode(xml)
  let doc: XmlNode
  try {
    doc = parser.parse(source) as XmlNode
  } catch (e) {
    throw new CinCensusReadError(`The file is not readable XML: ${(e as Error).message}`)
  }
  const root = rootElement(doc)
  const header = block(root, 'Header')
  const children = block(root, 'Children')
  if (header === undefined && children === undefined) {
    throw new CinCensusReadError('The file is not a CIN census: it has neither <Header> nor <Children>.')
  }
  const details = block(header, 'CollectionDetails')
  const source_ = block(header, 'Source')
  return buildCinCensusTables({
    header: header
      ? {
          Collection: text(details, 'Collection'),
          Year: text(details, 'Year'),
          ReferenceDate: date(details, 'ReferenceDate'),
          SourceLevel: text(source_, 'SourceLevel'),
          LEA: text(source_, 'LEA'),
          SoftwareCode: text(source_, 'SoftwareCode'),
          Release: text(source_, 'Release'),
          SerialNo: text(source_, 'SerialNo'),
          DateTime: text(source_, 'DateTime'),
        }
      : null,
    children: blocks(children, 'Child').map(readChild),
  })
}
