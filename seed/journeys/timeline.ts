// A household's journey through the front door and children's social care, simulated day by day from the
// first contact to the reference date: contacts and their decisions, early help, referrals, assessments,
// strategy discussions, section 47 enquiries, conferences, child protection and child in need plans and
// closure, then perhaps another contact. Rates come from ../shared/domain/figures.md and are tuned so the
// authority's totals come out near the published figures. Only dates are decided here; emit.ts writes rows.

import type { AllocationKind, ContactDecision, TeamKind } from '../../src/db/schema/index.ts'
import type { Random } from '../lib/random.ts'
import {
  addWd,
  ageOn,
  censusYear,
  type Day,
  isWd,
  monthsToDays,
  nextWd,
  REF,
  START,
  wdBetween,
} from './dates.ts'
import { addPartner, type Family, isChild, type Kid, moveHome } from './family.ts'
import type { Ids } from './rows.ts'
import { EARLY_HELP_LEADS } from './text.ts'
import { THEME_WEIGHTS, type ThemeId, theme } from './themes.ts'

/** Practice that inspectors criticise, written into a record on purpose (see scenarios.ts). */
export type Fault =
  | 'assessment-no-reason'
  | 'plan-not-updated'
  | 'cp-open-actions-left'
  | 'closure-no-rationale'
  | 'not-seen-alone'
  | 'views-not-sought'
  | 'actions-overdue'
  | 'no-oversight'

export interface Part {
  workerId: number | null
  teamId: number
  start: Day
  end: Day
}

export interface Segment {
  team: TeamKind
  kind: AllocationKind
  start: Day
  /** After REF means still open. */
  end: Day
  parts: Part[]
}

export type Consent = 'given' | 'refused' | 'not-sought-safeguarding' | 'not-needed'

export interface ContactEv {
  day: Day
  minute: number
  source: string
  theme: ThemeId
  decision: ContactDecision
  decisionDay: Day
  decisionMinute: number
  consent: Consent
  scope: Kid[]
  /** The contact row per child, filled when written. */
  rowIds: Map<Kid, number>
  /** The referral it led to, if any. */
  referral: ReferralEp | null
}

export type EarlyHelpEnd = 'completed' | 'stepped-up' | 'declined' | 'moved-away' | 'other'

export interface EarlyHelpEp {
  start: Day
  end: Day
  endReason: EarlyHelpEnd
  scope: Kid[]
  theme: ThemeId
  lead: string
  segment: Segment | null
  contact: ContactEv | null
  stepUpTo: ReferralEp | null
  stepDownFrom: ReferralEp | null
  reviews: Day[]
}

export interface Icpc {
  day: Day
  plan: boolean
  category: string
}

export interface S47 {
  start: Day
  outcome: 'icpc' | 'no-further-action' | 'cin-plan' | 'other'
  outcomeDay: Day
  icpcNotRequired: boolean
  icpc: Icpc | null
}

export interface StrategyEv {
  day: Day
  decision: 'section-47' | 'no-section-47' | 'single-agency-police'
  s47: S47 | null
}

export type CpEnd =
  | 'step-down-cin'
  | 'step-down-early-help'
  | 'moved-away'
  | 'no-longer-needed'
  | 'looked-after'
  | 'other'

export interface Phase {
  kind: 'cin' | 'cp'
  start: Day
  /** After REF means still open. */
  end: Day
  /** CIN reviews, or review conferences for a CP plan; the last may be the one that ends the plan. */
  reviews: Day[]
  coreGroups: Day[]
  icpc: Icpc | null
  category: string
  latestCategory: string
  endReason: CpEnd | null
  previous: Phase | null
}

export type AssessmentOutcome =
  | 'no-further-action'
  | 'early-help'
  | 'cin-plan'
  | 'strategy-discussion'
  | 'other'

export interface AssessmentEv {
  start: Day
  completed: Day
  authorised: Day
  outcome: AssessmentOutcome
  factors: string[]
  /** A reason for going beyond 45 working days was recorded and agreed. */
  extension: boolean
}

export interface Closure {
  proposed: Day
  day: Day
  reason: string
  rationale: boolean
}

export interface ReferralEp {
  day: Day
  contact: ContactEv
  source: string
  theme: ThemeId
  need: string
  scope: Kid[]
  nfa: boolean
  strategies: StrategyEv[]
  assessment: AssessmentEv | null
  /** Assessments after the first: a fresh one alongside an enquiry during a plan. */
  reassessments: AssessmentEv[]
  phases: Phase[]
  closure: Closure
  segments: Segment[]
  /** Faults and the day from which each applies. */
  faults: Map<Fault, Day>
  stepDown: EarlyHelpEp | null
  /** Rows written for each child, filled when written. */
  rowIds: Map<Kid, number>
}

