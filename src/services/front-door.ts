import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  CONTACT_DECISIONS,
  type ContactDecision,
  contact,
  earlyHelpEpisode,
  person,
  referral,
  relationship,
  type TeamKind,
  team,
  userAccount,
  userRole,
  worker,
} from '../db/schema/index.ts'
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  isWorkingDay,
  workingDaysBetween,
} from '../domain/calendar/working-days.ts'
import { cinLabel, isCinCode } from '../domain/codes/codes.ts'
import { allocate } from './allocation.ts'
import { checkDate, longDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'
import { changesSince, getPerson } from './people.ts'

// The front door: contacts about a child, the threshold decision on each (due within one working day), and
// what a decision starts — a referral to children's social care with an allocation, or an early help
// episode with a lead professional. Starting a referral or early help lives here because both the front
// door and early help (step-up, step-down: see early-help.ts) use it.

export const CONSENT_OPTIONS = ['given', 'refused', 'not-sought-safeguarding', 'not-needed'] as const
export type Consent = (typeof CONSENT_OPTIONS)[number]

export const CONSENT_LABELS: Record<Consent, string> = {
  given: 'Given',
  refused: 'Refused',
  'not-sought-safeguarding': 'Not sought, because asking would put the child at risk',
  'not-needed': 'Not needed',
}

export const DECISION_LABELS: Record<ContactDecision, string> = {
  nfa: 'No further action',
  advice: 'Information and advice',
  'early-help': 'Early help (Families First)',
  referral: 'Referral to children’s social care',
  'strategy-discussion': 'Strategy discussion',
}

/** Teams a referral can be allocated to, and teams that lead early help. */
export const REFERRAL_TEAM_KINDS: readonly TeamKind[] = [
  'assessment',
  'support-and-protect',
  'disabled-children',
]
export const EARLY_HELP_TEAM_KINDS: readonly TeamKind[] = ['early-help']

/** How far back a previous referral makes a new one a re-referral (DfE: within 12 months). */
export const RE_REFERRAL_DAYS = 365

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

// ---------------------------------------------------------------------------------------------------------
// UK local dates and times. People type the date and time as the clock on their wall shows it; the database
// holds the instant.

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function londonWallClock(at: Date) {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(at).map((p) => [p.type, p.value]))
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    utcMillis: Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
    ),
  }
}

/** The instant of a UK wall-clock date ('2026-03-03') and time ('14:30'). */
export function londonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  const guess = Date.UTC(y, m - 1, d, h, mi)
  // Offset of London from UTC near the guess; checked again in case the guess crossed a clock change.
  const offset = (at: number) => londonWallClock(new Date(at)).utcMillis - Math.floor(at / 60_000) * 60_000
  let instant = guess - offset(guess)
  const second = guess - offset(instant)
  if (second !== instant) instant = second
  return new Date(instant)
}

/** The UK date and time ('HH:MM') of an instant, for filling in forms. */
export function londonDateTime(at: Date): { date: string; time: string } {
  const { date, time } = londonWallClock(at)
  return { date, time }
}

