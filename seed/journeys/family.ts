// A household: the children, their parents, where they live, and the facts recorded about each person
// (identifiers, ethnicity consistent with the names' heritage, disabilities, warnings, the professionals
// around each child). Built before the journey is simulated; written after it, once it is known which
// children became known to the service and when.

import { DISTRICTS, type SyntheticAddress, syntheticAddress } from '../lib/addresses.ts'
import { syntheticNhsNumber, syntheticUpn } from '../lib/identifiers.ts'
import {
  HERITAGES,
  type NameHeritage,
  type PersonHeritage,
  type Sex,
  surnameForSex,
  syntheticFirstName,
  syntheticHeritage,
  syntheticPerson,
  syntheticSurname,
} from '../lib/names.ts'
import type { Random } from '../lib/random.ts'
import { ageOn, at, birthday, type Day, dayOf, iso, REF, schoolStartYear, yearsToDays } from './dates.ts'
import type { Ids, JourneyRows } from './rows.ts'
import type { Scenario } from './scenarios.ts'
import { HEALTH_WARNINGS, RISK_TO_STAFF } from './text.ts'
import type { Ctx, ThemeId } from './themes.ts'
import { THEME_WEIGHTS } from './themes.ts'

export interface Adult {
  personId: number
  first: string
  last: string
  sex: Sex
  dob: Day
  heritage: PersonHeritage
}

export interface Kid {
  personId: number
  idx: number
  first: string
  last: string
  middle: string | null
  sex: 'M' | 'F'
  /** Date of birth, or the expected date while unborn. */
  dob: Day
  fatherIsMain: boolean
  disabilities: string[]
  ethnicity: string
  ctx: Ctx
  /** First day the child was the subject of a contact; null if never. */
  knownFrom: Day | null
  /** Agencies met through the child's episodes: [agency, from, to]. */
  agencies: [string, Day, Day][]
  pregnancyKnown: boolean
}

export interface Residence {
  start: Day
  end: Day | null
  address: SyntheticAddress
}

export interface Family {
  index: number
  random: Random
  area: number
  district: string
  surname: string
  heritage: PersonHeritage
  mother: Adult
  father: Adult | null
  /** The father of the half-siblings, not living in the household. */
  otherFather: Adult | null
  fatherInHousehold: boolean
  kids: Kid[]
  homes: Residence[]
  fatherHome: SyntheticAddress | null
  issues: ThemeId[]
  riskToStaff: boolean
  language: string | null
  interpreter: boolean
  religion: string | null
  school: { primary: string; secondary: string }
  gp: string
  firstContact: Day
  scenario: Scenario | null
  /** A new partner of the mother's who joined the household (a significant change). */
  partner: { adult: Adult; from: Day } | null
}

// Age at first contact, roughly as children in need are spread across ages.
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 7],
  [[1, 4], 18],
  [[5, 9], 26],
  [[10, 15], 37],
  [[16, 17], 12],
]

const ETHNICITY: Record<NameHeritage, readonly (readonly [string, number])[]> = {
  'white-british': [
    ['WBRI', 97],
    ['WOTH', 2],
    ['WIRT', 1],
  ],
  irish: [
    ['WIRI', 85],
    ['WIRT', 15],
  ],
  'south-asian': [
    ['APKN', 45],
    ['AIND', 25],
    ['ABAN', 20],
    ['AOTH', 10],
  ],
  'black-african': [
    ['BAFR', 95],
    ['BOTH', 5],
  ],
  'black-caribbean': [
    ['BCRB', 90],
    ['BOTH', 10],
  ],
  'eastern-european': [
    ['WOTH', 85],
    ['WROM', 15],
  ],
  other: [
    ['OOTH', 45],
    ['CHNE', 20],
    ['AOTH', 20],
    ['WOTH', 15],
  ],
}

