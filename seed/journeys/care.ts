// Children in care, permanence and care leavers: the second half of a child's journey, on the same record.
// Some children whose family is already known become looked after — from a child protection plan (care
// proceedings: interim then full care order, or a placement order and adoption, or special guardianship,
// or home again), or as teenagers under section 20 or on remand — and a few young people arrive alone
// (unaccompanied asylum-seeking children) or were already in care when the authority's recorded history
// begins (long-term fostering, and the care leavers of earlier years, up to 25). Only dates and codes are
// decided in the plan; emitCare writes the rows. Rates are tuned so a mid authority has about 340 children
// looked after at a time (../shared/domain/figures.md §2 and §4), teenagers over-represented.
//
// Everything keeps to the rules the services enforce (src/services/looked-after/, adoption.ts,
// permanence.ts, care-leavers.ts): placements never overlap and lie inside the period of care, legal
// statuses likewise, a placement with parents is never under section 20, an adoption order always follows a
// placement order and the move to the adopters, reviews and visits fall within care. The 903 codes are
// those valid in 2024-25 and 2025-26 alike (H5 and P2 ended in 2025-26, K3 began; supported accommodation
// is K3 only from 1 April 2025).

import { DISTRICTS, syntheticAddress } from '../lib/addresses.ts'
import { type NameHeritage, syntheticFirstName, syntheticSurname } from '../lib/names.ts'
import type { Random } from '../lib/random.ts'
import {
  ageOn,
  birthday,
  censusYear,
  type Day,
  dayOf,
  iso,
  REF,
  START,
  schoolStartYear,
  yearsToDays,
} from './dates.ts'
import type { Family, Kid } from './family.ts'
import type { Ids } from './rows.ts'
import { NEVER, type ReferralEp, type Segment, type Timeline } from './timeline.ts'

/** K3 (supported accommodation) is a 903 code from 2025-26 on. */
const K3_FROM: Day = dayOf('2025-04-01')

export interface CareRates {
  /** Chance that children on a child protection plan (the family's last referral) come into care. */
  cp: number
  /** Chance that a teenager, alone on the family's last referral, comes into care. */
  teen: number
  /** Unaccompanied asylum-seeking young people arriving, per household. */
  uasc: number
  /** Children already in care (or care leavers) when the recorded history begins, per household. */
  legacy: number
  /** Young children brought into care in recent years by proceedings, per household (demo: every route). */
  proceedings: number
}

export type Route =
  | 'adoption'
  | 'special-guardianship'
  | 'home'
  | 'long-term-fostering'
  | 'section-20-home'
  | 'teen'
  | 'remand'
  | 'uasc'

interface Ls {
  start: Day
  code: string
}

export interface Pl {
  start: Day
  type: string
  provider: string
  providerName: string
  urn: string | null
  postcode: string | null
  address: string | null
  inside: boolean
  distance: number | null
  longTerm: boolean
  confidential: boolean
  /** Carer known to Hearth (a connected person). */
  carer: Carer | null
  /** Why this placement ended while care continued. */
  reason: string | null
  /** Identity of the household caring, for "same carer" moves. */
  household: number
}

interface Carer {
  personId: number
  first: string
  last: string
  sex: 'F' | 'M'
  dob: Day
  relation: 'grandparent' | 'aunt-or-uncle' | 'friend'
  /** Assessed as a connected person (regulation 24 temporary approval) from this day. */
  approvedOn: Day
  emitted: boolean
}

export interface Adoption {
  adm: Day
  placementOrder: Day | null
  panel: Day | null
  match: Day | null
  placed: Day | null
  order: Day | null
  ceased: Day | null
  ceasedReason: string | null
  byFosterCarers: boolean
  adopters: { n: number; sex: string; ls: string }
}

/** One young person's period of care, as planned. */
export interface CareChild {
  personId: number
  dob: Day
  sex: 'M' | 'F'
  first: string
  kid: Kid | null
  start: Day
  /** The day care ended (NEVER while it goes on). */
  end: Day
  rec: string | null
  need: string
  route: Route
  homePostcode: string | null
  legal: Ls[]
  places: Pl[]
  adoption: Adoption | null
  sgo: { carer: Carer; made: Day } | null
  permanence: { decided: Day; chosen: string } | null
  uasc: boolean
  /** Missing from care now and again. */
  goesMissing: boolean
  /** Eligible for leaving care support when care ends (13 weeks since 14, still in care at 16). */
  leaver: boolean
  segments: Segment[]
  siblings: CareChild[]
}

export interface FamilyCare {
  ep: ReferralEp | null
  children: CareChild[]
  /** Closure reason for the referral held open while the children are in care. */
  closeReason: string
}

const ALLOWED_INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
const OUT_AREAS = ['M', 'SK', 'WA', 'OL', 'BL', 'WN', 'CH', 'L', 'PR', 'ST', 'LS', 'S', 'DE', 'B']

function outOfAreaPostcode(r: Random): string {
  const letter = () => ALLOWED_INWARD[r.int(0, ALLOWED_INWARD.length - 1)]!
  return `${r.pick(OUT_AREAS)}${r.int(1, 29)} ${r.int(1, 9)}${letter()}${letter()}`
}

