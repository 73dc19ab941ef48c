// Writes a household's simulated journey as rows, one child at a time: contacts, referrals, assessments
// and factors, strategy discussions, section 47 enquiries, conferences, child protection plans and core
// groups, SMART plans with every saved version, reviews, visits, case notes, management oversight,
// significant events and allocations. Nothing is written after the reference date.

import type { ActionStatus, PlanKind } from '../../src/db/schema/index.ts'
import type { Random } from '../lib/random.ts'
import type { WorkerRow } from '../organisation.ts'
import { addWd, ageOn, at, birthday, type Day, iso, REF } from './dates.ts'
import type { Family, Kid } from './family.ts'
import type { Ids, JourneyRows } from './rows.ts'
import type { Staff } from './staff.ts'
import {
  ANALYSIS,
  BABY_VIEWS,
  CASE_NOTES,
  CHILD_VIEWS,
  CLOSURE_RATIONALE,
  CONFERENCE_RATIONALE,
  CONSENT_NOTES,
  CONTACT_RATIONALE,
  CONTRIBUTION_NOTES,
  CORE_GROUP_SUMMARY,
  DIRECT_WORK_TOOLS,
  EVENT_TEXT,
  IDENTITY,
  LIVED_EXPERIENCE,
  NO_S47_RATIONALE,
  OBSERVATIONS,
  OVERSIGHT_ACTIONS,
  PARENTAL_CAPACITY,
  REVIEW_DECISIONS,
  SIGNIFICANT_NOTES,
  STRATEGY_RATIONALE,
  STRENGTHS,
  SUPERVISION,
  say,
  VISIT_ANALYSIS,
  WISHES,
} from './text.ts'
import { type Ctx, type ThemeId, theme } from './themes.ts'
import type {
  AssessmentEv,
  EarlyHelpEp,
  Fault,
  Part,
  Phase,
  ReferralEp,
  Segment,
  Timeline,
} from './timeline.ts'

export interface EmitContext {
  rows: JourneyRows
  ids: Ids
  staff: Staff
}

const CONTINGENCY = [
  'If progress is not made by the review, a strategy discussion will be held and legal advice sought.',
  'If risks increase, the plan will be escalated to a child protection conference.',
  'If the family do not make the changes needed, the case will be presented to the legal gateway panel.',
] as const

const NON_ENGAGEMENT = [
  'If the family do not engage, the social worker will visit unannounced and escalate to the team manager.',
  'Missed appointments will be followed up the same day; two missed visits will trigger a professionals meeting.',
] as const

const EXTENSION_REASONS = [
  'Extended to complete a parenting assessment with the family; agreed by the team manager.',
  'Extended to gather information from the paediatrician and CAMHS before concluding.',
  'Father only engaged late in the assessment; time agreed to include his views.',
  'Interpreter availability delayed the final sessions; extension agreed.',
] as const

function ctxFor(kid: Kid, day: Day): Ctx {
  kid.ctx.age = kid.dob <= day ? ageOn(kid.dob, day) : -1
  return kid.ctx
}

export class Emitter {
  readonly rows: JourneyRows
  readonly ids: Ids
  readonly staff: Staff
  readonly fam: Family
  readonly r: Random

  constructor(ctx: EmitContext, fam: Family) {
    this.rows = ctx.rows
    this.ids = ctx.ids
    this.staff = ctx.staff
    this.fam = fam
    this.r = fam.random
  }

  // --- Who holds the case -------------------------------------------------------------------------

  /** Gives each stretch of work a worker: the least loaded for work open at the reference date. */
  assign(seg: Segment, openKids: number, featured: boolean): void {
    const area = this.fam.area
    if (seg.end > REF) {
      const w = this.staff.leastLoaded(seg.team, area, Math.max(1, openKids), featured)
      const from = dayOfWorker(w)
      if (from <= seg.start)
        seg.parts = [{ workerId: w.id, teamId: w.teamId, start: seg.start, end: seg.end }]
      else
        seg.parts = [
          ...this.history(seg, seg.start, from),
          { workerId: w.id, teamId: w.teamId, start: from, end: seg.end },
        ]
    } else seg.parts = this.history(seg, seg.start, seg.end)
  }

  private history(seg: Segment, start: Day, end: Day): Part[] {
    const r = this.r
    const pool = this.staff.pool(seg.team, this.fam.area)
    const w = this.staff.randomInPost(r, seg.team, this.fam.area, start)
    if (!w) {
      const first = pool.workers[0]!
      const from = pool.starts[0]!
      if (from >= end) return [{ workerId: null, teamId: first.teamId, start, end }]
      return [{ workerId: null, teamId: first.teamId, start, end: from }, ...this.history(seg, from, end)]
    }
    const length = end - start
    // Workers move on: long pieces of work change hands.
    if (length > 180 && r.chance(Math.min(0.7, (length / 365) * 0.35))) {
      const mid = start + r.int(60, length - 30)
      const next = this.staff.randomInPost(r, seg.team, this.fam.area, mid) ?? w
      if (next.id !== w.id)
        return [
          { workerId: w.id, teamId: w.teamId, start, end: mid },
          { workerId: next.id, teamId: next.teamId, start: mid, end },
        ]
    }
    return [{ workerId: w.id, teamId: w.teamId, start, end }]
  }

  /** The worker holding the case on `day` (falling back to the team manager when unallocated). */
  workerAt(
    segments: Segment[],
    day: Day,
    kind: 'social-worker' | 'lead-professional' = 'social-worker',
  ): WorkerRow {
    let found: Part | undefined
    for (const seg of segments) {
      if (seg.kind !== kind) continue
      for (const part of seg.parts) {
        if (part.start <= day) found = part
      }
    }
    if (!found) found = segments.find((s) => s.kind === kind)?.parts[0]
    if (!found) throw new Error('No allocation to take the work')
    if (found.workerId !== null) return this.staff.worker(found.workerId)
    return this.staff.teamManagerOf(found.teamId)!
  }