const RELIGIONS: Record<NameHeritage, readonly (readonly [string, number])[]> = {
  'white-british': [
    ['Christian', 4],
    ['No religion', 6],
  ],
  irish: [
    ['Roman Catholic', 8],
    ['No religion', 2],
  ],
  'south-asian': [
    ['Muslim', 7],
    ['Sikh', 2],
    ['Hindu', 2],
  ],
  'black-african': [
    ['Christian', 6],
    ['Muslim', 4],
  ],
  'black-caribbean': [
    ['Christian', 6],
    ['No religion', 3],
    ['Rastafari', 1],
  ],
  'eastern-european': [
    ['Roman Catholic', 6],
    ['Orthodox Christian', 3],
    ['No religion', 2],
  ],
  other: [
    ['Muslim', 5],
    ['Buddhist', 2],
    ['No religion', 2],
    ['Christian', 2],
  ],
}

const LANGUAGES: Record<NameHeritage, readonly (readonly [string, number])[]> = {
  'white-british': [['English', 1]],
  irish: [['English', 1]],
  'south-asian': [
    ['English', 4],
    ['Urdu', 3],
    ['Punjabi', 2],
    ['Bengali', 2],
    ['Gujarati', 1],
  ],
  'black-african': [
    ['English', 4],
    ['Somali', 2],
    ['Arabic', 1],
    ['Tigrinya', 1],
    ['Yoruba', 1],
  ],
  'black-caribbean': [['English', 1]],
  'eastern-european': [
    ['Polish', 5],
    ['Romanian', 3],
    ['Lithuanian', 1],
    ['Ukrainian', 1],
    ['Albanian', 1],
  ],
  other: [
    ['Arabic', 3],
    ['Kurdish', 2],
    ['Turkish', 2],
    ['Mandarin', 1],
    ['Vietnamese', 1],
    ['Tigrinya', 1],
  ],
}

// Disabilities (DfE CIN census codes). About one child in eight has one or more, a little more among
// children in need (the disability theme brings them to the front door); most of those have several, as
// learning, communication, behaviour and autism often go together.
const DISABLED_SHARE = 0.12
const DISABILITY_COUNT: readonly (readonly [number, number])[] = [
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 10],
]
const DISABILITIES: readonly (readonly [string, number])[] = [
  ['LD', 30],
  ['AUT', 28],
  ['COMM', 24],
  ['BEH', 24],
  ['DDA', 20],
  ['PC', 14],
  ['MOB', 12],
  ['INC', 8],
  ['HAND', 7],
  ['HEAR', 5],
  ['VIS', 5],
  ['CON', 5],
]

const SAINTS = ['Mary', 'Joseph', 'Anne', 'Peter', 'Bede', 'Chad', 'Hilda', 'Aidan', 'Thomas', 'Clare']
const TREES = ['Oak', 'Rowan', 'Willow', 'Beech', 'Hawthorn', 'Elm', 'Cedar', 'Holly']

/** Schools and GP practices, a few per district, in a fixed order independent of the seed. */
const PLACES = DISTRICTS.map((d, i) => ({
  primary: [
    `${d.locality} Primary School`,
    `St ${SAINTS[i % SAINTS.length]}'s Catholic Primary School`,
    `${TREES[i % TREES.length]} Tree Primary Academy`,
    `${d.locality} Church of England Primary School`,
  ],
  secondary: [
    `${d.locality} Academy`,
    i % 3 === 0
      ? 'Hearthborough High School'
      : `St ${SAINTS[(i + 3) % SAINTS.length]}'s Catholic High School`,
  ],
  gp: [
    `${d.locality} Medical Practice`,
    `${d.locality} Family Surgery`,
    `The ${TREES[(i + 2) % TREES.length]} Health Centre`,
  ],
}))

export interface FamilySetup {
  index: number
  random: Random
  area: number
  areaCount: number
  firstContact: Day
  scenario: Scenario | null
  ids: Ids
}

function pronouns(sex: Sex): Pick<Ctx, 'he' | 'him' | 'his'> {
  if (sex === 'F') return { he: 'she', him: 'her', his: 'her' }
  if (sex === 'M') return { he: 'he', him: 'him', his: 'his' }
  return { he: 'they', him: 'them', his: 'their' }
}

