import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, queryRows } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { allocation, person, userAccount } from '../src/db/schema/index.ts'
import { toDayNumber } from '../src/domain/calendar/iso-date.ts'
import { addWorkingDays, workingDaysBetween } from '../src/domain/calendar/working-days.ts'
import { isValidUpn } from '../src/domain/identifiers/upn.ts'
import { seedAuthority, seededScenarioChildren, seedJourneyContext } from './generate.ts'
import {
  generateJourneys,
  type JourneyChunk,
  type JourneyRows,
  SCENARIOS,
  type Scenario,
  SEED_REFERENCE_DATE,
} from './journeys.ts'

const REF = SEED_REFERENCE_DATE
const day = (d: unknown) => toDayNumber(String(d).slice(0, 10))
const open = (end: unknown) => end === null || end === undefined

function generate(size: 'demo' | 'mid', seed = 1): JourneyChunk {
  return generateJourneys(seedJourneyContext({ size, seed }))
}

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length
}

/** Referrals that follow another referral of the same child within 12 months (DfE re-referral measure). */
function reReferralRate(rows: JourneyRows, from: string): number {
  const byChild = new Map<number, string[]>()
  for (const r of rows.referral) {
    const list = byChild.get(r.personId!) ?? []
    list.push(r.referralDate as string)
    byChild.set(r.personId!, list)
  }
  const counted = rows.referral.filter((r) => (r.referralDate as string) >= from)
  const re = counted.filter((r) =>
    byChild
      .get(r.personId!)!
      .some((d) => d < (r.referralDate as string) && day(r.referralDate) - day(d) <= 365),
  )
  return re.length / counted.length
}