  private chairAt(segments: Segment[], day: Day): WorkerRow {
    for (const seg of segments) {
      if (seg.kind !== 'cp-chair') continue
      for (const part of seg.parts)
        if (part.start <= day && day <= part.end && part.workerId !== null)
          return this.staff.worker(part.workerId)
    }
    const pool = this.staff.pool('independent-reviewing', this.fam.area)
    return this.r.pick(pool.workers)
  }

  // --- Contacts -------------------------------------------------------------------------------------

  contacts(t: Timeline): void {
    const r = this.r
    for (const c of t.contacts) {
      if (c.day > REF) continue
      const decided = c.decisionDay <= REF && !(c.decisionDay === REF && r.chance(0.3))
      const decider =
        this.staff.randomInPost(r, 'front-door', this.fam.area, c.day) ??
        this.staff.pool('front-door', this.fam.area).workers[0]!
      const manager = this.staff.teamManagerOf(decider.teamId) ?? decider
      const src = c.source
      const contactRole =
        src === '6'
          ? 'Police officer'
          : src === '2A'
            ? 'Designated safeguarding lead'
            : src.startsWith('3')
              ? 'Health professional'
              : src === '1C'
                ? 'Young person'
                : src.startsWith('1')
                  ? 'Family member or member of the public'
                  : src === '9'
                    ? null
                    : 'Professional'
      for (const kid of c.scope) {
        const x = ctxFor(kid, c.day)
        const id = this.ids.take('contact')
        c.rowIds.set(kid, id)
        this.rows.contact.push({
          id,
          personId: kid.personId,
          receivedAt: at(c.day, c.minute),
          source: src,
          contactName: src === '9' ? null : src === '6' ? `PC ${r.int(1000, 9999)}` : null,
          contactRole,
          concerns: say(r, theme(c.theme).concerns, x),
          consent: c.consent,
          consentNote: r.chance(0.5) ? r.pick(CONSENT_NOTES[c.consent]!) : null,
          decision: decided ? c.decision : null,
          decisionAt: decided ? at(c.decisionDay, c.decisionMinute) : null,
          decisionRationale: decided ? say(r, CONTACT_RATIONALE[c.decision]!, x) : null,
          decidedBy: decided ? this.staff.userOf(decider.id) : null,
          agreedBy: decided ? this.staff.userOf(manager.id) : null,
          recordedBy: this.staff.userOf(decider.id),
        })
        if (decided && (c.decision === 'referral' || c.decision === 'strategy-discussion'))
          this.oversight(
            kid,
            c.decisionDay,
            this.staff.userOf(manager.id),
            'contact-decision',
            {
              decision:
                c.decision === 'referral'
                  ? 'Agree referral for a child and family assessment.'
                  : 'Agree strategy discussion today.',
              rationale: say(r, CONTACT_RATIONALE[c.decision]!, x),
              challenge: null,
            },
            c.referral?.faults,
          )
      }
    }
  }

  // --- Referrals and what follows -------------------------------------------------------------------

