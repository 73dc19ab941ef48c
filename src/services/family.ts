import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { diffFields } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import { type Db, type DbOrTx, queryRows } from '../db/client.ts'
import {
  AGENCY_TYPES,
  type AgencyType,
  person,
  professionalContact,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  relationship,
} from '../db/schema/index.ts'
import { addCalendarDays } from '../domain/calendar/iso-date.ts'
import { today } from './dates.ts'
import { Checker, NotFoundError, ValidationError } from './errors.ts'
import { checkPersonInput, createPerson, type PersonInput } from './people.ts'
import { checkPeriod, isCurrent, periodsOverlap, recordSave, refuseIfMoved } from './person-details.ts'

// The family and network around a person: relationships (stored once, read from either side), the
// household derived from them over time, siblings, and the professionals working with the child.

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

// ---------------------------------------------------------------------------------------------------
// Relationships

/** What the other person is called, seen from this person: "Parent" means "the other is my parent". */
export const RELATIONSHIP_LABELS: Record<RelationshipType, string> = {
  parent: 'Parent',
  child: 'Child',
  sibling: 'Brother or sister',
  'half-sibling': 'Half-brother or half-sister',
  'step-parent': 'Step-parent',
  'step-child': 'Step-child',
  grandparent: 'Grandparent',
  grandchild: 'Grandchild',
  'aunt-or-uncle': 'Aunt or uncle',
  'niece-or-nephew': 'Niece or nephew',
  partner: 'Partner',
  'household-member': 'Lives in the household',
  friend: 'Friend',
  carer: 'Carer',
  'cared-for': 'Cared for by this person',
}

/** If A is B's X, then B is A's INVERSE[X]. */
export const INVERSE: Record<RelationshipType, RelationshipType> = {
  parent: 'child',
  child: 'parent',
  sibling: 'sibling',
  'half-sibling': 'half-sibling',
  'step-parent': 'step-child',
  'step-child': 'step-parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  'aunt-or-uncle': 'niece-or-nephew',
  'niece-or-nephew': 'aunt-or-uncle',
  partner: 'partner',
  'household-member': 'household-member',
  friend: 'friend',
  carer: 'cared-for',
  'cared-for': 'carer',
}

// Stored pointing "up" (the related person is the parent, carer…), so the parental responsibility flag
// always means "the related person holds parental responsibility for the person".
const DOWNWARD: ReadonlySet<RelationshipType> = new Set([
  'child',
  'step-child',
  'grandchild',
  'niece-or-nephew',
  'cared-for',
])

/**
 * Relationships in which the other person can hold parental responsibility for this one. Recorded from
 * either side, the flag always means the parent, carer… holds it for the child of the relationship.
 */
export const PR_TYPES: ReadonlySet<RelationshipType> = new Set([
  'parent',
  'step-parent',
  'grandparent',
  'aunt-or-uncle',
  'carer',
])

export const isRelationshipType = (v: string | null | undefined): v is RelationshipType =>
  !!v && (RELATIONSHIP_TYPES as readonly string[]).includes(v)

export interface RelationshipDetails {
  /** What the related person is to this person. */
  type: string
  /** The related person holds parental responsibility for this person. */
  parentalResponsibility?: boolean
  sameHousehold?: boolean
  startedOn?: string | null
  endedOn?: string | null
}

export interface RelationshipInput extends RelationshipDetails {
  /** Someone who already has a record (their Hearth ID)… */
  relatedPersonId?: number | null
  /** …or a new person, recorded at the same time. */
  newPerson?: PersonInput | null
}

