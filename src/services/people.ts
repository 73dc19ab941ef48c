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

// --- Name search: each word typed matches a name by the start of a word, as spelt, by a slip or by sound ---

/** Accented letters and the plain letters name search reads them as, the same in the index and queries. */
const FOLDS: Record<string, string> = {
  a: 'àáâãäåāăą',
  c: 'çćč',
  d: 'ďđ',
  e: 'èéêëēėęě',
  g: 'ğ',
  i: 'ìíîïīįı',
  l: 'ľł',
  n: 'ńňñ',
  o: 'òóôõöøōő',
  r: 'ŕř',
  s: 'śšş',
  t: 'ťţ',
  u: 'ùúûüūůűų',
  y: 'ýÿ',
  z: 'źżž',
}
const ACCENTED = Object.values(FOLDS).join('')
const PLAIN = Object.entries(FOLDS)
  .map(([plain, accented]) => plain.repeat([...accented].length))
  .join('')
const PLAIN_OF = new Map([...ACCENTED].map((letter, i) => [letter, PLAIN[i]!]))

/** Spaces, hyphens and apostrophes, which a name is read without (O'Brien is obrien, Smith-Jones smithjones). */
const MARKS = "' -"
const unmarked = (text: string) => [...text].filter((letter) => !MARKS.includes(letter)).join('')

/** A name in lower case without its accents and marks (Wiśniewska → wisniewska), as `folded` is in SQL. */
export const foldName = (name: string) =>
  unmarked([...name.toLowerCase()].map((letter) => PLAIN_OF.get(letter) ?? letter).join(''))

/** SQL: a text in lower case without its accents and marks, as foldName. */
export const folded = (text: string) => `translate(lower(${text}), '${ACCENTED}'' -', '${PLAIN}')`

/** SQL: a text in lower case without its marks (accents kept). */
const unmarkedSql = (text: string) => `translate(lower(${text}), ''' -', '')`

/** SQL: a name column folded, cheaply for a name without accents (most of them). */
const plainName = (column: string) =>
  `(case when octet_length(${column}) = char_length(${column}) then ${unmarkedSql(column)} else ${folded(column)} end)`

/**
 * SQL: how a folded name sounds, roughly, so that Mohammed and Muhammad, Thomsen and Thompson, Smith and
 * Smyth, Stephen and Steven, Catherine and Katherine share a key: every vowel (y too) is `a`, c and q are
 * k, z is s, v and ph are f; h after the first letter, gh and the p of mps/mpt are silent; a run of one
 * letter counts once; spaces, hyphens and apostrophes go. soundOf is the same in TypeScript.
 */
export const soundSql = (text: string) =>
  `regexp_replace(regexp_replace(regexp_replace(translate(${text}, 'eiouycqzv'' -', 'aaaaakksf'), 'ph', 'f', 'g'), '\\Yg?h|(?<=m)p(?=[st])', '', 'g'), '(.)\\1+', '\\1', 'g')`

const SOUND_LETTERS: Record<string, string> = {
  e: 'a',
  i: 'a',
  o: 'a',
  u: 'a',
  y: 'a',
  c: 'k',
  q: 'k',
  z: 's',
  v: 'f',
}

/** How a folded name sounds, as soundSql works it out. */
export function soundOf(plain: string): string {
  return [...plain]
    .filter((letter) => !MARKS.includes(letter))
    .map((letter) => SOUND_LETTERS[letter] ?? letter)
    .join('')
    .replace(/ph/g, 'f')
    .replace(/(?<=[\p{L}\p{N}_])g?h|(?<=m)p(?=[st])/gu, '')
    .replace(/(.)\1+/gu, '$1')
}

/** Names are found by a slip in any of their first letters (a longer name, by a slip in its first 16). */
const SLIP_POSITIONS = 16

/**
 * SQL: the keys a name (given and family, of table alias `t`) is found by, besides the start of each of
 * its words: each name folded; how it sounds (`~`); and each name with one letter left out (`_`), which
 * meets the typed word with one left out when the two differ by one letter changed or two swapped. The
 * GIN indexes in NAME_SEARCH_INDEXES hold exactly this expression.
 */