  referral(ep: ReferralEp): void {
    if (ep.day > REF) return
    const r = this.r
    const segments = ep.segments
    // Visits are made to all the children on the same days.
    const assessmentEnd = Math.min(ep.phases[0]?.start ?? ep.closure.day, ep.closure.day, REF)
    const assessmentVisits: Day[] = []
    if (!ep.nfa)
      for (
        let d = addWd(ep.day, r.int(0, 4));
        d <= assessmentEnd && assessmentVisits.length < 4;
        d = addWd(d, r.int(8, 15))
      )
        assessmentVisits.push(d)
    for (const s of ep.strategies) {
      const d = addWd(s.day, r.int(0, 1))
      if (s.day <= REF && !assessmentVisits.includes(d)) assessmentVisits.push(d)
    }
    const phaseVisits = ep.phases.map((p) => {
      const out: Day[] = []
      const stop = Math.min(p.end, REF)
      const [lo, hi] = p.kind === 'cp' ? [7, 10] : [15, 24]
      for (let d = addWd(p.start, r.int(2, lo)); d <= stop; d = addWd(d, r.int(lo, hi))) out.push(d)
      return out
    })

    for (const kid of ep.scope) {
      const cap = birthday(kid.dob, 18)
      const agedOut = cap <= ep.closure.day && cap <= REF
      const limit = Math.min(agedOut ? cap : ep.closure.day, REF)
      const referralId = this.ids.take('referral')
      ep.rowIds.set(kid, referralId)
      const closure = agedOut
        ? {
            proposed: cap - r.int(0, 7),
            day: cap,
            // Closed after the assessment (which ends at 18 at the latest) if that was the plan; otherwise
            // to adult services or no longer a child.
            reason:
              ep.closure.reason === 'RC8' || ep.closure.reason === 'RC9'
                ? 'RC8'
                : kid.disabilities.length > 0
                  ? 'RC6'
                  : 'RC7',
            rationale: true,
          }
        : ep.closure
      const proposedOn = closure.proposed <= REF ? closure.proposed : null
      const closedOn = closure.day <= REF ? closure.day : null
      const noRationale = ep.faults.has('closure-no-rationale') || (proposedOn !== null && r.chance(0.02))
      const proposer =
        proposedOn === null
          ? null
          : segments.length > 0
            ? this.workerAt(segments, proposedOn)
            : (this.staff.randomInPost(r, 'front-door', this.fam.area, proposedOn) ??
              this.staff.pool('front-door', this.fam.area).workers[0]!)
      this.rows.referral.push({
        id: referralId,
        personId: kid.personId,
        contactId: ep.contact.rowIds.get(kid) ?? null,
        referralDate: iso(ep.day),
        source: ep.source,
        primaryNeed: ep.need,
        noFurtherAction: ep.nfa,
        closureProposedOn: proposedOn === null ? null : iso(proposedOn),
        closureReason: proposedOn === null ? null : closure.reason,
        closureRationale:
          proposedOn === null || noRationale
            ? null
            : say(r, CLOSURE_RATIONALE[closure.reason] ?? CLOSURE_RATIONALE.RC7!, ctxFor(kid, proposedOn)),
        closureProposedBy: proposer ? this.staff.userOf(proposer.id) : null,
        closureDate: closedOn === null ? null : iso(closedOn),
        closureSignedOffBy:
          closedOn === null ? null : proposer ? this.staff.managerUserOf(proposer.id) : null,
      })
      if (ep.nfa) continue
      this.allocations(kid, segments, limit)
      if (ep.assessment) this.assessment(ep, ep.assessment, kid, referralId, limit, agedOut)
      for (const a of ep.reassessments) this.assessment(ep, a, kid, referralId, limit, agedOut)
      // Each plan written, so a plan that follows another (CIN after CP) can name it and carry its actions.
      const written = new Map<Phase, { planId: number; open: ActionRec[] }>()
      for (const s of ep.strategies) {
        if (s.day > limit) continue
        const sdId = this.ids.take('strategy_discussion')
        const chair = this.staff.managerUserOf(this.workerAt(segments, s.day).id)
        const school = kid.dob <= s.day && ageOn(kid.dob, s.day) >= 4
        this.rows.strategy_discussion.push({
          id: sdId,
          referralId,
          personId: kid.personId,
          heldOn: iso(s.day),
          agencies: ['social-care', 'police', 'health', ...(school ? ['education'] : [])],
          decision: s.decision,
          rationale: say(
            r,
            s.decision === 'section-47' ? STRATEGY_RATIONALE : NO_S47_RATIONALE,
            ctxFor(kid, s.day),
          ),
          chairedBy: chair,
        })
        if (!s.s47) continue
        const s47Id = this.ids.take('section47')
        // A young person who turns 18 before the enquiry concludes, or before its conference: the enquiry
        // ends that day, with no conference.
        const endsAt18 =
          agedOut && (s.s47.outcomeDay > limit || (s.s47.icpc !== null && s.s47.icpc.day >= limit))
        const outcomeKnown = endsAt18 || s.s47.outcomeDay <= limit
        this.rows.section47.push({
          id: s47Id,
          referralId,
          personId: kid.personId,
          strategyDiscussionId: sdId,
          startDate: iso(s.s47.start),
          outcome: endsAt18 ? 'other' : outcomeKnown ? s.s47.outcome : null,
          outcomeDate: outcomeKnown ? iso(Math.min(s.s47.outcomeDay, limit)) : null,
          icpcNotRequired: outcomeKnown && s.s47.icpcNotRequired,
        })
        const icpc = s.s47.icpc
        if (icpc && icpc.day <= limit && !endsAt18) {
          const phase = ep.phases.find((p) => p.icpc === icpc && p.kind === 'cp')
          const cpPlanId = phase && icpc.plan ? this.ids.take('cp_plan') : null
          this.conference(
            kid,
            referralId,
            s47Id,
            cpPlanId,
            icpc.day,
            'initial',
            icpc.plan ? 'plan' : 'no-plan',
            icpc.category,
            segments,
          )
          if (phase && cpPlanId !== null)
            written.set(phase, this.cpPlan(ep, kid, referralId, cpPlanId, phase, segments, limit))
        }
      }
      // CIN plans (after an assessment, a conference that made no plan, or a CP plan stepped down).
      for (const phase of ep.phases) {
        if (phase.kind !== 'cin' || phase.start > limit) continue
        const prev = phase.previous ? (written.get(phase.previous) ?? null) : null
        const planId = this.plan({
          kid,
          kind: 'child-in-need',
          referralId,
          earlyHelpEpisodeId: null,
          cpPlanId: null,
          previousPlanId: prev?.planId ?? null,
          start: phase.start,
          end: Math.min(phase.end, agedOut ? cap : phase.end),
          reviews: phase.reviews,
          themeId: ep.theme,
          carried: ep.faults.has('cp-open-actions-left') ? [] : (prev?.open ?? []),
          segments,
          faults: ep.faults,
          endStatus: 'not-done',
          reviewRows: true,
          interval: 85,
        })
        written.set(phase, planId)
        const carried = prev !== null && prev.open.length > 0 && !ep.faults.has('cp-open-actions-left')
        this.oversight(
          kid,
          phase.start,
          this.managerAt(segments, phase.start),
          'plan-change',
          {
            decision: carried
              ? 'Step down to a child in need plan agreed; open actions carried over.'
              : prev
                ? 'Step down to a child in need plan agreed.'
                : 'Child in need plan agreed.',
            rationale: say(r, ANALYSIS, ctxFor(kid, phase.start)),
            challenge: null,
          },
          ep.faults,
        )
      }
      // Visits, notes, supervision and events while the case is open.
      for (const d of assessmentVisits) if (d <= limit) this.visit(kid, d, 'assessment', segments, ep.faults)
      ep.phases.forEach((p, i) => {
        for (const d of phaseVisits[i]!)
          if (d <= limit && d <= (agedOut ? cap : p.end)) this.visit(kid, d, p.kind, segments, ep.faults)
      })
      this.notes(kid, ep.day, limit, ep, segments)
      this.supervision(kid, ep.day, limit, segments, ep.faults)
      if (closedOn !== null && closedOn <= limit && proposer)
        this.oversight(
          kid,
          closedOn,
          this.staff.managerUserOf(proposer.id),
          'closure',
          {
            decision: `Closure agreed (${closure.reason}).`,
            rationale: noRationale
              ? 'Agreed.'
              : say(r, CLOSURE_RATIONALE[closure.reason] ?? CLOSURE_RATIONALE.RC7!, ctxFor(kid, closedOn)),
            challenge: null,
          },
          ep.faults,
        )
      for (const agency of theme(ep.theme).agencies) kid.agencies.push([agency, ep.day, closure.day])
    }
  }