export type EventCategory = 'household-change' | 'police' | 'education' | 'health' | 'incident'

export interface SigEvent {
  day: Day
  category: EventCategory
  pick: number
  kids: Kid[]
  shared: boolean
}

export interface Timeline {
  contacts: ContactEv[]
  referrals: ReferralEp[]
  earlyHelp: EarlyHelpEp[]
  events: SigEvent[]
}

/** Far enough beyond the reference date to mean "not yet". */
export const NEVER: Day = REF + 100_000

// General mix of referral sources (DfE codes); a theme adds its own likely sources on top. Tuned so police
// are ~28% and schools ~21% of contacts overall.
const SOURCES: readonly (readonly [string, number])[] = [
  ['6', 20],
  ['2A', 19],
  ['2B', 2],
  ['3A', 3],
  ['3B', 2.5],
  ['3C', 1],
  ['3D', 2],
  ['3E', 3],
  ['3F', 2.5],
  ['1A', 5],
  ['1B', 1.5],
  ['1C', 1],
  ['1D', 0.5],
  ['4', 2],
  ['5A', 3],
  ['5B', 3],
  ['5C', 2.5],
  ['5D', 2],
  ['7', 4],
  ['8', 5],
  ['9', 1.2],
  ['10', 0.8],
]

// What the front door decides about a contact (before the theme's severity moves it).
const DECISIONS = {
  nfa: 0.27,
  advice: 0.215,
  earlyHelp: 0.155,
  referral: 0.145,
  strategy: 0.095,
}

// Plans: how long a child protection plan lasts when it ends (figures.md, CP plans ended in 2025).
const CP_DURATION: readonly (readonly [readonly [number, number], number])[] = [
  [[30, 91], 15.9],
  [[92, 182], 11.0],
  [[183, 365], 43.5],
  [[366, 730], 25.2],
  [[731, 900], 4.4],
]

// Days from the section 47 start to the initial conference, in working days (figures.md, 2025).
const ICPC_WD: readonly (readonly [readonly [number, number], number])[] = [
  [[5, 10], 8.7],
  [[11, 15], 73.1],
  [[16, 20], 9.0],
  [[21, 30], 9.2],
]

// Factors found at assessment whatever brought the family to the front door.
const COMMON_FACTORS: readonly (readonly [string, number])[] = [
  ['4B', 10],
  ['3B', 10],
  ['1B', 4],
  ['2B', 4],
  ['4A', 4],
  ['16A', 4],
  ['17A', 4],
  ['6B', 2],
  ['5B', 1.5],
  ['15A', 1.5],
  ['10A', 1],
  ['14A', 1],
]

export interface ReferralOptions {
  nfa?: boolean
  path?: 'nfa' | 'eh' | 'cin' | 'cp'
  assessmentWd?: number
  extension?: boolean
  cinDays?: number
  cpDays?: number
  cpEnd?: CpEnd
  afterCpCinDays?: number
  closeReason?: string
  /** Closure proposed when the work ends, but not yet signed off by a manager. */
  awaitingSignOff?: boolean
  team?: TeamKind
}

export class Simulation {
  readonly fam: Family
  readonly r: Random
  readonly ids: Ids
  readonly t: Timeline = { contacts: [], referrals: [], earlyHelp: [], events: [] }

  constructor(fam: Family, ids: Ids) {
    this.fam = fam
    this.r = fam.random
    this.ids = ids
  }

  /** The children a contact about `themeId` on `day` concerns; empty if none. */
  scope(themeId: ThemeId, day: Day): Kid[] {
    const th = theme(themeId)
    const children = this.fam.kids.filter((k) => isChild(k, day))
    if (themeId === 'pre-birth') {
      const unborn = children.filter((k) => k.dob > day)
      if (unborn.length === 0) return []
      return children.filter((k) => k.dob > day || this.r.chance(0.8))
    }
    if (th.familyWide) return children.filter((k) => k.dob <= day || k.dob - day <= 100)
    const eligible = children.filter((k) => {
      if (k.dob > day) return false
      const age = ageOn(k.dob, day)
      if (age < th.minAge || age > th.maxAge) return false
      return themeId !== 'disability' || k.disabilities.length > 0
    })
    return eligible.length === 0 ? [] : [this.r.pick(eligible)]
  }