/** Checks a time typed on the 24-hour clock ('9:30', '09:30', '9.30'); returns 'HH:MM' or null. */
export function checkTime(
  c: Checker,
  field: string,
  label: string,
  value: string | null | undefined,
): string | null {
  const v = (value ?? '').trim()
  if (v === '') {
    c.add(field, `Enter ${label}`)
    return null
  }
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(v)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    c.add(field, `Enter ${label} on the 24-hour clock, like 14:30`)
    return null
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`
}

// ---------------------------------------------------------------------------------------------------------
// Timeliness: the decision is due within one working day of receipt. Hearth counts as the working-day
// calendar does (working-days.ts): the day received is day 0, so the decision is due by the end of the next
// working day; a contact received at a weekend is due by the end of the next working day too.

function safely<T>(f: () => T): T | null {
  try {
    return f()
  } catch (error) {
    if (error instanceof RangeError) return null // outside the working-day calendar
    throw error
  }
}

/** The date by which the decision on a contact received at `receivedAt` is due. */
export function decisionDueOn(receivedAt: Date): string | null {
  return safely(() => addWorkingDays(today(receivedAt), 1))
}

/** Whether a decision made at `decisionAt` was within one working day of receipt (null: cannot tell). */
export function decidedWithinOneWorkingDay(receivedAt: Date, decisionAt: Date): boolean | null {
  const due = decisionDueOn(receivedAt)
  return due === null ? null : today(decisionAt) <= due
}

export interface Waiting {
  /** Working days since the day received (0 on the day itself). */
  workingDays: number | null
  /** Working hours waited, while still within the first day. */
  hours: number | null
  text: string
  dueOn: string | null
  dueToday: boolean
  overdue: boolean
}

/** How long a contact has waited for its decision, in working hours on the first day, then working days. */
export function waitingTime(receivedAt: Date, now = new Date()): Waiting {
  const receivedOn = today(receivedAt)
  const on = today(now)
  const dueOn = decisionDueOn(receivedAt)
  const workingDays = safely(() => Math.max(0, workingDaysBetween(receivedOn, on)))
  let hours: number | null = null
  let text: string
  if (workingDays === 0) {
    // Only the day of receipt counts, and only if it is a working day.
    const endOfDay = londonInstant(addCalendarDays(receivedOn, 1), '00:00').getTime()
    const until = safely(() => isWorkingDay(receivedOn))
      ? Math.min(now.getTime(), endOfDay)
      : receivedAt.getTime()
    hours = Math.max(0, Math.floor((until - receivedAt.getTime()) / 3_600_000))
    text = until === receivedAt.getTime() ? 'Not yet a working day' : hoursText(hours)
  } else if (workingDays === null) {
    text = `${Math.max(0, calendarDaysBetween(receivedOn, on))} days`
  } else {
    text = `${workingDays} working ${workingDays === 1 ? 'day' : 'days'}`
  }
  return {
    workingDays,
    hours,
    text,
    dueOn,
    dueToday: dueOn === on,
    overdue: dueOn !== null && on > dueOn,
  }
}

function hoursText(hours: number): string {
  if (hours < 1) return 'Less than an hour'
  return `${hours} working ${hours === 1 ? 'hour' : 'hours'}`
}

// ---------------------------------------------------------------------------------------------------------
// Recording a contact

export interface ContactInput {
  /** UK date and time the contact was received. */
  receivedDate: string
  receivedTime: string
  /** DfE ReferralSource code. */
  source: string
  contactName?: string | null
  contactRole?: string | null
  concerns: string
  consent: string
  consentNote?: string | null
}

export interface CheckedContact {
  receivedAt: Date
  source: string
  contactName: string | null
  contactRole: string | null
  concerns: string
  consent: Consent
  consentNote: string | null
}

/** Checks a contact; throws a ValidationError listing every problem. */
export function checkContactInput(input: ContactInput, now = new Date()): CheckedContact {
  const c = new Checker()
  const receivedDate = checkDate(c, 'receivedDate', 'the date the contact was received', input.receivedDate, {
    required: true,
    now: today(now),
  })
  const receivedTime = checkTime(c, 'receivedTime', 'the time the contact was received', input.receivedTime)
  let receivedAt: Date | null = null
  if (receivedDate && receivedTime) {
    receivedAt = londonInstant(receivedDate, receivedTime)
    c.check(
      receivedAt.getTime() <= now.getTime(),
      'receivedTime',
      'The time the contact was received must be now or in the past',
    )
  }
  const source = blank(input.source)
  c.check(isCinCode('ReferralSource', source), 'source', 'Choose who the contact came from')
  const contactName = blank(input.contactName)
  // An anonymous contact (DfE source 9) has no name; every other contact says who made it.
  c.check(
    contactName !== null || source === '9',
    'contactName',
    'Enter the name of the person who made the contact, or choose “Anonymous” as the source',
  )
  const concerns = blank(input.concerns)
  c.check(concerns !== null, 'concerns', 'Describe the concerns about the child')
  const consent = blank(input.consent)
  const knownConsent = (CONSENT_OPTIONS as readonly string[]).includes(consent ?? '')
  c.check(knownConsent, 'consent', 'Say whether the family consented to the contact')
  const consentNote = blank(input.consentNote)
  if (consent === 'refused')
    c.check(consentNote !== null, 'consentNote', 'Say what the family refused and why the contact goes ahead')
  if (consent === 'not-sought-safeguarding')
    c.check(consentNote !== null, 'consentNote', 'Say why asking for consent would put the child at risk')
  c.throwIfAny()
  return {
    receivedAt: receivedAt!,
    source: source!,
    contactName,
    contactRole: blank(input.contactRole),
    concerns: concerns!,
    consent: consent as Consent,
    consentNote,
  }
}

/** Records a contact about a child; returns its id. */
export async function recordContact(
  db: Db,
  actor: Actor,
  personId: number,
  raw: ContactInput,
  now = new Date(),
): Promise<number> {
  const input = checkContactInput(raw, now)
  return db.transaction(async (tx) => {
    await getPerson(tx, personId)
    const [created] = await tx
      .insert(contact)
      .values({ personId, ...input, recordedBy: actor.user.id })
      .returning({ id: contact.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'contact',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, { ...input, receivedAt: input.receivedAt.toISOString() }),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'contact', subjectId: id, personId })
    return id
  })
}

// ---------------------------------------------------------------------------------------------------------
// Reading contacts

// Columns of the outer query named in full: in a one-table select Drizzle leaves them unqualified, and inside
// a subquery an unqualified name would mean the subquery's own table.
const outer = (table: string, column: string) => sql`${sql.identifier(table)}.${sql.identifier(column)}`
const userName = (column: string) =>
  sql<string | null>`(select u.display_name from ${userAccount} u where u.id = ${outer('contact', column)})`
const decidedByUser = userName('decided_by')
const agreedByUser = userName('agreed_by')
const recordedByUser = userName('recorded_by')

const contactColumns = {
  id: contact.id,
  personId: contact.personId,
  receivedAt: contact.receivedAt,
  source: contact.source,
  contactName: contact.contactName,
  contactRole: contact.contactRole,
  concerns: contact.concerns,
  consent: contact.consent,
  consentNote: contact.consentNote,
  decision: contact.decision,
  decisionAt: contact.decisionAt,
  decisionRationale: contact.decisionRationale,
  decidedBy: decidedByUser,
  agreedBy: agreedByUser,
  recordedBy: recordedByUser,
  version: contact.version,
  referralId: sql<
    number | null
  >`(select r.id from ${referral} r where r.contact_id = ${outer('contact', 'id')} order by r.id limit 1)`,
  earlyHelpEpisodeId: sql<
    number | null
  >`(select e.id from ${earlyHelpEpisode} e where e.contact_id = ${outer('contact', 'id')} order by e.id limit 1)`,
}

type ContactRow = {
  id: number
  personId: number
  receivedAt: Date
  source: string
  decision: ContactDecision | null
  decisionAt: Date | null
  consent: Consent
}

/** Adds what is derived, never stored: labels and whether the decision was (or is) on time. */
function describeContact<T extends ContactRow>(row: T, now: Date) {
  const receivedAt = new Date(row.receivedAt)
  const decisionAt = row.decisionAt ? new Date(row.decisionAt) : null
  return {
    ...row,
    receivedAt,
    decisionAt,
    sourceLabel: cinLabel('ReferralSource', row.source),
    consentLabel: CONSENT_LABELS[row.consent] ?? row.consent,
    decisionLabel: row.decision ? DECISION_LABELS[row.decision] : null,
    dueOn: decisionDueOn(receivedAt),
    withinOneWorkingDay: decisionAt ? decidedWithinOneWorkingDay(receivedAt, decisionAt) : null,
    waiting: decisionAt ? null : waitingTime(receivedAt, now),
  }
}

/** A child's contacts, newest first. */
export async function contactsOf(db: DbOrTx, personId: number, now = new Date()) {
  const rows = await db
    .select(contactColumns)
    .from(contact)
    .where(eq(contact.personId, personId))
    .orderBy(desc(contact.receivedAt), desc(contact.id))
  return rows.map((r) => describeContact(r, now))
}

/** One contact of a child; NotFoundError if the contact is not this child's. */
export async function getContact(db: DbOrTx, personId: number, contactId: number, now = new Date()) {
  const [row] = await db
    .select(contactColumns)
    .from(contact)
    .where(and(eq(contact.id, contactId), eq(contact.personId, personId)))
  if (!row) throw new NotFoundError(`No contact ${contactId} for person ${personId}`)
  return describeContact(row, now)
}

/**
 * The front door's list: contacts awaiting a decision among the children the user may see, oldest first,
 * with how long each has waited and whether it is overdue.
 */
export async function contactsAwaitingDecision(db: DbOrTx, user: CurrentUser, now = new Date()) {
  const rows = await db
    .select({
      id: contact.id,
      personId: contact.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      expectedDateOfBirth: person.expectedDateOfBirth,
      receivedAt: contact.receivedAt,
      source: contact.source,
      contactName: contact.contactName,
      contactRole: contact.contactRole,
      decision: contact.decision,
      decisionAt: contact.decisionAt,
      consent: contact.consent,
    })
    .from(contact)
    .innerJoin(person, eq(person.id, contact.personId))
    .where(and(isNull(contact.decision), visiblePersonCondition(user)))
    .orderBy(asc(contact.receivedAt), asc(contact.id))
  return rows.map((r) => describeContact(r, now))
}

// ---------------------------------------------------------------------------------------------------------
// Referrals and re-referrals

/**
 * DfE: a referral is a re-referral when it is within 12 months of a previous referral of the same child,
 * counted referral date to referral date (timescales.md §6). Hearth takes 12 months as 365 days, inclusive.
 * `previousReferralDates` are the dates of the child's earlier referrals.
 */
export function isReReferral(referralDate: string, previousReferralDates: readonly string[]): boolean {
  return previousReferralDates.some((d) => {
    const days = calendarDaysBetween(d, referralDate)
    return days >= 0 && days <= RE_REFERRAL_DAYS
  })
}

/**
 * The same rule as a SQL expression over `referral`, for lists and returns: true when the same child has an
 * earlier referral (by date, then by id on the same day) within 365 days before this one.
 */
export const reReferralSql: SQL<boolean> = sql<boolean>`exists (
  select 1 from ${referral} earlier
  where earlier.person_id = ${outer('referral', 'person_id')}
    and (earlier.referral_date, earlier.id) < (${outer('referral', 'referral_date')}, ${outer('referral', 'id')})
    and earlier.referral_date >= ${outer('referral', 'referral_date')} - ${RE_REFERRAL_DAYS}::int
)`

/** Every referral of a child, newest first, each with whether it is a re-referral within 12 months. */
export async function referralsOf(db: DbOrTx, personId: number) {
  const rows = await db
    .select({
      id: referral.id,
      personId: referral.personId,
      contactId: referral.contactId,
      referralDate: referral.referralDate,
      source: referral.source,
      primaryNeed: referral.primaryNeed,
      noFurtherAction: referral.noFurtherAction,
      closureDate: referral.closureDate,
      closureReason: referral.closureReason,
      version: referral.version,
      reReferral: reReferralSql,
    })
    .from(referral)
    .where(eq(referral.personId, personId))
    .orderBy(desc(referral.referralDate), desc(referral.id))
  return rows.map((r) => ({
    ...r,
    reReferral: Boolean(r.reReferral),
    open: r.closureDate === null,
    sourceLabel: cinLabel('ReferralSource', r.source),
    primaryNeedLabel: r.primaryNeed ? cinLabel('PrimaryNeedCode', r.primaryNeed) : null,
  }))
}

export type Referral = Awaited<ReturnType<typeof referralsOf>>[number]

// ---------------------------------------------------------------------------------------------------------
// Starting a referral or early help: the two things a front-door decision (or a step-up or step-down) makes.

export interface ReferralStart {
  personId: number
  contactId: number | null
  referralDate: string
  source: string
  primaryNeed: string | null | undefined
  teamId: number | null | undefined
  /** Null: allocated to the team, awaiting a worker. */
  workerId: number | null | undefined
}

async function checkTeamAndWorker(
  tx: DbOrTx,
  c: Checker,
  kinds: readonly TeamKind[],
  teamId: number | null | undefined,
  workerId: number | null | undefined,
  fields: { team: string; worker: string; teamMessage: string },
) {
  if (!teamId) {
    c.add(fields.team, fields.teamMessage)
    return
  }
  const [found] = await tx
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.id, teamId), inArray(team.kind, [...kinds])))
  if (!found) {
    c.add(fields.team, fields.teamMessage)
    return
  }
  if (workerId) {
    const [w] = await tx
      .select({ id: worker.id })
      .from(worker)
      .where(and(eq(worker.id, workerId), eq(worker.teamId, teamId), isNull(worker.leftOn)))
    c.check(w !== undefined, fields.worker, 'Choose a worker who is in post in the chosen team')
  }
}

/** Checks a referral about to start: primary need, team, worker, and that no referral is already open. */
export async function checkReferralStart(
  tx: DbOrTx,
  c: Checker,
  input: ReferralStart,
  fields = { primaryNeed: 'primaryNeed', team: 'teamId', worker: 'workerId', open: 'decision' },
) {
  c.check(
    isCinCode('PrimaryNeedCode', input.primaryNeed),
    fields.primaryNeed,
    'Choose the child’s primary need',
  )
  await checkTeamAndWorker(tx, c, REFERRAL_TEAM_KINDS, input.teamId, input.workerId, {
    team: fields.team,
    worker: fields.worker,
    teamMessage: 'Choose the social work team the referral goes to',
  })
  const [open] = await tx
    .select({ referralDate: referral.referralDate })
    .from(referral)
    .where(and(eq(referral.personId, input.personId), isNull(referral.closureDate)))
    .limit(1)
  if (open)
    c.add(
      fields.open,
      `This child already has an open referral, made on ${longDate(open.referralDate)}: a new referral cannot start until it is closed`,
    )
}

/**
 * Writes a referral that has been checked (checkReferralStart) and allocates the child to the chosen team,
 * in the caller's transaction: if the allocation fails, no referral is left behind.
 */
export async function startReferral(tx: DbOrTx, actor: Actor, input: ReferralStart): Promise<number> {
  const values = {
    personId: input.personId,
    contactId: input.contactId,
    referralDate: input.referralDate,
    source: input.source,
    primaryNeed: input.primaryNeed!,
    noFurtherAction: false,
  }
  const [created] = await tx.insert(referral).values(values).returning({ id: referral.id })
  const id = created!.id
  await recordChanges(tx, actor, {
    entityType: 'referral',
    entityId: id,
    personId: input.personId,
    version: 1,
    changes: diffFields(null, values),
  })
  await logAccess(tx, actor, {
    action: 'create',
    subjectType: 'referral',
    subjectId: id,
    personId: input.personId,
  })
  await allocate(tx, actor, {
    personId: input.personId,
    teamId: input.teamId!,
    workerId: input.workerId ?? null,
    kind: 'social-worker',
    startedOn: input.referralDate,
  })
  return id
}

export interface EarlyHelpStart {
  personId: number
  contactId: number | null
  startedOn: string
  /** A Families First (early help) team. */
  teamId: number | null | undefined
  /** The lead professional, when they work in the team … */
  leadWorkerId: number | null | undefined
  /** … or named, when they are from another agency (e.g. a school's designated safeguarding lead). */
  leadProfessional: string | null | undefined
  /** The referral this episode steps down from. */
  steppedDownFrom: number | null
}

/** Checks an early help episode about to start: team, lead professional, and none already open. */
export async function checkEarlyHelpStart(
  tx: DbOrTx,
  c: Checker,
  input: EarlyHelpStart,
  fields = {
    team: 'earlyHelpTeamId',
    worker: 'leadWorkerId',
    lead: 'leadProfessional',
    open: 'decision',
  },
) {
  await checkTeamAndWorker(tx, c, EARLY_HELP_TEAM_KINDS, input.teamId, input.leadWorkerId, {
    team: fields.team,
    worker: fields.worker,
    teamMessage: 'Choose the Families First team',
  })
  c.check(
    Boolean(input.leadWorkerId) || blank(input.leadProfessional) !== null,
    fields.lead,
    'Choose the lead professional from the team, or name one from another agency',
  )
  const [open] = await tx
    .select({ startedOn: earlyHelpEpisode.startedOn })
    .from(earlyHelpEpisode)
    .where(and(eq(earlyHelpEpisode.personId, input.personId), isNull(earlyHelpEpisode.endedOn)))
    .limit(1)
  if (open)
    c.add(
      fields.open,
      `This child already has early help that started on ${longDate(open.startedOn)}: end it before starting another`,
    )
}

/**
 * Writes an early help episode that has been checked (checkEarlyHelpStart) and allocates the child to the
 * Families First team as the lead professional's case, in the caller's transaction.
 */
export async function startEarlyHelp(tx: DbOrTx, actor: Actor, input: EarlyHelpStart): Promise<number> {
  let leadProfessional = blank(input.leadProfessional)
  if (input.leadWorkerId) {
    const [w] = await tx
      .select({
        name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`,
        title: worker.jobTitle,
      })
      .from(worker)
      .where(eq(worker.id, input.leadWorkerId))
    leadProfessional = `${w!.name}, ${w!.title}`
  }
  const values = {
    personId: input.personId,
    contactId: input.contactId,
    startedOn: input.startedOn,
    leadProfessional: leadProfessional!,
    leadWorkerId: input.leadWorkerId ?? null,
    steppedDownFrom: input.steppedDownFrom,
  }
  const [created] = await tx.insert(earlyHelpEpisode).values(values).returning({ id: earlyHelpEpisode.id })
  const id = created!.id
  await recordChanges(tx, actor, {
    entityType: 'early-help-episode',
    entityId: id,
    personId: input.personId,
    version: 1,
    changes: diffFields(null, values),
  })
  await logAccess(tx, actor, {
    action: 'create',
    subjectType: 'early-help-episode',
    subjectId: id,
    personId: input.personId,
  })
  await allocate(tx, actor, {
    personId: input.personId,
    teamId: input.teamId!,
    workerId: input.leadWorkerId ?? null,
    kind: 'lead-professional',
    startedOn: input.startedOn,
  })
  return id
}

