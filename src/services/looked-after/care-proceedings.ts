import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { logAccess } from '../../audit/access-log.ts'
import { diffFields, recordChanges } from '../../audit/change-history.ts'
import type { Actor } from '../../auth/current-user.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import {
  CARE_PROCEEDINGS_OUTCOMES,
  type CareProceedingsOutcome,
  careProceedings,
  careProceedingsExtension,
  legalStatus,
  person,
} from '../../db/schema/index.ts'
import { calendarDaysBetween, type IsoDate, workingDaysBetween } from '../../domain/calendar/working-days.ts'
import { ssda903Label } from '../../domain/codes/codes.ts'
import { wordCount } from '../../domain/practice/substance.ts'
import {
  careProceedings26WeeksRule,
  MAX_EXTENSION_WEEKS,
  proceedingsTimetable,
} from '../../rules/catalogue/care-proceedings-26-weeks.rule.ts'
import { checkDate, longDate, today } from '../dates.ts'
import { Checker, ConflictError, NotFoundError } from '../errors.ts'
import { changesSince } from '../people.ts'

// Care proceedings: the pre-proceedings (PLO) step, the application issued, the court's extensions of the
// 26-week timetable, the final hearing and the outcome. The 26-week date and where the proceedings stand are
// derived when read (proceedingsTimetable), never stored. Interim orders are the child's legal statuses
// (C1…), shown alongside but recorded once, on the looked-after record. Every change moves the proceedings'
// version on, so two people recording at once are taken in turn.

export { CARE_PROCEEDINGS_OUTCOMES, type CareProceedingsOutcome }

export const CARE_PROCEEDINGS_OUTCOME_LABELS: Record<CareProceedingsOutcome, string> = {
  'care-order': 'Care order',
  'supervision-order': 'Supervision order',
  'placement-order': 'Placement order (with a care order)',
  'special-guardianship-order': 'Special guardianship order',
  'child-arrangements-order': 'Child arrangements order',
  'no-order': 'No order',
  withdrawn: 'Application withdrawn',
}

/** Working days before the timetable ends from which the proceedings are due soon (the last 4 weeks). */
const DUE_SOON_WORKING_DAYS = careProceedings26WeeksRule.dueSoonWorkingDays ?? 20

export interface CareProceedingsInput {
  /** The letter before proceedings or the pre-proceedings meeting (PLO), if there was one. */
  preProceedingsOn?: string | null
  issuedOn: string
  court: string
  caseNumber: string
  /** The final hearing, when listed (it may be in the future). */
  finalHearingOn?: string | null
}

export interface CareProceedingsChange extends CareProceedingsInput {
  /** The proceedings' version the user started from. */
  version: number
}

export interface ExtensionInput {
  version: number
  grantedOn: string
  weeks: number | string | null
  /** The court's reason: why the extension is necessary to resolve the proceedings justly. */
  reason: string
}

