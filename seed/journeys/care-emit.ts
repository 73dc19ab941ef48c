// Writes a looked-after child's planned care (care.ts) as rows: the period of care with its legal statuses
// and placements, reviews chaired by the IRO and IRO contact between them, statutory visits at the
// regulation 28 intervals (some late), health assessments, dental checks, immunisations, SDQs, personal
// education plans, missing episodes and return home interviews, the care plan, the permanence plan with
// every option and its rationale, connected-person and special guardianship assessments, the adoption case
// with family finding, life-story work, family time, and for care leavers a pathway plan, a personal adviser
// and keeping-in-touch contacts to 21 (25 for some). Nothing is written after the reference date.

import { syntheticNhsNumber } from '../lib/identifiers.ts'
import type { Random } from '../lib/random.ts'
import type { WorkerRow } from '../organisation.ts'
import type { CareChild, Pl } from './care.ts'
import {
  addWd,
  ageOn,
  at,
  birthday,
  censusYear,
  type Day,
  dayOf,
  iso,
  monthsToDays,
  nextWd,
  REF,
} from './dates.ts'
import { emitProceedings } from './proceedings.ts'
import type { Ids, JourneyRows } from './rows.ts'
import type { Staff } from './staff.ts'
import { NEVER, type Part, type Segment } from './timeline.ts'

export interface CareEmitContext {
  rows: JourneyRows
  ids: Ids
  staff: Staff
  area: number
  r: Random
  /** The child's mother, when the family is on the record. */
  motherId: number | null
  /** The referral row open while the child is in care, if any. */
  referralId: number | null
}

const min = Math.min
const stopOf = (c: CareChild) => min(c.end, REF)

// Care that began before the recorded history was migrated from the previous system from April 2019 on:
// earlier reviews, visits and health entries are not on the record. (The working-day calendar starts 2019.)
const RECORD_FROM: Day = dayOf('2019-04-01')
const wd = (day: Day, n: number): Day => (day < RECORD_FROM ? day + Math.round(n * 1.4) : addWd(day, n))
const nwd = (day: Day): Day => (day < RECORD_FROM ? day : nextWd(day))
const fromOf = (c: CareChild) => Math.max(c.start, RECORD_FROM)

// --- Who does the work ------------------------------------------------------------------------------------

/**
 * Gives a segment its workers (for young people whose segments no Emitter assigns). Work that began before
 * anyone in the team was in post (care from long before the recorded history) is unallocated only until the
 * first of them starts, so a child in care always has a named worker once the team has one (903 SW17STG2).
 */
export function assignSegment(staff: Staff, r: Random, area: number, seg: Segment): void {
  if (seg.end > REF) {
    const w = staff.leastLoaded(seg.team, area, 1, false)
    const from = dayOf(w.startedOn)
    if (from <= seg.start) seg.parts = [{ workerId: w.id, teamId: w.teamId, start: seg.start, end: seg.end }]
    else
      seg.parts = [
        ...pastParts(staff, r, area, seg, seg.start, from),
        { workerId: w.id, teamId: w.teamId, start: from, end: seg.end },
      ]
    return
  }
  seg.parts = pastParts(staff, r, area, seg, seg.start, seg.end)
}

/** A worker in post on `start` holds the work to `end`; if nobody was yet, nobody until the first starts. */
function pastParts(staff: Staff, r: Random, area: number, seg: Segment, start: Day, end: Day): Part[] {
  const w = staff.randomInPost(r, seg.team, area, start)
  if (w) return [{ workerId: w.id, teamId: w.teamId, start, end }]
  const pool = staff.pool(seg.team, area)
  const first = pool.starts[0]!
  const unallocated = { workerId: null, teamId: pool.workers[0]!.teamId, start, end: Math.min(first, end) }
  if (first >= end) return [unallocated]
  const next = staff.randomInPost(r, seg.team, area, first)!
  return [unallocated, { workerId: next.id, teamId: next.teamId, start: first, end }]
}

function workerAt(staff: Staff, segments: Segment[], kind: string, day: Day, area: number): WorkerRow {
  let found: { workerId: number | null; teamId: number } | undefined
  for (const seg of segments) {
    if (seg.kind !== kind) continue
    for (const part of seg.parts) if (part.start <= day) found = part
  }
  if (!found) found = segments.find((s) => s.kind === kind)?.parts[0]
  if (found?.workerId != null) return staff.worker(found.workerId)
  if (found) {
    const tm = staff.teamManagerOf(found.teamId)
    if (tm) return tm
  }
  return staff.pool(kind === 'iro' ? 'independent-reviewing' : 'children-in-care', area).workers[0]!
}

// --- Text -------------------------------------------------------------------------------------------------