const FOSTER_PROVIDERS: Record<string, readonly string[]> = {
  PR1: ['Hearthborough Fostering Service'],
  PR4: ['Northern Foster Care', 'Bright Futures Fostering', 'Compass Oak Fostering'],
  PR5: ['Community Foster Families (charity)'],
}
const HOMES = ['Willow House', 'Beech Lodge', 'The Laurels', 'Orchard View', 'Maple Court', 'Fernside']
const SUPPORTED = [
  'Step Forward Supported Living',
  'Harbour Young People’s Housing',
  'Keystone Supported Homes',
]
const ADOPTION_AGENCIES: Record<string, string> = {
  PR1: 'Hearthborough Adoption Service',
  PR2: 'Adoption North (regional adoption agency)',
  PR5: 'Families for Children (voluntary adoption agency)',
}

const CHANGE_REASONS: readonly (readonly [string, number])[] = [
  ['CARPL', 30],
  ['CREQB', 16],
  ['CREQO', 10],
  ['CHILD', 9],
  ['LAREQ', 8],
  ['STAND', 5],
  ['ALLEG', 3],
  ['CLOSE', 4],
  ['APPRR', 2],
  ['OTHER', 8],
]

/**
 * A child's rate of unplanned moves a year when they come into care, by how settled they are: most settle,
 * some (teenagers more often) move a lot at first. The rate then falls as care goes on (placements).
 */
function movesPerYear(r: Random, age: number): number {
  const unstable = r.chance(age >= 12 ? 0.2 : 0.07)
  if (unstable) return r.int(20, 40) / 10
  return r.chance(0.6) ? 0.25 : 0.6
}

// Unplanned moves slow down: each one makes the next less likely (a better-matched placement, a child who
// has settled), a long-term placement is rarely disrupted, and unplanned moves stop at MAX_PLACEMENTS.
// Without this a per-year rate over a long career gave a few children 30 to 60 placements; nationally
// about one child in ten has 3 or more placements in a year, and even long careers seldom pass 10 to 20.
const MOVE_DAMPING = 0.88
const LONG_TERM_DAMPING = 0.4
const MAX_PLACEMENTS = 18

export class CarePlanner {
  readonly r: Random
  readonly ids: Ids
  private household = 0

  constructor(r: Random, ids: Ids) {
    this.r = r
    this.ids = ids
  }

  // --- Placements -------------------------------------------------------------------------------------

  private urn(): string {
    return `SC${this.r.int(100000, 999999)}`
  }

  private located(type: string, provider: string, homePostcode: string | null) {
    const r = this.r
    const insideChance = provider === 'PR1' ? 0.8 : type === 'K2' || type === 'K3' ? 0.35 : 0.45
    const inside = r.chance(insideChance)
    let postcode: string
    let address: string | null = null
    if (inside) {
      let a = syntheticAddress(r, { district: r.pick(DISTRICTS).district })
      for (let i = 0; i < 5 && a.postcode === homePostcode; i++) a = syntheticAddress(r)
      postcode = a.postcode === homePostcode ? 'HB9 9ZZ' : a.postcode
      address = a.line1
    } else postcode = outOfAreaPostcode(r)
    return { inside, postcode, address, distance: inside ? r.int(1, 9) : r.int(10, 95) }
  }

  /** A new placement of a kind suited to the child's age and the plan. */
  placement(
    kind: 'foster' | 'long-term-foster' | 'kin' | 'kin-long-term' | 'ffa' | 'home' | 'supported' | 'parents',
    day: Day,
    homePostcode: string | null,
    carer: Carer | null = null,
  ): Pl {
    const r = this.r
    const household = ++this.household
    // Where, who provides it and who cares; not long-term and no carer known to Hearth unless said.
    const made = (
      fields: Omit<Pl, 'start' | 'longTerm' | 'confidential' | 'carer' | 'reason' | 'household'> &
        Partial<Pick<Pl, 'longTerm' | 'carer'>>,
    ): Pl => ({
      start: day,
      longTerm: false,
      confidential: false,
      carer: null,
      reason: null,
      household,
      ...fields,
    })
    if (kind === 'parents')
      return made({
        type: 'P1',
        provider: 'PR0',
        providerName: 'Parent',
        urn: null,
        postcode: homePostcode,
        address: null,
        inside: true,
        distance: 0,
      })
    if (kind === 'home' || kind === 'supported') {
      const type = kind === 'home' ? 'K2' : 'K3'
      const provider = r.weighted([
        ['PR4', 75],
        ['PR1', 15],
        ['PR5', 10],
      ] as const)
      const where = this.located(type, provider, homePostcode)
      return made({
        type,
        provider,
        providerName: kind === 'home' ? `${r.pick(HOMES)} children's home` : r.pick(SUPPORTED),
        urn: this.urn(),
        ...where,
      })
    }
    const kin = kind === 'kin' || kind === 'kin-long-term'
    const type =
      kind === 'kin'
        ? 'U3'
        : kind === 'kin-long-term'
          ? 'U1'
          : kind === 'ffa'
            ? 'U5'
            : kind === 'long-term-foster'
              ? 'U4'
              : 'U6'
    const provider = kin
      ? 'PR1'
      : r.weighted([
          ['PR1', 58],
          ['PR4', 37],
          ['PR5', 5],
        ] as const)
    const where = this.located(type, provider, homePostcode)
    return made({
      type,
      provider,
      providerName:
        kin && carer
          ? `${carer.first} ${carer.last} (connected person)`
          : r.pick(FOSTER_PROVIDERS[provider]!),
      urn: this.urn(),
      ...where,
      longTerm: type === 'U1' || type === 'U4',
      carer,
    })
  }