  private managerAt(segments: Segment[], day: Day): number {
    return this.staff.managerUserOf(this.workerAt(segments, day).id)
  }

  private allocations(kid: Kid, segments: Segment[], limit: Day): void {
    const cap = birthday(kid.dob, 18)
    for (const seg of segments) {
      for (const part of seg.parts) {
        const start = part.start
        if (start > REF || start > cap || start > limit) continue
        const end = Math.min(part.end, cap)
        this.rows.allocation.push({
          personId: kid.personId,
          teamId: part.teamId,
          workerId: part.workerId,
          kind: seg.kind,
          startedOn: iso(start),
          endedOn: end > REF ? null : iso(Math.max(end, start)),
        })
      }
    }
  }

  private assessment(
    ep: ReferralEp,
    a: AssessmentEv,
    kid: Kid,
    referralId: number,
    limit: Day,
    agedOut: boolean,
  ): void {
    if (a.start > limit) return
    const r = this.r
    const id = this.ids.take('assessment')
    // An assessment still going on when the young person turns 18 is concluded and authorised that day.
    const endsAt18 = agedOut && a.authorised > limit
    const completed = a.completed <= limit ? a.completed : endsAt18 ? limit : null
    const authorised = a.authorised <= limit ? a.authorised : endsAt18 ? limit : null
    const outcome = endsAt18 ? 'no-further-action' : a.outcome
    const x = ctxFor(kid, a.start)
    const worker = this.workerAt(ep.segments, a.start)
    const manager = this.staff.managerUserOf(worker.id)
    // The first assessment is due 45 working days from the referral, a later one from its own start.
    const due = addWd(a === ep.assessment ? ep.day : a.start, 45)
    const late = (authorised ?? REF) > due && due <= REF
    const extension = late && a.extension && !ep.faults.has('assessment-no-reason')
    const baby = kid.dob > a.start || ageOn(kid.dob, a.start) < 3
    this.rows.assessment.push({
      id,
      referralId,
      personId: kid.personId,
      startDate: iso(a.start),
      livedExperience: say(r, LIVED_EXPERIENCE, x),
      identityAndCulture: r.chance(0.88) ? say(r, IDENTITY, x) : null,
      childsViews: r.chance(0.87) ? say(r, baby ? BABY_VIEWS : CHILD_VIEWS, x) : null,
      parentalCapacity: completed
        ? say(r, PARENTAL_CAPACITY, x)
        : r.chance(0.5)
          ? say(r, PARENTAL_CAPACITY, x)
          : null,
      historyAndRisks: say(r, theme(ep.theme).history, x),
      strengths: r.chance(0.9) ? say(r, STRENGTHS, x) : null,
      analysis: completed ? say(r, ANALYSIS, x) : null,
      outcome: completed ? outcome : null,
      nextSteps: completed ? nextSteps(outcome) : null,
      completedOn: completed === null ? null : iso(completed),
      authorisedOn: authorised === null ? null : iso(authorised),
      authorisedBy: authorised === null ? null : manager,
      extensionReason: extension ? r.pick(EXTENSION_REASONS) : null,
      extensionAgreedBy: extension ? manager : null,
    })
    if (completed !== null)
      for (const code of a.factors) this.rows.assessment_factor.push({ assessmentId: id, code })
    if (authorised !== null)
      this.oversight(
        kid,
        authorised,
        manager,
        'assessment-sign-off',
        {
          decision: `Assessment authorised: ${nextSteps(outcome)}`,
          rationale: say(r, ANALYSIS, ctxFor(kid, authorised)),
          challenge: r.chance(0.2) ? 'Is the child’s lived experience clear enough in the analysis?' : null,
        },
        ep.faults,
      )
  }

  private conference(
    kid: Kid,
    referralId: number,
    s47Id: number | null,
    cpPlanId: number | null,
    day: Day,
    kind: 'initial' | 'review',
    decision: 'plan' | 'no-plan' | 'continue-plan' | 'end-plan',
    category: string | null,
    segments: Segment[],
  ): void {
    const r = this.r
    const x = ctxFor(kid, day)
    const age = x.age
    const contribution =
      age < 4
        ? 'views-shared-another-way'
        : r.weighted([
            ['attended', age >= 12 ? 4 : 0.5],
            ['views-shared-another-way', 8],
            ['not-sought', 1],
          ] as const)
    this.rows.cp_conference.push({
      id: this.ids.take('cp_conference'),
      referralId,
      personId: kid.personId,
      kind,
      section47Id: s47Id,
      cpPlanId,
      heldOn: iso(day),
      chairWorkerId: this.chairAt(segments, day).id,
      participants: [
        'Social worker',
        'Mother',
        ...(this.fam.father ? ['Father'] : []),
        'Police',
        'Health',
        ...(age >= 4 ? ['School'] : ['Health visitor']),
      ],
      childAttended: contribution === 'attended',
      childsViews: contribution === 'not-sought' ? null : say(r, age < 4 ? BABY_VIEWS : CHILD_VIEWS, x),
      childContribution: contribution,
      childContributionNote: say(r, CONTRIBUTION_NOTES[contribution]!, x),
      decision,
      category: decision === 'plan' || decision === 'continue-plan' ? category : null,
      rationale: say(r, CONFERENCE_RATIONALE[decision]!, x),
    })
  }