const REVIEW_DECISIONS = [
  'Care plan endorsed. Placement meets needs; continue family time as planned.',
  'Care plan endorsed with changes: health assessment to be chased; PEP targets to be updated.',
  'Permanence plan to be confirmed by the next review; sibling assessment to be completed.',
  'Placement stable. Life-story work to start this quarter; school support continues.',
  'Care plan endorsed. Pathway planning to begin; personal adviser to be allocated.',
]
const CHILD_VIEWS_LAC = [
  (n: string) => `${n} said they feel settled and want to stay where they are.`,
  (n: string) => `${n} said they would like to see their brothers and sisters more often.`,
  (n: string) => `${n} wants more say in when family time happens.`,
  (n: string) => `${n} is worried about moving school and asked that this is avoided.`,
  (n: string) => `${n} said they like their carers but miss home.`,
]
const VISIT_NOTES = [
  (n: string) => `Saw ${n} alone in their room; they showed me their drawings and talked about school.`,
  (n: string) => `${n} was relaxed with the carers; we talked about family time and how it is going.`,
  (n: string) => `Visit after school. ${n} talked about friends and a recent falling out.`,
  (n: string) => `${n} was quiet at first, then talked about wanting to see mum more often.`,
]
const MISSING_REASONS: readonly (readonly [string, string])[] = [
  ['to-see-friends-or-partner', 'Went to see friends in town and lost track of time.'],
  ['to-see-family', 'Went to see mum without telling carers.'],
  ['unhappy-at-placement', 'Said they were fed up with the house rules.'],
  ['exploitation-concern', 'Would not say where they had been; new phone and cash found.'],
  ['drugs-or-alcohol', 'Had been drinking with older young people in the park.'],
  ['conflict-at-home-or-placement', 'Left after an argument with another young person in the home.'],
  ['would-not-say', 'Did not want to talk about where they had been.'],
]

const OPTIONS = [
  'return-home',
  'connected-person',
  'special-guardianship',
  'long-term-fostering',
  'adoption',
  'early-permanence',
  'residential',
  'other',
] as const

const OPTION_ANALYSIS: Record<string, string> = {
  'return-home':
    'Parents have engaged with parenting and substance misuse work, but the changes have not been sustained for long enough to keep the child safe at home.',
  'connected-person':
    'The family network was explored at a family group conference; the viability assessments of the relatives put forward were considered.',
  'special-guardianship':
    'A relative could offer care through childhood and keep the child connected to family; their assessment and support needs were considered.',
  'long-term-fostering':
    'Long-term fostering would keep the child with known carers and in the same school, with family time continuing.',
  adoption:
    "Adoption would give legal permanence through childhood; the child's age, needs and relationships with birth family were weighed against it.",
  'early-permanence':
    'Fostering for adoption would avoid a move for a baby if the court approves adoption; carers dually approved were sought.',
  residential:
    "A children's home can meet high needs for a time, but is not a permanent family for a child of this age.",
  other: 'No other plan was identified as meeting the needs of the child.',
}

function chosenOption(c: CareChild): string {
  switch (c.route) {
    case 'adoption':
      return c.places.some((p) => p.type === 'U5') ? 'early-permanence' : 'adoption'
    case 'special-guardianship':
      return 'special-guardianship'
    case 'home':
    case 'section-20-home':
      return 'return-home'
    case 'long-term-fostering':
      return c.places.some((p) => p.type === 'U1' || p.type === 'U3')
        ? 'connected-person'
        : 'long-term-fostering'
    default:
      return c.places.some((p) => p.type === 'K2')
        ? 'residential'
        : c.rec === 'E4A'
          ? 'return-home'
          : 'long-term-fostering'
  }
}

// --- The rows ---------------------------------------------------------------------------------------------