  /** A move to a new placement of the kind that suits the child's age on `day`. */
  private ordinaryMove(dob: Day, day: Day, homePostcode: string | null, longTerm: boolean): Pl {
    const r = this.r
    const age = ageOn(dob, day)
    if (age >= 16 && day >= K3_FROM && r.chance(0.35)) return this.placement('supported', day, homePostcode)
    if (age >= 11 && r.chance(age >= 14 ? 0.35 : 0.2)) return this.placement('home', day, homePostcode)
    return this.placement(longTerm ? 'long-term-foster' : 'foster', day, homePostcode)
  }

  /** A first placement in a children's home (with chance `homeChance`) or else with foster carers. */
  homeOrFoster(homeChance: number, day: Day, homePostcode: string | null): Pl {
    return this.placement(this.r.chance(homeChance) ? 'home' : 'foster', day, homePostcode)
  }

  /**
   * Placements from `start` to `end` (or the 18th birthday, if sooner): the first, then the changes the
   * plan makes on set days (`fixed`), with unplanned moves between them at the child's rate (none after a
   * final placement: with adopters, at home, with special guardians-to-be).
   */
  placements(
    child: { dob: Day; homePostcode?: string | null },
    start: Day,
    endOfCare: Day,
    first: Pl,
    fixed: { day: Day; make: (current: Pl) => Pl; reason: string; final?: boolean }[] = [],
  ): Pl[] {
    const r = this.r
    const out: Pl[] = [first]
    const end = Math.min(endOfCare, birthday(child.dob, 18))
    const stop = Math.min(end, REF)
    let rate = movesPerYear(r, ageOn(child.dob, start))
    const sortedFixed = [...fixed].filter((f) => f.day > start && f.day < end).sort((a, b) => a.day - b.day)
    let day = start
    let settled = false
    let longTerm = first.longTerm
    for (let i = 0; i <= sortedFixed.length; i++) {
      const next = sortedFixed[i]
      const until = next ? next.day : stop
      // Unplanned moves before the next planned change.
      while (!settled) {
        const current = out[out.length - 1]!
        if (current.type === 'P1' || out.length >= MAX_PLACEMENTS) break
        const hazard = current.longTerm ? rate * LONG_TERM_DAMPING : rate
        day += Math.max(14, Math.round((-Math.log(1 - r.next()) * 365) / hazard))
        if (day >= until - 14 || day >= stop) break
        current.reason = r.weighted(CHANGE_REASONS)
        out.push(this.ordinaryMove(child.dob, day, child.homePostcode ?? null, longTerm))
        rate *= MOVE_DAMPING
      }
      if (!next) break
      const current = out[out.length - 1]!
      if (next.day <= current.start + 7) continue
      const made = next.make(current)
      current.reason = made.household === current.household ? 'PLACE' : next.reason
      out.push(made)
      if (made.longTerm) longTerm = true
      if (next.final) settled = true
      day = next.day
    }
    return out
  }

  // --- Carers known to Hearth ---------------------------------------------------------------------------

  carer(fam: Family | null, day: Day): Carer {
    const r = this.r
    const relation = r.weighted([
      ['grandparent', 6],
      ['aunt-or-uncle', 3],
      ['friend', 1],
    ] as const)
    const sex: 'F' | 'M' = r.chance(0.8) ? 'F' : 'M'
    const age = relation === 'grandparent' ? r.int(48, 66) : r.int(26, 50)
    const last = relation === 'friend' || !fam ? syntheticSurname(r) : fam.surname
    return {
      personId: this.ids.take('person'),
      first: syntheticFirstName(r, sex, 'white-british'),
      last,
      sex,
      dob: day - yearsToDays(age) - r.int(0, 364),
      relation,
      approvedOn: day,
      emitted: false,
    }
  }
}

// --- Routes through care --------------------------------------------------------------------------------

interface Member {
  personId: number
  dob: Day
  sex: 'M' | 'F'
  first: string
  kid: Kid | null
}

function blank(m: Member, start: Day, need: string, route: Route, homePostcode: string | null): CareChild {
  return {
    personId: m.personId,
    dob: m.dob,
    sex: m.sex,
    first: m.first,
    kid: m.kid,
    start,
    end: NEVER,
    rec: null,
    need,
    route,
    homePostcode,
    legal: [],
    places: [],
    adoption: null,
    sgo: null,
    permanence: null,
    uasc: false,
    goesMissing: false,
    leaver: false,
    segments: [],
    siblings: [],
  }
}

/** Care ends at 18 at the latest: staying put, supported lodgings, independence. */
function endAt18(p: CarePlanner, c: CareChild): void {
  const eighteen = birthday(c.dob, 18)
  if (eighteen >= c.end) return
  c.end = eighteen
  const last = c.places[c.places.length - 1]
  const fostered = last?.type.startsWith('U') === true
  c.rec =
    fostered && p.r.chance(0.45)
      ? 'E17'
      : p.r.weighted([
          ['E5', 70],
          ['E6', 6],
          ['E8', 8],
          ['E13', 6],
        ] as const)
}

