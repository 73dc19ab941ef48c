// Children's journeys for the synthetic authority: households with their children, parents and
// professionals, and six and a half years of contacts, early help, referrals, assessments, child
// protection and child in need work, visits, notes, oversight and closures, in proportions from
// ../shared/domain/figures.md. Generated in memory a chunk of households at a time (keeping memory flat),
// each household from its own fork of the seed, and written with bulkInsert. Some children then come into
// care on the same record (journeys/care.ts plans it, care-emit.ts writes it): periods of care, legal
// statuses and placements, reviews, visits, health, missing episodes, permanence, adoption, special
// guardianship and care leavers; a few young people with no family on the record (unaccompanied
// asylum-seeking children, children already in care when the record begins) are written alongside.

import { bulkInsert, resetIdentity } from '../src/db/bulk-insert.ts'
import type { DbOrTx } from '../src/db/client.ts'
import {
  type CareChild,
  CarePlanner,
  type CareRates,
  planFamilyCare,
  planLegacy,
  planProceedings,
  planUasc,
  type SoloChild,
  soloSegments,
} from './journeys/care.ts'
import { assignSegment, emitCare } from './journeys/care-emit.ts'
import {
  at,
  birthday,
  type Day,
  iso,
  JOURNEY_START,
  REF,
  SEED_REFERENCE_DATE,
  START,
} from './journeys/dates.ts'
import { Emitter } from './journeys/emit.ts'
import { buildFamily, emitFamily, type Kid } from './journeys/family.ts'
import {
  emptyRows,
  ID_TABLES,
  Ids,
  type IdTable,
  JOURNEY_TABLES,
  type JourneyRows,
  TABLE_NAMES,
} from './journeys/rows.ts'
import {
  runScenario,
  SCENARIOS,
  type Scenario,
  type ScenarioChild,
  scenarioStart,
} from './journeys/scenarios.ts'
import { Staff } from './journeys/staff.ts'
import { arrivalDay, type ReferralEp, Simulation } from './journeys/timeline.ts'
import { syntheticNhsNumber, syntheticUpn } from './lib/identifiers.ts'
import type { Random } from './lib/random.ts'
import type { OrganisationPlan, SeedSize } from './organisation.ts'

export type { JourneyRows, Scenario, ScenarioChild }
export { JOURNEY_START, SCENARIOS, SEED_REFERENCE_DATE }

export interface JourneyContext {
  size: SeedSize
  plan: OrganisationPlan
  /** Each worker's sign-in (user_account.id). */
  userIdByWorkerId: ReadonlyMap<number, number>
  /** A practitioner who takes the first copy of each scenario (the demo `socialworker`), if any. */
  featuredWorkerId: number | null
  /** The journeys' own stream (a fork of the seed). */
  random: Random
}

interface SizeSpec {
  /** Households whose story starts in the window. */
  households: number
  /** Share of households arriving in the last ~14 months, so a small demo still has open cases. */
  recentShare: number
  /** Households per scenario. */
  scenarioCopies: number
  /** Households per chunk generated and inserted together. */
  chunk: number
  /** How often children come into care (journeys/care.ts). */
  care: CareRates
}

// mid: a borough like Trafford (figures.md §4): ~2,600 referrals and ~8,000 contacts a year. large: a county
// ~6.5 times that. demo: a few hundred children, most of their work recent, quick enough for a first start.
// Children in care: mid about 340 looked after at a time (figures.md §4), large ~6.5 times that; the demo
// has a few dozen, so every page about care has children to show.
export const SIZES: Record<SeedSize, SizeSpec> = {
  demo: {
    households: 320,
    recentShare: 0.7,
    scenarioCopies: 2,
    chunk: 1000,
    care: { cp: 1, teen: 0.35, uasc: 0.03, legacy: 0.04, proceedings: 0.12 },
  },
  mid: {
    households: 20_000,
    recentShare: 0,
    scenarioCopies: 4,
    chunk: 1500,
    care: { cp: 0.5, teen: 0.07, uasc: 0.003, legacy: 0.01, proceedings: 0.002 },
  },
  large: {
    households: 130_000,
    recentShare: 0,
    scenarioCopies: 8,
    chunk: 1500,
    care: { cp: 0.5, teen: 0.07, uasc: 0.003, legacy: 0.01, proceedings: 0.002 },
  },
}

export interface JourneyChunk {
  rows: JourneyRows
  scenarios: ScenarioChild[]
}

/** The journeys, a chunk at a time: pure and deterministic (no database). */
export function* generateJourneyChunks(ctx: JourneyContext): Generator<JourneyChunk> {
  for (const step of generateJourneySteps(ctx)) if (step !== null) yield step
}