  private cpPlan(
    ep: ReferralEp,
    kid: Kid,
    referralId: number,
    cpPlanId: number,
    phase: Phase,
    segments: Segment[],
    limit: Day,
  ): { planId: number; open: ActionRec[] } {
    const r = this.r
    const end = phase.end <= limit ? phase.end : limit < REF ? limit : phase.end
    const ended = end <= REF
    const reviews = phase.reviews.filter((d) => d <= Math.min(end, REF))
    this.rows.cp_plan.push({
      id: cpPlanId,
      referralId,
      personId: kid.personId,
      startDate: iso(phase.start),
      initialCategory: phase.category,
      latestCategory: phase.latestCategory,
      endDate: ended ? iso(end) : null,
      endReason: ended ? (phase.endReason ?? 'other') : null,
      endRationale: ended ? say(r, CONFERENCE_RATIONALE['end-plan']!, ctxFor(kid, end)) : null,
    })
    reviews.forEach((d, i) => {
      const last = i === reviews.length - 1 && ended && d === end
      this.conference(
        kid,
        referralId,
        null,
        cpPlanId,
        d,
        'review',
        last ? 'end-plan' : 'continue-plan',
        phase.latestCategory,
        segments,
      )
    })
    for (const d of phase.coreGroups) {
      if (d > Math.min(end, REF)) continue
      this.rows.core_group.push({
        cpPlanId,
        personId: kid.personId,
        heldOn: iso(d),
        attendees: [
          'Social worker',
          'Mother',
          ...(r.chance(0.6) ? ['School'] : []),
          ...(r.chance(0.5) ? ['Health visitor'] : []),
          ...(r.chance(0.3) ? ['Police'] : []),
        ],
        summary: say(r, CORE_GROUP_SUMMARY, ctxFor(kid, d)),
      })
    }
    const stepDown = phase.endReason === 'step-down-cin'
    const result = this.plan({
      kid,
      kind: 'child-protection',
      referralId,
      earlyHelpEpisodeId: null,
      cpPlanId,
      previousPlanId: null,
      start: phase.start,
      end,
      reviews,
      themeId: ep.theme,
      carried: [],
      segments,
      faults: ep.faults,
      endStatus: ep.faults.has('cp-open-actions-left')
        ? 'open'
        : stepDown
          ? 'carried-over'
          : phase.endReason === 'step-down-early-help'
            ? 'handed-on'
            : 'not-done',
      reviewRows: false,
      interval: reviews.length === 0 ? 91 : 182,
    })
    this.oversight(
      kid,
      phase.start,
      this.managerAt(segments, phase.start),
      'plan-change',
      {
        decision: `Child protection plan made under ${phase.category}.`,
        rationale: say(r, CONFERENCE_RATIONALE.plan!, ctxFor(kid, phase.start)),
        challenge: null,
      },
      ep.faults,
    )
    if (ended)
      this.oversight(
        kid,
        end,
        this.managerAt(segments, end),
        'plan-change',
        {
          decision: stepDown
            ? 'Plan ended at review conference; step down to child in need.'
            : 'Child protection plan ended.',
          rationale: say(r, CONFERENCE_RATIONALE['end-plan']!, ctxFor(kid, end)),
          challenge: ep.faults.has('cp-open-actions-left')
            ? null
            : r.chance(0.2)
              ? 'Are the changes sustained?'
              : null,
        },
        ep.faults,
      )
    return result
  }

  // --- Plans ----------------------------------------------------------------------------------------