/** The plan's last steps: care ends at 18 at the latest, and nothing is kept beyond its end. */
function finish(p: CarePlanner, c: CareChild): CareChild {
  endAt18(p, c)
  trim(c)
  return c
}

/** Drops rows that start on or after the day care ended, and any future beyond the reference date. */
function trim(c: CareChild): void {
  const stop = c.end
  c.legal = c.legal.filter((l, i) => i === 0 || (l.start < stop && l.start <= REF))
  c.places = c.places.filter((x, i) => i === 0 || (x.start < stop && x.start <= REF))
  // The last placement ends with care: no reason for a change.
  const lastPlace = c.places[c.places.length - 1]!
  lastPlace.reason = null
  if (c.end > REF) {
    c.end = NEVER
    c.rec = null
  }
  c.leaver = isEligible(c)
}

/** 13 weeks in care since the 14th birthday, and in care at 16 or later (care-leavers.ts). */
function isEligible(c: CareChild): boolean {
  const fourteen = birthday(c.dob, 14)
  const sixteen = birthday(c.dob, 16)
  const end = Math.min(c.end, REF)
  const since14 = end - Math.max(c.start, fourteen)
  return since14 >= 91 && end >= sixteen && c.rec !== 'E11' && c.rec !== 'E12' && c.rec !== 'E15'
}