export interface OutcomeInput {
  version: number
  outcome: string
  concludedOn: string
  finalHearingOn?: string | null
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

type Row = typeof careProceedings.$inferSelect

function isOutcome(value: string): value is CareProceedingsOutcome {
  return (CARE_PROCEEDINGS_OUTCOMES as readonly string[]).includes(value)
}

/** The fields every form of the proceedings' details shares, checked; problems added to `c`. */
function checkDetails(c: Checker, input: CareProceedingsInput) {
  const issuedOn = checkDate(c, 'issuedOn', 'the date the application was issued', input.issuedOn, {
    required: true,
  })
  const preProceedingsOn = checkDate(
    c,
    'preProceedingsOn',
    'the date of the pre-proceedings letter or meeting',
    clean(input.preProceedingsOn),
  )
  if (issuedOn && preProceedingsOn && preProceedingsOn > issuedOn)
    c.add(
      'preProceedingsOn',
      'The pre-proceedings letter or meeting must be on or before the day the application was issued',
    )
  const finalHearingOn = checkDate(
    c,
    'finalHearingOn',
    'the date of the final hearing',
    clean(input.finalHearingOn),
    {
      allowFuture: true,
    },
  )
  if (issuedOn && finalHearingOn && finalHearingOn < issuedOn)
    c.add('finalHearingOn', 'The final hearing cannot be before the application was issued')
  const court = clean(input.court)
  if (!court) c.add('court', 'Enter the court, like Family Court sitting at Manchester')
  else c.check(court.length <= 200, 'court', 'The court must be 200 characters or fewer')
  const caseNumber = clean(input.caseNumber)?.toUpperCase().replace(/\s+/g, ' ') ?? null
  if (!caseNumber) c.add('caseNumber', 'Enter the court’s case number, like MA26C00042')
  else
    c.check(
      /^[A-Z0-9][A-Z0-9 /-]{2,39}$/.test(caseNumber),
      'caseNumber',
      'Enter the court’s case number as it is on the court’s papers, like MA26C00042 (letters, numbers, spaces, / and -)',
    )
  return { issuedOn, preProceedingsOn, finalHearingOn, court, caseNumber }
}

/** The child (locked, so two applications for one child are taken in turn); NotFoundError if none. */
async function childFor(tx: DbOrTx, personId: number) {
  const [found] = await tx
    .select({ dateOfBirth: person.dateOfBirth })
    .from(person)
    .where(eq(person.id, personId))
    .for('update')
  if (!found) throw new NotFoundError(`No person ${personId}`)
  return found
}

/** Another application for the child that is open, or was open on the day this one was issued. */
async function checkNoOverlap(
  tx: DbOrTx,
  c: Checker,
  personId: number,
  issuedOn: IsoDate,
  exceptId?: number,
) {
  const others = await tx
    .select({
      id: careProceedings.id,
      issuedOn: careProceedings.issuedOn,
      concludedOn: careProceedings.concludedOn,
    })
    .from(careProceedings)
    .where(eq(careProceedings.personId, personId))
  for (const o of others) {
    if (o.id === exceptId) continue
    if (o.concludedOn === null)
      c.add(
        'issuedOn',
        `The proceedings issued on ${longDate(o.issuedOn)} are still open: record their outcome first`,
      )
    else if (o.issuedOn <= issuedOn && issuedOn <= o.concludedOn)
      c.add(
        'issuedOn',
        `This overlaps the proceedings issued on ${longDate(o.issuedOn)}, which concluded on ${longDate(o.concludedOn)}`,
      )
  }
}

/** The proceedings, locked for a change, refused if someone else changed them since `version`. */
async function lockedProceedings(tx: DbOrTx, personId: number, id: number, version: number) {
  const [found] = await tx
    .select()
    .from(careProceedings)
    .where(and(eq(careProceedings.id, id), eq(careProceedings.personId, personId)))
    .for('update')
  if (!found) throw new NotFoundError(`No care proceedings ${id} for person ${personId}`)
  if (found.version !== version)
    throw new ConflictError(
      'Someone else changed these care proceedings while you were working on them.',
      await changesSince(tx, 'care-proceedings', id, version),
    )
  return found
}

async function extensionsOf(tx: DbOrTx, proceedingsIds: readonly number[]) {
  if (proceedingsIds.length === 0) return []
  return tx
    .select()
    .from(careProceedingsExtension)
    .where(inArray(careProceedingsExtension.careProceedingsId, proceedingsIds))
    .orderBy(asc(careProceedingsExtension.grantedOn), asc(careProceedingsExtension.id))
}

/** Records the application: issued, with the court and case number, and the pre-proceedings step if any. */
export async function recordCareProceedings(
  db: Db,
  actor: Actor,
  personId: number,
  input: CareProceedingsInput,
): Promise<number> {
  const c = new Checker()
  const details = checkDetails(c, input)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const child = await childFor(tx, personId)
    if (child.dateOfBirth && details.issuedOn! < child.dateOfBirth)
      c.add(
        'issuedOn',
        `The application cannot be issued before the child was born (${longDate(child.dateOfBirth)})`,
      )
    await checkNoOverlap(tx, c, personId, details.issuedOn!)
    c.throwIfAny()
    const values = {
      preProceedingsOn: details.preProceedingsOn,
      issuedOn: details.issuedOn!,
      court: details.court!,
      caseNumber: details.caseNumber!,
      finalHearingOn: details.finalHearingOn,
    }
    const [created] = await tx
      .insert(careProceedings)
      .values({ personId, ...values })
      .returning({ id: careProceedings.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'care-proceedings',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'care-proceedings', subjectId: id, personId })
    return id
  })
}