  plan(spec: PlanSpec): { planId: number; open: ActionRec[] } {
    const r = this.r
    const { kid } = spec
    const planId = this.ids.take('plan')
    const th = theme(spec.themeId)
    const x = ctxFor(kid, spec.start)
    const stale = spec.faults.get('plan-not-updated')
    const reviewDays = spec.reviews.filter(
      (d) => d <= Math.min(spec.end, REF) && (stale === undefined || d < stale),
    )
    const ended = spec.end <= REF
    const overdue = spec.faults.has('actions-overdue')

    // Outcomes and SMART actions.
    const outcomeTexts = r.shuffle(th.outcomes).slice(0, r.int(2, Math.min(3, th.outcomes.length)))
    const outcomes = outcomeTexts.map((text, position) => ({
      id: this.ids.take('plan_outcome'),
      planId,
      position,
      description: text(x),
    }))
    const actions: ActionRec[] = []
    const worker = this.workerAt(
      spec.segments,
      spec.start,
      spec.kind === 'early-help' ? 'lead-professional' : 'social-worker',
    )
    const addAction = (
      added: Day,
      outcomeId: number | null,
      template = r.pick(th.actions),
      carriedFrom: ActionRec | null = null,
    ) => {
      const due = added + r.int(21, 75)
      let done: Day | null = null
      if (overdue && due <= REF - 30) done = null
      else if (r.chance(0.93)) done = Math.max(added + 3, due - r.int(0, 25))
      else if (r.chance(0.6)) done = due + r.int(3, 45)
      actions.push({
        id: this.ids.take('plan_action'),
        outcomeId,
        description: carriedFrom ? carriedFrom.description : template.description(x),
        ownerWorkerId: carriedFrom
          ? carriedFrom.ownerWorkerId
          : template.owner === 'worker'
            ? worker.id
            : null,
        ownerDescription: carriedFrom
          ? carriedFrom.ownerDescription
          : ownerText(template.owner, template.ownerText, x, worker),
        measure: carriedFrom ? carriedFrom.measure : template.measure,
        added,
        due,
        done,
        carriedFromActionId: carriedFrom ? carriedFrom.id : null,
      })
    }
    for (const c of spec.carried) addAction(spec.start, outcomes[0]?.id ?? null, undefined, c)
    const templates = r.shuffle(th.actions)
    let ti = 0
    for (const o of outcomes) {
      const n = r.int(1, 2)
      for (let i = 0; i < n && ti < templates.length; i++) addAction(spec.start, o.id, templates[ti++])
    }
    for (const d of reviewDays) if (r.chance(0.45)) addAction(d, r.pick(outcomes).id)
    if (overdue) for (const a of actions) if (a.due <= REF - 30) a.done = null
    // Stepped down with work left undone: the last actions were never completed.
    if (spec.kind === 'child-protection' && spec.faults.has('cp-open-actions-left'))
      for (const a of [...actions].sort((a, b) => b.due - a.due).slice(0, 2)) a.done = null

    const limit = Math.min(spec.end, REF)
    const statusAt = (
      a: ActionRec,
      day: Day,
      final: boolean,
    ): { status: ActionStatus; completedOn: string | null } => {
      if (a.done !== null && a.done <= day && a.done <= limit)
        return { status: 'done', completedOn: iso(a.done) }
      if (final) return { status: spec.endStatus, completedOn: null }
      return { status: 'open', completedOn: null }
    }

    // Each save is a version: made, each review, ended.
    const saves: { day: Day; reason: string; final: boolean }[] = [
      { day: spec.start, reason: 'Plan made', final: false },
    ]
    for (const d of reviewDays) {
      if (ended && d === spec.end) continue
      saves.push({
        day: d,
        reason: spec.kind === 'child-protection' ? 'Updated at review conference' : 'Updated at review',
        final: false,
      })
    }
    if (ended) saves.push({ day: spec.end, reason: 'Plan ended', final: true })
    const contingency = r.pick(CONTINGENCY)
    const nonEngagement = r.chance(0.85) ? r.pick(NON_ENGAGEMENT) : null
    const lastReview = reviewDays.length > 0 ? reviewDays[reviewDays.length - 1]! : spec.start
    const nextReview = (day: Day, final: boolean) =>
      final ? null : iso(lastReviewBefore(reviewDays, day, spec.start) + spec.interval)
    saves.forEach((save, i) => {
      const version = i + 1
      const user = this.staff.userOf(
        this.workerAt(
          spec.segments,
          save.day,
          spec.kind === 'early-help' ? 'lead-professional' : 'social-worker',
        ).id,
      )
      const savedAt = at(save.day, 600 + r.int(0, 420))
      const snapshot = {
        id: planId,
        personId: kid.personId,
        kind: spec.kind,
        referralId: spec.referralId,
        earlyHelpEpisodeId: spec.earlyHelpEpisodeId,
        cpPlanId: spec.cpPlanId,
        startDate: iso(spec.start),
        endDate: save.final ? iso(spec.end) : null,
        contingency,
        nonEngagementStrategy: nonEngagement,
        previousPlanId: spec.previousPlanId,
        nextReviewDue: nextReview(save.day, save.final),
        version,
        updatedAt: savedAt,
        updatedBy: user,
        outcomes: outcomes.map((o) => ({
          id: o.id,
          planId,
          position: o.position,
          description: o.description,
        })),
        actions: actions
          .filter((a) => a.added <= save.day)
          .sort((a, b) => a.due - b.due || a.id - b.id)
          .map((a) => {
            const s = statusAt(a, save.day, save.final)
            return {
              id: a.id,
              planId,
              outcomeId: a.outcomeId,
              description: a.description,
              ownerWorkerId: a.ownerWorkerId,
              ownerDescription: a.ownerDescription,
              dueDate: iso(a.due),
              measure: a.measure,
              status: s.status,
              completedOn: s.completedOn,
              carriedFromActionId: a.carriedFromActionId,
            }
          }),
      }
      this.rows.plan_version.push({ planId, version, savedAt, savedBy: user, reason: save.reason, snapshot })
    })
    const lastSnapshot = this.rows.plan_version[this.rows.plan_version.length - 1]!
    this.rows.plan.push({
      id: planId,
      personId: kid.personId,
      kind: spec.kind,
      referralId: spec.referralId,
      earlyHelpEpisodeId: spec.earlyHelpEpisodeId,
      cpPlanId: spec.cpPlanId,
      startDate: iso(spec.start),
      endDate: ended ? iso(spec.end) : null,
      contingency,
      nonEngagementStrategy: nonEngagement,
      previousPlanId: spec.previousPlanId,
      nextReviewDue: ended ? null : iso(lastReview + spec.interval),
      version: saves.length,
      updatedAt: lastSnapshot.savedAt!,
      updatedBy: lastSnapshot.savedBy ?? null,
    })
    this.rows.plan_outcome.push(...outcomes)
    const open: ActionRec[] = []
    for (const a of actions) {
      if (a.added > REF) continue
      const s = statusAt(a, REF, ended)
      this.rows.plan_action.push({
        id: a.id,
        planId,
        outcomeId: a.outcomeId,
        description: a.description,
        ownerWorkerId: a.ownerWorkerId,
        ownerDescription: a.ownerDescription,
        dueDate: iso(a.due),
        measure: a.measure,
        status: s.status,
        completedOn: s.completedOn,
        carriedFromActionId: a.carriedFromActionId,
      })
      if (s.status !== 'done') open.push(a)
    }
    if (spec.reviewRows) this.reviews(spec, planId, reviewDays, actions)
    return { planId, open: ended ? open : [] }
  }

  private reviews(spec: PlanSpec, planId: number, days: Day[], actions: ActionRec[]): void {
    const r = this.r
    const notSought = spec.faults.get('views-not-sought')
    for (const day of days) {
      const x = ctxFor(spec.kid, day)
      const age = x.age
      let contribution: 'attended' | 'views-shared-another-way' | 'not-sought'
      if (notSought !== undefined && day >= notSought) contribution = 'not-sought'
      else if (age < 4) contribution = 'views-shared-another-way'
      else
        contribution = r.weighted([
          ['attended', age >= 10 ? 3 : 0.5],
          ['views-shared-another-way', 6],
          ['not-sought', 0.7],
        ] as const)
      const worker = this.workerAt(
        spec.segments,
        day,
        spec.kind === 'early-help' ? 'lead-professional' : 'social-worker',
      )
      this.rows.plan_review.push({
        planId,
        personId: spec.kid.personId,
        heldOn: iso(day),
        attendance: [
          'Social worker',
          'Mother',
          ...(age >= 4 ? ['School'] : ['Health visitor']),
          ...(r.chance(0.3) ? ['Father'] : []),
        ],
        childContribution: contribution,
        childContributionNote:
          contribution === 'not-sought' && notSought !== undefined
            ? null
            : say(r, CONTRIBUTION_NOTES[contribution]!, x),
        childsViews: contribution === 'not-sought' ? null : say(r, age < 4 ? BABY_VIEWS : CHILD_VIEWS, x),
        decisions: say(r, REVIEW_DECISIONS, x),
        actionProgress: actions
          .filter((a) => a.added <= day)
          .map((a) => ({
            actionId: a.id,
            progress:
              a.done !== null && a.done <= day
                ? 'done'
                : r.weighted([
                    ['on-track', 5],
                    ['some', 3],
                    ['none', 2],
                  ] as const),
          })),
        recordedBy: this.staff.userOf(worker.id),
      })
    }
  }