// ---------------------------------------------------------------------------------------------------------
// The decision

export interface DecisionInput {
  /** The contact's version the decider started from. */
  version: number
  decision: string
  /** UK date and time of the decision. */
  decisionDate: string
  decisionTime: string
  rationale: string
  /** The team manager (user id) who agreed the decision. */
  agreedBy: number | null
  /** Referral or strategy discussion: DfE primary need, team and (optionally) worker. */
  primaryNeed?: string | null
  teamId?: number | null
  workerId?: number | null
  /** Early help: the Families First team and the lead professional. */
  earlyHelpTeamId?: number | null
  leadWorkerId?: number | null
  leadProfessional?: string | null
}

export interface DecisionResult {
  version: number
  referralId: number | null
  earlyHelpEpisodeId: number | null
}

/** Team managers who can agree a front-door decision. */
export async function managers(db: DbOrTx) {
  return db
    .select({
      id: userAccount.id,
      name: userAccount.displayName,
      teamName: team.name,
    })
    .from(userAccount)
    .innerJoin(userRole, and(eq(userRole.userId, userAccount.id), eq(userRole.role, 'team-manager')))
    .leftJoin(worker, eq(worker.id, userAccount.workerId))
    .leftJoin(team, eq(team.id, worker.teamId))
    .where(and(eq(userAccount.disabled, false), isNull(worker.leftOn)))
    .orderBy(asc(userAccount.displayName))
}

