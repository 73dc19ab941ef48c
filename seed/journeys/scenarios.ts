// Children whose records show, on purpose, the faults inspectors find (Ofsted ILACS reports): each a
// scripted journey, open or recently closed at the reference date, so worklists, timescale rules and
// audits have something real to find. The same children are produced for the same size and seed.

import { type Day, REF, subWd } from './dates.ts'
import { addPartner } from './family.ts'
import type { ThemeId } from './themes.ts'
import type { Fault, ReferralEp, ReferralOptions, Simulation, Timeline } from './timeline.ts'

export const SCENARIOS = [
  /** An assessment beyond 45 working days from referral, still open, with no recorded reason. */
  'assessment-out-of-timescale',
  /** A new adult joined the household (significant event) and the CIN plan was not reviewed or updated since. */
  'cin-plan-not-updated-after-change',
  /** A CP plan ended with step-down to CIN, its open actions left open and not carried into the CIN plan. */
  'cp-step-down-open-actions',
  /** Closure proposed with no rationale, awaiting a manager's sign-off. */
  'closure-without-rationale',
  /** A child old enough to be seen alone, not seen alone on any visit for months. */
  'not-seen-alone',
  /** The last plan reviews recorded the child's views as not sought. */
  'views-not-sought',
  /** An open plan with actions well past their due date and still open. */
  'plan-actions-overdue',
  /** An open case with no management oversight recorded for five months or more. */
  'no-management-oversight',
  /** A second child protection plan within two years of the first ending, with no management oversight since. */
  'repeat-cp-plan',
  /** A new referral within twelve months of the previous one, with no management oversight since. */
  're-referral',
] as const

export type Scenario = (typeof SCENARIOS)[number]

export interface ScenarioChild {
  personId: number
  scenario: Scenario
}

/** When the scripted household first comes to the front door (copy `k` a week earlier for each k). */
export function scenarioStart(scenario: Scenario, copy: number): Day {
  const days: Record<Scenario, number> = {
    'assessment-out-of-timescale': 0,
    'cin-plan-not-updated-after-change': 330,
    'cp-step-down-open-actions': 420,
    'closure-without-rationale': 230,
    'not-seen-alone': 250,
    'views-not-sought': 400,
    'plan-actions-overdue': 300,
    'no-management-oversight': 330,
    'repeat-cp-plan': 900,
    're-referral': 330,
  }
  if (scenario === 'assessment-out-of-timescale') return subWd(REF, 62 + copy * 3)
  return REF - days[scenario] - copy * 7
}

const OPEN = 3000

export function runScenario(sim: Simulation, scenario: Scenario, start: Day): Timeline {
  const kid = sim.fam.kids[0]!
  const scope = [kid]
  const open = { cinDays: OPEN, team: 'assessment' as const }
  /** A child in need plan still open at the reference date, after an assessment of so many working days. */
  const openCin = (assessmentWd: number) => ({ ...open, path: 'cin' as const, assessmentWd })
  /** A contact about the child on `day` from `source`, decided as given, and the referral that follows. */
  const refer = (
    day: Day,
    themeId: ThemeId,
    source: string,
    decision: 'referral' | 'strategy-discussion',
    opts: ReferralOptions,
  ): ReferralEp => sim.referral(sim.contact(day, { themeId, scope, source, decision })!, opts)
  switch (scenario) {
    case 'assessment-out-of-timescale': {
      const ep = refer(start, 'neglect', '2A', 'referral', { ...openCin(95), extension: false })
      ep.faults.set('assessment-no-reason', start)
      break
    }
    case 'cin-plan-not-updated-after-change': {
      const ep = refer(start, 'parental-mental-health', '3A', 'referral', openCin(32))
      const change = REF - 120
      addPartner(sim.fam, sim.ids, change)
      sim.t.events.push({ day: change, category: 'household-change', pick: 0, kids: scope, shared: false })
      ep.faults.set('plan-not-updated', change)
      break
    }
    case 'cp-step-down-open-actions': {
      const ep = refer(start, 'neglect', '2A', 'strategy-discussion', {
        ...open,
        path: 'cp',
        cpDays: 280,
        cpEnd: 'step-down-cin',
        afterCpCinDays: OPEN,
      })
      ep.faults.set('cp-open-actions-left', start)
      break
    }
    case 'closure-without-rationale': {
      const ep = refer(start, 'family-stress', '4', 'referral', {
        team: 'assessment',
        path: 'cin',
        assessmentWd: 30,
        cinDays: 140,
        closeReason: 'RC7',
        awaitingSignOff: true,
      })
      ep.closure.rationale = false
      ep.faults.set('closure-no-rationale', start)
      break
    }
    // Open child in need cases with one fault each.
    case 'not-seen-alone':
    case 'views-not-sought':
    case 'plan-actions-overdue':
    case 'no-management-oversight': {
      const [themeId, source, assessmentWd, fault, from] = CIN_FAULTS[scenario]
      const ep = refer(start, themeId, source, 'referral', openCin(assessmentWd))
      ep.faults.set(fault, from === 'start' ? start : REF - from)
      break
    }
    case 'repeat-cp-plan': {
      const ep1 = refer(start, 'neglect', '2A', 'strategy-discussion', {
        team: 'assessment',
        path: 'cp',
        cpDays: 250,
        cpEnd: 'step-down-cin',
        afterCpCinDays: 150,
      })
      const again = Math.max(ep1.closure.day + 90, subWd(REF, 45))
      const ep2 = refer(again, 'neglect', '6', 'strategy-discussion', {
        team: 'assessment',
        path: 'cp',
        cpDays: OPEN,
      })
      ep2.faults.set('no-oversight', ep2.day)
      break
    }
    case 're-referral': {
      const ep1 = refer(start, 'domestic-abuse', '6', 'referral', {
        team: 'assessment',
        path: 'nfa',
        assessmentWd: 25,
      })
      const again = Math.max(ep1.closure.day + 60, REF - 60)
      const ep2 = refer(again, 'domestic-abuse', '6', 'referral', openCin(40))
      ep2.faults.set('no-oversight', ep2.day)
      break
    }
  }
  return sim.t
}

/** Theme, referral source, assessment working days, the fault, and from when (days before REF, or start). */
const CIN_FAULTS: Record<
  'not-seen-alone' | 'views-not-sought' | 'plan-actions-overdue' | 'no-management-oversight',
  readonly [ThemeId, string, number, Fault, number | 'start']
> = {
  'not-seen-alone': ['emotional-harm', '2A', 30, 'not-seen-alone', 150],
  'views-not-sought': ['domestic-abuse', '6', 30, 'views-not-sought', 200],
  'plan-actions-overdue': ['parental-substance', '1A', 28, 'actions-overdue', 'start'],
  'no-management-oversight': ['neglect', '3B', 30, 'no-oversight', 165],
}