/** Writes everything about one child's care. */
export function emitCare(c: CareChild, e: CareEmitContext): void {
  const { rows, ids, r } = e
  const stop = stopOf(c)
  if (c.start > REF) return
  const periodId = ids.take('period_of_care')
  const ended = c.end <= REF
  const dest: Record<string, string> = {
    E11: 'Adopted',
    E12: 'Adopted',
    E45: 'Lives with special guardians',
    E4A: 'Returned home to parents as planned',
    E4B: 'Returned home to parents',
    E5: 'Supported accommodation',
    E6: 'Own tenancy',
    E17: 'Staying put with former foster carers',
    E13: 'Lives with relatives',
    E14: 'Returned home after remand ended',
    E9: 'Young offender institution',
    E15: 'Age assessed as 18 or over; adult services',
    E8: 'Moved on',
  }
  rows.period_of_care.push({
    id: periodId,
    personId: c.personId,
    startDate: iso(c.start),
    categoryOfNeed: c.need,
    homePostcode: c.homePostcode,
    endDate: ended ? iso(c.end) : null,
    reasonCeased: ended ? c.rec : null,
    destination: ended ? (dest[c.rec ?? ''] ?? 'Moved on') : null,
    supportPlan: ended
      ? c.leaver
        ? 'Personal adviser allocated; pathway plan reviewed every six months.'
        : 'Support from the family support team for three months; school and GP aware.'
      : null,
  })
  c.legal.forEach((l, i) => {
    const next = c.legal[i + 1]
    rows.legal_status.push({
      id: ids.take('legal_status'),
      periodOfCareId: periodId,
      personId: c.personId,
      code: l.code,
      startDate: iso(l.start),
      endDate: next ? iso(next.start - 1) : ended ? iso(c.end) : null,
    })
  })
  c.places.forEach((p, i) => {
    const next = c.places[i + 1]
    rows.placement.push({
      id: ids.take('placement'),
      periodOfCareId: periodId,
      personId: c.personId,
      placementType: p.type,
      provider: p.provider,
      providerName: p.providerName,
      urn: p.urn,
      carerPersonId: p.carer?.personId ?? null,
      addressLine: p.confidential ? null : p.address,
      postcode: p.postcode,
      confidential: p.confidential,
      distanceMiles: p.distance,
      insideAuthority: p.inside,
      longTerm: p.longTerm,
      startDate: iso(p.start),
      endDate: next ? iso(next.start - 1) : ended ? iso(c.end) : null,
      reasonForChange: next ? p.reason : null,
      placementPlanDate: iso(min(p.start + r.int(0, 5), stop)),
    })
  })
  const reviews = reviewDays(c, r)
  emitReviews(c, e, periodId, reviews)
  emitVisits(c, e)
  emitHealth(c, e)
  emitMissing(c, e)
  emitPlans(c, e, periodId, reviews)
  emitCarers(c, e)
  emitAdoption(c, e)
  emitFamilyTime(c, e)
  emitLeaving(c, e)
  emitProceedings(c, e)
}

/** 20 working days, then 3 months, then every 6 months; a few late. */
function reviewDays(c: CareChild, r: Random): Day[] {
  const out: Day[] = []
  const stop = stopOf(c)
  let due = wd(c.start, 20)
  for (let n = 0; n < 60; n++) {
    const held = nwd(r.chance(0.07) ? due + r.int(3, 40) : due - r.int(0, 7))
    if (held >= stop || held > REF) break
    if (held >= RECORD_FROM) out.push(held)
    due = held + (n === 0 ? monthsToDays(3) : monthsToDays(6))
  }
  return out
}

function emitReviews(c: CareChild, e: CareEmitContext, periodId: number, reviews: Day[]): void {
  const { rows, ids, r, staff } = e
  let previous = c.start
  for (const day of reviews) {
    const iro = workerAt(staff, c.segments, 'iro', day, e.area)
    const age = ageOn(c.dob, day)
    const code =
      age < 4
        ? 'PN0'
        : r.weighted([
            ['PN1', 40],
            ['PN2', 5],
            ['PN3', 14],
            ['PN4', 5],
            ['PN5', 10],
            ['PN6', 21],
            ['PN7', 5],
          ] as const)
    rows.lac_review.push({
      id: ids.take('lac_review'),
      personId: c.personId,
      periodOfCareId: periodId,
      heldOn: iso(day),
      iroWorkerId: iro.id,
      participation: code,
      childsViews: code === 'PN0' || code === 'PN7' ? null : r.pick(CHILD_VIEWS_LAC)(c.first),
      attendees: [
        'IRO',
        'Social worker',
        'Carer',
        ...(r.chance(0.6) ? ['Mother'] : []),
        ...(age >= 4 ? ['Designated teacher'] : []),
      ],
      decisions: r.pick(REVIEW_DECISIONS),
    })
    // The IRO keeps in touch between reviews.
    if (day - previous > 40 && r.chance(0.7)) {
      const d = previous + r.int(14, day - previous - 7)
      rows.iro_contact.push({
        id: ids.take('iro_contact'),
        personId: c.personId,
        iroWorkerId: iro.id,
        contactedOn: iso(d),
        kind: r.weighted([
          ['visit', 4],
          ['phone', 3],
          ['video', 2],
          ['midway-review', 1],
        ] as const),
        notes: `${c.first} was seen by the IRO ahead of the next review.`,
      })
    }
    previous = day
  }
}

function emitVisits(c: CareChild, e: CareEmitContext): void {
  const { rows, r, staff } = e
  const stop = stopOf(c)
  c.places.forEach((p, i) => {
    const next = c.places[i + 1]
    const until = min(next ? next.start - 1 : stop, stop)
    let day = p.start + (r.chance(0.9) ? r.int(1, 6) : r.int(8, 20))
    while (day <= until) {
      if (day < RECORD_FROM) {
        day += 42
        continue
      }
      const w = workerAt(staff, c.segments, 'social-worker', day, e.area)
      const age = ageOn(c.dob, day)
      const seen = r.chance(0.96)
      const alone = seen && age >= 4 && r.chance(0.75)
      rows.visit.push({
        personId: c.personId,
        visitedOn: iso(day),
        visitedBy: w.id,
        kind: 'statutory-looked-after',
        childSeen: seen,
        childSeenAlone: alone,
        bedroomSeen: seen && r.chance(0.5),
        wishesAndFeelings: seen && age >= 4 ? r.pick(CHILD_VIEWS_LAC)(c.first) : null,
        directWorkTool:
          alone && r.chance(0.3) ? r.pick(['Three houses', 'Life-story book', 'Feelings cards']) : null,
        observations: r.pick(VISIT_NOTES)(c.first),
        analysis: null,
        recordedBy: staff.userOf(w.id),
        recordedAt: at(min(day + r.int(0, 3), REF), 600 + r.int(0, 400)),
      })
      // Regulation 28: six-weekly in a placement's first year, then three-monthly if it is long-term.
      const interval = p.longTerm && day - p.start > 365 ? 91 : 42
      day += r.chance(0.08) ? interval + r.int(3, 25) : interval - r.int(0, 12)
    }
  })
}

