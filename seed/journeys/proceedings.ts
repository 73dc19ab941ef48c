// Care proceedings for the children whose care includes an interim care order (903 C1): the application is
// issued on the day of the ICO or a few days before (the order is made at the first hearing), some after a
// pre-proceedings (PLO) letter or meeting; the proceedings conclude with the next order on the record (a
// care order C2, or a placement order E1), with special guardianship, or with no order when care ends
// first. The interim and final orders themselves are the child's legal statuses (care.ts): nothing here
// repeats them. Proceedings that run past the 26 weeks are mostly extended by the court (each extension up
// to 8 weeks, granted at a hearing before the timetable ends); some are not, and a few open ones are past
// their timetable at the reference date, for the care-proceedings-26-weeks rule to find. Brothers and
// sisters share one application (one case number), so the stream is keyed by the group and the ICO day.

import type { CareProceedingsOutcome } from '../../src/db/schema/index.ts'
import type { Random } from '../lib/random.ts'
import type { CareChild } from './care.ts'
import type { CareEmitContext } from './care-emit.ts'
import { type Day, iso, REF } from './dates.ts'

const WEEK = 7
/** The last day of the 26 weeks beginning with the day of issue (src/rules/catalogue/care-proceedings-26-weeks). */
const TIMETABLE_DAYS = 26 * WEEK - 1

const COURTS = [
  ['Family Court sitting at Hearthborough', 'HB', 80],
  ['Family Court sitting at Eastbridge', 'EB', 15],
  ['High Court, Family Division', 'FD', 5],
] as const

const EXTENSION_REASONS = [
  'The psychological assessment of the mother is delayed; the court needs it to decide the application justly.',
  'The paternal grandparents came forward late: their viability and special guardianship assessments must be completed.',
  'The police disclosure needed for the fact-finding hearing is outstanding while the criminal investigation continues.',
  'The residential parenting assessment was extended to see whether the improvements are sustained.',
  'The father was joined as a party late and must have time to respond to the evidence and be assessed.',
  'The assessment of relatives living abroad is awaited from the authorities there.',
  'The final hearing could not be listed within the timetable; the court found a short extension necessary to resolve the case justly.',
] as const

/** 0 Sunday … 6 Saturday (1970-01-01, day 0, was a Thursday). */
const weekday = (day: Day) => (((day + 4) % 7) + 7) % 7
/** `day`, or the Friday before when it falls at a weekend: courts sit on weekdays. */
const courtDay = (day: Day) => (weekday(day) === 6 ? day - 1 : weekday(day) === 0 ? day - 2 : day)

/** The outcome and the day the proceedings concluded, from what the record shows after the ICO. */
function conclusion(c: CareChild, icoAt: number): { outcome: CareProceedingsOutcome; on: Day } | null {
  const next = c.legal.slice(icoAt + 1).find((l) => l.code !== 'C1')
  if (next && next.start <= REF)
    return { outcome: next.code === 'E1' ? 'placement-order' : 'care-order', on: next.start }
  if (c.sgo && c.sgo.made <= REF) return { outcome: 'special-guardianship-order', on: c.sgo.made }
  // Care ended under the interim order (at 18, say): the application ended with no order.
  if (c.end <= REF) return { outcome: 'no-order', on: c.end }
  return null
}

/** Extensions granted at hearings before each timetable ends, until it covers `until` (or the court stops). */
function extensions(r: Random, issued: Day, until: Day, last: Day): { grantedOn: Day; weeks: number }[] {
  const out: { grantedOn: Day; weeks: number }[] = []
  let end = issued + TIMETABLE_DAYS
  while (end < until && out.length < 12) {
    const grantedOn = courtDay(Math.min(end - r.int(2, 20), last))
    if (grantedOn <= issued || (out.length > 0 && grantedOn <= out[out.length - 1]!.grantedOn)) break
    const weeks = r.int(4, 8)
    out.push({ grantedOn, weeks })
    end = Math.max(end, grantedOn) + weeks * WEEK
  }
  return out
}

/** Writes the child's care proceedings, when their care includes an interim care order. */
export function emitProceedings(c: CareChild, e: CareEmitContext): void {
  const icoAt = c.legal.findIndex((l) => l.code === 'C1')
  const ico = c.legal[icoAt]?.start
  if (ico === undefined || ico > REF) return
  const group = Math.min(c.personId, ...c.siblings.map((s) => s.personId))
  const r = e.r.fork(`proceedings:${group}:${ico}`)
  const issued = Math.max(courtDay(ico - r.int(0, 4)), c.dob)
  const emergency = c.legal[0]!.code === 'L1' || c.legal[0]!.code === 'L2'
  const plo = r.chance(emergency ? 0.15 : 0.65) ? courtDay(issued - r.int(28, 120)) : null
  const [court, prefix] = r.weighted(COURTS.map(([name, code, w]) => [[name, code] as const, w] as const))
  const caseNumber = `${prefix}${iso(issued).slice(2, 4)}C${String(r.int(1, 2400)).padStart(5, '0')}`
  const done = conclusion(c, icoAt)
  const timetableEnd = issued + TIMETABLE_DAYS
  let granted: { grantedOn: Day; weeks: number }[] = []
  if (done && done.on > timetableEnd && r.chance(0.85)) granted = extensions(r, issued, done.on, done.on - 1)
  else if (!done && REF > timetableEnd && r.chance(0.6))
    granted = extensions(r, issued, REF + r.int(0, 40), REF)
  const id = e.ids.take('care_proceedings')
  e.rows.care_proceedings.push({
    id,
    personId: c.personId,
    preProceedingsOn: plo === null ? null : iso(plo),
    issuedOn: iso(issued),
    court,
    caseNumber,
    finalHearingOn: done
      ? done.outcome === 'no-order'
        ? null
        : iso(done.on)
      : r.chance(0.7)
        ? iso(courtDay(REF + r.int(10, 70)))
        : null,
    outcome: done?.outcome ?? null,
    concludedOn: done ? iso(done.on) : null,
  })
  for (const g of granted)
    e.rows.care_proceedings_extension.push({
      id: e.ids.take('care_proceedings_extension'),
      careProceedingsId: id,
      grantedOn: iso(g.grantedOn),
      weeks: g.weeks,
      reason: r.pick(EXTENSION_REASONS),
    })
}
