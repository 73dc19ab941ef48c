import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { changeHistory, person, personName, userAccount } from '../db/schema/index.ts'
import { isCinCode } from '../domain/codes/codes.ts'
import { isValidNhsNumber, nhsNumberDigits } from '../domain/identifiers/nhs-number.ts'
import { isValidUpn, normaliseUpn } from '../domain/identifiers/upn.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'

export interface PersonInput {
  givenName: string
  familyName: string
  preferredName?: string | null
  dateOfBirth?: string | null
  expectedDateOfBirth?: string | null
  sex?: string | null
  genderIdentity?: string | null
  ethnicity?: string | null
  religion?: string | null
  firstLanguage?: string | null
  interpreterNeeded?: boolean
  immigrationStatus?: string | null
  uasc?: boolean
  nhsNumber?: string | null
  upn?: string | null
  formerUpn?: string | null
  upnUnknown?: string | null
  educationSetting?: string | null
  gpPractice?: string | null
}

const EDITABLE: (keyof PersonInput)[] = [
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'expectedDateOfBirth',
  'sex',
  'genderIdentity',
  'ethnicity',
  'religion',
  'firstLanguage',
  'interpreterNeeded',
  'immigrationStatus',
  'uasc',
  'nhsNumber',
  'upn',
  'formerUpn',
  'upnUnknown',
  'educationSetting',
  'gpPractice',
]

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** Checks and normalises a person's details; throws a ValidationError listing every problem. */
export function checkPersonInput(input: PersonInput, now = today()): PersonInput {
  const c = new Checker()
  const givenName = blank(input.givenName)
  const familyName = blank(input.familyName)
  c.check(givenName !== null, 'givenName', 'Enter a first name (use "Unborn" for an unborn baby)')
  c.check(familyName !== null, 'familyName', 'Enter a last name')
  const dateOfBirth = checkDate(c, 'dateOfBirth', 'date of birth', input.dateOfBirth, { now })
  const expectedDateOfBirth = checkDate(
    c,
    'expectedDateOfBirth',
    'expected date of birth',
    input.expectedDateOfBirth,
    {
      allowFuture: true,
    },
  )
  if (!dateOfBirth && !expectedDateOfBirth && !c.errors.dateOfBirth && !c.errors.expectedDateOfBirth) {
    c.add('dateOfBirth', 'Enter a date of birth, or an expected date of birth for an unborn child')
  }
  const sex = blank(input.sex)
  c.check(sex === null || isCinCode('Sex', sex), 'sex', 'Choose male, female or not known')
  const ethnicity = blank(input.ethnicity)
  c.check(
    ethnicity === null || isCinCode('Ethnicity', ethnicity),
    'ethnicity',
    'Choose an ethnicity from the list',
  )
  const nhs = blank(input.nhsNumber)
  let nhsNumber: string | null = null
  if (nhs) {
    if (isValidNhsNumber(nhs)) nhsNumber = nhsNumberDigits(nhs)
    else
      c.add(
        'nhsNumber',
        'Enter a valid NHS number: 10 digits whose last digit is the check digit, like 943 476 5919',
      )
  }
  const upn = blank(input.upn)
  let normalisedUpn: string | null = null
  if (upn) {
    normalisedUpn = normaliseUpn(upn)
    c.check(
      normalisedUpn !== null && isValidUpn(upn),
      'upn',
      'Enter a valid UPN: 13 characters with a correct check letter',
    )
  }
  const formerUpnRaw = blank(input.formerUpn)
  let formerUpn: string | null = null
  if (formerUpnRaw) {
    formerUpn = normaliseUpn(formerUpnRaw)
    c.check(
      formerUpn !== null && isValidUpn(formerUpnRaw),
      'formerUpn',
      'Enter a valid former UPN, with a correct check letter',
    )
  }
  const upnUnknown = blank(input.upnUnknown)
  c.check(
    upnUnknown === null || isCinCode('UPNunknown', upnUnknown),
    'upnUnknown',
    'Choose a reason from the list',
  )
  c.throwIfAny()
  return {
    givenName: givenName!,
    familyName: familyName!,
    preferredName: blank(input.preferredName),
    dateOfBirth,
    expectedDateOfBirth: dateOfBirth ? null : expectedDateOfBirth,
    sex,
    genderIdentity: blank(input.genderIdentity),
    ethnicity,
    religion: blank(input.religion),
    firstLanguage: blank(input.firstLanguage),
    interpreterNeeded: input.interpreterNeeded ?? false,
    immigrationStatus: blank(input.immigrationStatus),
    uasc: input.uasc ?? false,
    nhsNumber,
    upn: normalisedUpn,
    formerUpn,
    upnUnknown: normalisedUpn ? null : upnUnknown,
    educationSetting: blank(input.educationSetting),
    gpPractice: blank(input.gpPractice),
  }
}