function emitHealth(c: CareChild, e: CareEmitContext): void {
  const { rows, ids, r } = e
  const stop = stopOf(c)
  const push = (kind: string, day: Day, extra: Partial<(typeof rows.health_record)[number]> = {}) => {
    if (day > stop || day < RECORD_FROM) return
    rows.health_record.push({
      id: ids.take('health_record'),
      personId: c.personId,
      kind: kind as never,
      recordedOn: iso(day),
      upToDate: null,
      substanceMisuse: null,
      interventionOffered: null,
      interventionReceived: null,
      sdqScore: null,
      sdqReason: null,
      notes: null,
      ...extra,
    })
  }
  // The initial health assessment within 20 working days (some late), then reviews.
  push('initial-health-assessment', wd(c.start, r.chance(0.8) ? r.int(8, 20) : r.int(21, 60)))
  // Each collection year (April to March) in care: the checks the DfE asks about in OC2.
  for (let y = censusYear(Math.max(c.start, RECORD_FROM)); y <= censusYear(stop); y++) {
    const yearStart = dayOf(`${y}-04-01`)
    const yearEnd = dayOf(`${y + 1}-03-31`)
    const from = Math.max(yearStart, c.start + 30)
    const to = min(yearEnd, stop)
    if (to - from < 20) continue
    const when = () => from + r.int(0, to - from)
    const age = ageOn(c.dob, from)
    if (from - c.start > 200) push('review-health-assessment', when())
    if (age < 5 && to - from > 200) push('review-health-assessment', when())
    if (age >= 1 && r.chance(0.85)) push('dental-check', when())
    push('immunisations', when(), { upToDate: r.chance(0.88) })
    if (age < 5) push('health-surveillance', when(), { upToDate: r.chance(0.9) })
    if (birthday(c.dob, 4) <= yearEnd && birthday(c.dob, 17) > yearStart) {
      if (r.chance(0.92)) push('sdq', when(), { sdqScore: Math.max(0, min(40, Math.round(r.normal(14, 6)))) })
      else push('sdq', when(), { sdqReason: r.pick(['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']) })
    }
    if (age >= 12) {
      const misuse = r.chance(0.1)
      push('substance-misuse', when(), {
        substanceMisuse: misuse,
        interventionOffered: misuse ? r.chance(0.9) : null,
        interventionReceived: misuse ? r.chance(0.6) : null,
      })
    }
    if (age >= 10 && r.chance(0.03))
      push('conviction', when(), { notes: 'Youth caution, then referral order.' })
  }
  // Personal education plans, termly, for children of school age.
  for (let d = c.start + r.int(10, 20); d <= stop; d += r.int(110, 130)) {
    if (d < RECORD_FROM) continue
    const age = ageOn(c.dob, d)
    if (age < 4 || age > 17) continue
    rows.personal_education_plan.push({
      id: ids.take('personal_education_plan'),
      personId: c.personId,
      heldOn: iso(d),
      school:
        age >= 16
          ? 'Hearthborough College'
          : age >= 11
            ? 'Hearthborough Academy'
            : 'Hearthborough Primary School',
      designatedTeacher: 'Designated teacher for children looked after',
      virtualSchoolContact: 'Virtual school adviser',
      targets: r.pick([
        'Reading age to improve by a year; daily reading with carer.',
        'Attendance above 95%; mentor sessions weekly.',
        'Maths catch-up tutoring funded through pupil premium plus.',
        'Support with GCSE options and college applications.',
      ]),
    })
  }
}