/** Children on a child protection plan who come into care: proceedings and the plan for permanence. */
export function cpRoute(
  p: CarePlanner,
  fam: Family | null,
  members: Member[],
  start: Day,
  need: string,
  homePostcode: string | null = fam ? homeOn(fam, start) : null,
): CareChild[] {
  const r = p.r
  const ages = members.map((m) => ageOn(m.dob, start))
  const youngest = Math.min(...ages)
  const oldest = Math.max(...ages)
  const entry = r.weighted([
    ['C1', 52],
    ['V2', 26],
    ['L1', 9],
    ['L2', youngest < 2 ? 20 : 8],
  ] as const)
  // Section 20 by agreement, and home again within months, for some.
  if (entry === 'V2' && r.chance(0.3)) {
    const end = start + r.int(45, 270)
    return members.map((m) => {
      const c = blank(m, start, need, 'section-20-home', homePostcode)
      c.legal = [{ start, code: 'V2' }]
      const first = p.placement(r.chance(0.25) ? 'kin' : 'foster', start, homePostcode)
      c.places = p.placements({ dob: m.dob, homePostcode }, start, end, first)
      c.end = end
      c.rec = r.chance(0.8) ? 'E4A' : 'E4B'
      return finish(p, c)
    })
  }
  const ico =
    entry === 'C1'
      ? start
      : entry === 'L1'
        ? start + r.int(1, 3)
        : entry === 'L2'
          ? start + r.int(6, 8)
          : start + r.int(20, 140)
  const final = ico + r.int(24 * 7, 30 * 7) + (r.chance(0.3) ? r.int(20, 180) : 0)
  const outcome: Route =
    oldest <= 6
      ? r.weighted([
          ['adoption', youngest <= 4 ? 50 : 10],
          ['special-guardianship', 24],
          ['home', 11],
          ['long-term-fostering', 20],
        ] as const)
      : oldest <= 10
        ? r.weighted([
            ['adoption', youngest <= 4 ? 6 : 0],
            ['special-guardianship', 28],
            ['home', 20],
            ['long-term-fostering', 46],
          ] as const)
        : r.weighted([
            ['special-guardianship', 8],
            ['home', 22],
            ['long-term-fostering', 70],
          ] as const)
  // One kinship carer for the group, when the plan is special guardianship (or kin fostering).
  const kinCarer =
    outcome === 'special-guardianship' || r.chance(0.15) ? p.carer(fam, start + r.int(5, 60)) : null
  if (kinCarer) kinCarer.approvedOn = Math.max(start, Math.min(kinCarer.approvedOn, final - 30))
  const ffa = outcome === 'adoption' && youngest < 1 && r.chance(0.3)
  // Siblings placed together, mostly: in placements that suit the youngest (no supported accommodation for
  // a 12-year-old because a sister is 16, 903 rule 371), and after the eldest turns 18.
  const together = members.length > 1 && r.chance(0.7)
  const youngestDob = Math.max(...members.map((m) => m.dob))
  let shared: Pl[] | null = null
  // Adoption: the agency decision, the placement order at the final hearing, family finding and a match —
  // some children wait a long time, and for some no family is found.
  let adoption: Adoption | null = null
  if (outcome === 'adoption') {
    const adm = ico + r.int(60, Math.max(61, final - ico - 21))
    const waitBand = r.weighted([
      [[30, 180], 42],
      [[181, 365], 30],
      [[366, 700], 16],
      [[0, 0], 12],
    ] as const)
    const twoAdopters = r.chance(0.8)
    const sex = twoAdopters
      ? r.weighted([
          ['MF', 80],
          ['FF', 10],
          ['MM', 10],
        ] as const)
      : r.pick(['F1', 'M1'] as const)
    const ls = twoAdopters
      ? sex === 'MF'
        ? r.weighted([
            ['L11', 75],
            ['L3', 25],
          ] as const)
        : r.weighted([
            ['L12', 60],
            ['L2', 25],
            ['L4', 15],
          ] as const)
      : 'L0'
    adoption = {
      adm,
      placementOrder: final,
      panel: null,
      match: null,
      placed: null,
      order: null,
      ceased: null,
      ceasedReason: null,
      byFosterCarers: ffa || r.chance(0.1),
      adopters: { n: twoAdopters ? 2 : 1, sex, ls },
    }
    if (waitBand[1] === 0) {
      adoption.ceased = final + r.int(400, 760)
      adoption.ceasedReason = 'RD3'
    } else {
      adoption.match = final + r.int(waitBand[0], waitBand[1])
      adoption.panel = adoption.match - r.int(0, 7)
      adoption.placed = adoption.match + r.int(7, 35)
      adoption.order = adoption.placed + r.int(75, 320)
    }
  }
  return members.map((m) => {
    const c = blank(m, start, need, outcome, homePostcode)
    c.legal.push({ start, code: entry })
    if (ico !== start) c.legal.push({ start: ico, code: 'C1' })
    const fixed: Parameters<CarePlanner['placements']>[4] = []
    let firstKind: Parameters<CarePlanner['placement']>[0] = 'foster'
    if (ffa) firstKind = 'ffa'
    else if (kinCarer && kinCarer.approvedOn <= start + 2) firstKind = 'kin'
    let end = NEVER
    if (outcome === 'adoption' && adoption) {
      const a = { ...adoption }
      c.adoption = a
      c.legal.push({ start: final, code: 'E1' })
      if (a.placed !== null && a.order !== null) {
        const byFoster = a.byFosterCarers
        fixed.push({
          day: a.placed,
          make: (cur) =>
            byFoster
              ? { ...cur, start: a.placed!, type: 'A5', longTerm: false, confidential: true, reason: null }
              : adopters(p, a.placed!, homePostcode),
          reason: 'CARPL',
          final: true,
        })
        end = a.order
        c.rec = r.chance(0.6) ? 'E11' : 'E12'
      } else if (a.ceased !== null) {
        // No adopters found: the placement order is revoked and the plan becomes long-term fostering. The
        // court revokes it in the same collection year as the decision (903 rule 553: a placement order in
        // force in a year needs that year's decision).
        const yearEnds = dayOf(`${censusYear(a.ceased) + 1}-03-31`)
        c.legal.push({ start: Math.min(a.ceased + r.int(30, 120), yearEnds), code: 'C2' })
        fixed.push({
          day: a.ceased + r.int(10, 60),
          make: (cur) =>
            cur.type === 'U6' || cur.type === 'U5'
              ? { ...cur, start: 0, type: 'U4', longTerm: true }
              : p.placement('long-term-foster', 0, homePostcode),
          reason: 'CARPL',
        })
      }
    } else if (outcome === 'special-guardianship' && kinCarer) {
      if (firstKind !== 'kin')
        fixed.push({
          day: kinCarer.approvedOn,
          make: () => p.placement('kin', kinCarer.approvedOn, homePostcode, kinCarer),
          reason: 'CARPL',
          final: true,
        })
      end = final + r.int(0, 40)
      c.sgo = { carer: kinCarer, made: end }
      c.rec = 'E45'
    } else if (outcome === 'home') {
      c.legal.push({ start: final, code: 'C2' })
      const home = final + r.int(0, 45)
      fixed.push({
        day: home,
        make: () => p.placement('parents', home, homePostcode),
        reason: 'CARPL',
        final: true,
      })
      end = home + r.int(180, 420)
      c.rec = 'E4A'
    } else {
      c.legal.push({ start: final, code: 'C2' })
      const matched = final + r.int(30, 240)
      fixed.push({
        day: matched,
        make: (cur) =>
          cur.type === 'U3'
            ? { ...cur, start: matched, type: 'U1', longTerm: true }
            : cur.type === 'U6' && r.chance(0.5)
              ? { ...cur, start: matched, type: 'U4', longTerm: true }
              : p.placement(kinCarer ? 'kin-long-term' : 'long-term-foster', matched, homePostcode, kinCarer),
        reason: 'CARPL',
      })
      // A few go home unplanned in their teens.
      if (r.chance(0.08)) {
        end = matched + r.int(200, 1200)
        c.rec = 'E4B'
      }
    }
    c.goesMissing = oldest >= 11 && r.chance(0.4)
    // Fixed changes made with day 0 take the day of the change.
    for (const f of fixed) {
      const make = f.make
      f.make = (cur) => ({ ...make(cur), start: f.day })
    }
    c.end = end
    const first = p.placement(firstKind, start, homePostcode, firstKind === 'kin' ? kinCarer : null)
    // Siblings placed together share every placement.
    if (together && shared) c.places = shared.map((x) => ({ ...x }))
    else {
      c.places = p.placements({ dob: together ? youngestDob : m.dob, homePostcode }, start, end, first, fixed)
      if (together) shared = c.places.map((x) => ({ ...x }))
    }
    return finish(p, c)
  })
}

