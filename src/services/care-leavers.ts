import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  allocation,
  careLeaverContact,
  legalStatus,
  periodOfCare,
  person,
  team,
  worker,
} from '../db/schema/index.ts'
import { fromDayNumber, isLeapYear, parseIsoDate, toDayNumber } from '../domain/calendar/iso-date.ts'
import { addCalendarDays, addMonths, type IsoDate } from '../domain/calendar/working-days.ts'
import { isSsda903Code, ssda903CodeItems, ssda903Label } from '../domain/codes/codes.ts'
import { allocate } from './allocation.ts'
import { checkDate, today } from './dates.ts'
import { Checker, NotFoundError, ValidationError } from './errors.ts'
import { createPlan, listPlans, longDate } from './plans.ts'

// Care leavers: whether a young person is eligible, relevant or former relevant is worked out from their
// care history and date of birth every time it is read (never typed, never stored). Then the support the
// status brings: a personal adviser, a pathway plan reviewed at least every six months, and keeping in
// touch around the birthdays the DfE asks about (SSDA903 OC3), with the young person's own feedback.

// ——— The status, from the care history ———

export const CARE_LEAVER_STATUSES = ['eligible', 'relevant', 'former-relevant', 'qualifying'] as const
export type CareLeaverStatus = (typeof CARE_LEAVER_STATUSES)[number]

export const CARE_LEAVER_STATUS_LABELS: Record<CareLeaverStatus, string> = {
  eligible: 'Eligible child',
  relevant: 'Relevant child',
  'former-relevant': 'Former relevant child',
  qualifying: 'Qualifying care leaver',
}

/** The law each status comes from, for the page. */
export const CARE_LEAVER_STATUS_SOURCES: Record<CareLeaverStatus, string> = {
  eligible: 'Children Act 1989 Schedule 2 paragraph 19B',
  relevant: 'Children Act 1989 section 23A',
  'former-relevant': 'Children Act 1989 section 23C',
  qualifying: 'Children Act 1989 section 24',
}

/** 13 weeks, the qualifying time in care since the 14th birthday (CPPCR 2010 regulation 40). */
export const QUALIFYING_DAYS = 13 * 7

export interface CarePeriod {
  startDate: IsoDate
  /** The day care ended (the SSDA903 DEC): the first day the young person was no longer looked after. */
  endDate: IsoDate | null
  /**
   * A pre-planned series of short breaks (legal status V3 or V4): left out of the 13 weeks, as CPPCR 2010
   * regulation 40(2) leaves out short-term placements after each of which the child returns home.
   */
  shortBreaks?: boolean
}

export interface CareLeaverStatusResult {
  status: CareLeaverStatus | null
  age: number | null
  lookedAfter: boolean
  /** Days looked after since the 14th birthday, up to the date (or to leaving care). */
  daysSince14: number
  /** The day care last ended, if the young person is not looked after now. */
  leftCareOn: IsoDate | null
  /** For a child in care not yet eligible: the day they will become eligible if they stay in care. */
  becomesEligibleOn: IsoDate | null
  /** Why: in plain words, for the page. */
  explanation: string
}

/**
 * The day a person reaches an age. Someone born on 29 February reaches it on 1 March in other years, as
 * ageOn (record-header.ts) counts it.
 */
