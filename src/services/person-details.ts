import { and, asc, desc, eq, max, ne, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, type FieldChange, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  changeHistory,
  person,
  personAddress,
  personDisability,
  personName,
  personWarning,
} from '../db/schema/index.ts'
import { addCalendarDays } from '../domain/calendar/iso-date.ts'
import { cinCodes, isCinCode } from '../domain/codes/codes.ts'
import { normalisePostcode } from '../domain/identifiers/postcode.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'
import { changesSince } from './people.ts'

// What is known about a person beyond the basics: other names, disabilities, addresses and warnings.
// Each row is versioned: a change names the version the user started from and is refused if it moved on.

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** The period a dated row covers, inclusive; a missing start means "since before records began". */
export function isCurrent(row: { startedOn: string | null; endedOn: string | null }, on = today()): boolean {
  return (row.startedOn === null || row.startedOn <= on) && (row.endedOn === null || row.endedOn >= on)
}

/** Two inclusive periods overlap (null start: open to the past; null end: open to the future). */
export function periodsOverlap(
  a: { startedOn: string | null; endedOn: string | null },
  b: { startedOn: string | null; endedOn: string | null },
): boolean {
  const aStartsAfterBEnds = a.startedOn !== null && b.endedOn !== null && a.startedOn > b.endedOn
  const bStartsAfterAEnds = b.startedOn !== null && a.endedOn !== null && b.startedOn > a.endedOn
  return !aStartsAfterBEnds && !bStartsAfterAEnds
}

