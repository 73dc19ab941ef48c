// Children whose records show, on purpose, the faults inspectors find (Ofsted ILACS reports): each a
// scripted journey, open or recently closed at the reference date, so worklists, timescale rules and
// audits have something real to find. The same children are produced for the same size and seed.

import { type Day, REF, subWd } from './dates.ts'
import { addPartner } from './family.ts'
import type { Simulation, Timeline } from './timeline.ts'

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
  switch (scenario) {
    case 'assessment-out-of-timescale': {
      const c = sim.contact(start, { themeId: 'neglect', scope, source: '2A', decision: 'referral' })!
      const ep = sim.referral(c, { ...open, path: 'cin', assessmentWd: 95, extension: false })
      ep.faults.set('assessment-no-reason', start)
      break
    }
    case 'cin-plan-not-updated-after-change': {
      const c = sim.contact(start, {
        themeId: 'parental-mental-health',
        scope,
        source: '3A',
        decision: 'referral',
      })!
      const ep = sim.referral(c, { ...open, path: 'cin', assessmentWd: 32 })
      const change = REF - 120
      addPartner(sim.fam, sim.ids, change)
      sim.t.events.push({ day: change, category: 'household-change', pick: 0, kids: scope, shared: false })
      ep.faults.set('plan-not-updated', change)
      break
    }
    case 'cp-step-down-open-actions': {
      const c = sim.contact(start, {
        themeId: 'neglect',
        scope,
        source: '2A',
        decision: 'strategy-discussion',
      })!
      const ep = sim.referral(c, {
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
      const c = sim.contact(start, { themeId: 'family-stress', scope, source: '4', decision: 'referral' })!
      const ep = sim.referral(c, {
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
    case 'not-seen-alone': {
      const c = sim.contact(start, { themeId: 'emotional-harm', scope, source: '2A', decision: 'referral' })!
      const ep = sim.referral(c, { ...open, path: 'cin', assessmentWd: 30 })
      ep.faults.set('not-seen-alone', REF - 150)
      break
    }
    case 'views-not-sought': {
      const c = sim.contact(start, { themeId: 'domestic-abuse', scope, source: '6', decision: 'referral' })!
      const ep = sim.referral(c, { ...open, path: 'cin', assessmentWd: 30 })
      ep.faults.set('views-not-sought', REF - 200)
      break
    }
    case 'plan-actions-overdue': {
      const c = sim.contact(start, {
        themeId: 'parental-substance',
        scope,
        source: '1A',
        decision: 'referral',
      })!
      const ep = sim.referral(c, { ...open, path: 'cin', assessmentWd: 28 })
      ep.faults.set('actions-overdue', start)
      break
    }
    case 'no-management-oversight': {
      const c = sim.contact(start, { themeId: 'neglect', scope, source: '3B', decision: 'referral' })!
      const ep = sim.referral(c, { ...open, path: 'cin', assessmentWd: 30 })
      ep.faults.set('no-oversight', REF - 165)
      break
    }
    case 'repeat-cp-plan': {
      const first = sim.contact(start, {
        themeId: 'neglect',
        scope,
        source: '2A',
        decision: 'strategy-discussion',
      })!
      const ep1 = sim.referral(first, {
        team: 'assessment',
        path: 'cp',
        cpDays: 250,
        cpEnd: 'step-down-cin',
        afterCpCinDays: 150,
      })
      const again = Math.max(ep1.closure.day + 90, subWd(REF, 45))
      const second = sim.contact(again, {
        themeId: 'neglect',
        scope,
        source: '6',
        decision: 'strategy-discussion',
      })!
      const ep2 = sim.referral(second, { team: 'assessment', path: 'cp', cpDays: OPEN })
      ep2.faults.set('no-oversight', ep2.day)
      break
    }
    case 're-referral': {
      const first = sim.contact(start, {
        themeId: 'domestic-abuse',
        scope,
        source: '6',
        decision: 'referral',
      })!
      const ep1 = sim.referral(first, { team: 'assessment', path: 'nfa', assessmentWd: 25 })
      const again = Math.max(ep1.closure.day + 60, REF - 60)
      const second = sim.contact(again, {
        themeId: 'domestic-abuse',
        scope,
        source: '6',
        decision: 'referral',
      })!
      const ep2 = sim.referral(second, { ...open, path: 'cin', assessmentWd: 40 })
      ep2.faults.set('no-oversight', ep2.day)
      break
    }
  }
  return sim.t
}