function nameKeys(t: string): string {
  const keys: string[] = []
  for (const column of [`${t}given_name`, `${t}family_name`]) {
    keys.push(folded(column), `'~' || ${soundSql(folded(column))}`)
    for (let i = 1; i <= SLIP_POSITIONS; i++)
      keys.push(`'_' || overlay(${unmarkedSql(column)} placing '' from ${i} for 1)`)
  }
  return `array[${keys.join(', ')}]`
}

/**
 * SQL: the words of a name in lower case, as the trigram indexes in NAME_SEARCH_INDEXES hold them: a hyphen
 * parts words (Smith-Jones: smith jones), an apostrophe does not (O'Connor: oconnor).
 */
const wordsOfName = (t: string) => `translate(lower(${t}given_name || ' ' || ${t}family_name), '-''', ' ')`

/**
 * The indexes that make name search fast in a large authority (a migration creates them): trigram indexes
 * of the words of names find the start of a word (they replace migration 0003's, which name search no
 * longer reads); GIN indexes of the keys of names find them as spelt, by a slip or by sound.
 */
export const NAME_SEARCH_INDEXES = [
  `CREATE INDEX IF NOT EXISTS person_name_keys_idx ON person USING gin ((${nameKeys('')}))`,
  `CREATE INDEX IF NOT EXISTS person_name_name_keys_idx ON person_name USING gin ((${nameKeys('')}))`,
  `CREATE INDEX IF NOT EXISTS person_name_words_trgm_idx ON person USING gin ((${wordsOfName('')}) gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS person_name_name_words_trgm_idx ON person_name USING gin ((${wordsOfName('')}) gin_trgm_ops)`,
]

/** The same word with one letter left out, at each place in turn. */
const withOneLeftOut = (letters: string[]) =>
  letters.map((_, i) => [...letters.slice(0, i), ...letters.slice(i + 1)].join(''))

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'

/**
 * The spellings one slip away from a word of four letters or more — a letter missing, one too many, one
 * changed, or two swapped — and, for a word of three, one too many. They rank a match found by a slip.
 */
export function nearSpellings(word: string): string[] {
  const letters = [...word]
  const n = letters.length
  if (n < 3) return []
  const at = (i: number, j: number) => letters.slice(i, j).join('')
  const near = new Set(withOneLeftOut(letters))
  if (n >= 4) {
    for (let i = 0; i < n - 1; i++) near.add(at(0, i) + letters[i + 1] + letters[i] + at(i + 2, n))
    for (let i = 0; i <= n; i++)
      for (const letter of ALPHABET) {
        if (i < n) near.add(at(0, i) + letter + at(i + 1, n))
        near.add(at(0, i) + letter + at(i, n))
      }
  }
  near.delete(word)
  return [...near].filter((spelling) => spelling.length >= 2)
}

interface TypedWord {
  /** As typed, in lower case. */
  typed: string
  /** As the words of a name are held (see wordsOfName): matched against the start of each. */
  words: string
  /** Without accents or marks: matched against whole names as spelt. */
  plain: string
  /** Whole names (folded) it finds: as spelt and, with three letters or more, with one letter too many. */
  spelt: string[]
  /**
   * Names it finds with one letter left out of them (in lower case, without marks): itself (the name has a
   * letter it lacks) and, with four letters or more, itself with one left out (one changed, two swapped).
   */
  slipped: string[]
  /**
   * How it sounds, for a word of four letters or more whose sound has three letters or more (`lee` would
   * find every Leo, Lea and Li); or null.
   */
  sound: string | null
}

/** The words typed (the first six), as letters, apostrophes and hyphens. */
function typedWords(name: string): TypedWord[] {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}'-]/gu, ''))
    .filter((word) => /\p{L}/u.test(word))
    .slice(0, 6)
    .map((typed) => {
      const plain = foldName(typed)
      const letters = unmarked(typed)
      const n = [...letters].length
      const sound = soundOf(plain)
      return {
        typed,
        words: asNameWords(typed),
        plain,
        spelt: n >= 3 ? [plain, ...withOneLeftOut([...plain])] : [plain],
        slipped: n >= 4 ? [letters, ...withOneLeftOut([...letters])] : n === 3 ? [letters] : [],
        sound: n >= 4 && [...sound].length >= 3 ? sound : null,
      }
    })
}