/** Checks a start and end date together: the end cannot come before the start. */
export function checkPeriod(
  c: Checker,
  raw: { startedOn?: string | null; endedOn?: string | null },
  options: { startRequired?: boolean; startLabel: string; endLabel: string; endMayBeFuture?: boolean },
) {
  const startedOn = checkDate(c, 'startedOn', options.startLabel, raw.startedOn, {
    required: options.startRequired ?? false,
  })
  const endedOn = checkDate(c, 'endedOn', options.endLabel, raw.endedOn, {
    allowFuture: options.endMayBeFuture ?? false,
  })
  if (startedOn && endedOn && endedOn < startedOn) {
    c.add('endedOn', `${capitalise(options.endLabel)} must be the same as or after the start date`)
  }
  return { startedOn, endedOn }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Refuses a save based on a version that has moved on, saying what the other person changed. */
export async function refuseIfMoved(
  tx: DbOrTx,
  entityType: string,
  id: number,
  current: { version: number },
  expectedVersion: number,
  noun: string,
) {
  if (current.version !== expectedVersion) {
    throw new ConflictError(
      `Someone else changed this ${noun} while you were working on it.`,
      await changesSince(tx, entityType, id, expectedVersion),
    )
  }
}

/** The change history and access log of a save, in the caller's transaction. */
export async function recordSave(
  tx: DbOrTx,
  actor: Actor,
  what: {
    entityType: string
    id: number
    personId: number
    version: number
    changes: FieldChange[]
    action: 'create' | 'change'
    detail?: Record<string, unknown>
  },
) {
  await recordChanges(tx, actor, {
    entityType: what.entityType,
    entityId: what.id,
    personId: what.personId,
    version: what.version,
    changes: what.changes,
  })
  await logAccess(tx, actor, {
    action: what.action,
    subjectType: what.entityType,
    subjectId: what.id,
    personId: what.personId,
    detail: { fields: what.changes.map((c) => c.field), ...what.detail },
  })
}

/** Every field of a removed row, as changes to nothing. */
function removal(before: Record<string, unknown>): FieldChange[] {
  return Object.entries(before)
    .filter(([, v]) => v !== null)
    .map(([field, oldValue]) => ({ field, oldValue, newValue: null }))
}

// ---------------------------------------------------------------------------------------------------
// Other names

export const NAME_KINDS = ['alias', 'former', 'known-as'] as const
export type NameKind = (typeof NAME_KINDS)[number]
export const NAME_KIND_LABELS: Record<NameKind, string> = {
  alias: 'Alias',
  former: 'Former name',
  'known-as': 'Name used by family or friends',
}

export interface NameInput {
  kind: string
  givenName?: string | null
  familyName?: string | null
}

export async function listNames(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(personName)
    .where(eq(personName.personId, personId))
    .orderBy(sql`${personName.endedOn} is not null`, asc(personName.familyName), asc(personName.givenName))
  const now = today()
  return rows.map((r) => ({
    ...r,
    kindLabel: NAME_KIND_LABELS[r.kind] ?? r.kind,
    current: r.endedOn === null || r.endedOn >= now,
  }))
}

async function getName(tx: DbOrTx, personId: number, nameId: number) {
  const [row] = await tx
    .select()
    .from(personName)
    .where(and(eq(personName.id, nameId), eq(personName.personId, personId)))
    .for('update')
  if (!row) throw new NotFoundError(`No name ${nameId} for person ${personId}`)
  return row
}

export async function addName(db: Db, actor: Actor, personId: number, raw: NameInput): Promise<number> {
  const c = new Checker()
  const kind = blank(raw.kind)
  c.check(
    kind !== null && (NAME_KINDS as readonly string[]).includes(kind),
    'kind',
    'Choose what kind of name this is',
  )
  const givenName = blank(raw.givenName) ?? ''
  const familyName = blank(raw.familyName) ?? ''
  c.check(givenName !== '' || familyName !== '', 'givenName', 'Enter a first name or a last name, or both')
  c.check(givenName.length <= 100, 'givenName', 'First name must be 100 characters or fewer')
  c.check(familyName.length <= 100, 'familyName', 'Last name must be 100 characters or fewer')
  c.throwIfAny()
  return db.transaction(async (tx) => {
    await getPersonForUpdate(tx, personId)
    const same = await tx
      .select({ id: personName.id })
      .from(personName)
      .where(
        and(
          eq(personName.personId, personId),
          sql`lower(${personName.givenName}) = ${givenName.toLowerCase()}`,
          sql`lower(${personName.familyName}) = ${familyName.toLowerCase()}`,
          sql`${personName.endedOn} is null`,
        ),
      )
    if (same.length > 0) {
      c.add('givenName', 'This name is already recorded')
      c.throwIfAny()
    }
    const values = { kind: kind as NameKind, givenName, familyName }
    const [row] = await tx
      .insert(personName)
      .values({ personId, ...values })
      .returning({ id: personName.id })
    await recordSave(tx, actor, {
      entityType: 'person-name',
      id: row!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
      action: 'create',
    })
    return row!.id
  })
}

/** Marks a name as no longer used from a date; it stays on the record and in name searches. */
export async function endName(
  db: Db,
  actor: Actor,
  personId: number,
  nameId: number,
  expectedVersion: number,
  rawEndedOn: string | null | undefined,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getName(tx, personId, nameId)
    await refuseIfMoved(tx, 'person-name', nameId, current, expectedVersion, 'name')
    const c = new Checker()
    c.check(current.endedOn === null, 'endedOn', 'This name is already recorded as no longer used')
    const endedOn = checkDate(c, 'endedOn', 'the date the name stopped being used', rawEndedOn, {
      required: true,
    })
    c.throwIfAny()
    const version = current.version + 1
    await tx.update(personName).set({ endedOn, version }).where(eq(personName.id, nameId))
    await recordSave(tx, actor, {
      entityType: 'person-name',
      id: nameId,
      personId,
      version,
      changes: diffFields({ endedOn: current.endedOn }, { endedOn }),
      action: 'change',
    })
    return version
  })
}

/** Removes a name recorded in error; the change history keeps what it was. */
export async function removeName(
  db: Db,
  actor: Actor,
  personId: number,
  nameId: number,
  expectedVersion: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await getName(tx, personId, nameId)
    await refuseIfMoved(tx, 'person-name', nameId, current, expectedVersion, 'name')
    await tx.delete(personName).where(eq(personName.id, nameId))
    await recordSave(tx, actor, {
      entityType: 'person-name',
      id: nameId,
      personId,
      version: current.version + 1,
      changes: removal({
        kind: current.kind,
        givenName: current.givenName,
        familyName: current.familyName,
        endedOn: current.endedOn,
      }),
      action: 'change',
      detail: { removed: true },
    })
  })
}

async function getPersonForUpdate(tx: DbOrTx, personId: number) {
  const [found] = await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).for('update')
  if (!found) throw new NotFoundError(`No person ${personId}`)
}

// ---------------------------------------------------------------------------------------------------
// Disabilities (DfE CIN census codes; NONE stands alone)