function emitMissing(c: CareChild, e: CareEmitContext): void {
  if (!c.goesMissing) return
  const { rows, ids, r } = e
  const stop = stopOf(c)
  const from = Math.max(fromOf(c) + 7, birthday(c.dob, 11))
  for (let d = from + r.int(10, 120); d < stop - 3; d += r.int(20, 160)) {
    const startMinute = r.int(15 * 60, 23 * 60)
    const hours = r.weighted([
      [r.int(2, 12), 5],
      [r.int(13, 36), 3],
      [r.int(37, 96), 1],
    ] as const)
    const endMinutes = startMinute + hours * 60
    const endDay = d + Math.floor(endMinutes / 1440)
    if (endDay >= stop) break
    const [category, reason] = r.pick(MISSING_REASONS)
    const offered = r.chance(0.85)
    const offerDay = endDay + r.int(0, 2)
    const accepted = offered ? r.chance(0.65) : null
    const ok = offerDay <= REF
    rows.missing_episode.push({
      id: ids.take('missing_episode'),
      personId: c.personId,
      kind: r.chance(0.7) ? 'M' : 'A',
      startedAt: at(d, startMinute),
      endedAt: at(endDay, endMinutes % 1440),
      returnInterviewOfferedAt: offered && ok ? at(offerDay, 600 + r.int(0, 300)) : null,
      returnInterviewAccepted: offered && ok ? accepted : null,
      returnInterviewHeldAt: offered && ok && accepted && offerDay + 1 <= REF ? at(offerDay + 1, 660) : null,
      reasonsGiven: offered && accepted ? reason : null,
      reasonCategories: offered && accepted ? [category] : [],
    })
  }
}

/** A plan written in one go (care plan or pathway plan), with its outcomes and a version per review. */
function simplePlan(
  c: CareChild,
  e: CareEmitContext,
  kind: 'care' | 'pathway',
  start: Day,
  end: Day,
  reviews: Day[],
  outcomes: string[],
  contingency: string,
  owner: 'social-worker' | 'personal-adviser',
): void {
  const { rows, ids, r, staff } = e
  if (start > REF) return
  const planId = ids.take('plan')
  const ended = end <= REF
  // Care plans are reviewed at each looked-after review, pathway plans at least every six months.
  const interval = 182
  const saves = [start, ...reviews.filter((d) => d > start && d < min(end, REF + 1))]
  const outcomeRows = outcomes.map((description, position) => ({
    id: ids.take('plan_outcome'),
    planId,
    position,
    description,
  }))
  const author = (day: Day) => staff.userOf(workerAt(staff, c.segments, owner, day, e.area).id)
  saves.forEach((day, i) => {
    const savedAt = at(day, 600 + r.int(0, 400))
    rows.plan_version.push({
      planId,
      version: i + 1,
      savedAt,
      savedBy: author(day),
      reason: i === 0 ? 'Plan made' : 'Updated at review',
      snapshot: {
        id: planId,
        personId: c.personId,
        kind,
        startDate: iso(start),
        endDate: null,
        contingency,
        nextReviewDue: iso(day + interval),
        version: i + 1,
        outcomes: outcomeRows,
        actions: [],
      },
    })
  })
  if (ended) {
    rows.plan_version.push({
      planId,
      version: saves.length + 1,
      savedAt: at(end, 700),
      savedBy: author(end),
      reason: 'Plan ended',
      snapshot: {
        id: planId,
        personId: c.personId,
        kind,
        startDate: iso(start),
        endDate: iso(end),
        contingency,
        nextReviewDue: null,
        version: saves.length + 1,
        outcomes: outcomeRows,
        actions: [],
      },
    })
  }
  const last = saves[saves.length - 1]!
  rows.plan.push({
    id: planId,
    personId: c.personId,
    kind,
    referralId: kind === 'care' ? e.referralId : null,
    earlyHelpEpisodeId: null,
    cpPlanId: null,
    startDate: iso(start),
    endDate: ended ? iso(end) : null,
    contingency,
    nonEngagementStrategy: null,
    previousPlanId: null,
    nextReviewDue: ended ? null : iso(last + interval),
    version: saves.length + (ended ? 1 : 0),
    updatedAt: at(ended ? end : last, 700),
    updatedBy: author(ended ? end : last),
  })
  rows.plan_outcome.push(...outcomeRows)
}