export interface PossibleDuplicate {
  id: number
  givenName: string
  familyName: string
  dateOfBirth: string | null
  reasons: string[]
}

/**
 * Records that may be the same person: same NHS number or UPN, or a similar name with the same date of
 * birth. Only records the user may see are listed; others are counted (never sealed ones), so the user
 * knows to ask rather than create a second record.
 */
export async function findPossibleDuplicates(db: DbOrTx, user: CurrentUser, input: PersonInput) {
  const conditions: SQL[] = []
  if (input.nhsNumber) conditions.push(eq(person.nhsNumber, input.nhsNumber))
  if (input.upn) conditions.push(eq(person.upn, input.upn))
  const dob = input.dateOfBirth ?? input.expectedDateOfBirth
  const fullName = `${input.givenName} ${input.familyName}`.toLowerCase()
  if (dob) {
    conditions.push(
      and(
        or(eq(person.dateOfBirth, dob), eq(person.expectedDateOfBirth, dob)),
        sql`similarity(lower(${person.givenName} || ' ' || ${person.familyName}), ${fullName}) > 0.3`,
      )!,
    )
  }
  if (conditions.length === 0) return { visible: [] as PossibleDuplicate[], hiddenCount: 0 }
  const rows = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      nhsNumber: person.nhsNumber,
      upn: person.upn,
      restriction: person.accessRestriction,
      visible: sql<boolean>`${visiblePersonCondition(user)}`,
    })
    .from(person)
    .where(or(...conditions))
    .limit(20)
  const visible: PossibleDuplicate[] = []
  let hiddenCount = 0
  for (const row of rows) {
    if (!row.visible) {
      if (row.restriction !== 'sealed') hiddenCount++
      continue
    }
    const reasons: string[] = []
    if (input.nhsNumber && row.nhsNumber === input.nhsNumber) reasons.push('same NHS number')
    if (input.upn && row.upn === input.upn) reasons.push('same UPN')
    if (reasons.length === 0) reasons.push('similar name and same date of birth')
    visible.push({
      id: row.id,
      givenName: row.givenName,
      familyName: row.familyName,
      dateOfBirth: row.dateOfBirth,
      reasons,
    })
  }
  return { visible, hiddenCount }
}

export async function createPerson(db: Db, actor: Actor, raw: PersonInput): Promise<number> {
  const input = checkPersonInput(raw)
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(person).values(input).returning({ id: person.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'person',
      entityId: id,
      personId: id,
      version: 1,
      changes: diffFields(null, input),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'person', subjectId: id, personId: id })
    return id
  })
}

export async function getPerson(db: DbOrTx, personId: number) {
  const [found] = await db.select().from(person).where(eq(person.id, personId))
  if (!found) throw new NotFoundError(`No person ${personId}`)
  return found
}

/**
 * Saves changed details. `expectedVersion` is the version the user started editing: if someone saved in
 * between, nothing is written and a ConflictError lists what they changed.
 */