const DISABILITY_ENTITY = 'person-disabilities'

/** The disability codes in the DfE list's order, and the version of the set (the number of saves). */
export async function getDisabilities(db: DbOrTx, personId: number) {
  const [rows, [saved]] = await Promise.all([
    db
      .select({ code: personDisability.code })
      .from(personDisability)
      .where(eq(personDisability.personId, personId)),
    db
      .select({ version: max(changeHistory.version) })
      .from(changeHistory)
      .where(
        and(eq(changeHistory.entityType, DISABILITY_ENTITY), eq(changeHistory.entityId, String(personId))),
      ),
  ])
  const order = cinCodes('Disability').map((c) => c.code)
  const codes = rows.map((r) => r.code).sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return { codes, version: saved?.version ?? 0 }
}

/**
 * Replaces the set of disability codes. `expectedVersion` is the version read when the form was shown;
 * an empty list means "not recorded".
 */
export async function setDisabilities(
  db: Db,
  actor: Actor,
  personId: number,
  expectedVersion: number,
  rawCodes: readonly string[],
): Promise<number> {
  const c = new Checker()
  const codes = [...new Set(rawCodes.map((code) => code.trim().toUpperCase()).filter(Boolean))]
  const unknown = codes.filter((code) => !isCinCode('Disability', code))
  if (unknown.length > 0) {
    c.add('codes', `Choose disabilities from the list (${unknown.join(', ')} is not a disability code)`)
  } else if (codes.includes('NONE') && codes.length > 1) {
    c.add('codes', 'Choose "No disability" on its own, or choose the disabilities the child has')
  }
  c.throwIfAny()
  return db.transaction(async (tx) => {
    await getPersonForUpdate(tx, personId)
    const current = await getDisabilities(tx, personId)
    await refuseIfMoved(tx, DISABILITY_ENTITY, personId, current, expectedVersion, 'list of disabilities')
    const order = cinCodes('Disability').map((d) => d.code)
    const next = [...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b))
    const changes = diffFields({ codes: current.codes }, { codes: next })
    if (changes.length === 0) return current.version
    await tx.delete(personDisability).where(eq(personDisability.personId, personId))
    if (next.length > 0) await tx.insert(personDisability).values(next.map((code) => ({ personId, code })))
    const version = current.version + 1
    await recordSave(tx, actor, {
      entityType: DISABILITY_ENTITY,
      id: personId,
      personId,
      version,
      changes,
      action: 'change',
    })
    return version
  })
}

// ---------------------------------------------------------------------------------------------------
// Addresses (dated; never overlapping)

export interface AddressInput {
  line1: string
  line2?: string | null
  town: string
  postcode: string
  startedOn: string | null
  endedOn?: string | null
}

function checkAddressInput(raw: AddressInput) {
  const c = new Checker()
  const line1 = blank(raw.line1)
  const town = blank(raw.town)
  c.check(line1 !== null, 'line1', 'Enter the first line of the address, like the house number and street')
  c.check(town !== null, 'town', 'Enter the town or city')
  const postcodeRaw = blank(raw.postcode)
  const postcode = postcodeRaw ? normalisePostcode(postcodeRaw) : null
  if (!postcodeRaw) c.add('postcode', 'Enter a postcode')
  else if (!postcode) c.add('postcode', 'Enter a real postcode, like SW1A 1AA')
  const { startedOn, endedOn } = checkPeriod(c, raw, {
    startRequired: true,
    startLabel: 'the date they moved in',
    endLabel: 'the date they moved out',
  })
  return {
    c,
    values: {
      line1: line1!,
      line2: blank(raw.line2),
      town: town!,
      postcode: postcode!,
      startedOn: startedOn!,
      endedOn,
    },
  }
}

export async function listAddresses(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(personAddress)
    .where(eq(personAddress.personId, personId))
    .orderBy(desc(personAddress.startedOn))
  const now = today()
  return rows.map((r) => ({ ...r, current: isCurrent(r, now) }))
}

const describeAddress = (a: { line1: string; postcode: string; startedOn: string; endedOn: string | null }) =>
  `${a.line1}, ${a.postcode} (from ${a.startedOn}${a.endedOn ? ` to ${a.endedOn}` : ''})`