function emitPlans(c: CareChild, e: CareEmitContext, periodId: number, reviews: Day[]): void {
  const { rows, ids, r } = e
  const stop = stopOf(c)
  simplePlan(
    c,
    e,
    'care',
    c.start,
    c.end,
    reviews,
    [
      `${c.first} is safe and settled in a placement that meets their needs.`,
      `${c.first}'s health and education needs are met and reviewed.`,
      `${c.first} keeps in touch with the people who matter to them.`,
    ],
    'If the placement cannot meet needs, a new placement will be sought through the placements team.',
    'social-worker',
  )
  // The permanence plan by the second review.
  const second = reviews[1]
  if (second !== undefined && second <= stop) {
    const chosen = chosenOption(c)
    const decided = second - r.int(0, 10)
    const planId = ids.take('permanence_plan')
    rows.permanence_plan.push({
      id: planId,
      personId: c.personId,
      periodOfCareId: periodId,
      decidedOn: iso(decided),
      chosenOption: chosen as never,
      rationale: `${c.first}'s plan for permanence is ${chosen.replace(/-/g, ' ')}: it best meets their need for a secure, stable home through childhood, given their age, their relationships with family and what the assessments found.`,
    })
    for (const option of OPTIONS) {
      const considered = option === chosen || option === 'return-home' || r.chance(0.45)
      rows.permanence_option.push({
        id: ids.take('permanence_option'),
        permanencePlanId: planId,
        option,
        considered,
        analysis: considered ? OPTION_ANALYSIS[option]! : '',
      })
    }
    if (
      [
        'adoption',
        'long-term-fostering',
        'special-guardianship',
        'connected-person',
        'early-permanence',
      ].includes(chosen)
    ) {
      const planned = decided + r.int(60, 150)
      rows.direct_work.push({
        id: ids.take('direct_work'),
        personId: c.personId,
        kind: 'life-story-work',
        plannedBy: iso(planned),
        completedOn: planned + 20 <= stop && r.chance(0.7) ? iso(planned - r.int(0, 40)) : null,
        notes: 'Life-story book with photographs and a simple account of why they came into care.',
      })
    }
  }
  // Sibling assessments: together or apart, and why.
  for (const sib of c.siblings) {
    const day = c.start + r.int(20, 80)
    if (day > stop) continue
    const together = sib.places[0]?.household === c.places[0]?.household
    rows.sibling_assessment.push({
      id: ids.take('sibling_assessment'),
      personId: c.personId,
      siblingPersonId: sib.personId,
      assessedOn: iso(day),
      outcome: together ? 'together' : 'apart',
      rationale: together
        ? 'A close bond; carers can meet both children’s needs together.'
        : 'Needs differ greatly and no carers could meet both; frequent sibling time planned instead.',
    })
  }
}

function emitCarers(c: CareChild, e: CareEmitContext): void {
  const { rows, ids, r, staff } = e
  const stop = stopOf(c)
  const kin = c.places.find((p) => p.carer)?.carer ?? c.sgo?.carer ?? null
  if (!kin) return
  if (!kin.emitted) {
    kin.emitted = true
    rows.person.push({
      id: kin.personId,
      givenName: kin.first,
      familyName: kin.last,
      dateOfBirth: iso(kin.dob),
      sex: kin.sex,
      ethnicity: 'WBRI',
      religion: null,
      firstLanguage: 'English',
      interpreterNeeded: false,
      nhsNumber: syntheticNhsNumber(r),
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
      createdAt: at(kin.approvedOn, 600),
    })
    const panelOn = kin.approvedOn + r.int(100, 160)
    if (kin.approvedOn <= REF)
      rows.fostering_panel.push({
        id: ids.take('fostering_panel'),
        carerPersonId: kin.personId,
        kind: 'connected-person',
        assessmentStartedOn: iso(kin.approvedOn),
        panelOn: panelOn <= REF ? iso(panelOn) : null,
        recommendation:
          panelOn <= REF ? 'Approve as connected person foster carer for the named child.' : null,
        decision: panelOn + 7 <= REF ? 'approved' : null,
        decisionOn: panelOn + 7 <= REF ? iso(panelOn + 7) : null,
        decidedBy:
          panelOn + 7 <= REF ? staff.userOf(staff.pool('children-in-care', e.area).workers[0]!.id) : null,
      })
  }
  rows.relationship.push({
    personId: c.personId,
    relatedPersonId: kin.personId,
    type:
      kin.relation === 'friend' ? 'friend' : kin.relation === 'grandparent' ? 'grandparent' : 'aunt-or-uncle',
    sameHousehold: false,
    parentalResponsibility: false,
    startedOn: null,
  })
  if (kin.approvedOn <= stop) {
    const completed = kin.approvedOn + r.int(70, 150)
    rows.carer_assessment.push({
      id: ids.take('carer_assessment'),
      childPersonId: c.personId,
      carerPersonId: kin.personId,
      kind: 'connected-person',
      startedOn: iso(kin.approvedOn - r.int(0, 5)),
      completedOn: completed <= REF ? iso(completed) : null,
      outcome: completed <= REF ? 'positive' : null,
      temporaryApprovalOn: iso(kin.approvedOn),
      temporaryApprovalExtendedTo: completed > kin.approvedOn + 112 ? iso(kin.approvedOn + 112 + 56) : null,
    })
  }
  if (c.sgo && c.sgo.made <= REF) {
    rows.carer_assessment.push({
      id: ids.take('carer_assessment'),
      childPersonId: c.personId,
      carerPersonId: kin.personId,
      kind: 'special-guardianship',
      startedOn: iso(c.sgo.made - r.int(100, 160)),
      completedOn: iso(c.sgo.made - r.int(20, 45)),
      outcome: 'positive',
      temporaryApprovalOn: null,
      temporaryApprovalExtendedTo: null,
    })
    rows.special_guardianship_order.push({
      id: ids.take('special_guardianship_order'),
      personId: c.personId,
      guardianPersonId: kin.personId,
      madeOn: iso(c.sgo.made),
    })
  }
}