export function birthday(dateOfBirth: IsoDate, age: number): IsoDate {
  const { year, month, day } = parseIsoDate(dateOfBirth)
  const y = year + age
  if (month === 2 && day === 29 && !isLeapYear(y)) return `${String(y).padStart(4, '0')}-03-01`
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function ageAt(dateOfBirth: IsoDate, on: IsoDate): number {
  let age = parseIsoDate(on).year - parseIsoDate(dateOfBirth).year
  if (birthday(dateOfBirth, age) > on) age--
  return age
}

const dayNo = toDayNumber
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Eligible, relevant, former relevant or qualifying, as at a date, from the date of birth and the periods
 * of care (CA 1989 Sch 2 para 19B, s23A, s23C, s24; CPPCR 2010 regs 40–44; timescales.md §3):
 *
 * - eligible: aged 16 or 17, looked after now, and looked after for at least 13 weeks in all since the
 *   14th birthday;
 * - relevant: aged 16 or 17, not looked after now, and eligible on the last day they were looked after;
 * - former relevant: aged 18 to 24, and eligible or relevant on the day before their 18th birthday
 *   (a personal adviser to 25, Children and Social Work Act 2017);
 * - qualifying: aged 16 to 20, looked after at some time after their 16th birthday but none of the above.
 *
 * Counting: a period of care covers its start date up to the day before its end date (the 903 DEC is the
 * first day not looked after). Days are whole days, the start day included, so a child who came into care
 * on 1 January has been looked after 13 weeks (91 days) by the end of 1 April. Short breaks are left out.
 */
export function careLeaverStatus(
  dateOfBirth: IsoDate | null,
  periodsOfCare: readonly CarePeriod[],
  asAt: IsoDate,
): CareLeaverStatusResult {
  const none = (
    explanation: string,
    extra: Partial<CareLeaverStatusResult> = {},
  ): CareLeaverStatusResult => ({
    status: null,
    age: dateOfBirth ? ageAt(dateOfBirth, asAt) : null,
    lookedAfter: lookedAfterOn(asAt),
    daysSince14: 0,
    leftCareOn: null,
    becomesEligibleOn: null,
    explanation,
    ...extra,
  })
  const counted = periodsOfCare.filter((p) => !p.shortBreaks)
  function lookedAfterOn(day: IsoDate) {
    return counted.some((p) => p.startDate <= day && (p.endDate === null || p.endDate > day))
  }
  if (!dateOfBirth) return none('No date of birth is recorded, so leaving care status cannot be worked out.')
  const b14 = dayNo(birthday(dateOfBirth, 14))
  const b16 = birthday(dateOfBirth, 16)
  const b18 = birthday(dateOfBirth, 18)
  /** Days looked after from the 14th birthday up to and including `through`. */
  const daysSince14Through = (through: IsoDate) => {
    const last = dayNo(through)
    let total = 0
    for (const p of counted) {
      const from = Math.max(dayNo(p.startDate), b14)
      const to = Math.min(p.endDate === null ? last : dayNo(p.endDate) - 1, last)
      if (to >= from) total += to - from + 1
    }
    return total
  }
  const eligibleOn = (day: IsoDate) => {
    const age = ageAt(dateOfBirth, day)
    return (age === 16 || age === 17) && lookedAfterOn(day) && daysSince14Through(day) >= QUALIFYING_DAYS
  }
  /** The last day looked after on or before `day`, if any. */
  const lastDayInCare = (day: IsoDate): IsoDate | null => {
    let last: IsoDate | null = null
    for (const p of counted) {
      if (p.startDate > day) continue
      const end = p.endDate === null || p.endDate > day ? day : fromDayNumber(dayNo(p.endDate) - 1)
      if (end >= p.startDate && (last === null || end > last)) last = end
    }
    return last
  }
  /** Eligible or relevant on a day when aged 16 or 17. */
  const childStatusOn = (day: IsoDate): 'eligible' | 'relevant' | null => {
    if (eligibleOn(day)) return 'eligible'
    const age = ageAt(dateOfBirth, day)
    if ((age !== 16 && age !== 17) || lookedAfterOn(day)) return null
    const last = lastDayInCare(day)
    return last !== null && eligibleOn(last) ? 'relevant' : null
  }

  const age = ageAt(dateOfBirth, asAt)
  const lookedAfter = lookedAfterOn(asAt)
  const last = lookedAfter ? asAt : lastDayInCare(asAt)
  const daysSince14 = last ? daysSince14Through(last) : 0
  const leftCareOn = !lookedAfter && last ? addCalendarDays(last, 1) : null
  const base = { age, lookedAfter, daysSince14, leftCareOn, becomesEligibleOn: null }
  const weeks = `${plural(Math.floor(daysSince14 / 7), 'week')}${daysSince14 % 7 ? ` and ${plural(daysSince14 % 7, 'day')}` : ''}`

  if (age >= 25) return { ...base, status: null, explanation: 'Leaving care support ends at 25.' }
  if (age >= 18) {
    const at17 = childStatusOn(addCalendarDays(b18, -1))
    if (at17)
      return {
        ...base,
        status: 'former-relevant',
        explanation: `Was ${at17 === 'eligible' ? 'an eligible' : 'a relevant'} child the day before their 18th birthday.`,
      }
  } else if (age >= 16) {
    const now = childStatusOn(asAt)
    if (now === 'eligible')
      return {
        ...base,
        status: 'eligible',
        explanation: `Looked after now, aged ${age}, and looked after for ${weeks} since their 14th birthday (13 weeks needed).`,
      }
    if (now === 'relevant')
      return {
        ...base,
        status: 'relevant',
        explanation: `Left care on ${longDate(leftCareOn)}, aged ${ageAt(dateOfBirth, last!)}, after ${weeks} in care since their 14th birthday.`,
      }
  }
  // Qualifying: looked after at some time after the 16th birthday, and no longer.
  if (age >= 16 && age < 21 && !lookedAfter && last !== null && last >= b16)
    return {
      ...base,
      status: 'qualifying',
      explanation: `Looked after after their 16th birthday, but for ${weeks} since their 14th birthday (13 weeks needed to be eligible).`,
    }
  if (lookedAfter && age < 18) {
    // When they will become eligible if they stay in care: 16, and 13 weeks since 14.
    const short = QUALIFYING_DAYS - daysSince14
    const fromDays = short > 0 ? fromDayNumber(Math.max(dayNo(asAt), b14 - 1) + short) : asAt
    const on = fromDays > b16 ? fromDays : b16
    const becomesEligibleOn = on < b18 ? on : null
    return {
      ...base,
      becomesEligibleOn,
      status: null,
      explanation: becomesEligibleOn
        ? `Not yet eligible: becomes an eligible child on ${longDate(becomesEligibleOn)} if still looked after.`
        : 'Will not have been looked after for 13 weeks since their 14th birthday before they are 18.',
    }
  }
  return {
    ...base,
    status: null,
    explanation:
      last === null
        ? 'Has not been looked after.'
        : age < 16
          ? 'Under 16 and not looked after now.'
          : 'Was not looked after for 13 weeks since their 14th birthday with some of it after their 16th birthday.',
  }
}

/** The periods of care of a young person, with short breaks marked, for careLeaverStatus. */
export async function carePeriodsOf(db: DbOrTx, personId: number): Promise<CarePeriod[]> {
  const periods = await db
    .select({ id: periodOfCare.id, startDate: periodOfCare.startDate, endDate: periodOfCare.endDate })
    .from(periodOfCare)
    .where(eq(periodOfCare.personId, personId))
    .orderBy(asc(periodOfCare.startDate))
  if (periods.length === 0) return []
  const statuses = await db
    .select({ periodOfCareId: legalStatus.periodOfCareId, code: legalStatus.code })
    .from(legalStatus)
    .where(
      inArray(
        legalStatus.periodOfCareId,
        periods.map((p) => p.id),
      ),
    )
  return periods.map((p) => {
    const codes = statuses.filter((s) => s.periodOfCareId === p.id).map((s) => s.code)
    return {
      startDate: p.startDate,
      endDate: p.endDate,
      shortBreaks: codes.length > 0 && codes.every((c) => c === 'V3' || c === 'V4'),
    }
  })
}

async function youngPerson(db: DbOrTx, personId: number) {
  const [found] = await db
    .select({ id: person.id, givenName: person.givenName, dateOfBirth: person.dateOfBirth })
    .from(person)
    .where(eq(person.id, personId))
  if (!found) throw new NotFoundError(`No person ${personId}`)
  return found
}

/** The young person's status today (or on a date). */
export async function careLeaverStatusOf(db: DbOrTx, personId: number, asAt = today()) {
  const found = await youngPerson(db, personId)
  return careLeaverStatus(found.dateOfBirth, await carePeriodsOf(db, personId), asAt)
}

// ——— Keeping in touch around the birthdays the DfE asks about (SSDA903 OC3) ———

/** OC3 covers care leavers at their 17th to 21st birthdays (903 rule 391). */
export const OC3_BIRTHDAYS = [17, 18, 19, 20, 21] as const
/** Information is taken from contact between 3 months before and 1 month after the birthday. */
export const OC3_WINDOW_MONTHS_BEFORE = 3
export const OC3_WINDOW_MONTHS_AFTER = 1

export type Oc3State = 'not-required' | 'upcoming' | 'due' | 'recorded' | 'missed'

export const OC3_STATE_LABELS: Record<Oc3State, string> = {
  'not-required': 'Not needed',
  upcoming: 'Not due yet',
  due: 'Due now',
  recorded: 'Recorded',
  missed: 'Not recorded',
}

export interface Oc3Contact {
  id: number
  contactedOn: IsoDate
  inTouch: string
  activity: string | null
  accommodation: string | null
}

/**
 * For each OC3 birthday: whether the DfE needs keeping-in-touch information (a relevant or former relevant
 * care leaver, not looked after on the birthday — 903 rules 1007 and 1016), the window, and the contact
 * in the window that answers it (the latest), so a worker sees which birthdays are due and which recorded.
 */
export function oc3Birthdays(
  dateOfBirth: IsoDate | null,
  periodsOfCare: readonly CarePeriod[],
  contacts: readonly Oc3Contact[],
  asAt: IsoDate,
) {
  if (!dateOfBirth) return []
  return OC3_BIRTHDAYS.map((age) => {
    const on = birthday(dateOfBirth, age)
    const windowFrom = addMonths(on, -OC3_WINDOW_MONTHS_BEFORE)
    const windowTo = addMonths(on, OC3_WINDOW_MONTHS_AFTER)
    const status = careLeaverStatus(dateOfBirth, periodsOfCare, on)
    const required =
      !status.lookedAfter && (status.status === 'relevant' || status.status === 'former-relevant')
    const contact =
      [...contacts]
        .filter((c) => c.contactedOn >= windowFrom && c.contactedOn <= windowTo)
        .sort((a, b) => b.contactedOn.localeCompare(a.contactedOn))[0] ?? null
    const state: Oc3State = !required
      ? 'not-required'
      : contact
        ? 'recorded'
        : asAt < windowFrom
          ? 'upcoming'
          : asAt <= windowTo
            ? 'due'
            : 'missed'
    return {
      age,
      birthday: on,
      windowFrom,
      windowTo,
      required,
      state,
      stateLabel: OC3_STATE_LABELS[state],
      contact,
    }
  })
}

// ——— Recording keeping-in-touch contact ———

export const SERVICE_RATINGS = ['good', 'okay', 'poor', 'not-used'] as const
export type ServiceRating = (typeof SERVICE_RATINGS)[number]
export const SERVICE_RATING_LABELS: Record<ServiceRating, string> = {
  good: 'Good',
  okay: 'Okay',
  poor: 'Poor',
  'not-used': 'Has not used them',
}

export interface KeepingInTouchInput {
  contactedOn: string
  /** 903 IN_TOUCH. */
  inTouch: string
  /** 903 ACTIV. */
  activity?: string | null
  /** 903 ACCOM: the type and whether it is suitable (the code's last digit: 1 suitable, 2 not). */
  accommodation?: string | null
  healthFeedback?: string | null
  healthServicesRating?: string | null
  wellbeingFeedback?: string | null
  wellbeingServicesRating?: string | null
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** Whether an ACCOM code says the accommodation is suitable (digit 1), not (2), or says nothing (0). */
export function accommodationSuitable(code: string | null): boolean | null {
  if (!code || code === '0') return null
  return code.endsWith('1')
}

/**
 * Records contact with a care leaver: in touch or not, what they are doing and where they live (903 OC3
 * codes, checked as the DfE checks them), and their own feedback on health and wellbeing services.
 */
export async function recordKeepingInTouch(db: Db, actor: Actor, personId: number, raw: KeepingInTouchInput) {
  const c = new Checker()
  const contactedOn = checkDate(c, 'contactedOn', 'the date of the contact', raw.contactedOn, {
    required: true,
  })
  const inTouch = clean(raw.inTouch)
  const activity = clean(raw.activity)
  const accommodation = clean(raw.accommodation)
  if (!isSsda903Code('IN_TOUCH', inTouch))
    c.add('inTouch', 'Choose whether you are in touch with the young person')
  c.check(
    activity === null || isSsda903Code('ACTIV', activity),
    'activity',
    'Choose what the young person is doing from the list',
  )
  c.check(
    accommodation === null || isSsda903Code('ACCOM', accommodation),
    'accommodation',
    'Choose where the young person lives from the list',
  )
  if (inTouch === 'YES') {
    // 903 rule 345: in touch means activity and accommodation are known.
    if (activity === null || activity === '0') c.add('activity', 'Choose what the young person is doing')
    if (accommodation === null || accommodation === '0')
      c.add('accommodation', 'Choose where the young person lives')
  } else if (inTouch === 'DIED' || inTouch === 'RHOM') {
    // 903 rule 344: nothing about activity or accommodation after death or a return home of 6 months.
    c.check(
      activity === null,
      'activity',
      inTouch === 'DIED'
        ? 'Leave what the young person is doing empty: they have died'
        : 'Leave what the young person is doing empty: they have returned home for 6 months or more',
    )
    c.check(accommodation === null, 'accommodation', 'Leave where the young person lives empty')
  }
  const ratings = {
    healthServicesRating: clean(raw.healthServicesRating),
    wellbeingServicesRating: clean(raw.wellbeingServicesRating),
  }
  for (const [field, value] of Object.entries(ratings))
    c.check(
      value === null || (SERVICE_RATINGS as readonly string[]).includes(value),
      field,
      'Choose how the young person rates the services from the list',
    )
  const healthFeedback = clean(raw.healthFeedback)
  const wellbeingFeedback = clean(raw.wellbeingFeedback)
  if (
    inTouch &&
    inTouch !== 'YES' &&
    (healthFeedback || wellbeingFeedback || ratings.healthServicesRating || ratings.wellbeingServicesRating)
  )
    c.add('healthFeedback', 'Feedback can only be recorded from a young person you are in touch with')
  c.throwIfAny()
  const found = await youngPerson(db, personId)
  const periods = await carePeriodsOf(db, personId)
  const status = careLeaverStatus(found.dateOfBirth, periods, contactedOn!)
  if (status.status === null)
    throw new ValidationError({
      contactedOn: `${found.givenName} was not a care leaver on ${longDate(contactedOn)}: ${status.explanation}`,
    })
  // 903 rule 3001: at the 17th birthday, not living with former foster carers (that is staying put at 18+).
  if (accommodation?.startsWith('Z') && status.age !== null && status.age < 18)
    throw new ValidationError({
      accommodation:
        'A young person under 18 cannot be living with former foster carers: choose where they live',
    })
  const row = {
    personId,
    contactedOn: contactedOn!,
    inTouch: inTouch!,
    activity,
    accommodation,
    accommodationSuitable: accommodationSuitable(accommodation),
    healthFeedback,
    wellbeingFeedback,
    healthServicesRating: ratings.healthServicesRating as ServiceRating | null,
    wellbeingServicesRating: ratings.wellbeingServicesRating as ServiceRating | null,
  }
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(careLeaverContact).values(row).returning({ id: careLeaverContact.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'care-leaver-contact',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'care-leaver-contact',
      subjectId: id,
      personId,
    })
    return id
  })
}