function heritageOf(h: PersonHeritage, random: Random): NameHeritage {
  return h === 'mixed' ? random.pick(HERITAGES) : h
}

export function buildFamily(setup: FamilySetup): Family {
  const r = setup.random
  // Districts belong to areas in turn, so each area of a county has its own streets.
  const districts = DISTRICTS.filter((_, i) => i % setup.areaCount === setup.area % setup.areaCount)
  const district = r.pick(districts.length > 0 ? districts : DISTRICTS).district
  const heritage = setup.scenario ? 'white-british' : syntheticHeritage(r)
  let motherHeritage: NameHeritage
  let fatherHeritage: NameHeritage
  if (heritage === 'mixed') {
    const other = r.pick(HERITAGES.filter((h) => h !== 'white-british'))
    ;[motherHeritage, fatherHeritage] = r.chance(0.5) ? ['white-british', other] : [other, 'white-british']
  } else {
    motherHeritage = heritage
    fatherHeritage = r.chance(0.92) ? heritage : heritageOf(syntheticHeritage(r), r)
  }
  const surname = syntheticSurname(r, fatherHeritage)

  // The child first referred, then brothers and sisters around them.
  const prebirth = !setup.scenario && r.chance(0.045)
  let indexDob: Day
  if (prebirth) indexDob = setup.firstContact + r.int(25, 140)
  else if (setup.scenario) indexDob = REF - yearsToDays(r.int(7, 13)) - r.int(0, 364)
  else {
    const [lo, hi] = r.weighted(AGE_BANDS)
    indexDob = setup.firstContact - yearsToDays(r.int(lo, hi)) - r.int(0, 364)
  }
  const kidCount = setup.scenario
    ? 1
    : r.weighted([
        [1, 42],
        [2, 31],
        [3, 16],
        [4, 8],
        [5, 3],
      ] as const)
  const dobs = [indexDob]
  for (let i = 1; i < kidCount; i++) {
    const older = r.chance(0.5)
    const gap = r.int(400, 2600)
    const base = older ? Math.min(...dobs) : Math.max(...dobs)
    const dob = older ? base - gap : base + gap
    // Babies not yet expected by the reference date are not on the record.
    if (dob > REF + 120) continue
    dobs.push(dob)
  }
  dobs.sort((a, b) => a - b)
  const eldest = dobs[0]!
  const motherDob = eldest - yearsToDays(r.int(17, 36)) - r.int(0, 364)
  const mother = makeAdult(setup, 'F', motherHeritage, motherDob, surnameForSex(surname, 'F'))
  const fatherKnown = r.chance(0.78)
  const father = fatherKnown
    ? makeAdult(setup, 'M', fatherHeritage, motherDob - yearsToDays(r.int(-3, 9)), surname)
    : null
  const fatherInHousehold = fatherKnown && r.chance(0.45)
  const halfSiblings = dobs.length > 1 && r.chance(0.3)
  const otherFather = halfSiblings
    ? makeAdult(
        setup,
        'M',
        motherHeritage,
        motherDob - yearsToDays(r.int(-2, 8)),
        syntheticSurname(r, motherHeritage),
      )
    : null

  const language =
    motherHeritage === 'white-british' || motherHeritage === 'irish' || motherHeritage === 'black-caribbean'
      ? null
      : r.chance(0.6)
        ? r.weighted(LANGUAGES[motherHeritage])
        : null
  const interpreter = language !== null && language !== 'English' && r.chance(0.35)
  const religion = r.chance(0.45) ? r.weighted(RELIGIONS[motherHeritage]) : null

  const kids: Kid[] = []
  const indexPosition = dobs.indexOf(indexDob)
  dobs.forEach((dob, i) => {
    // Half-siblings are the children born before the index child's father came along, or after he left.
    const fatherIsMain =
      !halfSiblings || i === indexPosition || (i < indexPosition ? r.chance(0.2) : r.chance(0.7))
    const sex: 'M' | 'F' = r.chance(0.51) ? 'M' : 'F'
    const kidSurname = fatherIsMain ? surname : (otherFather?.last ?? surname)
    const p = syntheticPerson(r, {
      sex,
      heritage,
      surname: kidSurname,
      birthYear: Number(iso(dob).slice(0, 4)),
    })
    let ethnicity: string
    if (heritage === 'mixed') ethnicity = mixedEthnicity(motherHeritage, fatherHeritage)
    else ethnicity = r.weighted(ETHNICITY[heritage])
    if (r.chance(0.02)) ethnicity = r.chance(0.8) ? 'NOBT' : 'REFU'
    const disabilities: string[] = []
    if (r.chance(DISABLED_SHARE)) {
      const count = r.weighted(DISABILITY_COUNT)
      for (let attempt = 0; disabilities.length < count && attempt < 12; attempt++) {
        const code = r.weighted(DISABILITIES)
        if (!disabilities.includes(code)) disabilities.push(code)
      }
    }
    const first = dob > REF ? 'Unborn' : p.firstName
    kids.push({
      personId: setup.ids.take('person'),
      idx: i,
      first,
      last: p.lastName,
      middle: dob > REF ? null : p.middleName,
      sex,
      dob,
      fatherIsMain,
      disabilities,
      ethnicity,
      ctx: {
        c: dob > REF ? 'the baby' : p.firstName,
        ...pronouns(dob > REF ? 'U' : sex),
        age: 0,
        m: r.chance(0.5) ? 'Mother' : mother.first,
        f: father ? (r.chance(0.5) ? 'Father' : father.first) : 'Father',
      },
      knownFrom: null,
      agencies: [],
      pregnancyKnown: false,
    })
  })

  const issues: ThemeId[] = []
  const issueCount = r.weighted([
    [1, 5],
    [2, 4],
    [3, 1],
  ] as const)
  while (issues.length < issueCount) {
    const id = r.weighted(THEME_WEIGHTS)
    if (!issues.includes(id)) issues.push(id)
  }
  if (kids.some((k) => k.disabilities.length > 0) && r.chance(0.6) && !issues.includes('disability'))
    issues.push('disability')
  if (prebirth && !issues.includes('pre-birth')) issues.unshift('pre-birth')

  const homeStart = Math.max(eldest, setup.firstContact - yearsToDays(r.int(0, 8)) - r.int(0, 364))
  const homes: Residence[] = [{ start: homeStart, end: null, address: syntheticAddress(r, { district }) }]
  const places = PLACES[DISTRICTS.findIndex((d) => d.district === district)] ?? PLACES[0]!
  return {
    index: setup.index,
    random: r,
    area: setup.area,
    district,
    surname,
    heritage,
    mother,
    father,
    otherFather,
    fatherInHousehold,
    kids,
    homes,
    fatherHome: father && !fatherInHousehold && r.chance(0.6) ? syntheticAddress(r) : null,
    issues,
    riskToStaff: r.chance(0.07),
    language,
    interpreter,
    religion,
    school: { primary: r.pick(places.primary), secondary: r.pick(places.secondary) },
    gp: r.pick(places.gp),
    firstContact: setup.firstContact,
    scenario: setup.scenario,
    partner: null,
  }
}