function emitAdoption(c: CareChild, e: CareEmitContext): void {
  const a = c.adoption
  if (!a || a.adm > REF || a.adm >= c.end) return
  const { rows, ids, r, staff } = e
  const upTo = (d: Day | null) => (d !== null && d <= REF ? d : null)
  const matched = upTo(a.match)
  const order = upTo(a.order)
  const caseId = ids.take('adoption_case')
  rows.adoption_case.push({
    id: caseId,
    personId: c.personId,
    shouldBePlacedOn: iso(a.adm),
    placementOrderOn: upTo(a.placementOrder) === null ? null : iso(a.placementOrder!),
    matchingPanelOn: upTo(a.panel) === null ? null : iso(a.panel!),
    matchingRecommendation: upTo(a.panel) === null ? null : 'The panel recommends the match.',
    matchedOn: matched === null ? null : iso(matched),
    placedOn: upTo(a.placed) === null ? null : iso(a.placed!),
    decisionCeasedOn: upTo(a.ceased) === null ? null : iso(a.ceased!),
    decisionCeasedReason: upTo(a.ceased) === null ? null : a.ceasedReason,
    adoptionOrderOn: order === null ? null : iso(order),
    byFosterCarers: matched === null ? null : a.byFosterCarers,
    numberOfAdopters: matched === null ? null : a.adopters.n,
    sexOfAdopters: matched === null ? null : a.adopters.sex,
    legalStatusOfAdopters: matched === null ? null : a.adopters.ls,
    sealedOn: order === null ? null : iso(order),
  })
  // Family finding from the placement order until a match (or now).
  const from = a.placementOrder
  if (from !== null && from <= REF) {
    const until = min(a.match ?? a.ceased ?? REF, REF)
    const kinds = [
      'regional-agency',
      'national-register',
      'activity-day',
      'exchange-event',
      'adopters-approached',
    ]
    let k = 0
    for (let d = from + r.int(5, 20); d < until; d += r.int(25, 70)) {
      rows.family_finding_activity.push({
        id: ids.take('family_finding_activity'),
        adoptionCaseId: caseId,
        occurredOn: iso(d),
        activity: kinds[min(k++, kinds.length - 1)]!,
        notes: null,
      })
    }
    if (matched !== null && a.panel !== null && a.panel - 20 > from)
      rows.family_finding_activity.push({
        id: ids.take('family_finding_activity'),
        adoptionCaseId: caseId,
        occurredOn: iso(a.panel - r.int(10, 20)),
        activity: 'adopters-visit',
        notes: 'Prospective adopters met the child with the foster carers.',
      })
  }
  if (order !== null) {
    rows.direct_work.push({
      id: ids.take('direct_work'),
      personId: c.personId,
      kind: 'later-life-letter',
      plannedBy: iso(order + 70),
      completedOn: order + 60 <= REF ? iso(order + r.int(20, 60)) : null,
      notes: 'Later-life letter written for the child to read when older.',
    })
    // Sealed at the adoption order: only the adoption team may see the record.
    const person = rows.person.find((p) => p.id === c.personId)
    if (person) person.accessRestriction = 'sealed'
    const team = staff.pool('permanence-and-adoption', e.area)
    const users = new Set<number>()
    for (const w of team.workers) users.add(staff.userOf(w.id))
    const tm = staff.teamManagerOf(team.workers[0]!.teamId)
    if (tm) users.add(staff.userOf(tm.id))
    for (const userId of users)
      rows.record_access_grant.push({
        personId: c.personId,
        userId,
        grantedBy: null,
        grantedAt: at(order, 720),
        reason: 'Adoption record sealed at the adoption order',
      })
  }
}

function emitFamilyTime(c: CareChild, e: CareEmitContext): void {
  const { rows, ids, r } = e
  if (c.start > REF) return
  const ended = c.end <= REF
  if (e.motherId !== null) {
    const adoption = c.adoption?.placementOrder ?? null
    const change = adoption !== null && adoption <= REF && adoption < c.end ? adoption : null
    rows.contact_arrangement.push({
      id: ids.take('contact_arrangement'),
      personId: c.personId,
      withPersonId: e.motherId,
      withDescription: 'Mother',
      frequency: r.pick(['Twice a week', 'Weekly', 'Fortnightly']),
      supervision: r.weighted([
        ['supervised', 6],
        ['supported', 3],
        ['unsupervised', 1],
      ] as const),
      childsWishes:
        ageOn(c.dob, c.start) < 4
          ? 'Too young to say; settles quickly after family time.'
          : `${c.first} wants to see mum and asked for longer visits.`,
      startedOn: iso(c.start),
      endedOn: change !== null ? iso(change) : ended ? iso(c.end) : null,
    })
    if (change !== null)
      rows.contact_arrangement.push({
        id: ids.take('contact_arrangement'),
        personId: c.personId,
        withPersonId: e.motherId,
        withDescription: 'Mother (letterbox)',
        frequency: 'Once a year',
        supervision: 'indirect',
        childsWishes: 'Too young to say; letterbox contact agreed as in the adoption support plan.',
        startedOn: iso(change + 1),
        endedOn: null,
      })
  } else if (c.uasc) {
    rows.contact_arrangement.push({
      id: ids.take('contact_arrangement'),
      personId: c.personId,
      withPersonId: null,
      withDescription: 'Family abroad',
      frequency: 'When a connection allows',
      supervision: 'unsupervised',
      childsWishes: `${c.first} wants help to trace family through the Red Cross.`,
      startedOn: iso(c.start),
      endedOn: ended ? iso(c.end) : null,
    })
  }
}