export async function updatePerson(
  db: Db,
  actor: Actor,
  personId: number,
  expectedVersion: number,
  raw: PersonInput,
) {
  const input = checkPersonInput(raw)
  return db.transaction(async (tx) => {
    const current = await getPerson(tx, personId)
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        'Someone else changed these details while you were editing them.',
        await changesSince(tx, 'person', personId, expectedVersion),
      )
    }
    const before = Object.fromEntries(EDITABLE.map((k) => [k, current[k] ?? null]))
    const changes = diffFields(before, input)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    const updated = await tx
      .update(person)
      .set({ ...input, version })
      .where(and(eq(person.id, personId), eq(person.version, expectedVersion)))
      .returning({ id: person.id })
    if (updated.length === 0)
      throw new ConflictError('Someone else changed these details while you were editing them.', [])
    await recordChanges(tx, actor, { entityType: 'person', entityId: personId, personId, version, changes })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'person',
      subjectId: personId,
      personId,
      detail: { fields: changes.map((c) => c.field) },
    })
    return version
  })
}

/** What others changed in an entity after a version: for the conflict message. */
export async function changesSince(db: DbOrTx, entityType: string, entityId: number, version: number) {
  const rows = await db
    .select({
      field: changeHistory.field,
      newValue: changeHistory.newValue,
      at: changeHistory.at,
      by: userAccount.displayName,
    })
    .from(changeHistory)
    .leftJoin(userAccount, eq(userAccount.id, changeHistory.userId))
    .where(
      and(
        eq(changeHistory.entityType, entityType),
        eq(changeHistory.entityId, String(entityId)),
        sql`${changeHistory.version} > ${version}`,
      ),
    )
    .orderBy(asc(changeHistory.id))
  return rows.map((r) => ({ field: r.field, theirValue: r.newValue, by: r.by, at: r.at }))
}

export interface SearchCriteria {
  name?: string
  dateOfBirth?: string
  nhsNumber?: string
  upn?: string
  hearthId?: number
}

/**
 * Finds people by name (tolerating misspellings and partial names, across aliases), date of birth, NHS
 * number, UPN or Hearth ID — among the records the user may see. The search is written to the access log.
 */
export async function searchPeople(db: Db, actor: Actor, criteria: SearchCriteria, limit = 50) {
  const conditions: SQL[] = [visiblePersonCondition(actor.user)]
  const name = criteria.name?.trim().toLowerCase()
  const fullName = sql`lower(${person.givenName} || ' ' || ${person.familyName})`
  let score: SQL = sql`1`
  if (name) {
    // Every word typed must appear (as a prefix) in the name, or the whole should be similar in spelling.
    const words = name.split(/\s+/).filter(Boolean)
    const prefixMatch = and(
      ...words.map((w) => sql`${fullName} ~ ${`(^|\\s)${w.replace(/[^a-z'-]/g, '')}`}`),
    )!
    const aliasIds = db
      .select({ id: personName.personId })
      .from(personName)
      .where(sql`lower(${personName.givenName} || ' ' || ${personName.familyName}) % ${name}`)
    conditions.push(or(sql`${fullName} % ${name}`, prefixMatch, inArray(person.id, aliasIds))!)
    score = sql`similarity(${fullName}, ${name})`
  }
  if (criteria.dateOfBirth)
    conditions.push(
      or(eq(person.dateOfBirth, criteria.dateOfBirth), eq(person.expectedDateOfBirth, criteria.dateOfBirth))!,
    )
  if (criteria.nhsNumber)
    conditions.push(eq(person.nhsNumber, nhsNumberDigits(criteria.nhsNumber) ?? criteria.nhsNumber))
  if (criteria.upn) conditions.push(eq(person.upn, normaliseUpn(criteria.upn) ?? criteria.upn.toUpperCase()))
  if (criteria.hearthId) conditions.push(eq(person.id, criteria.hearthId))
  const results = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      expectedDateOfBirth: person.expectedDateOfBirth,
      sex: person.sex,
      score: sql<number>`${score}`,
    })
    .from(person)
    .where(and(...conditions))
    .orderBy(desc(sql`${score}`), asc(person.familyName), asc(person.givenName))
    .limit(limit)
  await logAccess(db, actor, {
    action: 'search',
    subjectType: 'person',
    detail: {
      by: Object.keys(criteria).filter((k) => criteria[k as keyof SearchCriteria]),
      results: results.length,
    },
  })
  return results
}