function mixedEthnicity(a: NameHeritage, b: NameHeritage): string {
  const other = a === 'white-british' ? b : a
  if (other === 'black-caribbean') return 'MWBC'
  if (other === 'black-african') return 'MWBA'
  if (other === 'south-asian') return 'MWAS'
  return 'MOTH'
}

function makeAdult(setup: FamilySetup, sex: Sex, heritage: NameHeritage, dob: Day, surname: string): Adult {
  const r = setup.random
  return {
    personId: setup.ids.take('person'),
    first: syntheticFirstName(r, sex, heritage),
    last: surname,
    sex,
    dob,
    heritage,
  }
}

/** A new adult in the household (the mother's partner), added when the journey says so. */
export function addPartner(fam: Family, ids: Ids, from: Day): Adult {
  const r = fam.random
  const heritage = heritageOf(syntheticHeritage(r), r)
  const adult: Adult = {
    personId: ids.take('person'),
    first: syntheticFirstName(r, 'M', heritage),
    last: syntheticSurname(r, heritage),
    sex: 'M',
    dob: fam.mother.dob - yearsToDays(r.int(-4, 10)),
    heritage,
  }
  fam.partner = { adult, from }
  return adult
}

/** The family moves house on `day` (recorded as a new address for everyone in the household). */
export function moveHome(fam: Family, day: Day): void {
  const last = fam.homes[fam.homes.length - 1]!
  if (day <= last.start + 30) return
  last.end = day - 1
  fam.homes.push({ start: day, end: null, address: syntheticAddress(fam.random, { district: fam.district }) })
}