/** Corrects or completes the details (court, case number, dates); refused if someone else changed them first. */
export async function updateCareProceedings(
  db: Db,
  actor: Actor,
  personId: number,
  id: number,
  input: CareProceedingsChange,
): Promise<number> {
  const c = new Checker()
  const details = checkDetails(c, input)
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const child = await childFor(tx, personId)
    const found = await lockedProceedings(tx, personId, id, input.version)
    const issuedOn = details.issuedOn!
    if (child.dateOfBirth && issuedOn < child.dateOfBirth)
      c.add(
        'issuedOn',
        `The application cannot be issued before the child was born (${longDate(child.dateOfBirth)})`,
      )
    const extensions = await extensionsOf(tx, [id])
    const first = extensions[0]
    if (first && first.grantedOn <= issuedOn)
      c.add(
        'issuedOn',
        `The application must be issued before the first extension was granted (${longDate(first.grantedOn)})`,
      )
    if (found.concludedOn && issuedOn > found.concludedOn)
      c.add(
        'issuedOn',
        `The application must be issued before the proceedings concluded (${longDate(found.concludedOn)})`,
      )
    if (found.concludedOn && details.finalHearingOn && details.finalHearingOn > found.concludedOn)
      c.add(
        'finalHearingOn',
        `The final hearing cannot be after the proceedings concluded (${longDate(found.concludedOn)})`,
      )
    await checkNoOverlap(tx, c, personId, issuedOn, id)
    c.throwIfAny()
    const values = {
      preProceedingsOn: details.preProceedingsOn,
      issuedOn,
      court: details.court!,
      caseNumber: details.caseNumber!,
      finalHearingOn: details.finalHearingOn,
    }
    return saveChange(tx, actor, found, values)
  })
}

/** Writes a change of the proceedings' own fields with its history and access-log entry; the new version. */
async function saveChange(
  tx: DbOrTx,
  actor: Actor,
  found: Row,
  values: Partial<Row>,
  extra: { field: string; oldValue: unknown; newValue: unknown }[] = [],
  reason: string | null = null,
) {
  const changes = [...diffFields(pick(found, Object.keys(values)), values), ...extra]
  if (changes.length === 0) return found.version
  const version = found.version + 1
  await tx
    .update(careProceedings)
    .set({ ...values, version })
    .where(eq(careProceedings.id, found.id))
  await recordChanges(tx, actor, {
    entityType: 'care-proceedings',
    entityId: found.id,
    personId: found.personId,
    version,
    changes,
    reason,
  })
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'care-proceedings',
    subjectId: found.id,
    personId: found.personId,
    detail: { fields: changes.map((ch) => ch.field) },
  })
  return version
}

function pick(row: Row, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k] ?? null]))
}

/**
 * Records an extension of the timetable granted by the court: 1 to 8 weeks, granted after the application
 * was issued and before the proceedings concluded, with the court's reason. Returns the extension's id and
 * the proceedings' new version.
 */