async function otherAddresses(tx: DbOrTx, personId: number, exceptId: number | null) {
  return tx
    .select()
    .from(personAddress)
    .where(
      and(
        eq(personAddress.personId, personId),
        exceptId === null ? undefined : ne(personAddress.id, exceptId),
      ),
    )
    .for('update')
}

function refuseOverlap(
  c: Checker,
  period: { startedOn: string; endedOn: string | null },
  others: { line1: string; postcode: string; startedOn: string; endedOn: string | null }[],
) {
  const clash = others.find((o) => periodsOverlap(period, o))
  if (clash) {
    c.add(
      'startedOn',
      `These dates overlap the address at ${describeAddress(clash)}. Change the dates, or change that address first`,
    )
  }
}

/**
 * Records an address. A new current address (no end date) ends the current one the day before it
 * starts; otherwise the dates may not overlap any other address.
 */
export async function addAddress(db: Db, actor: Actor, personId: number, raw: AddressInput): Promise<number> {
  const { c, values } = checkAddressInput(raw)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    await getPersonForUpdate(tx, personId)
    const others = await otherAddresses(tx, personId, null)
    let previous: (typeof others)[number] | undefined
    if (values.endedOn === null) {
      previous = others.find((o) => o.endedOn === null && o.startedOn < values.startedOn)
      if (previous) previous = { ...previous, endedOn: addCalendarDays(values.startedOn, -1) }
    }
    refuseOverlap(
      c,
      values,
      others.map((o) => (o.id === previous?.id ? previous : o)),
    )
    c.throwIfAny()
    if (previous) {
      const version = previous.version + 1
      await tx
        .update(personAddress)
        .set({ endedOn: previous.endedOn, version })
        .where(eq(personAddress.id, previous.id))
      await recordSave(tx, actor, {
        entityType: 'person-address',
        id: previous.id,
        personId,
        version,
        changes: [{ field: 'endedOn', oldValue: null, newValue: previous.endedOn }],
        action: 'change',
        detail: { reason: 'moved to a new address' },
      })
    }
    const [row] = await tx
      .insert(personAddress)
      .values({ personId, ...values })
      .returning({ id: personAddress.id })
    await recordSave(tx, actor, {
      entityType: 'person-address',
      id: row!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
      action: 'create',
    })
    return row!.id
  })
}

async function getAddress(tx: DbOrTx, personId: number, addressId: number) {
  const [row] = await tx
    .select()
    .from(personAddress)
    .where(and(eq(personAddress.id, addressId), eq(personAddress.personId, personId)))
    .for('update')
  if (!row) throw new NotFoundError(`No address ${addressId} for person ${personId}`)
  return row
}

/** Corrects an address or its dates. */
export async function changeAddress(
  db: Db,
  actor: Actor,
  personId: number,
  addressId: number,
  expectedVersion: number,
  raw: AddressInput,
): Promise<number> {
  const { c, values } = checkAddressInput(raw)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await getAddress(tx, personId, addressId)
    await refuseIfMoved(tx, 'person-address', addressId, current, expectedVersion, 'address')
    refuseOverlap(c, values, await otherAddresses(tx, personId, addressId))
    c.throwIfAny()
    const { id: _id, personId: _p, version: _v, ...before } = current
    const changes = diffFields(before, values)
    if (changes.length === 0) return current.version
    const version = current.version + 1
    await tx
      .update(personAddress)
      .set({ ...values, version })
      .where(eq(personAddress.id, addressId))
    await recordSave(tx, actor, {
      entityType: 'person-address',
      id: addressId,
      personId,
      version,
      changes,
      action: 'change',
    })
    return version
  })
}

/** Records that the person moved out of an address (with no new address yet known). */
export async function endAddress(
  db: Db,
  actor: Actor,
  personId: number,
  addressId: number,
  expectedVersion: number,
  rawEndedOn: string | null | undefined,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getAddress(tx, personId, addressId)
    await refuseIfMoved(tx, 'person-address', addressId, current, expectedVersion, 'address')
    const c = new Checker()
    c.check(!!rawEndedOn, 'endedOn', 'Enter the date they moved out')
    const { endedOn } = checkPeriod(
      c,
      { startedOn: current.startedOn, endedOn: rawEndedOn },
      { startLabel: 'the date they moved in', endLabel: 'the date they moved out' },
    )
    c.throwIfAny()
    const changes = diffFields({ endedOn: current.endedOn }, { endedOn })
    if (changes.length === 0) return current.version
    const version = current.version + 1
    await tx.update(personAddress).set({ endedOn, version }).where(eq(personAddress.id, addressId))
    await recordSave(tx, actor, {
      entityType: 'person-address',
      id: addressId,
      personId,
      version,
      changes,
      action: 'change',
    })
    return version
  })
}