/** The child is under 18 (or unborn, within about four months of birth) on `day`. */
export function isChild(kid: Kid, day: Day): boolean {
  return kid.dob <= day + 140 && day < birthday(kid.dob, 18) - 30
}

const LANDLINE = (r: Random) => `01632 960${String(r.int(0, 999)).padStart(3, '0')}`
const MOBILE = (r: Random) => `07700 900${String(r.int(0, 999)).padStart(3, '0')}`

function professionalName(r: Random, title: boolean): string {
  const sex: Sex = r.chance(0.7) ? 'F' : 'M'
  const h = r.weighted([
    ['white-british', 8],
    ['south-asian', 2],
    ['black-african', 1],
    ['irish', 1],
  ] as const)
  const first = syntheticFirstName(r, sex, h)
  const last = syntheticSurname(r, h)
  return title ? `Dr ${first} ${last}` : `${first} ${last}`
}

/** The words of `text` in plain lower-case letters, for e-mail addresses. */
function plainWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/ +/)
}

function emailFor(name: string, org: string): string {
  const local = plainWords(name.replace(/^Dr /, '')).join('.')
  const domain = plainWords(org).slice(0, 2).join('-')
  return `${local}@${domain}.example`
}

/** Writes the household's people and what is known about them. */
export function emitFamily(
  fam: Family,
  rows: JourneyRows,
  laCode: string,
  warningUser: number,
  upns: Set<string>,
): void {
  const r = fam.random
  const firstKnown = Math.min(
    fam.firstContact,
    ...fam.kids.map((k) => k.knownFrom ?? Number.POSITIVE_INFINITY),
  )
  const created = at(firstKnown, 540 + r.int(0, 480))
  const known = fam.kids.filter((k) => k.knownFrom !== null)

  const adultRow = (a: Adult, extra: { nhs: boolean; interpreter: boolean; language: string | null }) => {
    rows.person.push({
      id: a.personId,
      givenName: a.first,
      familyName: a.last,
      dateOfBirth: iso(a.dob),
      sex: a.sex,
      ethnicity: a.heritage === 'mixed' ? 'MOTH' : r.weighted(ETHNICITY[a.heritage]),
      religion: a === fam.mother ? fam.religion : null,
      firstLanguage: extra.language,
      interpreterNeeded: extra.interpreter,
      nhsNumber: extra.nhs ? syntheticNhsNumber(r) : null,
      // bulkInsert writes the columns of a batch's first row: an adult comes first, so every column a
      // child's row has is named here too.
      expectedDateOfBirth: null,
      preferredName: null,
      upn: null,
      upnUnknown: null,
      educationSetting: null,
      gpPractice: null,
      immigrationStatus: null,
      uasc: false,
      previousPermanence: null,
      accessRestriction: 'none',
      createdAt: created,
    })
  }
  adultRow(fam.mother, { nhs: r.chance(0.6), interpreter: fam.interpreter, language: fam.language })
  if (fam.father)
    adultRow(fam.father, {
      nhs: r.chance(0.4),
      interpreter: fam.interpreter && fam.father.heritage === fam.mother.heritage,
      language: fam.father.heritage === fam.mother.heritage ? fam.language : null,
    })
  if (fam.otherFather) adultRow(fam.otherFather, { nhs: false, interpreter: false, language: null })
  if (fam.partner) adultRow(fam.partner.adult, { nhs: r.chance(0.3), interpreter: false, language: null })

  for (const kid of fam.kids) {
    const born = kid.dob <= REF
    const age = born ? ageOn(kid.dob, REF) : -1
    let upn: string | null = null
    let upnUnknown: string | null = null
    // A UPN is issued when the child starts school.
    const startsSchool = schoolStartYear(kid.dob)
    // UPNs began in 1999: a grown-up brother or sister who started school before then has none (and was
    // never a child on the record).
    const upnsIssued = startsSchool >= 1999
    if (upnsIssued && born && dayOf(`${startsSchool}-09-01`) <= REF) {
      // A few never had one: schooled at home or independently, educated outside England, or records
      // that do not match. Each UPN is unique across the authority.
      if (r.chance(0.97)) {
        do upn = syntheticUpn(r, laCode, { issuedYear: startsSchool })
        while (upns.has(upn))
        upns.add(upn)
      } else
        upnUnknown = r.weighted([
          ['UN2', 5],
          ['UN5', 3],
          ['UN3', 2],
        ] as const)
    } else if (upnsIssued) upnUnknown = 'UN1'
    let education: string | null = null
    if (born && age >= 4 && age <= 10) education = fam.school.primary
    else if (born && age >= 11 && age <= 15) education = fam.school.secondary
    else if (born && age >= 16 && age <= 17) education = r.chance(0.8) ? 'Hearthborough College' : null
    rows.person.push({
      id: kid.personId,
      givenName: kid.first,
      familyName: kid.last,
      dateOfBirth: born ? iso(kid.dob) : null,
      expectedDateOfBirth: kid.pregnancyKnown || !born ? iso(kid.dob + (born ? r.int(-10, 10) : 0)) : null,
      sex: born ? kid.sex : 'U',
      preferredName: born && r.chance(0.03) && kid.middle ? kid.middle : null,
      ethnicity: kid.ethnicity,
      religion: fam.religion,
      firstLanguage: fam.language ?? (r.chance(0.3) ? 'English' : null),
      interpreterNeeded: false,
      nhsNumber: born && r.chance(0.97) ? syntheticNhsNumber(r) : null,
      upn,
      upnUnknown,
      educationSetting: education,
      gpPractice: born ? fam.gp : null,
      immigrationStatus: null,
      uasc: false,
      previousPermanence: null,
      accessRestriction: 'none',
      createdAt: kid.knownFrom === null ? created : at(kid.knownFrom, 540 + r.int(0, 480)),
    })
    // A disability status for every child born: NONE, or the DfE codes of each disability.
    if (born)
      for (const code of kid.disabilities.length > 0 ? kid.disabilities : ['NONE'])
        rows.person_disability.push({ personId: kid.personId, code })
  }

  // Addresses: everyone in the household shares the family's homes.
  const household: { id: number; from: Day }[] = [
    { id: fam.mother.personId, from: fam.mother.dob },
    ...fam.kids.filter((k) => k.dob <= REF).map((k) => ({ id: k.personId, from: k.dob })),
  ]
  if (fam.father && fam.fatherInHousehold) household.push({ id: fam.father.personId, from: fam.father.dob })
  for (const home of fam.homes) {
    for (const member of household) {
      const end = home.end
      if (end !== null && end < member.from) continue
      rows.person_address.push({
        personId: member.id,
        line1: home.address.line1,
        line2: home.address.line2 ?? home.address.locality,
        town: home.address.town,
        postcode: home.address.postcode,
        startedOn: iso(Math.max(home.start, member.from)),
        endedOn: end === null ? null : iso(end),
      })
    }
  }
  if (fam.partner) {
    const home = fam.homes[fam.homes.length - 1]!
    rows.person_address.push({
      personId: fam.partner.adult.personId,
      line1: home.address.line1,
      line2: home.address.line2 ?? home.address.locality,
      town: home.address.town,
      postcode: home.address.postcode,
      startedOn: iso(Math.max(home.start, fam.partner.from)),
      endedOn: null,
    })
  }
  if (fam.father && fam.fatherHome) {
    const a = fam.fatherHome
    rows.person_address.push({
      personId: fam.father.personId,
      line1: a.line1,
      line2: a.line2 ?? a.locality,
      town: a.town,
      postcode: a.postcode,
      startedOn: iso(Math.max(fam.father.dob + yearsToDays(18), fam.firstContact - yearsToDays(r.int(0, 4)))),
      endedOn: null,
    })
  }

  // Relationships: each child's parents, then each pair of children once (read both ways).
  for (const kid of fam.kids) {
    rows.relationship.push({
      personId: kid.personId,
      relatedPersonId: fam.mother.personId,
      type: 'parent',
      sameHousehold: true,
      parentalResponsibility: true,
      startedOn: null,
    })
    const dad = kid.fatherIsMain ? fam.father : fam.otherFather
    if (dad) {
      const inHousehold = kid.fatherIsMain && fam.fatherInHousehold
      rows.relationship.push({
        personId: kid.personId,
        relatedPersonId: dad.personId,
        type: 'parent',
        sameHousehold: inHousehold,
        parentalResponsibility: inHousehold || r.chance(0.8),
        startedOn: null,
      })
    }
    if (fam.partner && kid.dob <= REF) {
      rows.relationship.push({
        personId: kid.personId,
        relatedPersonId: fam.partner.adult.personId,
        type: 'household-member',
        sameHousehold: true,
        parentalResponsibility: false,
        startedOn: iso(Math.max(fam.partner.from, kid.dob)),
      })
    }
  }
  for (let i = 0; i < fam.kids.length; i++) {
    for (let j = i + 1; j < fam.kids.length; j++) {
      const a = fam.kids[i]!
      const b = fam.kids[j]!
      rows.relationship.push({
        personId: a.personId,
        relatedPersonId: b.personId,
        type: a.fatherIsMain === b.fatherIsMain ? 'sibling' : 'half-sibling',
        sameHousehold: true,
        parentalResponsibility: false,
        startedOn: null,
      })
    }
  }
  if (fam.father && fam.fatherInHousehold)
    rows.relationship.push({
      personId: fam.mother.personId,
      relatedPersonId: fam.father.personId,
      type: 'partner',
      sameHousehold: true,
      parentalResponsibility: false,
      startedOn: null,
    })
  if (fam.partner)
    rows.relationship.push({
      personId: fam.mother.personId,
      relatedPersonId: fam.partner.adult.personId,
      type: 'partner',
      sameHousehold: true,
      parentalResponsibility: false,
      startedOn: iso(fam.partner.from),
    })

  // Warnings and the professionals around each child known to the service.
  for (const kid of known) {
    const from = kid.knownFrom!
    if (fam.riskToStaff) {
      const who = fam.father && r.chance(0.7) ? `Father (${fam.father.first} ${fam.father.last})` : 'Mother'
      rows.person_warning.push({
        personId: kid.personId,
        kind: 'risk-to-staff',
        text: r.pick(RISK_TO_STAFF)(who),
        startedOn: iso(from),
        recordedBy: warningUser,
        recordedAt: at(from, 600 + r.int(0, 300)),
      })
    }
    if (fam.interpreter && fam.language)
      rows.person_warning.push({
        personId: kid.personId,
        kind: 'communication',
        text: `Mother's first language is ${fam.language}. Use an interpreter for all meetings; do not use the children to interpret.`,
        startedOn: iso(from),
        recordedBy: warningUser,
        recordedAt: at(from, 600 + r.int(0, 300)),
      })
    if (kid.dob <= REF && r.chance(0.025))
      rows.person_warning.push({
        personId: kid.personId,
        kind: 'health',
        text: r.pick(HEALTH_WARNINGS),
        startedOn: iso(from),
        recordedBy: warningUser,
        recordedAt: at(from, 600 + r.int(0, 300)),
      })
    emitProfessionals(fam, kid, rows)
  }
}