  chooseTheme(day: Day): { themeId: ThemeId; scope: Kid[] } | null {
    for (let attempt = 0; attempt < 6; attempt++) {
      let id: ThemeId
      if (attempt === 0 && this.t.contacts.length === 0 && this.fam.issues[0] === 'pre-birth')
        id = 'pre-birth'
      else if (attempt < 3 && this.r.chance(0.75)) id = this.r.pick(this.fam.issues)
      else id = this.r.weighted(THEME_WEIGHTS)
      const scope = this.scope(id, day)
      if (scope.length > 0) return { themeId: id, scope }
    }
    return null
  }

  chooseSource(themeId: ThemeId, scope: Kid[], day: Day): string {
    const th = theme(themeId)
    const ages = scope.map((k) => (k.dob > day ? -1 : ageOn(k.dob, day)))
    const school = ages.some((a) => a >= 4)
    const under5 = ages.some((a) => a >= 0 && a < 5)
    const unborn = ages.includes(-1)
    for (let attempt = 0; attempt < 8; attempt++) {
      const source = this.r.chance(0.45) ? this.r.weighted(th.sources) : this.r.weighted(SOURCES)
      if ((source === '2A' || source === '2B' || source === '3C') && !school) continue
      if (source === '3B' && !under5) continue
      if (source === '3F' && themeId !== 'pre-birth' && unborn && this.r.chance(0.5)) return '3D'
      return source
    }
    return '1A'
  }

  /** A contact on `day`; `decision` forced or chosen. */
  contact(
    day: Day,
    opts: { themeId?: ThemeId; scope?: Kid[]; source?: string; decision?: ContactDecision } = {},
  ): ContactEv | null {
    const r = this.r
    let themeId = opts.themeId
    let scope = opts.scope
    if (scope && scope.length === 0) return null
    if (!themeId || !scope) {
      const chosen = themeId ? { themeId, scope: this.scope(themeId, day) } : this.chooseTheme(day)
      if (!chosen || chosen.scope.length === 0) return null
      themeId = chosen.themeId
      scope = chosen.scope
    }
    const source = opts.source ?? this.chooseSource(themeId, scope, day)
    const police = source === '6'
    const minute = police ? r.int(0, 1439) : r.int(510, 1050)
    let decision = opts.decision
    if (!decision) {
      const th = theme(themeId)
      const previous = this.t.referrals[this.t.referrals.length - 1]
      // Soon after a case closed, the front door is readier to refer again.
      const recent = previous !== undefined && day - previous.closure.day < 365
      const strategy = DECISIONS.strategy * th.severity * (recent ? 1.3 : 1)
      const referral = DECISIONS.referral * (recent ? 2.8 : 1) * (themeId === 'disability' ? 1.6 : 1)
      decision = r.weighted([
        ['nfa', DECISIONS.nfa * (recent ? 0.6 : 1)],
        ['advice', DECISIONS.advice * (recent ? 0.6 : 1)],
        ['early-help', DECISIONS.earlyHelp * (themeId === 'disability' ? 0.4 : 1)],
        ['referral', referral],
        ['strategy-discussion', strategy],
      ] as const)
    }
    // Decided the same working day, or the next; a few late.
    let decisionDay = minute < 900 && isWd(day) ? day : nextWd(day + 1)
    if (r.chance(0.035)) decisionDay = addWd(decisionDay, r.int(1, 3))
    if (decision === 'strategy-discussion') decisionDay = isWd(day) ? day : nextWd(day)
    const decisionMinute = decisionDay === day ? Math.min(1380, minute + r.int(30, 300)) : r.int(540, 1080)
    const consent: Consent =
      decision === 'strategy-discussion' || police
        ? r.weighted([
            ['not-sought-safeguarding', 6],
            ['given', 2],
            ['refused', 1],
          ] as const)
        : r.weighted([
            ['given', 7],
            ['refused', 1],
            ['not-needed', 2],
          ] as const)
    const ev: ContactEv = {
      day,
      minute,
      source,
      theme: themeId,
      decision,
      decisionDay,
      decisionMinute,
      consent,
      scope,
      rowIds: new Map(),
      referral: null,
    }
    this.t.contacts.push(ev)
    for (const kid of scope) {
      if (kid.knownFrom === null) kid.knownFrom = day
      if (kid.dob > day) kid.pregnancyKnown = true
    }
    if (police && (themeId === 'domestic-abuse' || themeId === 'exploitation') && day <= REF)
      this.t.events.push({
        day,
        category: 'police',
        pick: themeId === 'exploitation' ? 1 : 0,
        kids: scope,
        shared: true,
      })
    return ev
  }