// ---------------------------------------------------------------------------------------------------
// Warnings and alerts: shown on every page of the record while they apply

export const WARNING_KINDS = ['risk-to-staff', 'health', 'legal', 'communication', 'other'] as const
export type WarningKind = (typeof WARNING_KINDS)[number]
export const WARNING_KIND_LABELS: Record<WarningKind, string> = {
  'risk-to-staff': 'Risk to staff',
  health: 'Health, such as an allergy',
  legal: 'Legal, such as a court order or restriction',
  communication: 'Communication needs',
  other: 'Other',
}

export interface WarningInput {
  kind: string
  text: string
  startedOn?: string | null
  endedOn?: string | null
}

export async function listWarnings(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(personWarning)
    .where(eq(personWarning.personId, personId))
    .orderBy(desc(personWarning.startedOn), desc(personWarning.id))
  const now = today()
  return rows.map((r) => ({
    ...r,
    kindLabel: WARNING_KIND_LABELS[r.kind] ?? r.kind,
    current: isCurrent(r, now),
  }))
}

export async function addWarning(db: Db, actor: Actor, personId: number, raw: WarningInput): Promise<number> {
  const c = new Checker()
  const kind = blank(raw.kind)
  c.check(
    kind !== null && (WARNING_KINDS as readonly string[]).includes(kind),
    'kind',
    'Choose what kind of warning this is',
  )
  const text = blank(raw.text)
  c.check(text !== null, 'text', 'Enter the warning, in words every worker will understand')
  c.check((text ?? '').length <= 500, 'text', 'The warning must be 500 characters or fewer')
  const period = checkPeriod(
    c,
    { startedOn: raw.startedOn || today(), endedOn: raw.endedOn },
    { startLabel: 'the date it applies from', endLabel: 'the last day it applies', endMayBeFuture: true },
  )
  c.throwIfAny()
  const values = {
    kind: kind as WarningKind,
    text: text!,
    startedOn: period.startedOn!,
    endedOn: period.endedOn,
  }
  return db.transaction(async (tx) => {
    await getPersonForUpdate(tx, personId)
    const [row] = await tx
      .insert(personWarning)
      .values({ personId, ...values, recordedBy: actor.user.id })
      .returning({ id: personWarning.id })
    await recordSave(tx, actor, {
      entityType: 'person-warning',
      id: row!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
      action: 'create',
    })
    return row!.id
  })
}

async function getWarning(tx: DbOrTx, personId: number, warningId: number) {
  const [row] = await tx
    .select()
    .from(personWarning)
    .where(and(eq(personWarning.id, warningId), eq(personWarning.personId, personId)))
    .for('update')
  if (!row) throw new NotFoundError(`No warning ${warningId} for person ${personId}`)
  return row
}

/** Ends a warning: it shows up to and including its last day. */
export async function endWarning(
  db: Db,
  actor: Actor,
  personId: number,
  warningId: number,
  expectedVersion: number,
  rawEndedOn: string | null | undefined,
): Promise<number> {
  return db.transaction(async (tx) => {
    const current = await getWarning(tx, personId, warningId)
    await refuseIfMoved(tx, 'person-warning', warningId, current, expectedVersion, 'warning')
    const c = new Checker()
    c.check(!!rawEndedOn, 'endedOn', 'Enter the last day the warning applies')
    const { endedOn } = checkPeriod(
      c,
      { startedOn: current.startedOn, endedOn: rawEndedOn },
      { startLabel: 'the date it applies from', endLabel: 'the last day it applies', endMayBeFuture: true },
    )
    c.throwIfAny()
    const changes = diffFields({ endedOn: current.endedOn }, { endedOn })
    if (changes.length === 0) return current.version
    const version = current.version + 1
    await tx.update(personWarning).set({ endedOn, version }).where(eq(personWarning.id, warningId))
    await recordSave(tx, actor, {
      entityType: 'person-warning',
      id: warningId,
      personId,
      version,
      changes,
      action: 'change',
    })
    return version
  })
}
