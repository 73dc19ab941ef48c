import { beforeAll, describe, expect, it } from 'vitest'
import { toDayNumber } from '../src/domain/calendar/iso-date.ts'
import { seedJourneyContext } from './generate.ts'
import { generateJourneys, type JourneyRows, SEED_REFERENCE_DATE } from './journeys.ts'

// Children in care, permanence and care leavers (journeys/care.ts, care-emit.ts): the rules the services
// enforce hold for every generated child, the same seed gives the same care, and a mid authority has about
// 340 children looked after at a time with the DfE's mix of ages, routes and endings (figures.md).

const REF = SEED_REFERENCE_DATE
const day = (d: string | null | undefined) => toDayNumber(d!)

function generate(size: 'demo' | 'mid', seed = 1): JourneyRows {
  return generateJourneys(seedJourneyContext({ size, seed })).rows
}

function byPerson<T extends { personId?: number | null }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const row of rows) {
    const list = map.get(row.personId!) ?? []
    list.push(row)
    map.set(row.personId!, list)
  }
  return map
}

const CARE_TABLES = [
  'period_of_care',
  'legal_status',
  'placement',
  'lac_review',
  'health_record',
  'missing_episode',
  'permanence_plan',
  'adoption_case',
  'care_leaver_contact',
] as const

/** The rules the looked-after services enforce, checked over every generated child. */
function checkInvariants(rows: JourneyRows): string[] {
  const problems: string[] = []
  const periods = byPerson(rows.period_of_care)
  const statuses = byPerson(rows.legal_status)
  const places = byPerson(rows.placement)
  const dob = new Map(rows.person.map((p) => [p.id!, p.dateOfBirth]))
  const within = (personId: number, date: string) =>
    (periods.get(personId) ?? []).find((c) => c.startDate <= date && (c.endDate == null || date <= c.endDate))
  for (const [personId, list] of periods) {
    const sorted = [...list].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
    sorted.forEach((c, i) => {
      const next = sorted[i + 1]
      if (next && (c.endDate == null || c.endDate >= next.startDate))
        problems.push(`${personId}: periods overlap`)
      if (c.endDate != null && c.endDate > REF)
        problems.push(`${personId}: care ends after the reference date`)
      if (c.endDate != null && !c.reasonCeased) problems.push(`${personId}: care ended with no reason`)
      if (c.startDate < dob.get(personId)!) problems.push(`${personId}: in care before birth`)
      for (const [kind, rowsOf] of [
        ['legal status', statuses.get(personId) ?? []],
        ['placement', places.get(personId) ?? []],
      ] as const) {
        const own = rowsOf
          .filter((x) => x.periodOfCareId === c.id)
          .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
        if (own[0]?.startDate !== c.startDate)
          problems.push(`${personId}: first ${kind} not on the day care began`)
        own.forEach((x, k) => {
          const after = own[k + 1]
          if (x.startDate < c.startDate) problems.push(`${personId}: ${kind} before care began`)
          if (after && (x.endDate == null || x.endDate >= after.startDate))
            problems.push(`${personId}: ${kind}s overlap`)
          if (!after && (x.endDate ?? null) !== (c.endDate ?? null))
            problems.push(`${personId}: last ${kind} does not end with care`)
        })
      }
    })
  }
  // A placement with parents is never under section 20; a placement for adoption under a placement order
  // needs the placement order first.
  for (const p of rows.placement) {
    const ls = (statuses.get(p.personId!) ?? [])
      .filter((l) => l.periodOfCareId === p.periodOfCareId && l.startDate <= p.startDate)
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
      .at(-1)?.code
    if (p.placementType === 'P1' && (ls === 'V2' || p.provider !== 'PR0'))
      problems.push(`${p.personId}: P1 under ${ls} by ${p.provider}`)
    if ((p.placementType === 'A5' || p.placementType === 'A6') && ls !== 'E1')
      problems.push(`${p.personId}: placed for adoption under ${ls}`)
    if (
      p.endDate != null &&
      p.reasonForChange == null &&
      p.endDate !== within(p.personId!, p.startDate)?.endDate
    )
      problems.push(`${p.personId}: a placement change with no reason`)
  }
  for (const a of rows.adoption_case) {
    const order = a.adoptionOrderOn
    if (order) {
      if (!a.placementOrderOn || a.placementOrderOn > order)
        problems.push(`${a.personId}: adoption order without placement order`)
      if (!a.placedOn || a.placedOn > order) problems.push(`${a.personId}: adoption order before placement`)
      if (!a.matchedOn || a.matchedOn >= order) problems.push(`${a.personId}: adoption order before match`)
    }
    if (a.placementOrderOn && a.placementOrderOn < a.shouldBePlacedOn)
      problems.push(`${a.personId}: order before ADM`)
    if (a.matchedOn && (!a.matchingPanelOn || a.matchingPanelOn > a.matchedOn))
      problems.push(`${a.personId}: match before panel`)
    if (a.placedOn && (!a.matchedOn || a.placedOn < a.matchedOn))
      problems.push(`${a.personId}: placed before match`)
  }
  for (const r of rows.lac_review)
    if (!within(r.personId!, r.heldOn)) problems.push(`${r.personId}: review outside care`)
  for (const v of rows.visit)
    if (v.kind === 'statutory-looked-after' && !within(v.personId!, v.visitedOn))
      problems.push(`${v.personId}: statutory visit outside care`)
  for (const m of rows.missing_episode) {
    if (m.endedAt && m.endedAt < m.startedAt)
      problems.push(`${m.personId}: missing episode ends before it starts`)
    if (!within(m.personId!, String(m.startedAt).slice(0, 10)))
      problems.push(`${m.personId}: missing outside care`)
  }
  for (const c of rows.care_leaver_contact) {
    const left = (periods.get(c.personId!) ?? []).some((p) => p.endDate != null && p.endDate < c.contactedOn)
    if (!left) problems.push(`${c.personId}: care leaver contact before leaving care`)
    if (c.contactedOn > REF) problems.push(`${c.personId}: contact after the reference date`)
  }
  return problems
}