type Agency = JourneyRows['professional_contact'][number]['agency']

/** The nursery, school or college a child of each age goes to, and the safeguarding lead there. */
const SETTINGS: readonly {
  from: number
  to: number
  agency: Agency
  organisation: (fam: Family) => string
  role: string
}[] = [
  {
    from: 2,
    to: 3,
    agency: 'early-years',
    organisation: (fam) => `${fam.district} Children's Nursery`,
    role: 'Nursery manager',
  },
  {
    from: 4,
    to: 10,
    agency: 'school',
    organisation: (fam) => fam.school.primary,
    role: 'Designated safeguarding lead',
  },
  {
    from: 11,
    to: 15,
    agency: 'school',
    organisation: (fam) => fam.school.secondary,
    role: 'Designated safeguarding lead',
  },
  {
    from: 16,
    to: 17,
    agency: 'school',
    organisation: () => 'Hearthborough College',
    role: 'Safeguarding officer',
  },
]

function emitProfessionals(fam: Family, kid: Kid, rows: JourneyRows): void {
  const r = fam.random
  const from = kid.knownFrom!
  const born = kid.dob <= REF
  const add = (
    agency: Agency,
    organisation: string,
    role: string,
    start: Day,
    end: Day | null,
    title = false,
  ) => {
    const name = professionalName(r, title)
    rows.professional_contact.push({
      personId: kid.personId,
      agency,
      organisation,
      name,
      role,
      phone: r.chance(0.5) ? MOBILE(r) : LANDLINE(r),
      email: r.chance(0.7) ? emailFor(name, organisation) : null,
      engagement: r.weighted([
        ['engaged', 6],
        ['partly-engaged', 2],
        ['not-engaged', 1],
        ['not-known', 1],
      ] as const),
      startedOn: iso(start),
      endedOn: end === null || end > REF ? null : iso(end),
    })
  }
  if (born) add('gp', fam.gp, 'GP', Math.max(kid.dob, from - yearsToDays(2)), null, true)
  if (kid.pregnancyKnown || kid.dob > from)
    add(
      'midwife',
      'Hearthborough Maternity Unit',
      'Specialist safeguarding midwife',
      from,
      born ? kid.dob + 28 : null,
    )
  if (born) {
    const five = birthday(kid.dob, 5)
    if (five > from)
      add('health-visitor', 'Hearthborough 0-19 Service', 'Health visitor', Math.max(kid.dob, from), five)
    // The nursery, school or college the child goes to now, known since they started there.
    const age = ageOn(kid.dob, REF)
    const setting = SETTINGS.find((s) => age >= s.from && age <= s.to)
    if (setting)
      add(
        setting.agency,
        setting.organisation(fam),
        setting.role,
        Math.max(from, birthday(kid.dob, setting.from)),
        null,
      )
  }
  const ORGS: Record<string, [Agency, string, string]> = {
    camhs: ['camhs', 'Hearthborough CAMHS', 'Mental health practitioner'],
    police: ['police', 'Hearthborough Police – Public Protection Unit', 'Detective constable'],
    'domestic-abuse-service': ['domestic-abuse-service', 'Hearthborough Domestic Abuse Service', 'IDVA'],
    'substance-misuse': ['substance-misuse', 'Hearthborough Drug and Alcohol Service', 'Recovery worker'],
    'youth-justice': ['youth-justice', 'Hearthborough Youth Justice Service', 'Case manager'],
  }
  const seen = new Set<string>()
  for (const [agency, start, end] of kid.agencies) {
    if (seen.has(agency)) continue
    seen.add(agency)
    const org = ORGS[agency]
    if (org) add(org[0], org[1], org[2], start, end)
  }
}