/** Teams of the given kinds with their workers in post, for choosing who a child is allocated to. */
export async function teamsWithWorkers(db: DbOrTx, kinds: readonly TeamKind[]) {
  const rows = await db
    .select({
      teamId: team.id,
      teamName: team.name,
      workerId: worker.id,
      workerName: sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`,
      jobTitle: worker.jobTitle,
    })
    .from(team)
    .leftJoin(worker, and(eq(worker.teamId, team.id), isNull(worker.leftOn), eq(worker.caseHolding, true)))
    .where(inArray(team.kind, [...kinds]))
    .orderBy(asc(team.name), asc(team.id), asc(worker.familyName), asc(worker.givenName))
  const teams: { id: number; name: string; workers: { id: number; name: string; jobTitle: string }[] }[] = []
  for (const r of rows) {
    let t = teams.at(-1)
    if (!t || t.id !== r.teamId) {
      t = { id: r.teamId, name: r.teamName, workers: [] }
      teams.push(t)
    }
    if (r.workerId !== null) t.workers.push({ id: r.workerId, name: r.workerName!, jobTitle: r.jobTitle! })
  }
  return teams
}

/**
 * Records the threshold decision on a contact. A referral or strategy discussion starts a referral and
 * allocates the child to the chosen team; early help starts an episode with a lead professional in a
 * Families First team. All in one transaction, with the change history and access log.
 */
export async function decideContact(
  db: Db,
  actor: Actor,
  personId: number,
  contactId: number,
  raw: DecisionInput,
  now = new Date(),
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contact)
      .where(and(eq(contact.id, contactId), eq(contact.personId, personId)))
    if (!current) throw new NotFoundError(`No contact ${contactId} for person ${personId}`)
    if (current.version !== raw.version || current.decision !== null) {
      throw new ConflictError(
        current.decision !== null
          ? 'A decision has already been recorded on this contact.'
          : 'Someone else changed this contact while you were deciding.',
        await changesSince(tx, 'contact', contactId, raw.version),
      )
    }

    const c = new Checker()
    const decision = blank(raw.decision)
    const known = (CONTACT_DECISIONS as readonly string[]).includes(decision ?? '')
    c.check(known, 'decision', 'Choose the decision')
    const rationale = blank(raw.rationale)
    c.check(rationale !== null, 'rationale', 'Give the reasons for the decision')
    const decisionDate = checkDate(c, 'decisionDate', 'the date of the decision', raw.decisionDate, {
      required: true,
      now: today(now),
    })
    const decisionTime = checkTime(c, 'decisionTime', 'the time of the decision', raw.decisionTime)
    let decisionAt: Date | null = null
    if (decisionDate && decisionTime) {
      decisionAt = londonInstant(decisionDate, decisionTime)
      if (decisionAt.getTime() > now.getTime())
        c.add('decisionTime', 'The time of the decision must be now or in the past')
      else if (decisionAt.getTime() < current.receivedAt.getTime()) {
        const received = londonDateTime(current.receivedAt)
        c.add(
          'decisionDate',
          `The decision cannot be before the contact was received, on ${longDate(received.date)} at ${received.time}`,
        )
      }
    }
    if (!raw.agreedBy) c.add('agreedBy', 'Choose the manager who agreed the decision')
    else {
      const [manager] = await tx
        .select({ id: userAccount.id })
        .from(userAccount)
        .innerJoin(userRole, and(eq(userRole.userId, userAccount.id), eq(userRole.role, 'team-manager')))
        .leftJoin(worker, eq(worker.id, userAccount.workerId))
        .where(and(eq(userAccount.id, raw.agreedBy), eq(userAccount.disabled, false), isNull(worker.leftOn)))
      c.check(manager !== undefined, 'agreedBy', 'Choose a team manager from the list')
    }

    const referralStart: ReferralStart = {
      personId,
      contactId,
      referralDate: decisionDate ?? '',
      source: current.source,
      primaryNeed: blank(raw.primaryNeed),
      teamId: raw.teamId ?? null,
      workerId: raw.workerId ?? null,
    }
    const earlyHelpStart: EarlyHelpStart = {
      personId,
      contactId,
      startedOn: decisionDate ?? '',
      teamId: raw.earlyHelpTeamId ?? null,
      leadWorkerId: raw.leadWorkerId ?? null,
      leadProfessional: blank(raw.leadProfessional),
      steppedDownFrom: null,
    }
    const startsReferral = decision === 'referral' || decision === 'strategy-discussion'
    if (startsReferral) await checkReferralStart(tx, c, referralStart)
    if (decision === 'early-help') await checkEarlyHelpStart(tx, c, earlyHelpStart)
    c.throwIfAny()

    const changes = {
      decision: decision as ContactDecision,
      decisionAt: decisionAt!,
      decisionRationale: rationale!,
      decidedBy: actor.user.id,
      agreedBy: raw.agreedBy!,
    }
    const version = current.version + 1
    const updated = await tx
      .update(contact)
      .set({ ...changes, version })
      .where(and(eq(contact.id, contactId), eq(contact.version, current.version)))
      .returning({ id: contact.id })
    if (updated.length === 0)
      throw new ConflictError('Someone else changed this contact while you were deciding.', [])
    await recordChanges(tx, actor, {
      entityType: 'contact',
      entityId: contactId,
      personId,
      version,
      changes: diffFields(
        { decision: null, decisionAt: null, decisionRationale: null, decidedBy: null, agreedBy: null },
        { ...changes, decisionAt: changes.decisionAt.toISOString() },
      ),
      reason: 'Threshold decision',
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'contact',
      subjectId: contactId,
      personId,
      detail: { decision },
    })
    const referralId = startsReferral ? await startReferral(tx, actor, referralStart) : null
    const earlyHelpEpisodeId =
      decision === 'early-help' ? await startEarlyHelp(tx, actor, earlyHelpStart) : null
    return { version, referralId, earlyHelpEpisodeId }
  })
}

// ---------------------------------------------------------------------------------------------------------
// What the decider reads first: the child's previous contacts and referrals, and their siblings'.

/** The child's brothers and sisters (sibling or half-sibling relationships, recorded either way round). */
export async function siblingsOf(db: DbOrTx, user: CurrentUser, personId: number) {
  const rows = await db
    .selectDistinctOn([person.id], {
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      relationship: relationship.type,
      accessRestriction: person.accessRestriction,
      visible: sql<boolean>`${visiblePersonCondition(user)}`,
    })
    .from(relationship)
    .innerJoin(
      person,
      or(
        and(eq(relationship.personId, personId), eq(person.id, relationship.relatedPersonId)),
        and(eq(relationship.relatedPersonId, personId), eq(person.id, relationship.personId)),
      ),
    )
    .where(inArray(relationship.type, ['sibling', 'half-sibling']))
    .orderBy(asc(person.id), asc(relationship.type))
  const visible = rows.filter((r) => r.visible)
  // A sealed (adoption) record is not even counted: nothing may link it to the birth family.
  const hiddenCount = rows.filter((r) => !r.visible && r.accessRestriction !== 'sealed').length
  visible.sort((a, b) => (a.dateOfBirth ?? '').localeCompare(b.dateOfBirth ?? ''))
  return { visible, hiddenCount }
}

/**
 * The history a front-door decision is made with: the child's earlier contacts and referrals, and each
 * visible sibling's. Looking at a sibling's history is a view of their record, so it is logged.
 */
export async function decisionHistory(
  db: DbOrTx,
  actor: Actor,
  personId: number,
  exceptContactId: number | null = null,
  now = new Date(),
) {
  const [contacts, referrals, siblings] = await Promise.all([
    contactsOf(db, personId, now),
    referralsOf(db, personId),
    siblingsOf(db, actor.user, personId),
  ])
  const siblingHistories = await Promise.all(
    siblings.visible.map(async (s) => {
      const [sc, sr] = await Promise.all([contactsOf(db, s.id, now), referralsOf(db, s.id)])
      return {
        id: s.id,
        givenName: s.givenName,
        familyName: s.familyName,
        dateOfBirth: s.dateOfBirth,
        relationship: s.relationship,
        contacts: sc,
        referrals: sr,
      }
    }),
  )
  for (const s of siblingHistories) {
    await logAccess(db, actor, {
      action: 'view',
      subjectType: 'person',
      subjectId: s.id,
      personId: s.id,
      detail: { reason: 'sibling history at a front-door decision', for: personId },
    })
  }
  return {
    contacts: contacts.filter((c) => c.id !== exceptContactId),
    referrals,
    siblings: siblingHistories,
    hiddenSiblings: siblings.hiddenCount,
  }
}

export { longDate }