describe('looked-after children: the demo authority', () => {
  let rows: JourneyRows
  beforeAll(() => {
    rows = generate('demo')
  }, 60_000)

  it('has a few dozen children in care, with every route the pages show', () => {
    const open = rows.period_of_care.filter((p) => p.endDate == null)
    expect(open.length).toBeGreaterThan(20)
    expect(open.length).toBeLessThan(80)
    const recs = new Set(rows.period_of_care.map((p) => p.reasonCeased))
    for (const rec of ['E11', 'E45', 'E4A', 'E5']) expect(recs, rec).toContain(rec)
    expect(rows.special_guardianship_order.length).toBeGreaterThan(0)
    expect(rows.adoption_case.some((a) => a.adoptionOrderOn && a.sealedOn)).toBe(true)
    // Some children still waiting for a family long after the placement order.
    expect(rows.adoption_case.some((a) => a.placementOrderOn && !a.matchedOn)).toBe(true)
    expect(rows.person.some((p) => p.uasc)).toBe(true)
    expect(rows.care_leaver_contact.length).toBeGreaterThan(20)
    expect(rows.missing_episode.some((m) => m.returnInterviewOfferedAt === null)).toBe(true)
    expect(rows.plan.some((p) => p.kind === 'pathway')).toBe(true)
  })

  it('keeps every rule the services enforce', () => {
    expect(checkInvariants(rows)).toEqual([])
  })

  it('seals adopted children, granting only the adoption team', () => {
    const sealed = rows.person.filter((p) => p.accessRestriction === 'sealed').map((p) => p.id)
    const adopted = rows.adoption_case.filter((a) => a.adoptionOrderOn).map((a) => a.personId)
    expect(new Set(sealed)).toEqual(new Set(adopted))
    for (const id of sealed) expect(rows.record_access_grant.some((g) => g.personId === id)).toBe(true)
  })

  it('is deterministic: the same seed gives the same care, another seed other care', () => {
    const again = generate('demo')
    const other = generate('demo', 2)
    for (const table of CARE_TABLES)
      expect(JSON.stringify(again[table]), table).toBe(JSON.stringify(rows[table]))
    expect(JSON.stringify(other.placement)).not.toBe(JSON.stringify(rows.placement))
  }, 60_000)
})