/** A teenager who comes into care: section 20, sometimes remand or police protection first. */
export function teenRoute(
  p: CarePlanner,
  fam: Family | null,
  m: Member,
  start: Day,
  need: string,
  theme: string,
): CareChild {
  const r = p.r
  const homePostcode = fam ? homeOn(fam, start) : null
  const age = ageOn(m.dob, start)
  const remand = age >= 12 && (theme === 'exploitation' || theme === 'behaviour') && r.chance(0.3)
  const c = blank(m, start, remand ? 'N6' : need, remand ? 'remand' : 'teen', homePostcode)
  let first: Pl
  if (remand) {
    c.legal.push({ start, code: 'J1' })
    first = p.homeOrFoster(0.4, start, homePostcode)
    const remandEnds = start + r.int(14, 120)
    if (r.chance(0.25)) {
      // Remand ends, but the young person stays, now accommodated under section 20.
      c.legal.push({ start: remandEnds, code: 'V2' })
      c.end = remandEnds + r.int(60, 500)
      c.rec = r.chance(0.6) ? 'E4A' : 'E4B'
    } else {
      c.end = remandEnds
      c.rec = r.chance(0.8) ? 'E14' : 'E9'
    }
  } else {
    const police = r.chance(0.12)
    c.legal.push({ start, code: police ? 'L1' : 'V2' })
    if (police) c.legal.push({ start: start + r.int(1, 3), code: 'V2' })
    first = p.homeOrFoster(0.3, start, homePostcode)
    if (r.chance(0.4)) {
      c.end = start + r.int(30, 270)
      c.rec = r.chance(0.7) ? 'E4A' : 'E4B'
    }
  }
  c.places = p.placements({ dob: m.dob, homePostcode }, start, c.end, first)
  c.goesMissing = r.chance(0.5)
  return finish(p, c)
}

/** An unaccompanied asylum-seeking young person, accommodated under section 20 until 18. */
export function uascRoute(p: CarePlanner, m: Member, start: Day): CareChild {
  const r = p.r
  const c = blank(m, start, 'N8', 'uasc', null)
  c.uasc = true
  c.legal.push({ start, code: 'V2' })
  const age = ageOn(m.dob, start)
  const first =
    age >= 16 && start >= K3_FROM && r.chance(0.4)
      ? p.placement('supported', start, null)
      : p.homeOrFoster(0.2, start, null)
  if (r.chance(0.04)) {
    c.end = start + r.int(20, 90)
    c.rec = 'E15'
  }
  c.places = p.placements({ dob: m.dob, homePostcode: null }, start, c.end, first)
  c.goesMissing = r.chance(0.35)
  return finish(p, c)
}

/** A child already in care when the record begins: a care order, long-term fostering, leaving at 18. */
export function legacyRoute(p: CarePlanner, m: Member, start: Day): CareChild {
  const r = p.r
  const homePostcode = syntheticAddress(r).postcode
  const c = blank(
    m,
    start,
    r.weighted([
      ['N1', 70],
      ['N4', 8],
      ['N5', 10],
      ['N3', 6],
      ['N2', 6],
    ] as const),
    'long-term-fostering',
    homePostcode,
  )
  const order = start + r.int(150, 320)
  c.legal.push({ start, code: 'C1' }, { start: order, code: 'C2' })
  const matched = order + r.int(30, 300)
  const first = p.placement('foster', start, homePostcode)
  c.places = p.placements({ dob: m.dob, homePostcode }, start, NEVER, first, [
    {
      day: matched,
      make: (cur) => ({ ...cur, start: matched, type: 'U4', longTerm: true }),
      reason: 'PLACE',
    },
  ])
  c.goesMissing = r.chance(0.35)
  return finish(p, c)
}

/** The move to adopters the child does not know: the agency's placement, its address kept confidential. */
function adopters(p: CarePlanner, day: Day, homePostcode: string | null): Pl {
  const provider = p.r.pick(['PR1', 'PR2', 'PR5'] as const)
  return {
    ...p.placement('foster', day, homePostcode),
    type: 'A6',
    provider,
    providerName: ADOPTION_AGENCIES[provider]!,
    confidential: true,
    longTerm: false,
  }
}

function homeOn(fam: Family, day: Day): string | null {
  let found = fam.homes[0]?.address.postcode ?? null
  for (const h of fam.homes) if (h.start <= day) found = h.address.postcode
  return found
}

export function memberOf(kid: Kid): Member {
  return { personId: kid.personId, dob: kid.dob, sex: kid.sex, first: kid.first, kid }
}

// --- Taking a family's children into care ---------------------------------------------------------------

/**
 * Decides whether children of the family's last referral come into care, and if so changes the timeline to
 * match: the plan they were on ends the day care starts (a child protection plan 'looked-after'), nothing
 * the front door did later happens, the case passes to a children-in-care social worker and an IRO, and the
 * referral stays open until care ends.
 */