// ——— Personal adviser and pathway plan ———

export interface PersonalAdviserInput {
  workerId: number | null
  startedOn: string
}

/** Allocates a personal adviser (allocation kind 'personal-adviser'; the previous one's allocation ends). */
export async function allocatePersonalAdviser(
  db: Db,
  actor: Actor,
  personId: number,
  input: PersonalAdviserInput,
) {
  const c = new Checker()
  const startedOn = checkDate(c, 'startedOn', 'the date the personal adviser starts', input.startedOn, {
    required: true,
    allowFuture: true,
  })
  c.check(input.workerId !== null, 'workerId', 'Choose a personal adviser')
  c.throwIfAny()
  const status = await careLeaverStatusOf(db, personId, startedOn!)
  if (status.status === null)
    throw new ValidationError({
      workerId: `A personal adviser supports care leavers and eligible children. ${status.explanation}`,
    })
  return db.transaction(async (tx) => {
    const [w] = await tx
      .select({ teamId: worker.teamId, leftOn: worker.leftOn })
      .from(worker)
      .where(eq(worker.id, input.workerId!))
    if (!w || w.leftOn !== null)
      throw new ValidationError({ workerId: 'Choose a personal adviser who is in post' })
    const values = {
      personId,
      teamId: w.teamId,
      workerId: input.workerId,
      kind: 'personal-adviser' as const,
      startedOn: startedOn!,
    }
    const id = await allocate(tx, actor, values)
    await recordChanges(tx, actor, {
      entityType: 'allocation',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, values),
    })
    return id
  })
}