/** As generateJourneyChunks, with a null between every few households: a chance to let other work run. */
function* generateJourneySteps(ctx: JourneyContext): Generator<JourneyChunk | null> {
  const spec = SIZES[ctx.size]
  const staff = new Staff(ctx.plan, ctx.userIdByWorkerId, ctx.featuredWorkerId)
  const ids = new Ids()
  const laCode = ctx.plan.localAuthority.dfeCode
  // Every UPN issued so far, so that no two children share one.
  const upns = new Set<string>()
  const scripted: { scenario: Scenario; copy: number }[] = []
  for (let copy = 0; copy < spec.scenarioCopies; copy++)
    for (const scenario of SCENARIOS) scripted.push({ scenario, copy })
  const total = scripted.length + spec.households
  let rows = emptyRows()
  let scenarios: ScenarioChild[] = []
  let inChunk = 0
  for (let index = 0; index < total; index++) {
    const script = scripted[index] ?? null
    const random = ctx.random.fork(`household:${index}`)
    const area = script ? (script.copy === 0 ? 0 : script.copy % staff.areaCount) : index % staff.areaCount
    const firstContact = script
      ? scenarioStart(script.scenario, script.copy)
      : arrivalDay(random, spec.recentShare)
    const fam = buildFamily({
      index,
      random,
      area,
      areaCount: staff.areaCount,
      firstContact,
      scenario: script?.scenario ?? null,
      ids,
    })
    const sim = new Simulation(fam, ids)
    const timeline = script ? runScenario(sim, script.scenario, firstContact) : sim.run()
    // Some children come into care (and the timeline changes to match) before anyone is allocated.
    const planner = new CarePlanner(random.fork('care'), ids)
    const care = script ? null : planFamilyCare(fam, timeline, planner, spec.care)
    const emitter = new Emitter({ rows, ids, staff }, fam)
    const featured = script !== null && script.copy === 0
    const openAtRef = (kids: Kid[]) =>
      kids.filter((k) => k.dob <= REF + 140 && REF < birthday(k.dob, 18)).length
    for (const ep of timeline.referrals)
      for (const seg of ep.segments) emitter.assign(seg, seg.end > REF ? openAtRef(ep.scope) : 0, featured)
    for (const eh of timeline.earlyHelp)
      if (eh.segment) emitter.assign(eh.segment, eh.segment.end > REF ? openAtRef(eh.scope) : 0, false)
    emitter.contacts(timeline)
    for (const ep of timeline.referrals) emitter.referral(ep)
    for (const eh of timeline.earlyHelp) emitter.earlyHelp(eh)
    emitter.events(timeline, (kid, day) => {
      const ep = coveringReferral(timeline.referrals, kid, day)
      return ep ? staff.userOf(emitter.workerAt(ep.segments, day).id) : null
    })
    const firstWorked = timeline.referrals.find((ep) => ep.segments.length > 0)
    const warningUser = firstWorked
      ? staff.userOf(emitter.workerAt(firstWorked.segments, firstWorked.day).id)
      : staff.userOf(staff.pool('front-door', area).workers[0]!.id)
    emitFamily(fam, rows, laCode, warningUser, upns)
    if (care)
      for (const child of care.children) {
        markLookedAfter(rows, child)
        emitCare(child, {
          rows,
          ids,
          staff,
          area: fam.area,
          r: planner.r,
          motherId: fam.mother.personId,
          referralId: (child.kid && care.ep?.rowIds.get(child.kid)) ?? null,
        })
      }
    // Young people with no family on the record: arriving alone, or in care before the record began.
    const solo = new CarePlanner(ctx.random.fork(`solo:${index}`), ids)
    if (solo.r.chance(spec.care.uasc)) writeSolo(planUasc(solo), rows, ids, staff, fam.area, solo.r)
    const issueUpn = (issuedYear: number) => {
      let upn: string
      do upn = syntheticUpn(solo.r, laCode, { issuedYear })
      while (upns.has(upn))
      upns.add(upn)
      return upn
    }
    if (solo.r.chance(spec.care.proceedings))
      writeSolo(planProceedings(solo, issueUpn), rows, ids, staff, fam.area, solo.r)
    if (solo.r.chance(spec.care.legacy))
      writeSolo(planLegacy(solo, issueUpn), rows, ids, staff, fam.area, solo.r)
    if (script) scenarios.push({ personId: fam.kids[0]!.personId, scenario: script.scenario })
    if (index % 20 === 19) yield null
    if (++inChunk >= spec.chunk || index === total - 1) {
      finishIds(rows, ids)
      yield { rows, scenarios }
      rows = emptyRows()
      scenarios = []
      inChunk = 0
    }
  }
}

/** Looked-after children have their previous permanence recorded (903 PrevPerm): none, mostly. */
function markLookedAfter(rows: JourneyRows, child: CareChild): void {
  for (let i = rows.person.length - 1; i >= 0; i--) {
    const p = rows.person[i]!
    if (p.id !== child.personId) continue
    p.previousPermanence = 'Z1'
    return
  }
}