/** A text[] parameter (drizzle would spread a JS array into one parameter per element). */
const textArray = (values: string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`

const nameWords = (t: string) => sql.raw(wordsOfName(t))
/** A typed word as the words of a name are held (see wordsOfName). */
const asNameWords = (typed: string) => typed.replace(/'/g, '').replace(/-/g, ' ').trim()

/** SQL: a word of the name starts with the typed word (the trigram index finds candidates, rechecked). */
const startsAWord = (t: string, w: TypedWord) => sql`${nameWords(t)} ~ ${`(^| )${w.words}`}`

/**
 * SQL: the name has one of the typed word's keys (see nameKeys): exact, through the GIN index, so nothing
 * is rechecked. The keys are a subquery so that the planner does not weigh each: it once judged 470 of
 * them too many for the index, and read the whole table.
 */
function keysMatch(t: string, w: TypedWord): SQL {
  const keys = [...w.spelt, ...w.slipped.map((k) => `_${k}`), ...(w.sound ? [`~${w.sound}`] : [])]
  return sql`${sql.raw(nameKeys(t))} && (select ${textArray(keys)})`
}

/**
 * SQL: what keysMatch finds, worked out from the name of `t` rather than read from the index: making a
 * name's keys costs about 25 µs, these tests about 2, as most fail at the first or on the name's length.
 */
function wholeNameMatches(t: string, w: TypedWord): SQL {
  const n = [...(w.slipped[0] ?? '')].length
  const tests: SQL[] = []
  for (const column of [`${t}given_name`, `${t}family_name`]) {
    const name = sql.raw(unmarkedSql(column))
    tests.push(sql`${sql.raw(plainName(column))} = any(${textArray(w.spelt)})`)
    if (w.slipped.length > 0) {
      const slipped = textArray(w.slipped)
      tests.push(sql`(char_length(${name}) between ${n - 1} and ${n + 1} and (
        (char_length(${name}) < ${SLIP_POSITIONS} and ${name} = any(${slipped}))
        or exists (select from generate_series(1, least(char_length(${name}), ${SLIP_POSITIONS})) i
          where overlay(${name} placing '' from i for 1) = any(${slipped}))))`)
    }
    if (w.sound) {
      // A name's sound starts with its first letter as soundSql turns it (or f, for ph): a cheap test first.
      const first = [...w.sound][0]!
      tests.push(sql`(translate(left(${sql.raw(plainName(column))}, 1), 'eiouycqzv', 'aaaaakksf')
          in (${first}, ${first === 'f' ? 'p' : first})
        and ${sql.raw(soundSql(plainName(column)))} = ${w.sound})`)
    }
  }
  return sql`(${sql.join(tests, sql` or `)})`
}

/**
 * SQL: every typed word matches the name of table alias `t` (`person.`, `n.`): a word of it starts with the
 * typed word, or a whole name matches it as spelt, by a slip or by sound — through the indexes, or (not
 * `indexed`) by testing the name itself, for the few hundred people in an ordinary worker's reach.
 */
function nameMatches(t: string, words: TypedWord[], indexed: boolean): SQL {
  return sql.join(
    words.map((w) => sql`(${startsAWord(t, w)} or ${indexed ? keysMatch(t, w) : wholeNameMatches(t, w)})`),
    sql` and `,
  )
}

/**
 * SQL: how well the name of `t` matches, from 0.5 to 1 — for each typed word 1 for a whole word as spelt,
 * 0.8 for the start of a word, 0.6 for a slip, 0.5 for a sound-alike — averaged over the words. The cheap
 * tests come first, as thousands of people may share a family name.
 */
function nameScore(t: string, words: TypedWord[]): SQL {
  const full = nameWords(t)
  const [given, family] = [sql.raw(`lower(${t}given_name)`), sql.raw(`lower(${t}family_name)`)]
  const [plainGiven, plainFamily] = [
    sql.raw(plainName(`${t}given_name`)),
    sql.raw(plainName(`${t}family_name`)),
  ]
  const perWord = words.map((w) => {
    const near = textArray(nearSpellings(w.plain))
    return sql`case
      when ${given} = ${w.typed} or ${family} = ${w.typed} then 1
      when ${full} ~ ${`(^| )${w.words}`} then
        case when ${full} ~ ${`(^| )${w.words}($| )`} then 1 else 0.8 end
      when ${plainGiven} = ${w.plain} or ${plainFamily} = ${w.plain} then 1
      when ${plainGiven} = any(${near}) or ${plainFamily} = any(${near}) then 0.6
      else 0.5 end`
  })
  return sql`((${sql.join(perWord, sql` + `)}) / ${words.length}::float8)`
}

/**
 * Up to this many people in a user's reach, name search tests each of them; beyond, it finds every match
 * in the authority through the indexes (a few milliseconds, whatever the reach: a service manager's runs
 * to thousands) and keeps those in reach.
 */
const TESTED_ONE_BY_ONE = 500

/**
 * For a user who sees every child, the names found only by the start of a word are the first this many
 * found: "har" starts 27,000 names in a large authority, all ranked alike, and reading them took 80 ms. (A
 * user's reach bounds them otherwise; and with a limit there, the planner read the whole table for them.)
 */
const STARTS_READ = 500

/** The columns a search reads, from `person`. */
const CANDIDATE_COLUMNS = sql.raw(
  'person.id, person.given_name, person.family_name, person.date_of_birth, person.expected_date_of_birth, person.sex, person.access_restriction',
)

/**
 * The people a name could mean, with how well it matches (`score`): by current name, then by other names
 * (aliases, former names) of people their current name does not find — for a user who sees only some
 * children, among the ids in their reach (from personIdsInReach). Whether the user may see each is for
 * the caller.
 */
function nameCandidates(name: string, reach: number[] | null, testedOneByOne: number): SQL | null {
  const words = typedWords(name)
  if (words.length === 0) return null
  const oneByOne = reach !== null && reach.length <= testedOneByOne
  // `+ 0` keeps the planner from starting at the reach when the indexes should.
  const inReach = (column: string) =>
    reach === null
      ? sql``
      : sql` and ${sql.raw(oneByOne ? column : `(${column} + 0)`)} = any(${`{${reach.join(',')}}`}::int[])`
  const select = (match: SQL) =>
    sql`select ${CANDIDATE_COLUMNS}, ${nameScore('person.', words)} as score from person where ${match}${inReach('person.id')}`
  // Through the indexes, one word: everyone with a whole name matching it (as spelt, by a slip or by sound),
  // and a bounded number of those matched by the start of a word. More words find few people either way.
  const byCurrentName = oneByOne
    ? select(nameMatches('person.', words, false))
    : sql`${words.length === 1 ? sql`${select(keysMatch('person.', words[0]!))} union ` : sql``}
      select * from (
        ${select(words.length === 1 ? startsAWord('person.', words[0]!) : nameMatches('person.', words, true))}
        ${reach === null ? sql`limit ${STARTS_READ}` : sql``}
      ) by_start`
  return sql`with by_name as (${byCurrentName})
    select * from by_name
    union all
    select * from (
      select distinct on (person.id) ${CANDIDATE_COLUMNS}, ${nameScore('n.', words)} as score
        from person_name n join person on person.id = n.person_id
        where ${nameMatches('n.', words, !oneByOne)}${inReach('n.person_id')}
          and person.id not in (select id from by_name)
        order by person.id, score desc
    ) by_other_name`
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
 * the user's visibility then filter them, so only a few rows are ever read. Names rank by how well each
 * word typed matches (as spelt, the start of a word, a slip, a sound-alike), then shortest first.
 */
export async function searchPeople(db: Db, actor: Actor, criteria: SearchCriteria, limit = 50) {
  return db.transaction(async (tx) => {
    // The visibility check's subqueries make the planner overestimate this few-millisecond query past
    // jit_above_cost, and compiling it took PostgreSQL 50–60 ms, most of an ordinary worker's search.
    await tx.execute(sql`set local jit = off`)
    // Parallel workers only slow a search down when other users' requests keep every core busy.
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`)
    const query = await searchQuery(tx, actor.user, criteria, limit)
    const results = query === null ? [] : await queryRows<SearchRow>(tx, query)
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