describe('looked-after children: proportions of a mid-sized authority (in memory)', () => {
  let rows: JourneyRows
  beforeAll(() => {
    rows = generate('mid')
  }, 120_000)

  const inCareOn = (date: string) =>
    rows.period_of_care.filter((p) => p.startDate <= date && (p.endDate == null || p.endDate > date))

  it('keeps every rule the services enforce', () => {
    expect(checkInvariants(rows)).toEqual([])
  })

  it('has about 340 children looked after at 31 March, teenagers over-represented, some UASC', () => {
    const now = inCareOn('2026-03-31')
    expect(now.length).toBeGreaterThan(280)
    expect(now.length).toBeLessThan(420)
    const dob = new Map(rows.person.map((p) => [p.id!, p.dateOfBirth!]))
    const age = (id: number) => Math.floor((day('2026-03-31') - day(dob.get(id))) / 365.25)
    const teens = now.filter((p) => age(p.personId!) >= 10).length
    expect(teens / now.length).toBeGreaterThan(0.5)
    expect(now.some((p) => age(p.personId!) < 5)).toBe(true)
    const uasc = new Set(rows.person.filter((p) => p.uasc).map((p) => p.id))
    const share = now.filter((p) => uasc.has(p.personId!)).length / now.length
    expect(share).toBeGreaterThan(0.02)
    expect(share).toBeLessThan(0.15)
  })

  it('starts and ends about as many as a borough like Trafford, some adopted, some under special guardianship', () => {
    const started = rows.period_of_care.filter(
      (p) => p.startDate >= '2025-04-01' && p.startDate <= '2026-03-31',
    )
    expect(started.length).toBeGreaterThan(80)
    expect(started.length).toBeLessThan(200)
    const adopted = rows.period_of_care.filter((p) => p.reasonCeased === 'E11' || p.reasonCeased === 'E12')
    const sgo = rows.period_of_care.filter((p) => ['E45', 'E46', 'E47', 'E48'].includes(p.reasonCeased ?? ''))
    expect(adopted.length).toBeGreaterThan(10)
    expect(sgo.length).toBeGreaterThan(10)
    // Children wait: the longest from placement order to match is over a year.
    const waits = rows.adoption_case
      .filter((a) => a.placementOrderOn && a.matchedOn)
      .map((a) => day(a.matchedOn) - day(a.placementOrderOn))
    expect(Math.max(...waits)).toBeGreaterThan(365)
  })

  it('has a social worker allocated to every child in care at 31 March (903 SW17STG2)', () => {
    const allocations = byPerson(
      rows.allocation.filter((a) => a.kind === 'social-worker' && a.workerId != null),
    )
    const date = '2026-03-31'
    const without = inCareOn(date).filter(
      (p) =>
        !(allocations.get(p.personId!) ?? []).some(
          (a) => a.startedOn <= date && (a.endedOn == null || a.endedOn >= date),
        ),
    )
    expect(without.map((p) => p.personId)).toEqual([])
  })

  it('moves most children at most once a year, a few many times', () => {
    const places = byPerson(rows.placement)
    let settled = 0
    let unstable = 0
    const inYear = inCareOn('2025-04-01').filter((p) => p.endDate == null || p.endDate > '2026-03-31')
    for (const p of inYear) {
      const n = (places.get(p.personId!) ?? []).filter(
        (x) => x.startDate <= '2026-03-31' && (x.endDate == null || x.endDate >= '2025-04-01'),
      ).length
      if (n <= 2) settled++
      if (n >= 4) unstable++
    }
    expect(settled / inYear.length).toBeGreaterThan(0.75)
    expect(unstable).toBeGreaterThan(0)
  })

  it('has about one child in ten with 3 or more placements in the year, and no career past 20', () => {
    const places = byPerson(rows.placement)
    const now = inCareOn('2026-03-31')
    const threeOrMore = now.filter(
      (p) =>
        (places.get(p.personId!) ?? []).filter(
          (x) => x.startDate <= '2026-03-31' && (x.endDate == null || x.endDate >= '2025-04-01'),
        ).length >= 3,
    ).length
    expect(threeOrMore / now.length).toBeGreaterThan(0.05)
    expect(threeOrMore / now.length).toBeLessThan(0.15)
    // Moves slow down over a long career: some long careers have many placements, none dozens.
    const careers = [...places.values()].map((list) => list.length)
    expect(Math.max(...careers)).toBeGreaterThanOrEqual(8)
    expect(Math.max(...careers)).toBeLessThanOrEqual(20)
  })

  it('reviews within 20 working days of care starting, mostly, and visits at the regulation intervals', () => {
    const reviews = byPerson(rows.lac_review)
    const recent = rows.period_of_care.filter(
      (p) => p.startDate >= '2021-01-01' && (p.endDate ?? REF) > p.startDate,
    )
    let onTime = 0
    let counted = 0
    for (const p of recent) {
      const first = (reviews.get(p.personId!) ?? []).filter((r) => r.periodOfCareId === p.id)[0]
      if (!first) continue
      counted++
      if (day(first.heldOn) - day(p.startDate) <= 31) onTime++
    }
    expect(onTime / counted).toBeGreaterThan(0.8)
    expect(onTime).toBeLessThan(counted)
  })
})