function writeSolo(
  solo: SoloChild | null,
  rows: JourneyRows,
  ids: Ids,
  staff: Staff,
  area: number,
  r: Random,
): void {
  if (!solo) return
  const { child, person } = solo
  rows.person.push({
    ...person,
    religion: null,
    nhsNumber: syntheticNhsNumber(r),
    expectedDateOfBirth: null,
    preferredName: null,
    educationSetting: null,
    gpPractice: 'Hearthborough Health Centre',
    previousPermanence: 'Z1',
    accessRestriction: 'none',
    createdAt: at(Math.max(child.start, START), 600),
  })
  rows.person_disability.push({ personId: person.id, code: 'NONE' })
  const segments = soloSegments(child)
  const cap = birthday(child.dob, 18)
  for (const seg of segments) {
    assignSegment(staff, r, area, seg)
    for (const part of seg.parts) {
      if (part.start > REF || part.start > cap) continue
      const end = Math.min(part.end, cap)
      rows.allocation.push({
        personId: person.id,
        teamId: part.teamId,
        workerId: part.workerId,
        kind: seg.kind,
        startedOn: iso(part.start),
        endedOn: end > REF ? null : iso(end),
      })
    }
  }
  child.segments = segments
  emitCare(child, { rows, ids, staff, area, r, motherId: null, referralId: null })
}

function coveringReferral(referrals: ReferralEp[], kid: Kid, day: Day): ReferralEp | null {
  let found: ReferralEp | null = null
  for (const ep of referrals)
    if (ep.segments.length > 0 && ep.day <= day && ep.scope.includes(kid)) found = ep
  return found
}

// Rows nothing else refers to get their ids last, in table order.
const LEAF_TABLES: IdTable[] = ID_TABLES.filter(
  (t): t is IdTable =>
    t === 'person_address' ||
    t === 'person_warning' ||
    t === 'relationship' ||
    t === 'professional_contact' ||
    t === 'allocation' ||
    t === 'core_group' ||
    t === 'plan_review' ||
    t === 'visit' ||
    t === 'case_note' ||
    t === 'significant_event' ||
    t === 'oversight_action',
)

function finishIds(rows: JourneyRows, ids: Ids): void {
  for (const table of LEAF_TABLES)
    for (const row of rows[table] as { id?: number }[]) row.id = ids.take(table)
}

/** Everything at once (tests): fine for demo and mid, not for large. */
export function generateJourneys(ctx: JourneyContext): JourneyChunk {
  const all = emptyRows()
  const scenarios: ScenarioChild[] = []
  for (const chunk of generateJourneyChunks(ctx)) {
    for (const name of TABLE_NAMES) {
      const target = all[name] as unknown[]
      for (const row of chunk.rows[name] as unknown[]) target.push(row)
    }
    scenarios.push(...chunk.scenarios)
  }
  return { rows: all, scenarios }
}

/** The scenario children alone: they are the first households, so this is quick at any size. */
export function scenarioChildren(ctx: JourneyContext): ScenarioChild[] {
  const out: ScenarioChild[] = []
  const wanted = SIZES[ctx.size].scenarioCopies * SCENARIOS.length
  for (const chunk of generateJourneyChunks(ctx)) {
    out.push(...chunk.scenarios)
    if (out.length >= wanted) break
  }
  return out
}

/**
 * Writes the journeys with bulkInsert, chunk by chunk, in the caller's transaction, then moves every
 * identity sequence past the ids assigned here. Adds each table's row count to `counts`. The next chunk is
 * generated while the database writes the last one (the generator hands back control every few
 * households), so the two cores work at once.
 */
export async function insertJourneys(
  db: DbOrTx,
  ctx: JourneyContext,
  counts: Record<string, number>,
): Promise<ScenarioChild[]> {
  const scenarios: ScenarioChild[] = []
  const insertChunk = async (chunk: JourneyChunk) => {
    for (const name of TABLE_NAMES) {
      const rows = chunk.rows[name]
      if (rows.length === 0) continue
      await bulkInsert(db, JOURNEY_TABLES[name], rows as never[])
      counts[name] = (counts[name] ?? 0) + rows.length
    }
  }
  let writing: Promise<void> = Promise.resolve()
  for (const step of generateJourneySteps(ctx)) {
    if (step === null) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      continue
    }
    scenarios.push(...step.scenarios)
    await writing
    writing = insertChunk(step)
    // Awaited before the next chunk is written; until then a failure must not go unhandled.
    writing.catch(() => {})
  }
  await writing
  for (const name of ID_TABLES) await resetIdentity(db, JOURNEY_TABLES[name])
  return scenarios
}