  // --- Practice: visits, notes, oversight -----------------------------------------------------------

  visit(
    kid: Kid,
    day: Day,
    kind: 'assessment' | 'cin' | 'cp' | 'early-help',
    segments: Segment[],
    faults: Map<Fault, Day>,
  ): void {
    const r = this.r
    const worker = this.workerAt(segments, day, kind === 'early-help' ? 'lead-professional' : 'social-worker')
    const born = kid.dob <= day
    const x = ctxFor(kid, day)
    const age = x.age
    const seen = born && r.chance(0.94)
    const notAlone = faults.get('not-seen-alone')
    const alone =
      seen &&
      age >= 3 &&
      r.chance(kind === 'early-help' ? 0.5 : 0.8) &&
      !(notAlone !== undefined && day >= notAlone)
    this.rows.visit.push({
      personId: kid.personId,
      visitedOn: iso(day),
      visitedBy: worker.id,
      kind,
      childSeen: seen,
      childSeenAlone: alone,
      bedroomSeen: seen && r.chance(kind === 'cp' ? 0.7 : 0.4),
      wishesAndFeelings: !seen ? null : age >= 4 ? say(r, WISHES, x) : say(r, BABY_VIEWS, x),
      directWorkTool: alone && r.chance(0.35) ? r.pick(DIRECT_WORK_TOOLS) : null,
      observations: say(r, OBSERVATIONS, x),
      analysis: r.chance(0.8) ? say(r, VISIT_ANALYSIS, x) : null,
      recordedBy: this.staff.userOf(worker.id),
      recordedAt: at(Math.min(day + r.int(0, 3), REF), 600 + r.int(0, 480)),
    })
  }

  /** A few case notes a month while the case is open. */
  notes(kid: Kid, from: Day, to: Day, ep: ReferralEp | null, segments: Segment[], perMonth = 0): void {
    const r = this.r
    if (to < from) return
    let rate = perMonth
    if (ep) {
      rate = 3
      if (ep.phases.some((p) => p.kind === 'cp')) rate = 4
    }
    const n = Math.round(((to - from + 1) / 30.44) * rate * (0.7 + r.next() * 0.6))
    const kind = ep ? 'social-worker' : 'lead-professional'
    for (let i = 0; i < n; i++) {
      const day = from + r.int(0, to - from)
      const significant = r.chance(0.06)
      const t = significant ? r.pick(SIGNIFICANT_NOTES) : r.pick(CASE_NOTES)
      const worker = this.workerAt(segments, day, kind)
      this.rows.case_note.push({
        personId: kid.personId,
        type: t.type,
        occurredOn: iso(day),
        subject: t.subject,
        body: t.body(ctxFor(kid, day)),
        significant,
        recordedBy: this.staff.userOf(worker.id),
        recordedAt: at(Math.min(day + (r.chance(0.8) ? 0 : r.int(1, 5)), REF), 540 + r.int(0, 540)),
      })
    }
  }

  /** Case supervision on the child's file every four to six weeks. */
  supervision(kid: Kid, from: Day, to: Day, segments: Segment[], faults: Map<Fault, Day>): void {
    const r = this.r
    let last = -1
    for (let d = addWd(from, r.int(15, 25)); d <= to; d = addWd(d, r.int(18, 32))) {
      const worker = this.workerAt(segments, d)
      // Not the same discussion twice running.
      last =
        last < 0
          ? r.int(0, SUPERVISION.length - 1)
          : (last + r.int(1, SUPERVISION.length - 1)) % SUPERVISION.length
      const t = SUPERVISION[last]!
      const x = ctxFor(kid, d)
      this.oversight(
        kid,
        d,
        this.staff.managerUserOf(worker.id),
        'supervision',
        {
          decision: t.decision(x),
          rationale: t.rationale(x),
          challenge: t.challenge ? t.challenge(x) : null,
          actions: r.chance(0.4) ? r.int(1, 2) : 0,
          owner: worker.id,
        },
        faults,
      )
    }
  }

  oversight(
    kid: Kid,
    day: Day,
    managerUserId: number,
    kind:
      | 'contact-decision'
      | 'assessment-sign-off'
      | 'plan-change'
      | 'case-review'
      | 'supervision'
      | 'closure'
      | 'other',
    entry: {
      decision: string
      rationale: string
      challenge: string | null
      actions?: number
      owner?: number
    },
    faults?: Map<Fault, Day>,
  ): void {
    if (day > REF) return
    const since = faults?.get('no-oversight')
    if (since !== undefined && day >= since) return
    const id = this.ids.take('oversight')
    this.rows.oversight.push({
      id,
      personId: kid.personId,
      recordedOn: iso(day),
      managerUserId,
      kind,
      decision: entry.decision,
      rationale: entry.rationale,
      challenge: entry.challenge,
    })
    const r = this.r
    for (let i = 0; i < (entry.actions ?? 0); i++) {
      const due = day + r.int(7, 28)
      this.rows.oversight_action.push({
        oversightId: id,
        description: r.pick(OVERSIGHT_ACTIONS),
        ownerWorkerId: entry.owner ?? null,
        dueDate: iso(due),
        completedOn: due <= REF && r.chance(0.8) ? iso(Math.min(REF, due - r.int(0, 6))) : null,
      })
    }
  }