export function planFamilyCare(
  fam: Family,
  t: Timeline,
  p: CarePlanner,
  rates: CareRates,
): FamilyCare | null {
  const r = p.r
  if (fam.scenario) return null
  const ep = t.referrals[t.referrals.length - 1]
  if (!ep || ep.nfa || ep.day > REF - 30) return null
  const authorised = ep.assessment?.authorised ?? ep.day
  const settledBefore = (day: Day) =>
    ep.strategies.every(
      (s) =>
        s.day < day &&
        (s.s47 === null || (s.s47.outcomeDay < day && (s.s47.icpc === null || s.s47.icpc.day < day))),
    ) && ep.reassessments.every((a) => a.authorised < day)
  // Care starts the day a child protection plan ends (its durations stay those of the published plans).
  const cp = ep.phases.filter((ph) => ph.kind === 'cp' && ph.end <= REF - 1).at(-1)
  let children: CareChild[] = []
  let start: Day | null = null
  if (cp && r.chance(rates.cp)) {
    const day = cp.end
    const members = ep.scope.filter((k) => k.dob <= day - 7 && ageOn(k.dob, day) <= 16)
    if (day > authorised && settledBefore(day) && members.length > 0) {
      start = day
      cp.endReason = 'looked-after'
      children = cpRoute(p, fam, members.map(memberOf), day, 'N1')
    }
  } else if (ep.scope.length === 1 && r.chance(rates.teen)) {
    const kid = ep.scope[0]!
    const from = Math.max(ep.day + 20, authorised + 1)
    const to = Math.min(ep.closure.day, REF, birthday(kid.dob, 17) - 120)
    if (to > from) {
      const day = from + r.int(0, to - from)
      const age = ageOn(kid.dob, day)
      if (age >= 11 && settledBefore(day) && ep.phases.every((ph) => ph.start < day || ph.start > REF)) {
        start = day
        const need = ep.need === 'N0' || ep.need === 'N9' ? 'N5' : ep.need
        children = [teenRoute(p, fam, memberOf(kid), day, need, ep.theme)]
      }
    }
  }
  if (start === null || children.length === 0) return null
  const careStart = start
  const careEnd = Math.max(...children.map((c) => c.end))

  // The plan in force ends the day care starts; later plans never happen.
  ep.phases = ep.phases.filter((ph) => ph.start < careStart)
  for (const ph of ep.phases) {
    if (ph.end > careStart) {
      ph.end = careStart
      ph.reviews = ph.reviews.filter((d) => d < careStart)
      ph.coreGroups = ph.coreGroups.filter((d) => d < careStart)
      ph.endReason = ph.kind === 'cp' ? 'looked-after' : null
    }
  }
  if (ep.stepDown) {
    t.earlyHelp = t.earlyHelp.filter((e) => e !== ep.stepDown)
    ep.stepDown = null
  }
  t.contacts = t.contacts.filter((c) => c.day <= careStart || c === ep.contact)
  t.earlyHelp = t.earlyHelp.filter((e) => e.start <= careStart)
  t.events = t.events.filter((e) => e.day <= careStart)
  const closeReason = closureReason(children)
  const endDay = careEnd > REF ? NEVER : careEnd
  ep.closure = { proposed: endDay, day: endDay, reason: closeReason, rationale: true }

  // The case moves to the children in care team; an IRO is allocated; the adoption team finds a family.
  const handover = careStart + r.int(3, 15)
  ep.segments = ep.segments.filter((s) => s.kind !== 'social-worker' || s.start < handover)
  for (const s of ep.segments) {
    if (s.kind === 'social-worker' && s.end > handover) s.end = handover
    if (s.kind === 'cp-chair' && s.end > careStart) s.end = careStart
  }
  // The worker before holds the case until the children in care team takes it: no gap between them.
  // With no worker before (none is expected), the children in care team holds it from the first day.
  const before = ep.segments.filter((s) => s.kind === 'social-worker').at(-1)
  if (before) before.end = handover
  ep.segments.push({
    team: 'children-in-care',
    kind: 'social-worker',
    start: before ? handover : careStart,
    end: endDay,
    parts: [],
  })
  ep.segments.push({ team: 'independent-reviewing', kind: 'iro', start: careStart, end: endDay, parts: [] })
  const adoption = children.find((c) => c.adoption)?.adoption
  if (adoption && adoption.adm <= REF) {
    const until = adoption.order ?? adoption.ceased ?? NEVER
    ep.segments.push({
      team: 'permanence-and-adoption',
      kind: 'family-finder',
      start: adoption.adm,
      end: until > REF ? NEVER : until,
      parts: [],
    })
  }
  for (const c of children) c.segments = ep.segments
  for (const c of children) c.siblings = children.filter((o) => o !== c)
  return { ep, children, closeReason }
}

/** The CIN closure reason that matches how care ended. */
function closureReason(children: CareChild[]): string {
  const rec = children[0]?.rec
  if (rec === 'E11' || rec === 'E12') return 'RC1'
  if (rec === 'E45' || rec === 'E46' || rec === 'E47' || rec === 'E48') return 'RC4'
  if (rec === 'E41') return 'RC3'
  if (rec === 'E3') return 'RC5'
  return 'RC7'
}

/** Segments for a young person with no family on the record (UASC, already in care). */
export function soloSegments(c: CareChild): Segment[] {
  const end = c.end > REF ? NEVER : c.end
  return [
    { team: 'children-in-care', kind: 'social-worker', start: c.start, end, parts: [] },
    { team: 'independent-reviewing', kind: 'iro', start: c.start, end, parts: [] },
  ]
}

// --- Young people with no family on the record -----------------------------------------------------------

export interface SoloChild {
  child: CareChild
  person: {
    id: number
    givenName: string
    familyName: string
    dateOfBirth: string
    sex: 'M' | 'F'
    ethnicity: string
    firstLanguage: string | null
    interpreterNeeded: boolean
    immigrationStatus: string | null
    uasc: boolean
    upn: string | null
    upnUnknown: string | null
  }
}