  earlyHelp(
    start: Day,
    scope: Kid[],
    themeId: ThemeId,
    contact: ContactEv | null,
    stepDownFrom: ReferralEp | null,
  ): EarlyHelpEp {
    const r = this.r
    const laLed = r.chance(stepDownFrom ? 0.3 : 0.18)
    const end = start + r.int(60, 300)
    const endReason = r.weighted([
      ['completed', 68],
      ['stepped-up', stepDownFrom ? 8 : 12],
      ['declined', 10],
      ['moved-away', 4],
      ['other', 6],
    ] as const)
    const reviews: Day[] = []
    for (let d = nextWd(start + r.int(40, 60)); d < end && d <= REF; d = nextWd(d + r.int(56, 90)))
      reviews.push(d)
    const ep: EarlyHelpEp = {
      start,
      end,
      endReason,
      scope,
      theme: themeId,
      lead: laLed ? 'Family support worker, Families First' : r.weighted(EARLY_HELP_LEADS),
      segment: laLed ? { team: 'early-help', kind: 'lead-professional', start, end, parts: [] } : null,
      contact,
      stepUpTo: null,
      stepDownFrom,
      reviews,
    }
    this.t.earlyHelp.push(ep)
    return ep
  }

  /** A referral from a contact, and everything until it closes (or the reference date). */
  referral(contact: ContactEv, opts: ReferralOptions = {}): ReferralEp {
    const r = this.r
    const day = contact.decisionDay
    const th = theme(contact.theme)
    const scope = contact.scope.filter((k) => isChild(k, day))
    const ep: ReferralEp = {
      day,
      contact,
      source: contact.source,
      theme: contact.theme,
      need: r.weighted(th.needs),
      scope: scope.length > 0 ? scope : contact.scope,
      nfa: false,
      strategies: [],
      assessment: null,
      reassessments: [],
      phases: [],
      closure: { proposed: NEVER, day: NEVER, reason: 'RC7', rationale: true },
      segments: [],
      faults: new Map(),
      stepDown: null,
      rowIds: new Map(),
    }
    this.t.referrals.push(ep)
    contact.referral = ep
    const strategyFirst = contact.decision === 'strategy-discussion'
    // Referral NFA (CIN census ReferralNFA): closed the same day, no assessment, so not 'closed after
    // assessment' (RC8) but no longer in need (RC7).
    if (opts.nfa ?? (!strategyFirst && !opts.path && r.chance(0.095))) {
      ep.nfa = true
      ep.closure = { proposed: day, day, reason: 'RC7', rationale: true }
      return ep
    }
    const aStart = isWd(day) ? day : nextWd(day)
    let outcome: AssessmentOutcome
    let authorised: Day
    let planStart: Day | null = null
    let cpIcpc: Icpc | null = null
    let close: { day: Day; reason: string } | null = null
    let ehFrom: Day | null = null

    const strategy = (sdDay: Day, forceCp: boolean): StrategyEv => {
      const decision = forceCp
        ? 'section-47'
        : r.weighted([
            ['section-47', 90],
            ['no-section-47', 7],
            ['single-agency-police', 3],
          ] as const)
      const ev: StrategyEv = { day: sdDay, decision, s47: null }
      if (decision === 'section-47') {
        const out = forceCp
          ? 'icpc'
          : r.weighted([
              ['icpc', 22 * Math.min(1.5, th.severity)],
              ['cin-plan', 22],
              ['no-further-action', 40],
              ['other', 4],
            ] as const)
        const [lo, hi] = r.weighted(ICPC_WD)
        const icpcDay = addWd(sdDay, r.int(lo, hi))
        const outcomeDay =
          out === 'icpc'
            ? addWd(sdDay, r.int(3, Math.max(3, wdBetween(sdDay, icpcDay) - 1)))
            : addWd(sdDay, r.int(5, 15))
        const s47: S47 = {
          start: sdDay,
          outcome: out,
          outcomeDay,
          icpcNotRequired: out !== 'icpc' && r.chance(0.06),
          icpc: null,
        }
        if (out === 'icpc') {
          const plan = forceCp || r.chance(0.76)
          s47.icpc = { day: icpcDay, plan, category: this.category(contact.theme) }
        }
        ev.s47 = s47
      }
      ep.strategies.push(ev)
      return ev
    }

    const wanted = opts.path
    if (strategyFirst || wanted === 'cp') {
      const sd = strategy(aStart, wanted === 'cp')
      const s47 = sd.s47
      if (s47?.icpc) {
        cpIcpc = s47.icpc
        // The assessment goes on alongside the enquiry and is authorised around the conference.
        authorised = addWd(s47.icpc.day, r.int(0, 12))
        outcome = 'other'
        if (s47.icpc.plan) planStart = s47.icpc.day
        else {
          planStart = r.chance(0.75) ? s47.icpc.day : null
          // Closed once the assessment is authorised; after an enquiry and a conference, not RC8/RC9.
          if (planStart === null)
            close = { day: Math.max(authorised, s47.icpc.day + r.int(1, 10)), reason: 'RC7' }
          cpIcpc = null
        }
      } else if (s47 && s47.outcome === 'cin-plan') {
        authorised = addWd(s47.outcomeDay, r.int(5, 20))
        outcome = 'cin-plan'
        planStart = addWd(authorised, r.int(1, 10))
      } else if (s47) {
        authorised = addWd(s47.outcomeDay, r.int(5, 20))
        outcome = 'no-further-action'
        // An episode with a section 47 enquiry is not 'closed after assessment' (RC8/RC9): it ends as no
        // longer in need (RC7), perhaps with early help.
        close = { day: authorised + r.int(0, 5), reason: 'RC7' }
        if (r.chance(0.35)) {
          ehFrom = close.day
          outcome = 'early-help'
        }
      } else {
        // No section 47: the single assessment carries on.
        ;({ outcome, authorised, planStart, close, ehFrom } = this.assessmentPath(aStart, opts))
      }
    } else if (!wanted && r.chance(0.115 * Math.min(2, th.severity))) {
      // Concerns escalate during the assessment.
      const sdDay = addWd(aStart, r.int(4, 25))
      const sd = strategy(sdDay, false)
      // The assessment goes on alongside any enquiry, and is authorised once the enquiry concludes.
      authorised = addWd(sd.s47?.outcomeDay ?? sdDay, r.int(0, 3))
      outcome = 'strategy-discussion'
      const s47 = sd.s47
      if (s47?.icpc?.plan) {
        cpIcpc = s47.icpc
        planStart = s47.icpc.day
      } else if (s47?.icpc || s47?.outcome === 'cin-plan') {
        planStart = s47.icpc ? s47.icpc.day : addWd(s47.outcomeDay, r.int(1, 10))
      } else {
        // Closed once the assessment is authorised and any enquiry concluded.
        const at = closeAfter(authorised, addWd(s47?.outcomeDay ?? sdDay, r.int(0, 5)))
        const toEarlyHelp = r.chance(0.4)
        // Closed after the assessment (RC8/RC9) only when no enquiry followed the strategy discussion.
        close = { day: at, reason: s47 ? 'RC7' : toEarlyHelp ? 'RC9' : 'RC8' }
        if (toEarlyHelp) ehFrom = at
      }
    } else {
      ;({ outcome, authorised, planStart, close, ehFrom } = this.assessmentPath(aStart, opts))
    }

    const wd = wdBetween(day, authorised)
    const late = wd > 45
    ep.assessment = {
      start: aStart,
      completed: Math.max(aStart, authorised - r.int(0, 3)),
      authorised,
      outcome,
      factors: this.factors(contact.theme, outcome, ep.strategies.length === 0),
      extension: late && (opts.extension ?? r.chance(0.55)),
    }

    // Plans, one after another, until the case closes.
    let phaseStart = planStart
    let icpc = cpIcpc
    let previous: Phase | null = null
    let escalated = false
    let guard = 0
    while (phaseStart !== null && guard++ < 6) {
      if (icpc) {
        const cp = this.cpPhase(phaseStart, icpc, opts, previous)
        ep.phases.push(cp)
        previous = cp
        if (cp.end > REF) break
        if (cp.endReason === 'step-down-cin') {
          const cin = this.cinPhase(cp.end, opts.afterCpCinDays ?? r.int(90, 270), cp)
          ep.phases.push(cin)
          previous = cin
          if (cin.end > REF) break
          close = { day: cin.end + r.int(0, 10), reason: r.chance(0.9) ? 'RC7' : 'RC5' }
        } else if (cp.endReason === 'step-down-early-help') {
          close = { day: cp.end + r.int(1, 10), reason: 'RC7' }
          ehFrom = close.day
        } else if (cp.endReason === 'moved-away') close = { day: cp.end, reason: 'RC5' }
        else close = { day: cp.end + r.int(3, 20), reason: 'RC7' }
        break
      }
      const cin = this.cinPhase(phaseStart, opts.cinDays ?? this.cinDays(), previous)
      ep.phases.push(cin)
      previous = cin
      if (!escalated && !opts.cinDays && r.chance(0.05)) {
        // Concerns escalate during the plan: strategy discussion, enquiry and a conference.
        const at = cin.start + r.int(30, Math.max(31, Math.min(cin.end, REF + 200) - cin.start))
        const sdDay = nextWd(at)
        const sd = strategy(sdDay, true)
        escalated = true
        // A fresh assessment alongside the enquiry, authorised when the conference is called.
        const s47 = sd.s47!
        const reauthorised = Math.min(s47.icpc!.day, addWd(s47.outcomeDay, r.int(0, 3)))
        ep.reassessments.push({
          start: sdDay,
          completed: Math.max(sdDay, reauthorised - r.int(0, 2)),
          authorised: reauthorised,
          outcome: 'other',
          factors: this.factors(contact.theme, 'other', false),
          extension: false,
        })
        cin.end = sd.s47!.icpc!.day
        cin.reviews = cin.reviews.filter((d) => d < cin.end)
        if (cin.end > REF) break
        phaseStart = cin.end
        icpc = sd.s47!.icpc
        continue
      }
      if (cin.end > REF) break
      const reason =
        opts.closeReason ??
        r.weighted([
          ['RC7', 80],
          ['EH', 10],
          ['RC5', 5],
          ['RC4', 1.5],
          ['RC3', 1.5],
        ] as const)
      if (reason === 'EH') {
        close = { day: cin.end + r.int(0, 7), reason: 'RC7' }
        ehFrom = close.day
      } else close = { day: cin.end + r.int(0, 7), reason }
      break
    }
    if (close) {
      const proposed = Math.max(ep.day, close.day - r.int(0, 7))
      ep.closure = opts.awaitingSignOff
        ? { proposed: close.day, day: NEVER, reason: close.reason, rationale: true }
        : { proposed, day: close.day, reason: close.reason, rationale: true }
    }
    if (ehFrom !== null && ehFrom <= REF) {
      ep.stepDown = this.earlyHelp(ehFrom, ep.scope, ep.theme, null, ep)
    }

    // Who holds the case: the assessment team, then the plan team; the disabled children's team throughout
    // for a child whose needs arise from disability.
    const disabled =
      opts.team === 'disabled-children' ||
      (!opts.team && (ep.need === 'N2' || (ep.scope.some((k) => k.disabilities.length > 0) && r.chance(0.6))))
    // The plan team takes the case once the assessment that leads to a plan is authorised.
    const firstPhase = ep.phases[0]?.start
    const first =
      firstPhase === undefined
        ? ep.closure.day
        : Math.min(firstPhase, Math.max(day, ep.assessment?.authorised ?? firstPhase))
    const end = ep.closure.day
    if (disabled)
      ep.segments.push({ team: 'disabled-children', kind: 'social-worker', start: day, end, parts: [] })
    else {
      // The front door's social workers complete some short assessments themselves (duty and assessment).
      const quick = !opts.team && ep.phases.length === 0 && ep.strategies.length === 0 && r.chance(0.3)
      ep.segments.push({
        team: quick ? 'front-door' : 'assessment',
        kind: 'social-worker',
        start: day,
        end: Math.min(first, end),
        parts: [],
      })
      if (first < end && first <= REF)
        ep.segments.push({ team: 'support-and-protect', kind: 'social-worker', start: first, end, parts: [] })
    }
    for (const phase of ep.phases)
      if (phase.kind === 'cp' && phase.start <= REF)
        ep.segments.push({
          team: 'independent-reviewing',
          kind: 'cp-chair',
          start: phase.start,
          end: phase.end,
          parts: [],
        })

    // Life goes on: a new partner, a house move, things at school or in health (scripted households aside,
    // so their records show only what the scenario needs).
    const openEnd = Math.min(ep.closure.day, REF)
    if (openEnd - day > 60 && !this.fam.scenario) {
      if (r.chance(0.05) && !this.fam.partner) {
        const when = day + r.int(30, openEnd - day)
        addPartner(this.fam, this.ids, when)
        this.t.events.push({ day: when, category: 'household-change', pick: 0, kids: ep.scope, shared: true })
      }
      if (r.chance(0.12)) {
        const when = day + r.int(30, openEnd - day)
        moveHome(this.fam, when)
        this.t.events.push({ day: when, category: 'household-change', pick: 1, kids: ep.scope, shared: true })
      }
      if (r.chance(0.25)) {
        const kid = r.pick(ep.scope)
        if (kid.dob < day) {
          const cat = r.pick(['education', 'health', 'incident'] as const)
          this.t.events.push({
            day: day + r.int(20, openEnd - day),
            category: cat,
            pick: r.int(0, 5),
            kids: [kid],
            shared: false,
          })
        }
      }
    }
    return ep
  }