describe('journeys: the demo authority in memory', () => {
  let demo: JourneyChunk
  beforeAll(() => {
    demo = generate('demo')
  })

  it('is deterministic: the same size and seed give the same rows, another seed others', () => {
    const again = generate('demo')
    expect(again.scenarios).toEqual(demo.scenarios)
    for (const table of Object.keys(demo.rows) as (keyof JourneyRows)[])
      expect(again.rows[table], table).toEqual(demo.rows[table])
    const other = generate('demo', 2)
    expect(other.rows.person.slice(0, 50)).not.toEqual(demo.rows.person.slice(0, 50))
  })

  it('is a few hundred children with journeys', () => {
    const withContact = new Set(demo.rows.contact.map((c) => c.personId))
    expect(withContact.size).toBeGreaterThan(200)
    expect(withContact.size).toBeLessThan(1000)
    expect(demo.rows.referral.filter((r) => open(r.closureDate)).length).toBeGreaterThan(30)
  })

  it('holds together: every reference points at a row, and dates run in order', () => {
    const { rows } = demo
    const ids = <T extends { id?: number }>(list: T[]) => new Set(list.map((r) => r.id))
    const people = ids(rows.person)
    for (const [table, list] of Object.entries(rows))
      for (const row of list as { personId?: number }[])
        if (row.personId !== undefined) expect(people.has(row.personId), `${table}.personId`).toBe(true)
    for (const r of rows.relationship) expect(people.has(r.relatedPersonId!)).toBe(true)
    // Ids are unique within each table.
    for (const [table, list] of Object.entries(rows)) {
      const seen = (list as { id?: number }[]).filter((r) => r.id !== undefined).map((r) => r.id)
      expect(new Set(seen).size, table).toBe(seen.length)
    }
    const contacts = new Map(rows.contact.map((c) => [c.id, c]))
    const referrals = new Map(rows.referral.map((r) => [r.id, r]))
    for (const r of rows.referral) {
      if (r.contactId != null) {
        expect(contacts.get(r.contactId)?.personId).toBe(r.personId)
        expect(String(contacts.get(r.contactId)!.receivedAt).slice(0, 10) <= (r.referralDate as string)).toBe(
          true,
        )
      }
      if (r.closureDate) expect(r.closureDate >= r.referralDate!).toBe(true)
      if (r.closureDate) expect(r.closureSignedOffBy).not.toBeNull()
      expect(r.referralDate! <= REF).toBe(true)
    }
    for (const a of rows.assessment) {
      const r = referrals.get(a.referralId)!
      expect(r.personId).toBe(a.personId)
      expect(a.startDate! >= r.referralDate!).toBe(true)
      if (a.authorisedOn) expect(a.authorisedOn >= a.startDate!).toBe(true)
    }
    const assessments = ids(rows.assessment)
    for (const f of rows.assessment_factor) expect(assessments.has(f.assessmentId)).toBe(true)
    const strategies = ids(rows.strategy_discussion)
    for (const s of rows.section47) expect(strategies.has(s.strategyDiscussionId!)).toBe(true)
    const cpPlans = new Map(rows.cp_plan.map((p) => [p.id, p]))
    for (const p of rows.cp_plan) {
      expect(referrals.get(p.referralId)?.personId).toBe(p.personId)
      if (p.endDate) expect(p.endDate >= p.startDate!).toBe(true)
    }
    for (const c of rows.cp_conference) if (c.cpPlanId != null) expect(cpPlans.has(c.cpPlanId)).toBe(true)
    for (const g of rows.core_group) expect(cpPlans.has(g.cpPlanId)).toBe(true)
    const plans = new Map(rows.plan.map((p) => [p.id, p]))
    const actions = ids(rows.plan_action)
    for (const p of rows.plan) {
      if (p.endDate) expect(p.endDate >= p.startDate!).toBe(true)
      if (p.previousPlanId != null) expect(plans.has(p.previousPlanId)).toBe(true)
      if (p.cpPlanId != null) expect(cpPlans.has(p.cpPlanId)).toBe(true)
    }
    for (const a of rows.plan_action) {
      expect(plans.has(a.planId)).toBe(true)
      if (a.carriedFromActionId != null) expect(actions.has(a.carriedFromActionId)).toBe(true)
    }
    for (const e of rows.early_help_episode) {
      if (e.steppedUpTo != null) expect(referrals.has(e.steppedUpTo)).toBe(true)
      if (e.steppedDownFrom != null) expect(referrals.has(e.steppedDownFrom)).toBe(true)
      if (e.endedOn) expect(e.endedOn >= e.startedOn!).toBe(true)
    }
    for (const a of rows.allocation) if (a.endedOn) expect(a.endedOn >= a.startedOn!).toBe(true)
    // Nothing happens after the reference date.
    for (const v of rows.visit) expect(v.visitedOn! <= REF).toBe(true)
    for (const n of rows.case_note) expect(n.occurredOn! <= REF).toBe(true)
    for (const o of rows.oversight) expect(o.recordedOn! <= REF).toBe(true)
    for (const c of rows.contact) expect(String(c.receivedAt).slice(0, 10) <= REF).toBe(true)
  })

  it('keeps one whole snapshot per plan version, the last matching the plan', () => {
    const { rows } = demo
    const versions = new Map<number, { version: number; snapshot: unknown }[]>()
    for (const v of rows.plan_version) {
      const list = versions.get(v.planId) ?? []
      list.push({ version: v.version!, snapshot: v.snapshot })
      versions.set(v.planId, list)
    }
    const actionsByPlan = new Map<number, number>()
    for (const a of rows.plan_action) actionsByPlan.set(a.planId, (actionsByPlan.get(a.planId) ?? 0) + 1)
    for (const p of rows.plan) {
      const list = versions.get(p.id!)!
      expect(list.map((v) => v.version)).toEqual(Array.from({ length: list.length }, (_, i) => i + 1))
      expect(p.version).toBe(list.length)
      const last = list[list.length - 1]!.snapshot as {
        version: number
        endDate: string | null
        actions: unknown[]
        outcomes: unknown[]
      }
      expect(last.version).toBe(p.version)
      expect(last.endDate).toBe(p.endDate)
      expect(last.outcomes.length).toBeGreaterThan(0)
      expect(last.actions.length).toBeLessThanOrEqual(actionsByPlan.get(p.id!) ?? 0)
    }
  })

  it('gives each person plausible identifiers', () => {
    for (const p of demo.rows.person) {
      if (p.nhsNumber) expect(p.nhsNumber).toMatch(/^999\d{7}$/)
      if (p.upn) expect(isValidUpn(p.upn)).toBe(true)
      if (p.upn) expect(p.upn).toMatch(/^[A-Z]358\d{9}$/)
      if (!p.dateOfBirth) {
        expect(p.expectedDateOfBirth! > REF).toBe(true)
        expect(p.sex).toBe('U')
      }
    }
  })

  it('gives every child at school a unique UPN or the reason there is none, and a disability status', () => {
    const children = new Set(demo.rows.referral.map((r) => r.personId))
    const upns = demo.rows.person.filter((p) => p.upn).map((p) => p.upn)
    expect(new Set(upns).size).toBe(upns.length)
    const disabilities = new Map<number, string[]>()
    for (const d of demo.rows.person_disability)
      disabilities.set(d.personId, [...(disabilities.get(d.personId) ?? []), d.code])
    // Children in school by the reference date (started in September 2026 or before).
    const inSchool = (dob: string) => dob <= '2022-08-31'
    for (const p of demo.rows.person) {
      if (!children.has(p.id!)) continue
      if (p.dateOfBirth && inSchool(p.dateOfBirth as string))
        expect(p.upn ?? p.upnUnknown, `child ${p.id}`).toMatch(/^([A-Z]358\d{9}|UN[2-7])$/)
      else expect(p.upnUnknown).toBe('UN1')
      const codes = disabilities.get(p.id!) ?? []
      if (p.dateOfBirth) expect(codes.length, `child ${p.id}`).toBeGreaterThan(0)
      if (codes.includes('NONE')) expect(codes).toEqual(['NONE'])
    }
    const disabled = [...disabilities.values()].filter((c) => !c.includes('NONE'))
    expect(disabled.length / disabilities.size).toBeGreaterThan(0.07)
    expect(disabled.length / disabilities.size).toBeLessThan(0.18)
    expect(disabled.some((c) => c.length > 1)).toBe(true)
  })

  it('gives every row of a table the same columns (bulkInsert writes the columns of its first row)', () => {
    for (const [table, list] of Object.entries(demo.rows) as [string, object[]][]) {
      if (list.length === 0) continue
      const columns = Object.keys(list[0]!).sort().join()
      for (const row of list) expect(Object.keys(row).sort().join(), table).toBe(columns)
    }
  })
})

