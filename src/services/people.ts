import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { personIdsInReach, visiblePersonCondition } from '../auth/record-access.ts'
import { type Db, type DbOrTx, queryRows } from '../db/client.ts'
import { changeHistory, person, userAccount } from '../db/schema/index.ts'
import { isCinCode } from '../domain/codes/codes.ts'
import { isValidNhsNumber, nhsNumberDigits } from '../domain/identifiers/nhs-number.ts'
import { isValidUpn, normaliseUpn } from '../domain/identifiers/upn.ts'
import { checkDate, longDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'

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
    // Recording the birth of a child referred before birth: the child cannot have been born before a
    // referral that was made for them as an unborn child.
    if (input.dateOfBirth && !current.dateOfBirth && current.expectedDateOfBirth) {
      const [latest] = await queryRows<{ referralDate: string }>(
        tx,
        sql`select max(referral_date)::text as "referralDate" from referral where person_id = ${personId}`,
      )
      if (latest?.referralDate && input.dateOfBirth < latest.referralDate)
        throw new ValidationError({
          dateOfBirth: `The child was referred as an unborn child on ${longDate(latest.referralDate)}, so cannot have been born before then`,
        })
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

/** The columns a search reads, from `person` as `p`. */
const CANDIDATE_COLUMNS = sql.raw(
  'p.id, p.given_name, p.family_name, p.date_of_birth, p.expected_date_of_birth, p.sex, p.access_restriction',
)
/** The full name as the trigram indexes hold it (migration 0003), so the planner can use them. */
const FULL_NAME = sql.raw(`lower(p.given_name || ' ' || p.family_name)`)

/** The words typed, as letters, apostrophes and hyphens. */
const wordsOf = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z'-]/g, ''))
    .filter(Boolean)

/** Every word typed starts a word of the name. (A word start is `(^| )`: pg_trgm finds trigrams in that, not in `\s`.) */
const wordStarts = (words: string[]) =>
  sql.join(
    words.map((w) => sql`${FULL_NAME} ~ ${`(^| )${w}`}`),
    sql` and `,
  )

/**
 * The people a name could mean, as a UNION of queries each of which an index answers: similar spelling of
 * the whole name, every word typed starting a word of the name, and similar other names (aliases) — all
 * through the trigram indexes. One query OR-ing the three read every person in the authority.
 */
function nameCandidates(name: string): SQL[] {
  const words = wordsOf(name)
  const branches: SQL[] = [sql`select ${CANDIDATE_COLUMNS} from person p where ${FULL_NAME} % ${name}`]
  if (words.length > 0)
    branches.push(sql`select ${CANDIDATE_COLUMNS} from person p where ${wordStarts(words)}`)
  branches.push(
    sql`select ${CANDIDATE_COLUMNS} from person p where p.id in (select n.person_id from person_name n where lower(n.given_name || ' ' || n.family_name) % ${name})`,
  )
  return branches
}

/**
 * The same people among those a user could see (`reach`, from personIdsInReach): an ordinary worker sees
 * a few hundred children, so matching the name against each of them is far cheaper than finding every
 * match in the authority through the indexes and then checking the user may see each.
 */
function nameCandidatesWithin(name: string, reach: SQL): SQL[] {
  const words = wordsOf(name)
  const matches: SQL[] = [sql`${FULL_NAME} % ${name}`]
  if (words.length > 0) matches.push(sql`(${wordStarts(words)})`)
  matches.push(
    sql`exists (select 1 from person_name n where n.person_id = p.id and lower(n.given_name || ' ' || n.family_name) % ${name})`,
  )
  return [
    sql`select ${CANDIDATE_COLUMNS} from person p where p.id in (${reach}) and (${sql.join(matches, sql` or `)})`,
  ]
}

interface SearchRow {
  id: number
  givenName: string
  familyName: string
  dateOfBirth: string | null
  expectedDateOfBirth: string | null
  sex: string | null
  score: number
}

/**
 * Finds people by name (tolerating misspellings and partial names, across aliases), date of birth, NHS
 * number, UPN or Hearth ID — among the records the user may see. The search is written to the access log.
 *
 * The candidates come from index-friendly queries (by name, else by identifier, else by date of birth) —
 * for a user who sees only some children, by name among those they could see; every criterion given and
 * the user's visibility then filter them, so only a few rows are ever read.
 */
export async function searchPeople(db: Db, actor: Actor, criteria: SearchCriteria, limit = 50) {
  const name = criteria.name?.trim().toLowerCase() || null
  const nhsNumber = criteria.nhsNumber ? (nhsNumberDigits(criteria.nhsNumber) ?? criteria.nhsNumber) : null
  const upn = criteria.upn ? (normaliseUpn(criteria.upn) ?? criteria.upn.toUpperCase()) : null
  const dob = criteria.dateOfBirth || null
  const byIdentifier: SQL[] = []
  if (criteria.hearthId) byIdentifier.push(sql`p.id = ${criteria.hearthId}`)
  if (nhsNumber) byIdentifier.push(sql`p.nhs_number = ${nhsNumber}`)
  if (upn) byIdentifier.push(sql`p.upn = ${upn}`)
  const byDob = dob
    ? [
        sql`select ${CANDIDATE_COLUMNS} from person p where p.date_of_birth = ${dob}::date`,
        sql`select ${CANDIDATE_COLUMNS} from person p where p.expected_date_of_birth = ${dob}::date`,
      ]
    : []
  const reach = personIdsInReach(actor.user)
  const candidates = name
    ? reach
      ? nameCandidatesWithin(name, reach)
      : nameCandidates(name)
    : byIdentifier.length > 0
      ? [sql`select ${CANDIDATE_COLUMNS} from person p where ${sql.join(byIdentifier, sql` and `)}`]
      : byDob
  // The candidates are named `person`, so the visibility condition (written against person) applies.
  const filters: SQL[] = [visiblePersonCondition(actor.user)]
  if (name && byIdentifier.length > 0)
    filters.push(sql`person.id in (select p.id from person p where ${sql.join(byIdentifier, sql` and `)})`)
  if (dob)
    filters.push(sql`(person.date_of_birth = ${dob}::date or person.expected_date_of_birth = ${dob}::date)`)
  const score = name
    ? sql`similarity(lower(person.given_name || ' ' || person.family_name), ${name})`
    : sql`1`
  const query = sql`select person.id, person.given_name as "givenName", person.family_name as "familyName",
          person.date_of_birth::text as "dateOfBirth", person.expected_date_of_birth::text as "expectedDateOfBirth",
          person.sex, (${score})::float8 as score
        from (${sql.join(candidates, sql` union `)}) as person
        where ${sql.join(filters, sql` and `)}
        order by score desc, person.family_name, person.given_name
        limit ${limit}`
  return db.transaction(async (tx) => {
    // The visibility check's subqueries make the planner overestimate this few-millisecond query past
    // jit_above_cost, and compiling it took PostgreSQL 50–60 ms, most of an ordinary worker's search.
    await tx.execute(sql`set local jit = off`)
    // Nothing to search by (a name of only spaces, say) finds nobody, rather than everybody.
    const results = candidates.length === 0 ? [] : await queryRows<SearchRow>(tx, query)
    await logAccess(tx, actor, {
      action: 'search',
      subjectType: 'person',
      detail: {
        by: Object.keys(criteria).filter((k) => criteria[k as keyof SearchCriteria]),
        results: results.length,
      },
    })
    return results
  })
}