export async function recordExtension(
  db: Db,
  actor: Actor,
  personId: number,
  id: number,
  input: ExtensionInput,
): Promise<{ id: number; version: number }> {
  const c = new Checker()
  const grantedOn = checkDate(c, 'grantedOn', 'the date the court granted the extension', input.grantedOn, {
    required: true,
  })
  const weeksText = input.weeks === null || input.weeks === undefined ? '' : String(input.weeks).trim()
  const weeks = /^\d{1,2}$/.test(weeksText) ? Number(weeksText) : null
  if (weeksText === '')
    c.add('weeks', 'Enter how many weeks the court extended the timetable by, from 1 to 8')
  else
    c.check(
      weeks !== null && weeks >= 1 && weeks <= MAX_EXTENSION_WEEKS,
      'weeks',
      'Each extension is of whole weeks, from 1 to 8: the court can extend by no more than 8 weeks at a time',
    )
  const reason = clean(input.reason)
  if (!reason)
    c.add(
      'reason',
      'Enter the court’s reason: why the extension is necessary to resolve the proceedings justly',
    )
  else
    c.check(
      wordCount(reason) >= 3,
      'reason',
      'Say more about the court’s reason: extensions are not granted routinely and need specific justification',
    )
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const found = await lockedProceedings(tx, personId, id, input.version)
    if (grantedOn! <= found.issuedOn)
      c.add(
        'grantedOn',
        `An extension is granted after the application was issued (${longDate(found.issuedOn)})`,
      )
    if (found.concludedOn && grantedOn! >= found.concludedOn)
      c.add(
        'grantedOn',
        `An extension is granted before the proceedings concluded (${longDate(found.concludedOn)})`,
      )
    const existing = await extensionsOf(tx, [id])
    if (existing.some((e) => e.grantedOn === grantedOn))
      c.add('grantedOn', `An extension granted on ${longDate(grantedOn)} is already recorded`)
    c.throwIfAny()
    const values = { careProceedingsId: id, grantedOn: grantedOn!, weeks: weeks!, reason: reason! }
    const [created] = await tx
      .insert(careProceedingsExtension)
      .values(values)
      .returning({ id: careProceedingsExtension.id })
    await recordChanges(tx, actor, {
      entityType: 'care-proceedings-extension',
      entityId: created!.id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    const version = await saveChange(
      tx,
      actor,
      found,
      {},
      [{ field: 'extension', oldValue: null, newValue: `${weeks} weeks, granted ${grantedOn}` }],
      reason,
    )
    return { id: created!.id, version }
  })
}

/** Records (or corrects) how the proceedings concluded: the outcome, the date and the final hearing. */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  personId: number,
  id: number,
  input: OutcomeInput,
): Promise<number> {
  const c = new Checker()
  c.check(isOutcome(input.outcome), 'outcome', 'Choose the outcome from the list')
  const concludedOn = checkDate(c, 'concludedOn', 'the date the proceedings concluded', input.concludedOn, {
    required: true,
  })
  const finalHearingOn = checkDate(
    c,
    'finalHearingOn',
    'the date of the final hearing',
    clean(input.finalHearingOn),
  )
  if (concludedOn && finalHearingOn && finalHearingOn > concludedOn)
    c.add('finalHearingOn', 'The final hearing cannot be after the proceedings concluded')
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const found = await lockedProceedings(tx, personId, id, input.version)
    if (concludedOn! < found.issuedOn)
      c.add(
        'concludedOn',
        `The proceedings cannot conclude before the application was issued (${longDate(found.issuedOn)})`,
      )
    if (finalHearingOn && finalHearingOn < found.issuedOn)
      c.add('finalHearingOn', 'The final hearing cannot be before the application was issued')
    const extensions = await extensionsOf(tx, [id])
    const last = extensions[extensions.length - 1]
    if (last && concludedOn! <= last.grantedOn)
      c.add(
        'concludedOn',
        `The proceedings must conclude after the last extension was granted (${longDate(last.grantedOn)})`,
      )
    c.throwIfAny()
    const values = {
      outcome: input.outcome as CareProceedingsOutcome,
      concludedOn: concludedOn!,
      // A hearing listed for after the day the proceedings ended (a withdrawal, say) was never held.
      finalHearingOn:
        finalHearingOn ??
        (found.finalHearingOn && found.finalHearingOn <= concludedOn! ? found.finalHearingOn : null),
    }
    return saveChange(tx, actor, found, values)
  })
}