describe('journeys: proportions of a mid-sized authority (in memory)', () => {
  let rows: JourneyRows
  beforeAll(() => {
    rows = generate('mid').rows
  }, 120_000)

  const since = '2021-04-01' // after the first year, when the history has built up
  const years = (toDayNumber(REF) - toDayNumber(since)) / 365.25

  it('has about 2,600 referrals and 8,000 contacts a year', () => {
    const referrals = rows.referral.filter((r) => (r.referralDate as string) >= since).length / years
    const contacts = rows.contact.filter((c) => String(c.receivedAt) >= since).length / years
    expect(referrals).toBeGreaterThan(2_300)
    expect(referrals).toBeLessThan(3_000)
    expect(contacts).toBeGreaterThan(7_000)
    expect(contacts).toBeLessThan(9_000)
  })

  it('re-refers about 22% of referrals within 12 months', () => {
    const rate = reReferralRate(rows, since)
    expect(rate).toBeGreaterThan(0.18)
    expect(rate).toBeLessThan(0.26)
  })

  it('takes contacts mostly from the police and schools', () => {
    const police = share(rows.contact, (c) => c.source === '6')
    const schools = share(rows.contact, (c) => c.source === '2A')
    expect(police).toBeGreaterThan(0.24)
    expect(police).toBeLessThan(0.32)
    expect(schools).toBeGreaterThan(0.17)
    expect(schools).toBeLessThan(0.25)
  })

  it('has abuse or neglect as the most common need, and the DfE mix of closure reasons', () => {
    const needs = new Map<string, number>()
    for (const r of rows.referral) needs.set(r.primaryNeed!, (needs.get(r.primaryNeed!) ?? 0) + 1)
    const top = [...needs].sort((a, b) => b[1] - a[1])[0]![0]
    expect(top).toBe('N1')
    const reasons = new Set(rows.referral.map((r) => r.closureReason).filter(Boolean))
    for (const code of ['RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9'])
      expect(reasons.has(code), code).toBe(true)
    expect(share(rows.referral, (r) => r.noFurtherAction === true)).toBeGreaterThan(0.04)
  })

  it('assesses in about 33 working days on average, most within 45', () => {
    const referrals = new Map(rows.referral.map((r) => [r.id, r]))
    const days = rows.assessment
      .filter((a) => a.authorisedOn)
      .map((a) =>
        workingDaysBetween(referrals.get(a.referralId)!.referralDate as string, a.authorisedOn as string),
      )
    const mean = days.reduce((s, d) => s + d, 0) / days.length
    expect(mean).toBeGreaterThan(28)
    expect(mean).toBeLessThan(36)
    expect(share(days, (d) => d <= 45)).toBeGreaterThan(0.8)
    // Parental mental health and domestic abuse are the most common factors.
    const factors = new Map<string, number>()
    for (const f of rows.assessment_factor) factors.set(f.code, (factors.get(f.code) ?? 0) + 1)
    const top2 = [...factors]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([c]) => c)
    expect(top2.sort()).toEqual(['3B', '4B'])
    // Identity and the child's views are recorded for most.
    expect(share(rows.assessment, (a) => a.identityAndCulture != null)).toBeGreaterThan(0.8)
    expect(share(rows.assessment, (a) => a.childsViews != null)).toBeGreaterThan(0.8)
  })

  it('starts section 47 enquiries for ~37% of referrals and conferences for ~1 in 3 of those, mostly in 15 working days', () => {
    expect(rows.section47.length / rows.referral.length).toBeGreaterThan(0.32)
    expect(rows.section47.length / rows.referral.length).toBeLessThan(0.42)
    const initial = rows.cp_conference.filter((c) => c.kind === 'initial')
    expect(initial.length / rows.section47.length).toBeGreaterThan(0.24)
    expect(initial.length / rows.section47.length).toBeLessThan(0.4)
    const s47s = new Map(rows.section47.map((s) => [s.id, s]))
    const strategies = new Map(rows.strategy_discussion.map((s) => [s.id, s]))
    const within15 = share(initial, (c) => {
      const s47 = s47s.get(c.section47Id!)!
      const sd = strategies.get(s47.strategyDiscussionId!)!
      return c.heldOn! <= addWorkingDays(sd.heldOn as string, 15)
    })
    expect(within15).toBeGreaterThan(0.75)
  })

  it('has about 210 children on plans at any time, lasting as the 2025 plans did, neglect most common', () => {
    const current = rows.cp_plan.filter((p) => open(p.endDate)).length
    expect(current).toBeGreaterThan(160)
    expect(current).toBeLessThan(300)
    // Plans started early enough to have ended whatever their length (none censored below two years).
    const cutoff = toDayNumber(REF) - 760
    const ended = rows.cp_plan.filter((p) => day(p.startDate) <= cutoff && p.endDate)
    const bands = [0, 0, 0, 0, 0]
    for (const p of ended) {
      const d = day(p.endDate) - day(p.startDate)
      bands[d <= 91 ? 0 : d <= 182 ? 1 : d <= 365 ? 2 : d <= 730 ? 3 : 4]!++
    }
    const expected = [15.9, 11.0, 43.5, 25.2, 4.4]
    bands.forEach((n, i) => {
      expect(Math.abs((n / ended.length) * 100 - expected[i]!), `band ${i}`).toBeLessThan(5)
    })
    const categories = new Map<string, number>()
    for (const p of rows.cp_plan)
      categories.set(p.initialCategory!, (categories.get(p.initialCategory!) ?? 0) + 1)
    const order = [...categories].sort((a, b) => b[1] - a[1]).map(([c]) => c)
    expect(order[0]).toBe('NEG')
    expect(order[1]).toBe('EMO')
    expect(new Set(order)).toEqual(new Set(['NEG', 'EMO', 'PHY', 'SAB', 'MUL']))
    // Repeat plans: some children have a second plan.
    const plansPerChild = new Map<number, number>()
    for (const p of rows.cp_plan) plansPerChild.set(p.personId!, (plansPerChild.get(p.personId!) ?? 0) + 1)
    expect([...plansPerChild.values()].some((n) => n > 1)).toBe(true)
  })

  it('visits children on plans: CP about every 10 working days, seen alone on most visits', () => {
    const cpVisits = new Map<number, string[]>()
    for (const v of rows.visit)
      if (v.kind === 'cp')
        cpVisits.set(v.personId!, [...(cpVisits.get(v.personId!) ?? []), v.visitedOn as string])
    const gaps: number[] = []
    for (const days of cpVisits.values()) {
      days.sort()
      for (let i = 1; i < days.length; i++) gaps.push(workingDaysBetween(days[i - 1]!, days[i]!))
    }
    gaps.sort((a, b) => a - b)
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThanOrEqual(7)
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThanOrEqual(11)
    const old = rows.visit.filter((v) => v.childSeen)
    expect(share(old, (v) => v.childSeenAlone === true)).toBeGreaterThan(0.5)
  })

  it('spreads open cases at 10-25 children per full-time social worker', () => {
    const ctx = seedJourneyContext({ size: 'mid', seed: 1 })
    const kindOf = new Map(ctx.plan.teams.map((t) => [t.id, t.kind]))
    const load = new Map<number, number>()
    for (const a of rows.allocation)
      if (open(a.endedOn) && a.kind === 'social-worker' && a.workerId != null)
        load.set(a.workerId, (load.get(a.workerId) ?? 0) + 1)
    const byKind = new Map<string, { cases: number; fte: number }>()
    for (const w of ctx.plan.workers) {
      const kind = kindOf.get(w.teamId)!
      if (!['assessment', 'support-and-protect', 'disabled-children'].includes(kind) || !w.caseHolding)
        continue
      if (w.lineManagerId === null || !load.has(w.id)) continue
      const k = byKind.get(kind) ?? { cases: 0, fte: 0 }
      k.cases += load.get(w.id)!
      k.fte += w.fte
      byKind.set(kind, k)
    }
    expect(byKind.size).toBe(3)
    for (const [kind, { cases, fte }] of byKind) {
      expect(cases / fte, kind).toBeGreaterThan(10)
      expect(cases / fte, kind).toBeLessThan(25)
    }
    // No worker is far above the rest.
    for (const [workerId, n] of load) {
      const w = ctx.plan.workers.find((x) => x.id === workerId)!
      if (kindOf.get(w.teamId) === 'support-and-protect') expect(n / w.fte).toBeLessThan(30)
    }
  })
})