  // --- Early help -----------------------------------------------------------------------------------

  earlyHelp(ep: EarlyHelpEp): void {
    if (ep.start > REF) return
    const r = this.r
    const visits: Day[] = []
    const stop = Math.min(ep.end, REF)
    if (ep.segment)
      for (let d = addWd(ep.start, r.int(3, 10)); d <= stop; d = addWd(d, r.int(18, 28))) visits.push(d)
    for (const kid of ep.scope) {
      const cap = birthday(kid.dob, 18)
      if (cap <= ep.start) continue
      const end = Math.min(ep.end, cap)
      const ended = end <= REF
      const id = this.ids.take('early_help_episode')
      const worker = ep.segment ? this.workerAt([ep.segment], ep.start, 'lead-professional') : null
      this.rows.early_help_episode.push({
        id,
        personId: kid.personId,
        contactId: ep.contact?.rowIds.get(kid) ?? null,
        startedOn: iso(ep.start),
        leadProfessional: ep.lead,
        leadWorkerId: worker?.id ?? null,
        endedOn: ended ? iso(end) : null,
        endReason: ended ? (end < ep.end ? 'other' : ep.endReason) : null,
        steppedUpTo: ended && ep.stepUpTo ? (ep.stepUpTo.rowIds.get(kid) ?? null) : null,
        steppedDownFrom: ep.stepDownFrom ? (ep.stepDownFrom.rowIds.get(kid) ?? null) : null,
      })
      if (!ep.segment) continue
      const limit = Math.min(end, REF)
      this.allocations(kid, [ep.segment], limit)
      this.plan({
        kid,
        kind: 'early-help',
        referralId: null,
        earlyHelpEpisodeId: id,
        cpPlanId: null,
        previousPlanId: null,
        start: ep.start,
        end,
        reviews: ep.reviews,
        themeId: ep.theme as ThemeId,
        carried: [],
        segments: [ep.segment],
        faults: new Map(),
        endStatus: ep.endReason === 'stepped-up' ? 'handed-on' : 'not-done',
        reviewRows: true,
        interval: 84,
      })
      for (const d of visits) if (d <= limit) this.visit(kid, d, 'early-help', [ep.segment], new Map())
      this.notes(kid, ep.start, limit, null, [ep.segment], 1.5)
    }
  }

  // --- Chronology -----------------------------------------------------------------------------------

  events(t: Timeline, userFor: (kid: Kid, day: Day) => number | null): void {
    const r = this.r
    for (const ev of t.events) {
      if (ev.day > REF) continue
      const options = EVENT_TEXT[ev.category]
      const text = options[ev.pick % options.length]!
      for (const kid of ev.kids) {
        if (kid.dob > ev.day) continue
        const x = ctxFor(kid, ev.day)
        this.rows.significant_event.push({
          personId: kid.personId,
          occurredOn: iso(ev.day),
          category: ev.category,
          description: text.description(x),
          impactOnChild: text.impact(x),
          sharedWithSiblings: ev.shared && ev.kids.length > 1,
          recordedBy: userFor(kid, ev.day),
          recordedAt: at(Math.min(REF, ev.day + r.int(0, 4)), 600 + r.int(0, 400)),
        })
      }
    }
  }
}

export interface ActionRec {
  id: number
  outcomeId: number | null
  description: string
  ownerWorkerId: number | null
  ownerDescription: string
  measure: string
  added: Day
  due: Day
  done: Day | null
  carriedFromActionId: number | null
}

export interface PlanSpec {
  kid: Kid
  kind: PlanKind
  referralId: number | null
  earlyHelpEpisodeId: number | null
  cpPlanId: number | null
  previousPlanId: number | null
  start: Day
  end: Day
  reviews: Day[]
  themeId: ThemeId
  carried: ActionRec[]
  segments: Segment[]
  faults: Map<Fault, Day>
  /** What an action not done becomes when the plan ends. */
  endStatus: ActionStatus
  /** Write plan_review rows (CIN and early help; a CP plan's reviews are its conferences). */
  reviewRows: boolean
  /** Days between reviews. */
  interval: number
}

function lastReviewBefore(reviews: Day[], day: Day, start: Day): Day {
  let last = start
  for (const d of reviews) if (d <= day) last = d
  return last
}

function nextSteps(outcome: string): string {
  switch (outcome) {
    case 'no-further-action':
      return 'No further action; family signposted to universal services.'
    case 'early-help':
      return 'Step down to early help with the family’s consent.'
    case 'cin-plan':
      return 'Child in need plan; first planning meeting within 10 working days.'
    case 'strategy-discussion':
      return 'Strategy discussion held; section 47 enquiry started.'
    default:
      return 'Initial child protection conference convened.'
  }
}

function ownerText(owner: string, text: string | undefined, x: Ctx, worker: WorkerRow): string {
  if (text) return text
  switch (owner) {
    case 'worker':
      return `${worker.givenName} ${worker.familyName}, social worker`
    case 'mother':
      return 'Mother'
    case 'father':
      return 'Father'
    case 'parents':
      return 'Mother and father'
    case 'school':
      return 'School – Designated safeguarding lead'
    case 'health':
      return 'Health visitor'
    case 'child':
      return x.c
    default:
      return 'Partner agency'
  }
}

const workerStart = new WeakMap<WorkerRow, Day>()
function dayOfWorker(w: WorkerRow): Day {
  let d = workerStart.get(w)
  if (d === undefined) {
    d = Date.parse(`${w.startedOn}T00:00:00Z`) / 86_400_000
    workerStart.set(w, d)
  }
  return d
}