  private assessmentPath(aStart: Day, opts: ReferralOptions) {
    const r = this.r
    const path =
      opts.path ??
      r.weighted([
        ['nfa', 46],
        ['eh', 18],
        ['cin', 33],
        ['other', 3],
      ] as const)
    let wd: number
    if (opts.assessmentWd !== undefined) wd = opts.assessmentWd
    else if (path === 'nfa' || path === 'other') wd = this.duration(28)
    else if (path === 'eh') wd = this.duration(33)
    else wd = this.duration(42)
    const authorised = addWd(aStart, wd)
    let outcome: AssessmentOutcome
    let planStart: Day | null = null
    let close: { day: Day; reason: string } | null = null
    let ehFrom: Day | null = null
    if (path === 'cin') {
      outcome = 'cin-plan'
      planStart = addWd(authorised, r.int(1, 10))
    } else if (path === 'eh') {
      outcome = 'early-help'
      close = { day: closeAfter(authorised, authorised + r.int(0, 5)), reason: 'RC9' }
      ehFrom = close.day
    } else if (path === 'other') {
      outcome = 'other'
      close = { day: authorised + r.int(0, 5), reason: r.chance(0.7) ? 'RC5' : 'RC7' }
    } else {
      outcome = 'no-further-action'
      close = { day: closeAfter(authorised, authorised + r.int(0, 5)), reason: 'RC8' }
    }
    return { outcome, authorised, planStart, close, ehFrom }
  }