describe('journeys: the scenarios inspectors look for', () => {
  let chunk: JourneyChunk
  beforeAll(() => {
    chunk = generate('demo')
  })
  const ref = toDayNumber(REF)

  function childRows(personId: number) {
    const { rows } = chunk
    const mine = <T extends { personId?: number }>(list: T[]) => list.filter((r) => r.personId === personId)
    return {
      referrals: mine(rows.referral).sort((a, b) => day(a.referralDate) - day(b.referralDate)),
      assessments: mine(rows.assessment),
      plans: mine(rows.plan),
      cpPlans: mine(rows.cp_plan).sort((a, b) => day(a.startDate) - day(b.startDate)),
      actions: rows.plan_action.filter((a) => mine(rows.plan).some((p) => p.id === a.planId)),
      visits: mine(rows.visit).sort((a, b) => day(a.visitedOn) - day(b.visitedOn)),
      reviews: mine(rows.plan_review).sort((a, b) => day(a.heldOn) - day(b.heldOn)),
      oversight: mine(rows.oversight),
      events: mine(rows.significant_event),
      person: rows.person.find((p) => p.id === personId)!,
    }
  }

  const checks: Record<Scenario, (c: ReturnType<typeof childRows>) => void> = {
    'assessment-out-of-timescale': (c) => {
      const r = c.referrals.at(-1)!
      expect(r.closureDate).toBeNull()
      expect(workingDaysBetween(r.referralDate as string, REF)).toBeGreaterThan(45)
      const a = c.assessments.find((x) => x.referralId === r.id)!
      expect(a.authorisedOn).toBeNull()
      expect(a.extensionReason).toBeNull()
    },
    'cin-plan-not-updated-after-change': (c) => {
      const change = c.events.find((e) => e.category === 'household-change')!
      const plan = c.plans.find((p) => p.kind === 'child-in-need' && open(p.endDate))!
      expect(String(plan.updatedAt).slice(0, 10) < (change.occurredOn as string)).toBe(true)
      expect(c.reviews.filter((r) => r.planId === plan.id && r.heldOn! >= change.occurredOn!)).toHaveLength(0)
      expect(day(plan.nextReviewDue)).toBeLessThan(ref)
    },
    'cp-step-down-open-actions': (c) => {
      const cp = c.cpPlans.at(-1)!
      expect(cp.endReason).toBe('step-down-cin')
      const cpPlan = c.plans.find((p) => p.cpPlanId === cp.id)!
      expect(cpPlan.endDate).not.toBeNull()
      expect(c.actions.filter((a) => a.planId === cpPlan.id && a.status === 'open').length).toBeGreaterThan(0)
      const cin = c.plans.find((p) => p.kind === 'child-in-need' && open(p.endDate))!
      expect(c.actions.filter((a) => a.planId === cin.id && a.carriedFromActionId != null)).toHaveLength(0)
    },
    'closure-without-rationale': (c) => {
      const r = c.referrals.at(-1)!
      expect(r.closureProposedOn).not.toBeNull()
      expect(r.closureReason).not.toBeNull()
      expect(r.closureRationale).toBeNull()
      expect(r.closureDate).toBeNull()
    },
    'not-seen-alone': (c) => {
      const recent = c.visits.slice(-4)
      expect(recent).toHaveLength(4)
      expect(recent.every((v) => !v.childSeenAlone)).toBe(true)
      expect(day(recent[0]!.visitedOn)).toBeGreaterThan(ref - 200)
    },
    'views-not-sought': (c) => {
      const last = c.reviews.slice(-2)
      expect(last).toHaveLength(2)
      for (const r of last) {
        expect(r.childContribution).toBe('not-sought')
        expect(r.childsViews).toBeNull()
      }
    },
    'plan-actions-overdue': (c) => {
      const plan = c.plans.find((p) => open(p.endDate))!
      const overdue = c.actions.filter(
        (a) => a.planId === plan.id && a.status === 'open' && day(a.dueDate) < ref - 30,
      )
      expect(overdue.length).toBeGreaterThanOrEqual(2)
    },
    'no-management-oversight': (c) => {
      expect(c.referrals.at(-1)!.closureDate).toBeNull()
      expect(c.oversight.length).toBeGreaterThan(0)
      expect(c.oversight.every((o) => day(o.recordedOn) < ref - 150)).toBe(true)
    },
    'repeat-cp-plan': (c) => {
      expect(c.cpPlans.length).toBeGreaterThanOrEqual(2)
      const [first, second] = c.cpPlans.slice(-2) as [(typeof c.cpPlans)[0], (typeof c.cpPlans)[0]]
      expect(second.endDate).toBeNull()
      expect(day(second.startDate) - day(first.endDate)).toBeLessThan(730)
      expect(c.oversight.filter((o) => o.recordedOn! >= second.startDate!)).toHaveLength(0)
    },
    're-referral': (c) => {
      const [a, b] = c.referrals.slice(-2) as [(typeof c.referrals)[0], (typeof c.referrals)[0]]
      expect(a.closureDate).not.toBeNull()
      expect(day(b.referralDate) - day(a.referralDate)).toBeLessThanOrEqual(365)
      expect(b.closureDate).toBeNull()
      expect(c.oversight.filter((o) => o.recordedOn! >= b.referralDate!)).toHaveLength(0)
    },
  }

  it('lists every scenario, each for real children', () => {
    const found = new Set(chunk.scenarios.map((s) => s.scenario))
    expect([...found].sort()).toEqual([...SCENARIOS].sort())
    expect(seededScenarioChildren({ size: 'demo', seed: 1 })).toEqual(chunk.scenarios)
  })

  for (const scenario of SCENARIOS)
    it(`shows ${scenario} in the record`, () => {
      for (const { personId } of chunk.scenarios.filter((s) => s.scenario === scenario))
        checks[scenario](childRows(personId))
    })
})