function checkDetails(c: Checker, raw: RelationshipDetails) {
  const type = blank(raw.type)
  if (!isRelationshipType(type)) c.add('type', 'Choose how they are related')
  const pr = raw.parentalResponsibility ?? false
  if (pr && isRelationshipType(type) && !PR_TYPES.has(type) && !PR_TYPES.has(INVERSE[type])) {
    c.add(
      'parentalResponsibility',
      'Parental responsibility can only be recorded for a parent, step-parent, grandparent, aunt or uncle, or carer. If someone else holds it by court order, add them as a carer',
    )
  }
  const { startedOn, endedOn } = checkPeriod(c, raw, {
    startLabel: 'the start date',
    endLabel: 'the end date',
  })
  return {
    type: (type ?? 'friend') as RelationshipType,
    parentalResponsibility: pr,
    sameHousehold: raw.sameHousehold ?? false,
    startedOn,
    endedOn,
  }
}

/** The row to store for "other is person's `type`": turned round if it points down. */
function oriented(personId: number, otherId: number, details: ReturnType<typeof checkDetails>) {
  return DOWNWARD.has(details.type)
    ? { ...details, personId: otherId, relatedPersonId: personId, type: INVERSE[details.type] }
    : { ...details, personId, relatedPersonId: otherId }
}