  /** Working days to authorise an assessment: mostly inside 45, a tail beyond. */
  private duration(mean: number): number {
    const r = this.r
    if (r.chance(0.14)) return r.int(46, 90)
    return Math.max(5, Math.min(45, Math.round(r.normal(mean, 8))))
  }

  private cinDays(): number {
    // Median about six months; a long tail.
    return Math.max(60, Math.min(720, Math.round(Math.exp(this.r.normal(Math.log(150), 0.45)))))
  }

  category(themeId: ThemeId): string {
    if (this.r.chance(0.03)) return 'MUL'
    return this.r.weighted(theme(themeId).categories)
  }

  /** Factors identified; "21 No factors" only for an assessment alone that found no need. */
  private factors(themeId: ThemeId, outcome: AssessmentOutcome, alone: boolean): string[] {
    const r = this.r
    const noNeed = outcome === 'no-further-action' && alone
    if (noNeed && r.chance(0.2)) return ['21']
    const th = theme(themeId)
    // "21 No factors identified" stands alone (DfE rule 8869), and only where the assessment found no need.
    const first = r.weighted(th.factors)
    if (first === '21' && noNeed) return ['21']
    const out = new Set<string>(first === '21' ? [r.weighted(COMMON_FACTORS)] : [first])
    const extra = r.weighted([
      [0, 3],
      [1, 4],
      [2, 2],
      [3, 1],
    ] as const)
    for (let i = 0; i < extra; i++) {
      const code = r.chance(0.5) ? r.weighted(th.factors) : r.weighted(COMMON_FACTORS)
      if (code !== '21') out.add(code)
    }
    return [...out]
  }