// ——— Reading the record ———

/**
 * The child's care proceedings, newest first, each with its extensions, the timetable derived from them
 * (the 26-week date and the end with extensions), where the proceedings stand on `on`, and the child's legal
 * statuses during the proceedings (the interim orders, from the looked-after record).
 */
export async function careProceedingsRecord(db: DbOrTx, personId: number, on: IsoDate = today()) {
  const rows = await db
    .select()
    .from(careProceedings)
    .where(eq(careProceedings.personId, personId))
    .orderBy(desc(careProceedings.issuedOn), desc(careProceedings.id))
  if (rows.length === 0) return []
  const [extensions, statuses] = await Promise.all([
    extensionsOf(
      db,
      rows.map((r) => r.id),
    ),
    db
      .select({ code: legalStatus.code, startDate: legalStatus.startDate, endDate: legalStatus.endDate })
      .from(legalStatus)
      .where(eq(legalStatus.personId, personId))
      .orderBy(asc(legalStatus.startDate), asc(legalStatus.id)),
  ])
  return rows.map((r) => {
    const own = extensions.filter((e) => e.careProceedingsId === r.id)
    const timetable = proceedingsTimetable(r.issuedOn, own)
    const open = r.concludedOn === null
    const until = r.concludedOn ?? on
    const overdue = open && on > timetable.end
    return {
      ...r,
      outcomeLabel: r.outcome ? CARE_PROCEEDINGS_OUTCOME_LABELS[r.outcome] : null,
      extensions: own,
      /** The last day of the 26 weeks beginning with the day of issue. */
      twentySixWeekDate: timetable.statutoryEnd,
      /** The last day of the timetable with the extensions granted. */
      timetableEnd: timetable.end,
      extendedByWeeks: own.reduce((sum, e) => sum + e.weeks, 0),
      open,
      /** The week of the proceedings they are in (open) or concluded in, counting the week of issue as week 1. */
      week: Math.floor(calendarDaysBetween(r.issuedOn, until) / 7) + 1,
      overdue,
      dueSoon: open && !overdue && workingDaysBetween(on, timetable.end) <= DUE_SOON_WORKING_DAYS,
      concludedInTime: open ? null : r.concludedOn! <= timetable.end,
      ordersDuring: statuses
        .filter((s) => s.startDate <= until && (s.endDate === null || s.endDate >= r.issuedOn))
        .map((s) => ({ ...s, label: ssda903Label('LS', s.code) })),
    }
  })
}

export type CareProceedingsView = Awaited<ReturnType<typeof careProceedingsRecord>>[number]

/** One of the child's proceedings (NotFoundError if it is not theirs). */
export async function findCareProceedings(db: DbOrTx, personId: number, id: number, on: IsoDate = today()) {
  const found = (await careProceedingsRecord(db, personId, on)).find((p) => p.id === id)
  if (!found) throw new NotFoundError(`No care proceedings ${id} for person ${personId}`)
  return found
}

/** For the child's summary page: the open proceedings, if any, and where they stand. */
export async function openCareProceedingsSummary(db: DbOrTx, personId: number, on: IsoDate = today()) {
  const open = (await careProceedingsRecord(db, personId, on)).find((p) => p.open)
  if (!open) return null
  return {
    id: open.id,
    issuedOn: open.issuedOn,
    court: open.court,
    caseNumber: open.caseNumber,
    week: open.week,
    twentySixWeekDate: open.twentySixWeekDate,
    timetableEnd: open.timetableEnd,
    extendedByWeeks: open.extendedByWeeks,
    finalHearingOn: open.finalHearingOn,
    overdue: open.overdue,
    dueSoon: open.dueSoon,
  }
}