/**
 * The query searchPeople runs, or null when there is nothing to search by. (`testedOneByOne` is for tests,
 * which have no reach large enough to search through the indexes.)
 */
export async function searchQuery(
  db: DbOrTx,
  user: CurrentUser,
  criteria: SearchCriteria,
  limit = 50,
  testedOneByOne = TESTED_ONE_BY_ONE,
): Promise<SQL | null> {
  const name = criteria.name?.trim().toLowerCase() || null
  const nhsNumber = criteria.nhsNumber ? (nhsNumberDigits(criteria.nhsNumber) ?? criteria.nhsNumber) : null
  const upn = criteria.upn ? (normaliseUpn(criteria.upn) ?? criteria.upn.toUpperCase()) : null
  const dob = criteria.dateOfBirth || null
  const byIdentifier: SQL[] = []
  if (criteria.hearthId) byIdentifier.push(sql`person.id = ${criteria.hearthId}`)
  if (nhsNumber) byIdentifier.push(sql`person.nhs_number = ${nhsNumber}`)
  if (upn) byIdentifier.push(sql`person.upn = ${upn}`)
  const byDob = (column: string) => sql`${sql.raw(`person.${column}`)} = ${dob}::date`
  const reach = personIdsInReach(user)
  const reachIds =
    name && reach
      ? (await queryRows<{ id: number }>(db, sql`select distinct id from (${reach}) reach(id)`)).map(
          (r) => r.id,
        )
      : null
  // Nothing to search by (a name of only spaces or symbols, say) finds nobody, rather than everybody.
  const candidates = name
    ? nameCandidates(name, reachIds, testedOneByOne)
    : byIdentifier.length > 0
      ? sql`select ${CANDIDATE_COLUMNS}, 1::float8 as score from person where ${sql.join(byIdentifier, sql` and `)}`
      : dob
        ? sql`select ${CANDIDATE_COLUMNS}, 1::float8 as score from person where ${byDob('date_of_birth')}
          union all select ${CANDIDATE_COLUMNS}, 1::float8 from person
            where ${byDob('expected_date_of_birth')} and person.date_of_birth is distinct from ${dob}::date`
        : null
  if (candidates === null) return null
  // The candidates are named `person`, so the visibility condition (written against person) applies.
  const criteriaHold = [
    ...(name ? byIdentifier : []),
    ...(dob ? [sql`(${byDob('date_of_birth')} or ${byDob('expected_date_of_birth')})`] : []),
  ]
  const visible = visiblePersonCondition(user)
  // For a user who sees only some children the visibility check is a lateral subquery, run person by person
  // (0.01 ms each): as a condition, the planner priced that at the line-management CTE each time, and for
  // more than about 20 people worked out every open allocation in the authority instead (15–25 ms).
  return sql`select person.id, person.given_name as "givenName", person.family_name as "familyName",
          person.date_of_birth::text as "dateOfBirth", person.expected_date_of_birth::text as "expectedDateOfBirth",
          person.sex, person.score
        from (${candidates}) as person
          ${reach ? sql`cross join lateral (select where ${visible} offset 0) as visible` : sql``}
        where ${sql.join([...(reach ? [] : [visible]), ...criteriaHold, sql`true`], sql` and `)}
        order by person.score desc, length(person.given_name) + length(person.family_name), person.family_name,
          person.given_name, person.id
        limit ${limit}`
}

/** For tests: the two ways a name is matched — through the indexes, and by testing each name — on alias `t`. */
export function nameMatchesBothWays(t: string, name: string) {
  const words = typedWords(name)
  return { indexed: nameMatches(t, words, true), oneByOne: nameMatches(t, words, false) }
}