  cpPhase(start: Day, icpc: Icpc, opts: ReferralOptions, previous: Phase | null): Phase {
    const r = this.r
    let days: number
    if (opts.cpDays !== undefined) days = opts.cpDays
    else {
      const [lo, hi] = r.weighted(CP_DURATION)
      days = r.int(lo, hi)
    }
    let end = start + days > REF ? NEVER : nextWd(start + days)
    // Review conferences: three months, then at most every six; the plan ends at one of them.
    const reviews: Day[] = []
    for (
      let d = nextWd(start + monthsToDays(3) - r.int(0, 10));
      d < end - 20 && d <= REF;
      d = nextWd(d + monthsToDays(6) - r.int(0, 14))
    )
      reviews.push(d)
    if (end <= REF) reviews.push(end)
    else end = NEVER
    const coreGroups: Day[] = []
    const stop = Math.min(end, REF)
    for (let d = addWd(start, r.int(5, 10)); d < stop; d = addWd(d, r.int(18, 30))) coreGroups.push(d)
    const shortPlan = days < 92
    const endReason: CpEnd | null =
      end > REF
        ? null
        : (opts.cpEnd ??
          r.weighted([
            ['step-down-cin', shortPlan ? 40 : 66],
            ['step-down-early-help', 10],
            ['no-longer-needed', shortPlan ? 20 : 15],
            ['moved-away', shortPlan ? 22 : 5],
            ['other', 4],
          ] as const))
    const latest = r.chance(0.1) ? this.category('neglect') : icpc.category
    return {
      kind: 'cp',
      start,
      end,
      reviews,
      coreGroups,
      icpc,
      category: icpc.category,
      latestCategory: latest,
      endReason,
      previous,
    }
  }