const ACTIVITIES: readonly (readonly [string, number])[] = [
  ['F2', 30],
  ['P2', 6],
  ['F1', 7],
  ['F4', 8],
  ['F5', 10],
  ['P5', 4],
  ['G4', 18],
  ['G5', 6],
  ['G6', 8],
]

function emitLeaving(c: CareChild, e: CareEmitContext): void {
  if (!c.leaver) return
  const { rows, ids, r, staff } = e
  const sixteen = birthday(c.dob, 16)
  const twentyOne = birthday(c.dob, 21)
  const upTo = r.chance(0.35) ? birthday(c.dob, 25) : twentyOne
  const planStart = Math.max(c.start + 20, sixteen)
  // The personal adviser from 16 or coming into care after, to 21 (25 for some).
  const seg: Segment = {
    team: 'care-leavers',
    kind: 'personal-adviser',
    start: planStart,
    end: upTo > REF ? NEVER : upTo,
    parts: [],
  }
  if (planStart <= REF) {
    assignSegment(staff, r, e.area, seg)
    c.segments = [...c.segments, seg]
    for (const part of seg.parts) {
      if (part.start > REF) continue
      rows.allocation.push({
        personId: c.personId,
        teamId: part.teamId,
        workerId: part.workerId,
        kind: 'personal-adviser',
        startedOn: iso(part.start),
        endedOn: part.end > REF ? null : iso(part.end),
      })
    }
    const reviews: Day[] = []
    for (let d = planStart + r.int(150, 182); d < min(upTo, REF); d += r.int(150, 182)) reviews.push(d)
    simplePlan(
      c,
      e,
      'pathway',
      planStart,
      upTo,
      reviews,
      [
        'Somewhere safe and suitable to live, with support to manage a tenancy.',
        'In education, training or work, with help from the virtual school and college.',
        'Registered with a GP and dentist, and knows how to get health care.',
      ],
      'If the accommodation breaks down, the personal adviser arranges emergency supported accommodation the same day.',
      'personal-adviser',
    )
  }
  // Keeping in touch after care ends, every couple of months. The first contact comes within four weeks of
  // leaving: inside the month after a birthday the DfE asks about (903 OC3: three months before to one month
  // after, 28 days after a birthday on 31 January), so a young person who leaves care on their 18th
  // birthday has contact to report; later birthdays' windows (four months) are longer than the gaps.
  if (c.end > REF) return
  const home = c.rec === 'E4A' || c.rec === 'E4B' || c.rec === 'E13' || c.rec === 'E14'
  const stayingPut = c.rec === 'E17'
  for (let d = Math.max(c.end + r.int(7, 27), dayOf('2023-01-01')); d <= min(upTo, REF); d += r.int(45, 70)) {
    const age = ageOn(c.dob, d)
    const inTouch =
      home && d - c.end > 183
        ? 'RHOM'
        : r.weighted([
            ['YES', age >= 20 ? 75 : 88],
            ['NO', age >= 20 ? 15 : 6],
            ['REFU', 3],
            ...(age >= 21 ? ([['NREQ', 4]] as const) : []),
          ] as const)
    const yes = inTouch === 'YES'
    const suitable = r.chance(0.9)
    const letter =
      stayingPut && age < 21
        ? 'Z'
        : home
          ? 'B'
          : r.weighted([
              ['D', 30],
              ['U', 25],
              ['E', 10],
              ['T', 8],
              ['B', 10],
              ['K', 5],
              ['V', 3],
            ] as const)
    const rating = () =>
      r.weighted([
        ['good', 5],
        ['okay', 3],
        ['poor', 1.5],
        ['not-used', 1],
      ] as const)
    rows.care_leaver_contact.push({
      id: ids.take('care_leaver_contact'),
      personId: c.personId,
      contactedOn: iso(d),
      inTouch,
      activity: yes ? r.weighted(ACTIVITIES) : null,
      accommodation: yes ? `${letter}${suitable || letter === 'Z' ? 1 : 2}` : null,
      accommodationSuitable: yes ? suitable || letter === 'Z' : null,
      healthFeedback:
        yes && r.chance(0.3)
          ? 'Finds it hard to get a GP appointment; the leaving care nurse has helped.'
          : null,
      wellbeingFeedback:
        yes && r.chance(0.25) ? 'Would like more help with feeling lonely since moving out.' : null,
      healthServicesRating: yes && r.chance(0.4) ? rating() : null,
      wellbeingServicesRating: yes && r.chance(0.4) ? rating() : null,
    })
  }
}

export type { Pl }