describe('journeys: seeded into a fresh PGlite database', () => {
  it('writes the demo authority, with working identity sequences and the demo social worker holding cases', async () => {
    const database = await openDatabase({})
    try {
      await migrateDatabase(database)
      const started = performance.now()
      const summary = await seedAuthority(database.db, { size: 'demo', seed: 1 })
      const seconds = (performance.now() - started) / 1000
      console.log(`demo seed: ${summary.totalRows} rows in ${seconds.toFixed(1)} s`)
      const db = database.db
      for (const [table, count] of Object.entries(summary.rows)) {
        const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`))
        expect(row!.n, table).toBe(count)
      }
      for (const { personId } of seededScenarioChildren({ size: 'demo', seed: 1 })) {
        const found = await db.select({ id: person.id }).from(person).where(eq(person.id, personId))
        expect(found).toHaveLength(1)
      }
      // Identity sequences were moved past the generated ids.
      const [added] = await db
        .insert(person)
        .values({ givenName: 'New', familyName: 'Person' })
        .returning({ id: person.id })
      expect(added!.id).toBeGreaterThan(summary.rows.person!)
      const [sw] = await db
        .select({ workerId: userAccount.workerId })
        .from(userAccount)
        .where(eq(userAccount.username, 'socialworker'))
      const caseload = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${allocation} where worker_id = ${sw!.workerId} and ended_on is null`,
      )
      expect(caseload[0]!.n).toBeGreaterThan(5)
    } finally {
      await database.close()
    }
  }, 120_000)
})