const personLabel = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`
const nameOf = (p: { givenName: string | null; familyName: string | null } | undefined) =>
  p?.givenName || p?.familyName
    ? `${p.givenName ?? ''} ${p.familyName ?? ''}`.trim()
    : 'a person with a restricted record'

async function refuseDuplicate(
  tx: DbOrTx,
  c: Checker,
  row: ReturnType<typeof oriented>,
  exceptId: number | null,
  otherName: string,
) {
  const same = await tx
    .select()
    .from(relationship)
    .where(
      and(
        eq(relationship.personId, row.personId),
        eq(relationship.relatedPersonId, row.relatedPersonId),
        eq(relationship.type, row.type),
        exceptId === null ? undefined : sql`${relationship.id} <> ${exceptId}`,
      ),
    )
  if (same.some((s) => periodsOverlap(s, row))) {
    c.add('type', `This relationship with ${otherName} is already recorded for these dates`)
  }
}

async function visiblePerson(db: DbOrTx, user: CurrentUser, id: number) {
  const [found] = await db
    .select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(and(eq(person.id, id), visiblePersonCondition(user)))
  return found
}

/**
 * Records how someone is related to a person: someone who already has a record the user may see, or a
 * new person recorded in the same transaction (after the caller's duplicate check). No allocation is made
 * for a relative: their own record is reached through this person's family page.
 */
export async function addRelationship(
  db: Db,
  actor: Actor,
  personId: number,
  raw: RelationshipInput,
): Promise<{ id: number; relatedPersonId: number }> {
  const c = new Checker()
  const details = checkDetails(c, raw)
  let newPerson: PersonInput | null = null
  let other: { id: number; givenName: string; familyName: string } | undefined
  if (raw.newPerson) {
    try {
      newPerson = checkPersonInput(raw.newPerson)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      for (const [field, message] of Object.entries(error.fields)) c.add(field, message)
    }
  } else if (!raw.relatedPersonId) {
    c.add('relatedPersonId', 'Enter the Hearth ID of the person, or add them as a new person')
  } else if (raw.relatedPersonId === personId) {
    c.add('relatedPersonId', 'A person cannot be related to themselves: enter the Hearth ID of someone else')
  } else {
    other = await visiblePerson(db, actor.user, raw.relatedPersonId)
    if (!other)
      c.add('relatedPersonId', `There is no record you can see with Hearth ID ${raw.relatedPersonId}`)
  }
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [self] = await tx
      .select({ id: person.id })
      .from(person)
      .where(eq(person.id, personId))
      .for('update')
    if (!self) throw new NotFoundError(`No person ${personId}`)
    let otherId: number
    if (newPerson) {
      otherId = await createPerson(tx as Db, actor, newPerson)
      other = { id: otherId, givenName: newPerson.givenName, familyName: newPerson.familyName }
    } else {
      otherId = other!.id
    }
    const row = oriented(personId, otherId, details)
    await refuseDuplicate(tx, c, row, null, personLabel(other!))
    c.throwIfAny()
    const [created] = await tx.insert(relationship).values(row).returning({ id: relationship.id })
    await recordSave(tx, actor, {
      entityType: 'relationship',
      id: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, row),
      action: 'create',
      detail: { relatedPersonId: otherId, newPerson: newPerson !== null },
    })
    return { id: created!.id, relatedPersonId: otherId }
  })
}

/** A relationship the person is part of, on either side; refused (not found) otherwise. */
async function getRelationship(tx: DbOrTx, personId: number, relationshipId: number) {
  const [row] = await tx
    .select()
    .from(relationship)
    .where(
      and(
        eq(relationship.id, relationshipId),
        or(eq(relationship.personId, personId), eq(relationship.relatedPersonId, personId)),
      ),
    )
    .for('update')
  if (!row) throw new NotFoundError(`No relationship ${relationshipId} for person ${personId}`)
  return row
}

/** The stored row as this person sees it: the other person, and what they are to this person. */
function asSeenBy(personId: number, row: typeof relationship.$inferSelect) {
  const forward = row.personId === personId
  return {
    otherId: forward ? row.relatedPersonId : row.personId,
    type: forward ? row.type : INVERSE[row.type],
    /** Who holds parental responsibility, if anyone: the other person, or this person. */
    parentalResponsibility: row.parentalResponsibility
      ? forward
        ? ('other' as const)
        : ('this-person' as const)
      : null,
  }
}

/** One relationship as this person sees it; the other's name is withheld if `user` may not see it. */
export async function getRelationshipAsSeenBy(
  db: DbOrTx,
  personId: number,
  relationshipId: number,
  user?: CurrentUser,
) {
  const row = await getRelationship(db, personId, relationshipId)
  const seen = asSeenBy(personId, row)
  const other = (await peopleSeenBy(db, [seen.otherId], user)).get(seen.otherId)
  return {
    id: row.id,
    version: row.version,
    otherId: seen.otherId,
    otherName: nameOf(other),
    type: seen.type,
    parentalResponsibility: row.parentalResponsibility,
    sameHousehold: row.sameHousehold,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
  }
}

/** Changes a relationship, described from this person's side (type: what the other is to them). */
export async function changeRelationship(
  db: Db,
  actor: Actor,
  personId: number,
  relationshipId: number,
  expectedVersion: number,
  raw: RelationshipDetails,
): Promise<number> {
  const c = new Checker()
  const details = checkDetails(c, raw)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await getRelationship(tx, personId, relationshipId)
    await refuseIfMoved(tx, 'relationship', relationshipId, current, expectedVersion, 'relationship')
    const { otherId } = asSeenBy(personId, current)
    const other = (await peopleSeenBy(tx, [otherId], actor.user)).get(otherId)
    const row = oriented(personId, otherId, details)
    await refuseDuplicate(tx, c, row, relationshipId, nameOf(other))
    c.throwIfAny()
    const { id: _id, version: _v, ...before } = current
    const changes = diffFields(before, row)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    await tx
      .update(relationship)
      .set({ ...row, version })
      .where(eq(relationship.id, relationshipId))
    await recordSave(tx, actor, {
      entityType: 'relationship',
      id: relationshipId,
      personId,
      version,
      changes,
      action: 'change',
      detail: { relatedPersonId: otherId },
    })
    return version
  })
}

/**
 * Ends a relationship on a date (its last day). With `stillRelated`, only living together ends: the
 * relationship carries on from the next day outside the household.
 */
export async function endRelationship(
  db: Db,
  actor: Actor,
  personId: number,
  relationshipId: number,
  expectedVersion: number,
  input: { endedOn: string | null | undefined; stillRelated?: boolean },
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getRelationship(tx, personId, relationshipId)
    await refuseIfMoved(tx, 'relationship', relationshipId, current, expectedVersion, 'relationship')
    const c = new Checker()
    c.check(current.endedOn === null, 'endedOn', 'This relationship has already ended')
    c.check(!!input.endedOn, 'endedOn', 'Enter the end date')
    const { endedOn } = checkPeriod(
      c,
      { startedOn: current.startedOn, endedOn: input.endedOn },
      { startLabel: 'the start date', endLabel: 'the end date' },
    )
    if (input.stillRelated && !current.sameHousehold) {
      c.add('stillRelated', 'They were not recorded as living together: end the relationship instead')
    }
    c.throwIfAny()
    const version = current.version + 1
    await tx.update(relationship).set({ endedOn, version }).where(eq(relationship.id, relationshipId))
    const { otherId } = asSeenBy(personId, current)
    await recordSave(tx, actor, {
      entityType: 'relationship',
      id: relationshipId,
      personId,
      version,
      changes: [{ field: 'endedOn', oldValue: null, newValue: endedOn }],
      action: 'change',
      detail: { relatedPersonId: otherId },
    })
    if (input.stillRelated) {
      const next = {
        personId: current.personId,
        relatedPersonId: current.relatedPersonId,
        type: current.type,
        parentalResponsibility: current.parentalResponsibility,
        sameHousehold: false,
        startedOn: addCalendarDays(endedOn!, 1),
        endedOn: null,
      }
      const [created] = await tx.insert(relationship).values(next).returning({ id: relationship.id })
      await recordSave(tx, actor, {
        entityType: 'relationship',
        id: created!.id,
        personId,
        version: 1,
        changes: diffFields(null, next),
        action: 'create',
        detail: { relatedPersonId: otherId, continues: relationshipId },
      })
    }
    return version
  })
}

export interface RelatedPerson {
  relationshipId: number
  version: number
  personId: number
  /** Null when the other person's record is restricted or sealed and the user may not see it. */
  givenName: string | null
  familyName: string | null
  dateOfBirth: string | null
  /** What they are to this person. */
  type: RelationshipType
  label: string
  parentalResponsibility: 'other' | 'this-person' | null
  sameHousehold: boolean
  startedOn: string | null
  endedOn: string | null
  current: boolean
  /** The user may open their record (link to it only then). */
  visible: boolean
}

async function peopleSeenBy(db: DbOrTx, ids: number[], user?: CurrentUser) {
  if (ids.length === 0) return new Map<number, PersonRow>()
  const rows = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      expectedDateOfBirth: person.expectedDateOfBirth,
      accessRestriction: person.accessRestriction,
      visible: user ? sql<boolean>`${visiblePersonCondition(user)}` : sql<boolean>`false`,
    })
    .from(person)
    .where(inArray(person.id, ids))
  return new Map(
    rows.map((r) => {
      // Never name someone whose record is restricted or sealed to a user who may not see it.
      const hidden = !r.visible && r.accessRestriction !== 'none' && user !== undefined
      return [
        r.id,
        {
          ...r,
          givenName: hidden ? null : r.givenName,
          familyName: hidden ? null : r.familyName,
          dateOfBirth: hidden ? null : r.dateOfBirth,
          expectedDateOfBirth: hidden ? null : r.expectedDateOfBirth,
        },
      ]
    }),
  )
}
type PersonRow = {
  id: number
  givenName: string | null
  familyName: string | null
  dateOfBirth: string | null
  expectedDateOfBirth: string | null
  accessRestriction: string
  visible: boolean
}

/**
 * Everyone related to a person, read both ways: if A is recorded as B's parent, B's list shows A as a
 * parent and A's list shows B as a child. Current relationships first.
 */
export async function relationshipsOf(
  db: DbOrTx,
  personId: number,
  user?: CurrentUser,
  on = today(),
): Promise<RelatedPerson[]> {
  const rows = await db
    .select()
    .from(relationship)
    .where(or(eq(relationship.personId, personId), eq(relationship.relatedPersonId, personId)))
    .orderBy(asc(relationship.startedOn), asc(relationship.id))
  const seen = rows.map((r) => ({ row: r, ...asSeenBy(personId, r) }))
  const people = await peopleSeenBy(db, [...new Set(seen.map((s) => s.otherId))], user)
  const result = seen.map(({ row, otherId, type, parentalResponsibility }) => {
    const p = people.get(otherId)
    return {
      relationshipId: row.id,
      version: row.version,
      personId: otherId,
      givenName: p?.givenName ?? null,
      familyName: p?.familyName ?? null,
      dateOfBirth: p?.dateOfBirth ?? p?.expectedDateOfBirth ?? null,
      type,
      label: RELATIONSHIP_LABELS[type] ?? type,
      parentalResponsibility,
      sameHousehold: row.sameHousehold,
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      current: isCurrent(row, on),
      visible: p?.visible ?? false,
    }
  })
  return result.sort((a, b) => Number(b.current) - Number(a.current))
}

// ---------------------------------------------------------------------------------------------------
// Household: who lived with the person, derived from same-household relationships and their dates

interface HouseholdEdge {
  a: number
  b: number
  startedOn: string | null
  endedOn: string | null
}

/** Every same-household relationship reachable from the person, whatever its dates. */
async function householdEdges(db: DbOrTx, personId: number): Promise<HouseholdEdge[]> {
  return queryRows<HouseholdEdge>(
    db,
    sql`
    with recursive reach(id) as (
      select ${personId}::integer
      union
      select case when r.person_id = reach.id then r.related_person_id else r.person_id end
      from ${relationship} r join reach on r.person_id = reach.id or r.related_person_id = reach.id
      where r.same_household
    )
    select r.person_id as "a", r.related_person_id as "b", r.started_on::text as "startedOn",
           r.ended_on::text as "endedOn"
    from ${relationship} r
    where r.same_household and r.person_id in (select id from reach)
  `,
  )
}

/** Who lived together with the person on a date: everyone linked through same-household relationships. */
function membersOn(personId: number, edges: HouseholdEdge[], on: string): Set<number> {
  const live = edges.filter((e) => isCurrent(e, on))
  const members = new Set([personId])
  const queue = [personId]
  while (queue.length > 0) {
    const id = queue.pop()!
    for (const e of live) {
      const next = e.a === id ? e.b : e.b === id ? e.a : null
      if (next !== null && !members.has(next)) {
        members.add(next)
        queue.push(next)
      }
    }
  }
  members.delete(personId)
  return members
}

export interface HouseholdMember {
  personId: number
  givenName: string | null
  familyName: string | null
  dateOfBirth: string | null
  /** What they are to the person, if directly related (else they live there through someone else). */
  label: string | null
  visible: boolean
}

async function describeMembers(
  db: DbOrTx,
  personId: number,
  ids: number[],
  user: CurrentUser | undefined,
  on: string,
): Promise<HouseholdMember[]> {
  const [people, related] = await Promise.all([
    peopleSeenBy(db, ids, user),
    relationshipsOf(db, personId, user, on),
  ])
  return ids
    .map((id) => {
      const p = people.get(id)
      const direct =
        related.find((r) => r.personId === id && r.current) ?? related.find((r) => r.personId === id)
      return {
        personId: id,
        givenName: p?.givenName ?? null,
        familyName: p?.familyName ?? null,
        dateOfBirth: p?.dateOfBirth ?? p?.expectedDateOfBirth ?? null,
        label: direct?.label ?? null,
        visible: p?.visible ?? false,
      }
    })
    .sort((a, b) => (a.dateOfBirth ?? '').localeCompare(b.dateOfBirth ?? ''))
}

/** The household the person lived in on a date (not counting the person). */
export async function householdAsAt(
  db: DbOrTx,
  personId: number,
  asAt = today(),
  user?: CurrentUser,
): Promise<HouseholdMember[]> {
  const edges = await householdEdges(db, personId)
  return describeMembers(db, personId, [...membersOn(personId, edges, asAt)], user, asAt)
}

export interface HouseholdPeriod {
  /** Null: since before any recorded date. */
  from: string | null
  /** Null: still so. */
  to: string | null
  members: HouseholdMember[]
}

/**
 * The household over time, most recent first: a new period starts whenever someone joins or leaves.
 * Periods with nobody recorded before the first arrival are left out.
 */
export async function householdHistory(
  db: DbOrTx,
  personId: number,
  user?: CurrentUser,
): Promise<HouseholdPeriod[]> {
  const edges = await householdEdges(db, personId)
  if (edges.length === 0) return []
  const points = new Set<string>()
  for (const e of edges) {
    if (e.startedOn) points.add(e.startedOn)
    if (e.endedOn) points.add(addCalendarDays(e.endedOn, 1))
  }
  const sorted = [...points].sort()
  const starts: (string | null)[] = [null, ...sorted]
  const periods: { from: string | null; to: string | null; ids: number[] }[] = []
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] ?? null
    const nextStart = starts[i + 1]
    const to = nextStart ? addCalendarDays(nextStart, -1) : null
    const probe = from ?? (nextStart ? addCalendarDays(nextStart, -1) : today())
    const ids = [...membersOn(personId, edges, probe)].sort((a, b) => a - b)
    const last = periods[periods.length - 1]
    if (last && last.ids.join() === ids.join()) last.to = to
    else periods.push({ from, to, ids })
  }
  // Before the first person is recorded as arriving, nothing is known: leave that out.
  while (periods[0] && periods[0].ids.length === 0) periods.shift()
  const described = await describeMembers(
    db,
    personId,
    [...new Set(periods.flatMap((p) => p.ids))],
    user,
    today(),
  )
  return periods
    .map((p) => ({
      from: p.from,
      to: p.to,
      members: described.filter((m) => p.ids.includes(m.personId)),
    }))
    .reverse()
}

// ---------------------------------------------------------------------------------------------------
// Siblings: recorded as siblings, or sharing a recorded parent

export interface Sibling {
  personId: number
  givenName: string | null
  familyName: string | null
  dateOfBirth: string | null
  type: 'sibling' | 'half-sibling'
  /** Recorded as a sibling, rather than found through a shared parent. */
  recorded: boolean
  /** Parents both have on record. */
  sharedParentIds: number[]
  /** Only when a user is given: whether they may open the sibling's record. */
  visible: boolean | null
  accessRestriction: string
}

/**
 * A person's brothers and sisters: those recorded as siblings or half-siblings, and those who share a
 * recorded parent (half-siblings when each also has a parent the other does not). Pass `user` to learn
 * which records they may open (and to hide the names of restricted records they may not).
 */
export async function siblingsOf(db: DbOrTx, personId: number, user?: CurrentUser): Promise<Sibling[]> {
  const parentLinks = await queryRows<{ child: number; parent: number }>(
    db,
    sql`
    with links(child, parent) as (
      select person_id, related_person_id from ${relationship} where type = 'parent'
      union
      select related_person_id, person_id from ${relationship} where type = 'child'
    ),
    my_parents as (select parent from links where child = ${personId})
    select child, parent from links
    where child = ${personId}
       or parent in (select parent from my_parents)
       or child in (select l.child from links l where l.parent in (select parent from my_parents))
  `,
  )
  const parentsOf = new Map<number, Set<number>>()
  for (const { child, parent } of parentLinks) {
    if (!parentsOf.has(child)) parentsOf.set(child, new Set())
    parentsOf.get(child)!.add(parent)
  }
  const mine = parentsOf.get(personId) ?? new Set<number>()
  const explicit = await db
    .select()
    .from(relationship)
    .where(
      and(
        inArray(relationship.type, ['sibling', 'half-sibling']),
        or(eq(relationship.personId, personId), eq(relationship.relatedPersonId, personId)),
      ),
    )
  const found = new Map<
    number,
    Omit<Sibling, 'givenName' | 'familyName' | 'dateOfBirth' | 'visible' | 'accessRestriction'>
  >()
  for (const [child, parents] of parentsOf) {
    if (child === personId) continue
    const shared = [...parents].filter((p) => mine.has(p)).sort((a, b) => a - b)
    if (shared.length === 0) continue
    const half = [...mine].some((p) => !parents.has(p)) && [...parents].some((p) => !mine.has(p))
    found.set(child, {
      personId: child,
      type: half ? 'half-sibling' : 'sibling',
      recorded: false,
      sharedParentIds: shared,
    })
  }
  for (const row of explicit) {
    const other = row.personId === personId ? row.relatedPersonId : row.personId
    found.set(other, {
      personId: other,
      type: row.type as 'sibling' | 'half-sibling',
      recorded: true,
      sharedParentIds: found.get(other)?.sharedParentIds ?? [],
    })
  }
  const people = await peopleSeenBy(db, [...found.keys()], user)
  return [...found.values()]
    .map((s) => {
      const p = people.get(s.personId)
      return {
        ...s,
        givenName: p?.givenName ?? null,
        familyName: p?.familyName ?? null,
        dateOfBirth: p?.dateOfBirth ?? p?.expectedDateOfBirth ?? null,
        visible: user ? (p?.visible ?? false) : null,
        accessRestriction: p?.accessRestriction ?? 'none',
      }
    })
    .sort((a, b) => (a.dateOfBirth ?? '').localeCompare(b.dateOfBirth ?? '') || a.personId - b.personId)
}

// ---------------------------------------------------------------------------------------------------
// Professional network

export const AGENCY_LABELS: Record<AgencyType, string> = {
  school: 'School',
  'early-years': 'Early years setting or nursery',
  gp: 'GP',
  'health-visitor': 'Health visitor',
  'school-nurse': 'School nurse',
  midwife: 'Midwife',
  hospital: 'Hospital',
  camhs: 'Child and adolescent mental health services (CAMHS)',
  police: 'Police',
  'youth-justice': 'Youth justice service',
  probation: 'Probation',
  housing: 'Housing',
  'adult-social-care': 'Adult social care',
  'substance-misuse': 'Drug and alcohol service',
  'domestic-abuse-service': 'Domestic abuse service',
  'voluntary-sector': 'Voluntary or community organisation',
  other: 'Other',
}

export const ENGAGEMENT_LEVELS = ['engaged', 'partly-engaged', 'not-engaged', 'not-known'] as const
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number]
export const ENGAGEMENT_LABELS: Record<EngagementLevel, string> = {
  engaged: 'Engaged',
  'partly-engaged': 'Partly engaged',
  'not-engaged': 'Not engaged',
  'not-known': 'Not known',
}

export interface ProfessionalInput {
  agency: string
  organisation: string
  name?: string | null
  role?: string | null
  phone?: string | null
  email?: string | null
  engagement?: string | null
  startedOn: string | null
  endedOn?: string | null
}

function checkProfessional(raw: ProfessionalInput) {
  const c = new Checker()
  const agency = blank(raw.agency)
  c.check(
    agency !== null && (AGENCY_TYPES as readonly string[]).includes(agency),
    'agency',
    'Choose the type of agency',
  )
  const organisation = blank(raw.organisation)
  c.check(
    organisation !== null,
    'organisation',
    'Enter the organisation, like the name of the school or GP practice',
  )
  const phone = blank(raw.phone)
  if (phone) {
    const digits = phone.replace(/\D/g, '')
    c.check(
      /^[0-9+()\s-]+$/.test(phone) && digits.length >= 10 && digits.length <= 15,
      'phone',
      'Enter a telephone number, like 01632 960 001 or 07700 900 982',
    )
  }
  const email = blank(raw.email)
  c.check(
    email === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email),
    'email',
    'Enter an email address in the correct format, like name@example.com',
  )
  const engagement = blank(raw.engagement) ?? 'not-known'
  c.check(
    (ENGAGEMENT_LEVELS as readonly string[]).includes(engagement),
    'engagement',
    'Choose how engaged they are',
  )
  const { startedOn, endedOn } = checkPeriod(c, raw, {
    startRequired: true,
    startLabel: 'the date they started working with the child',
    endLabel: 'the date they stopped working with the child',
  })
  return {
    c,
    values: {
      agency: agency as AgencyType,
      organisation: organisation!,
      name: blank(raw.name),
      role: blank(raw.role),
      phone,
      email,
      engagement: engagement as EngagementLevel,
      startedOn: startedOn!,
      endedOn,
    },
  }
}

export async function listProfessionals(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(professionalContact)
    .where(eq(professionalContact.personId, personId))
    .orderBy(desc(professionalContact.startedOn), asc(professionalContact.id))
  const now = today()
  return rows
    .map((r) => ({
      ...r,
      agencyLabel: AGENCY_LABELS[r.agency] ?? r.agency,
      engagementLabel: ENGAGEMENT_LABELS[r.engagement] ?? r.engagement,
      current: isCurrent(r, now),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
}

export async function getProfessional(db: DbOrTx, personId: number, professionalId: number) {
  const [row] = await db
    .select()
    .from(professionalContact)
    .where(and(eq(professionalContact.id, professionalId), eq(professionalContact.personId, personId)))
    .for('update')
  if (!row) throw new NotFoundError(`No professional ${professionalId} for person ${personId}`)
  return row
}

export async function addProfessional(
  db: Db,
  actor: Actor,
  personId: number,
  raw: ProfessionalInput,
): Promise<number> {
  const { c, values } = checkProfessional(raw)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const [self] = await tx
      .select({ id: person.id })
      .from(person)
      .where(eq(person.id, personId))
      .for('update')
    if (!self) throw new NotFoundError(`No person ${personId}`)
    const [row] = await tx
      .insert(professionalContact)
      .values({ personId, ...values })
      .returning({ id: professionalContact.id })
    await recordSave(tx, actor, {
      entityType: 'professional-contact',
      id: row!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
      action: 'create',
    })
    return row!.id
  })
}

export async function changeProfessional(
  db: Db,
  actor: Actor,
  personId: number,
  professionalId: number,
  expectedVersion: number,
  raw: ProfessionalInput,
): Promise<number> {
  const { c, values } = checkProfessional(raw)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await getProfessional(tx, personId, professionalId)
    await refuseIfMoved(tx, 'professional-contact', professionalId, current, expectedVersion, 'professional')
    const { id: _id, personId: _p, version: _v, ...before } = current
    const changes = diffFields(before, values)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    await tx
      .update(professionalContact)
      .set({ ...values, version })
      .where(eq(professionalContact.id, professionalId))
    await recordSave(tx, actor, {
      entityType: 'professional-contact',
      id: professionalId,
      personId,
      version,
      changes,
      action: 'change',
    })
    return version
  })
}

/** Records that a professional stopped working with the child. */
export async function endProfessional(
  db: Db,
  actor: Actor,
  personId: number,
  professionalId: number,
  expectedVersion: number,
  rawEndedOn: string | null | undefined,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getProfessional(tx, personId, professionalId)
    await refuseIfMoved(tx, 'professional-contact', professionalId, current, expectedVersion, 'professional')
    const c = new Checker()
    c.check(
      current.endedOn === null,
      'endedOn',
      'This professional has already stopped working with the child',
    )
    c.check(!!rawEndedOn, 'endedOn', 'Enter the date they stopped working with the child')
    const { endedOn } = checkPeriod(
      c,
      { startedOn: current.startedOn, endedOn: rawEndedOn },
      { startLabel: 'the start date', endLabel: 'the date they stopped working with the child' },
    )
    c.throwIfAny()
    const version = current.version + 1
    await tx
      .update(professionalContact)
      .set({ endedOn, version })
      .where(eq(professionalContact.id, professionalId))
    await recordSave(tx, actor, {
      entityType: 'professional-contact',
      id: professionalId,
      personId,
      version,
      changes: [{ field: 'endedOn', oldValue: null, newValue: endedOn }],
      action: 'change',
    })
    return version
  })
}