  cinPhase(start: Day, days: number, previous: Phase | null): Phase {
    const r = this.r
    let end = start + days > REF ? NEVER : nextWd(start + days)
    const reviews: Day[] = []
    for (let d = nextWd(start + r.int(60, 90)); d < end - 14 && d <= REF; d = nextWd(d + r.int(70, 90)))
      reviews.push(d)
    if (end > REF) end = NEVER
    return {
      kind: 'cin',
      start,
      end,
      reviews,
      coreGroups: [],
      icpc: null,
      category: '',
      latestCategory: '',
      endReason: null,
      previous,
    }
  }

  /** The household's whole story from its first contact; scenarios script their own (scenarios.ts). */
  run(): Timeline {
    const r = this.r
    let day = this.fam.firstContact
    let forced: {
      source: string
      decision: ContactDecision
      themeId: ThemeId
      scope: Kid[]
      eh: EarlyHelpEp
    } | null = null
    let guard = 0
    while (day <= REF && guard++ < 40) {
      const contact: ContactEv | null = forced
        ? this.contact(day, {
            themeId: forced.themeId,
            scope: forced.scope.filter((k) => isChild(k, day)),
            source: forced.source,
            decision: forced.decision,
          })
        : this.contact(day)
      const stepUp = forced?.eh ?? null
      forced = null
      if (!contact) break
      if (contact.decisionDay > REF) break
      let next: Day | null = null
      if (contact.decision === 'nfa' || contact.decision === 'advice') {
        if (r.chance(0.42)) next = day + 30 + Math.round(-Math.log(1 - r.next()) * 300)
      } else if (contact.decision === 'early-help') {
        const eh = this.earlyHelp(
          contact.decisionDay + r.int(1, 10),
          contact.scope,
          contact.theme,
          contact,
          null,
        )
        if (eh.end <= REF) {
          if (eh.endReason === 'stepped-up') {
            forced = {
              source: '5D',
              decision: r.chance(0.85) ? 'referral' : 'strategy-discussion',
              themeId: contact.theme,
              scope: eh.scope,
              eh,
            }
            next = eh.end
          } else if (eh.endReason !== 'moved-away' && r.chance(0.4))
            next = eh.end + 60 + Math.round(-Math.log(1 - r.next()) * 300)
        }
      } else {
        const ep = this.referral(contact)
        if (stepUp) stepUp.stepUpTo = ep
        const closed = ep.closure.day
        if (closed <= REF) {
          const eh = ep.stepDown
          const after = eh && eh.end <= REF ? eh.end : closed
          if (eh && eh.end > REF) next = null
          else if (ep.closure.reason === 'RC5') next = r.chance(0.1) ? after + r.int(200, 900) : null
          else {
            // Re-referral: most often soon after a short involvement closed (figures.md: ~22% within 12 months).
            const short = closed - ep.day <= 120
            const within = Math.max(21, 365 - (closed - ep.day) - 15)
            if (r.chance(short ? 0.7 : 0.3)) next = after + r.int(14, within)
            else if (r.chance(0.3)) next = after + 365 + Math.round(-Math.log(1 - r.next()) * 500)
          }
        }
      }
      if (next === null) break
      day = next
    }
    return this.t
  }
}

/**
 * The day a case is closed after an assessment authorised on `authorised`, planned for `planned`: kept in
 * the same census year (April to March) as the authorisation, so the return that holds the closure holds
 * the assessment too (DfE queries 8825Q, 8873Q).
 */
function closeAfter(authorised: Day, planned: Day): Day {
  const day = Math.max(authorised, planned)
  return censusYear(day) === censusYear(authorised) ? day : authorised
}

/** First day of each household's story: spread over the window, with a share weighted to recent years. */
export function arrivalDay(random: Random, recentShare: number): Day {
  if (random.chance(recentShare)) return REF - random.int(0, 420)
  return START + random.int(0, REF - START)
}