const UASC_ORIGINS: readonly (readonly [NameHeritage, string, string, number])[] = [
  ['other', 'OOTH', 'Arabic', 4],
  ['black-african', 'BAFR', 'Tigrinya', 3],
  ['south-asian', 'AOTH', 'Pashto', 4],
  ['other', 'OOTH', 'Kurdish', 2],
  ['black-african', 'BAFR', 'Arabic', 2],
]

/** A young person with no family on the record: a new person, named for their heritage. */
function soloMember(p: CarePlanner, dob: Day, sex: 'M' | 'F', heritage: NameHeritage): Member {
  return {
    personId: p.ids.take('person'),
    dob,
    sex,
    first: syntheticFirstName(p.r, sex, heritage),
    kid: null,
  }
}

/** Who they are on the record, a surname drawn for their heritage (after their care is planned). */
function identity(p: CarePlanner, m: Member, heritage: NameHeritage) {
  return {
    id: m.personId,
    givenName: m.first,
    familyName: syntheticSurname(p.r, heritage),
    dateOfBirth: iso(m.dob),
    sex: m.sex,
  }
}

/** A child of the authority's own population (already in care, or in recent proceedings). */
const LOCAL_HERITAGES = ['black-caribbean', 'south-asian', 'irish'] as const
type LocalHeritage = 'white-british' | (typeof LOCAL_HERITAGES)[number]
const LOCAL_ETHNICITY: Record<LocalHeritage, string> = {
  'white-british': 'WBRI',
  irish: 'WIRI',
  'black-caribbean': 'BCRB',
  'south-asian': 'AIND',
}

function localHeritage(r: Random): LocalHeritage {
  return r.chance(0.8) ? 'white-british' : r.pick(LOCAL_HERITAGES)
}

function localPerson(
  p: CarePlanner,
  m: Member,
  heritage: LocalHeritage,
  upn: { upn: string | null; upnUnknown: string | null },
): SoloChild['person'] {
  return {
    ...identity(p, m, heritage),
    ethnicity: LOCAL_ETHNICITY[heritage],
    firstLanguage: 'English',
    interpreterNeeded: false,
    immigrationStatus: null,
    uasc: false,
    ...upn,
  }
}

/** An unaccompanied asylum-seeking young person arriving in the authority. */
export function planUasc(p: CarePlanner): SoloChild | null {
  const r = p.r
  const arrival = START + r.int(0, REF - START)
  const age = r.weighted([
    [14, 1],
    [15, 2],
    [16, 4],
    [17, 3],
  ] as const)
  const dob = arrival - yearsToDays(age) - r.int(0, 364)
  if (arrival >= birthday(dob, 18) - 45) return null
  const [heritage, ethnicity, language] = r.weighted(UASC_ORIGINS.map((o) => [o, o[3]] as const))
  const m = soloMember(p, dob, r.chance(0.9) ? 'M' : 'F', heritage)
  const child = uascRoute(p, m, arrival)
  return {
    child,
    person: {
      ...identity(p, m, heritage),
      ethnicity,
      firstLanguage: language,
      interpreterNeeded: true,
      immigrationStatus: r.pick(['Asylum claim pending', 'Refugee status granted', 'Asylum claim pending']),
      uasc: true,
      upn: null,
      upnUnknown: 'UN2',
    },
  }
}

/** Issues a new UPN, unique in the authority, for a child who started school in `issuedYear`. */
export type IssueUpn = (issuedYear: number) => string | null

/** A UPN once the child has started school (903 rule 209), else UN1 (not of school age). */
function schoolUpn(dob: Day, upn: IssueUpn): { upn: string | null; upnUnknown: string | null } {
  const startsSchool = schoolStartYear(dob)
  const issued = dayOf(`${startsSchool}-09-01`) <= REF ? upn(startsSchool) : null
  return { upn: issued, upnUnknown: issued ? null : 'UN1' }
}

/** A child already in care when the record begins (a care leaver now, or still in long-term care). */
export function planLegacy(p: CarePlanner, upn: IssueUpn): SoloChild | null {
  const r = p.r
  const dob = REF - yearsToDays(r.int(5, 25)) - r.int(0, 364)
  const start = birthday(dob, r.int(1, 13)) + r.int(0, 300)
  if (start >= START - 30) return null
  const sex: 'M' | 'F' = r.chance(0.55) ? 'M' : 'F'
  const heritage = localHeritage(r)
  const m = soloMember(p, dob, sex, heritage)
  const child = legacyRoute(p, m, start)
  return { child, person: localPerson(p, m, heritage, schoolUpn(dob, upn)) }
}

/** A young child brought into care by care proceedings in recent years (every route: adoption included). */
export function planProceedings(p: CarePlanner, upn: IssueUpn): SoloChild | null {
  const r = p.r
  const start = START + r.int(0, REF - START - 150)
  const dob = start - r.int(10, 1500)
  const sex: 'M' | 'F' = r.chance(0.5) ? 'M' : 'F'
  const heritage = localHeritage(r)
  const m = soloMember(p, dob, sex, heritage)
  const home = syntheticAddress(r).postcode
  const [child] = cpRoute(p, null, [m], start, 'N1', home)
  if (!child) return null
  return { child, person: localPerson(p, m, heritage, schoolUpn(dob, upn)) }
}
