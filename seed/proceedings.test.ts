import { beforeAll, describe, expect, it } from 'vitest'
import { CARE_PROCEEDINGS_OUTCOMES } from '../src/db/schema/index.ts'
import { proceedingsTimetable } from '../src/rules/catalogue/care-proceedings-26-weeks.rule.ts'
import { seedJourneyContext } from './generate.ts'
import { generateJourneys, type JourneyRows, SEED_REFERENCE_DATE } from './journeys.ts'

// Care proceedings in the generator (journeys/proceedings.ts): every child whose care includes an interim
// care order has proceedings, they keep the rules the service enforces, and at a mid authority some run
// past 26 weeks with the court's extensions and a few open ones are past their timetable at the reference
// date (for the care-proceedings-26-weeks rule to find).

const REF = SEED_REFERENCE_DATE
let mid: JourneyRows

beforeAll(() => {
  mid = generateJourneys(seedJourneyContext({ size: 'mid', seed: 1 })).rows
})

/** The rules recordCareProceedings, recordExtension and recordOutcome enforce, over every generated row. */
function problemsOf(rows: JourneyRows): string[] {
  const problems: string[] = []
  const dob = new Map(rows.person.map((p) => [p.id!, p.dateOfBirth ?? null]))
  const firstIco = new Map<number, string>()
  for (const l of rows.legal_status)
    if (l.code === 'C1' && (!firstIco.has(l.personId!) || l.startDate! < firstIco.get(l.personId!)!))
      firstIco.set(l.personId!, l.startDate!)
  const byId = new Map(rows.care_proceedings.map((p) => [p.id!, p]))
  const perChild = new Map<number, number>()
  for (const p of rows.care_proceedings) {
    const who = `${p.personId} (${p.caseNumber})`
    perChild.set(p.personId!, (perChild.get(p.personId!) ?? 0) + 1)
    const ico = firstIco.get(p.personId!)
    if (!ico) problems.push(`${who}: proceedings without an interim care order`)
    else if (p.issuedOn! > ico) problems.push(`${who}: issued after the interim care order`)
    const born = dob.get(p.personId!)
    if (born && p.issuedOn! < born) problems.push(`${who}: issued before the child was born`)
    if (p.issuedOn! > REF) problems.push(`${who}: issued after the reference date`)
    if (p.preProceedingsOn && p.preProceedingsOn > p.issuedOn!) problems.push(`${who}: PLO after issue`)
    if ((p.outcome === null) !== (p.concludedOn === null)) problems.push(`${who}: outcome without a date`)
    if (p.outcome && !(CARE_PROCEEDINGS_OUTCOMES as readonly string[]).includes(p.outcome))
      problems.push(`${who}: unknown outcome ${p.outcome}`)
    if (p.concludedOn && (p.concludedOn < p.issuedOn! || p.concludedOn > REF))
      problems.push(`${who}: concluded ${p.concludedOn}, issued ${p.issuedOn}`)
    if (!/^[A-Z0-9][A-Z0-9 /-]{2,39}$/.test(p.caseNumber!)) problems.push(`${who}: case number`)
  }
  for (const [personId, n] of perChild) if (n > 1) problems.push(`${personId}: ${n} proceedings`)
  for (const personId of firstIco.keys())
    if (!perChild.has(personId)) problems.push(`${personId}: an interim care order with no proceedings`)
  for (const e of rows.care_proceedings_extension) {
    const p = byId.get(e.careProceedingsId!)
    if (!p) {
      problems.push(`extension ${e.id}: no proceedings`)
      continue
    }
    if (!(e.weeks! >= 1 && e.weeks! <= 8)) problems.push(`extension ${e.id}: ${e.weeks} weeks`)
    if (e.grantedOn! <= p.issuedOn! || e.grantedOn! > REF)
      problems.push(`extension ${e.id}: granted ${e.grantedOn}`)
    if (p.concludedOn && e.grantedOn! >= p.concludedOn)
      problems.push(`extension ${e.id}: after the conclusion`)
    if (e.reason!.split(/\s+/).length < 3) problems.push(`extension ${e.id}: no reason`)
  }
  return problems
}

describe('care proceedings in the generator', () => {
  it('gives every child with an interim care order one set of proceedings, keeping the service’s rules', () => {
    const demo = generateJourneys(seedJourneyContext({ size: 'demo', seed: 1 })).rows
    expect(demo.care_proceedings.length).toBeGreaterThan(10)
    expect(problemsOf(demo)).toEqual([])
    expect(problemsOf(mid)).toEqual([])
  })

  it('is the same for the same seed', () => {
    const again = generateJourneys(seedJourneyContext({ size: 'demo', seed: 1 })).rows
    const first = generateJourneys(seedJourneyContext({ size: 'demo', seed: 1 })).rows
    expect(again.care_proceedings).toEqual(first.care_proceedings)
    expect(again.care_proceedings_extension).toEqual(first.care_proceedings_extension)
  })

  it('gives brothers and sisters in the same proceedings one case number', () => {
    const byCase = new Map<string, Set<string>>()
    for (const p of mid.care_proceedings) {
      const issued = byCase.get(p.caseNumber!) ?? new Set()
      issued.add(p.issuedOn!)
      byCase.set(p.caseNumber!, issued)
    }
    const shared = [...byCase.values()].filter((s) => s.size === 1).length
    expect(shared / byCase.size).toBeGreaterThan(0.9)
    expect(mid.care_proceedings.length).toBeGreaterThan(byCase.size)
  })

  it('has some concluded within 26 weeks, more extended by the court, and a few open past their timetable', () => {
    const extensions = new Map<number, { grantedOn: string; weeks: number }[]>()
    for (const e of mid.care_proceedings_extension)
      extensions.set(e.careProceedingsId!, [
        ...(extensions.get(e.careProceedingsId!) ?? []),
        { grantedOn: e.grantedOn!, weeks: e.weeks! },
      ])
    let in26 = 0
    let extended = 0
    let overdueOpen = 0
    let open = 0
    for (const p of mid.care_proceedings) {
      const timetable = proceedingsTimetable(p.issuedOn!, extensions.get(p.id!) ?? [])
      if (p.concludedOn && p.concludedOn <= timetable.statutoryEnd) in26++
      else if (p.concludedOn && p.concludedOn <= timetable.end) extended++
      if (!p.concludedOn) {
        open++
        if (REF > timetable.end) overdueOpen++
      }
    }
    const concluded = mid.care_proceedings.length - open
    expect(in26 / concluded).toBeGreaterThan(0.1)
    expect(extended / concluded).toBeGreaterThan(0.3)
    expect(open).toBeGreaterThan(10)
    expect(overdueOpen).toBeGreaterThan(0)
    expect(overdueOpen).toBeLessThan(open / 4)
  })
})