/** Personal advisers to choose from: workers in post in the care leavers teams. */
export async function personalAdvisersInPost(db: DbOrTx) {
  return db
    .select({
      id: worker.id,
      name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`,
      teamName: team.name,
    })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(and(eq(team.kind, 'care-leavers'), isNull(worker.leftOn), eq(worker.caseHolding, true)))
    .orderBy(asc(worker.familyName), asc(worker.givenName))
}

/** Pathway plans are reviewed at least every 6 months (timescales.md §3). */
export const PATHWAY_REVIEW_MONTHS = 6

export interface PathwayPlanInput {
  startDate: string
  nextReviewDue: string
  /** What the plan is to achieve, one per line: health, education and work, home, money, relationships… */
  outcomes: string[]
  /** What happens if the plan does not work out. */
  contingency: string
}

/** Starts the young person's pathway plan (a plan of kind 'pathway'), reviewed within 6 months. */
export async function startPathwayPlan(db: Db, actor: Actor, personId: number, input: PathwayPlanInput) {
  const c = new Checker()
  const startDate = checkDate(c, 'startDate', 'the date the pathway plan starts', input.startDate, {
    required: true,
  })
  const nextReviewDue = checkDate(c, 'nextReviewDue', 'the date of the first review', input.nextReviewDue, {
    required: true,
    allowFuture: true,
  })
  if (startDate && nextReviewDue) {
    const latest = addMonths(startDate, PATHWAY_REVIEW_MONTHS)
    if (nextReviewDue <= startDate) c.add('nextReviewDue', 'The first review must be after the plan starts')
    else if (nextReviewDue > latest)
      c.add(
        'nextReviewDue',
        `A pathway plan is reviewed at least every 6 months: choose a date on or before ${longDate(latest)}`,
      )
  }
  const outcomes = input.outcomes.map((o) => o.trim()).filter(Boolean)
  c.check(outcomes.length > 0, 'outcomes', 'Write at least one thing the plan is to achieve')
  c.check(
    clean(input.contingency) !== null,
    'contingency',
    'Say what will happen if the plan does not work out',
  )
  c.throwIfAny()
  const status = await careLeaverStatusOf(db, personId, startDate!)
  if (status.status === null || status.status === 'qualifying')
    throw new ValidationError({
      startDate: `A pathway plan is for eligible, relevant and former relevant young people. ${status.explanation}`,
    })
  return db.transaction((tx) =>
    createPlan(
      tx,
      actor,
      {
        personId,
        kind: 'pathway',
        startDate: startDate!,
        nextReviewDue,
        contingency: input.contingency,
        outcomes,
        actions: [],
      },
      'Pathway plan made',
    ),
  )
}

// ——— The care leaver page ———

/** Everything the leaving care page shows, all derived from the record as at a date. */
export async function careLeaverRecord(db: DbOrTx, personId: number, asAt = today()) {
  const found = await youngPerson(db, personId)
  const periods = await carePeriodsOf(db, personId)
  const [adviser, plans, contacts] = await Promise.all([
    db
      .select({
        workerId: allocation.workerId,
        name: sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`,
        teamName: team.name,
        since: allocation.startedOn,
      })
      .from(allocation)
      .innerJoin(team, eq(team.id, allocation.teamId))
      .leftJoin(worker, eq(worker.id, allocation.workerId))
      .where(
        and(
          eq(allocation.personId, personId),
          eq(allocation.kind, 'personal-adviser'),
          isNull(allocation.endedOn),
        ),
      )
      .limit(1),
    listPlans(db, personId, asAt),
    db
      .select()
      .from(careLeaverContact)
      .where(eq(careLeaverContact.personId, personId))
      .orderBy(desc(careLeaverContact.contactedOn), desc(careLeaverContact.id)),
  ])
  const status = careLeaverStatus(found.dateOfBirth, periods, asAt)
  return {
    youngPerson: found,
    status: {
      ...status,
      label: status.status ? CARE_LEAVER_STATUS_LABELS[status.status] : null,
      source: status.status ? CARE_LEAVER_STATUS_SOURCES[status.status] : null,
    },
    personalAdviser: adviser[0] ?? null,
    pathwayPlans: plans.filter((p) => p.kind === 'pathway'),
    contacts: contacts.map((c) => ({
      ...c,
      inTouchLabel: ssda903Label('IN_TOUCH', c.inTouch),
      activityLabel: ssda903Label('ACTIV', c.activity),
      accommodationLabel: ssda903Label('ACCOM', c.accommodation),
      healthRatingLabel: c.healthServicesRating ? SERVICE_RATING_LABELS[c.healthServicesRating] : null,
      wellbeingRatingLabel: c.wellbeingServicesRating
        ? SERVICE_RATING_LABELS[c.wellbeingServicesRating]
        : null,
    })),
    oc3: oc3Birthdays(found.dateOfBirth, periods, contacts, asAt),
  }
}

export const inTouchItems = (selected?: string | null) => ssda903CodeItems('IN_TOUCH', selected)

// ——— Feedback across care leavers, for managers ———

/**
 * What care leavers said about health and wellbeing services between two dates: how many gave feedback,
 * the ratings counted, and what they said (newest first) — only for young people whose records the user
 * may see, so a sealed or restricted record never shows.
 */
export async function careLeaverFeedback(
  db: DbOrTx,
  user: CurrentUser,
  range: { from: IsoDate; to: IsoDate },
  limit = 200,
) {
  const where = and(
    gte(careLeaverContact.contactedOn, range.from),
    lte(careLeaverContact.contactedOn, range.to),
    visiblePersonCondition(user),
  )
  const hasFeedback = sql`(${careLeaverContact.healthFeedback} is not null or ${careLeaverContact.wellbeingFeedback} is not null or ${careLeaverContact.healthServicesRating} is not null or ${careLeaverContact.wellbeingServicesRating} is not null)`
  const [totals, ratingRows, rows] = await Promise.all([
    db
      .select({
        contacts: sql<number>`count(*)::int`,
        youngPeople: sql<number>`count(distinct ${careLeaverContact.personId})::int`,
        withFeedback: sql<number>`(count(*) filter (where ${hasFeedback}))::int`,
      })
      .from(careLeaverContact)
      .innerJoin(person, eq(person.id, careLeaverContact.personId))
      .where(where),
    db
      .select({
        health: careLeaverContact.healthServicesRating,
        wellbeing: careLeaverContact.wellbeingServicesRating,
        count: sql<number>`count(*)::int`,
      })
      .from(careLeaverContact)
      .innerJoin(person, eq(person.id, careLeaverContact.personId))
      .where(where)
      .groupBy(careLeaverContact.healthServicesRating, careLeaverContact.wellbeingServicesRating),
    db
      .select({
        id: careLeaverContact.id,
        personId: careLeaverContact.personId,
        givenName: person.givenName,
        familyName: person.familyName,
        contactedOn: careLeaverContact.contactedOn,
        healthFeedback: careLeaverContact.healthFeedback,
        healthServicesRating: careLeaverContact.healthServicesRating,
        wellbeingFeedback: careLeaverContact.wellbeingFeedback,
        wellbeingServicesRating: careLeaverContact.wellbeingServicesRating,
      })
      .from(careLeaverContact)
      .innerJoin(person, eq(person.id, careLeaverContact.personId))
      .where(and(where, hasFeedback))
      .orderBy(desc(careLeaverContact.contactedOn), desc(careLeaverContact.id))
      .limit(limit),
  ])
  const t = totals[0] ?? { contacts: 0, youngPeople: 0, withFeedback: 0 }
  const ratings = (kind: 'health' | 'wellbeing') =>
    SERVICE_RATINGS.map((rating) => ({
      rating,
      label: SERVICE_RATING_LABELS[rating],
      count: ratingRows.filter((r) => r[kind] === rating).reduce((sum, r) => sum + r.count, 0),
    }))
  return {
    range,
    contacts: t.contacts,
    youngPeople: t.youngPeople,
    withFeedback: t.withFeedback,
    health: ratings('health'),
    wellbeing: ratings('wellbeing'),
    feedback: rows.map((r) => ({
      ...r,
      healthRatingLabel: r.healthServicesRating ? SERVICE_RATING_LABELS[r.healthServicesRating] : null,
      wellbeingRatingLabel: r.wellbeingServicesRating
        ? SERVICE_RATING_LABELS[r.wellbeingServicesRating]
        : null,
    })),
  }
}
