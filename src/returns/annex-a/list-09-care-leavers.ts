import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { addCalendarDays, addMonths, type IsoDate, toDayNumber } from '../../domain/calendar/iso-date.ts'
import {
  type AllocationFields,
  type AnnexAList,
  type AnnexARow,
  allocationJoin,
  batched,
  disabilityCell,
  disabilitySql,
  notSealed,
  type PersonFields,
  personCells,
  personSql,
  YES,
  yesNo,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { codeMap, listColumns, listSpec } from './spec.ts'

// List 9: "All those who have reached the threshold for receiving leaving care services at the point of
// inspection (entitled children). Includes: Relevant children, Former relevant children, Qualifying care
// leaver, Eligible children." Hearth does not store the eligibility category: it is worked out from the
// child's periods of care on the inspection date (Children (Leaving Care) Act 2000 and the Care Leavers
// (England) Regulations 2010), see `eligibility` below.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
  'Does the Child have a Disability',
  'Allocated Team',
  'Allocated Worker',
  'Allocated Personal Advisor',
  'Eligibility Category',
  'Latest Pathway Plan Review Date',
  'LA in Touch',
  'Latest Date of Contact',
  'Type of Accommodation',
  'Suitability of Accommodation',
  'Activity Status',
] as const

export const columns = listColumns('List 9', NAMES)

const ACCOMMODATION = codeMap('List 9', 'Type of Accommodation')
const ACTIVITY = codeMap('List 9', 'Activity Status')
export const IN_TOUCH: Record<string, string> = {
  YES: 'a) Yes',
  NO: 'b) No',
  DIED: 'c) Died',
  REFU: 'd) Refu',
  NREQ: 'e) NREQ',
  RHOM: 'f) Rhom',
}

export interface CarePeriod {
  start: IsoDate
  end: IsoDate | null
  reason: string | null
  /** Every legal status of the period is a short break (V3, V4): not "looked after" for leaving care. */
  shortBreaks: boolean
}

export type Eligibility =
  | 'a) Relevant child'
  | 'b) Former relevant child'
  | 'c) Qualifying care leaver'
  | 'd) Eligible child'

const THIRTEEN_WEEKS = 13 * 7
const ADOPTED_OR_DIED = new Set(['E11', 'E12', 'E2'])

const birthday = (dob: IsoDate, years: number) => addMonths(dob, years * 12)

/**
 * The leaving care category on `on`, or null for a young person who is not entitled:
 * - eligible: aged 16 or 17, looked after now, and looked after for at least 13 weeks since the age of 14,
 *   some of it after turning 16;
 * - relevant: aged 16 or 17, no longer looked after, and was eligible when they left care;
 * - former relevant: aged 18 to 20 who was eligible or relevant (to 24 while still receiving leaving care
 *   services, which here means a keeping-in-touch contact in the last twelve months or a personal adviser
 *   allocated);
 * - qualifying: looked after at some point after turning 16 without meeting the 13 weeks, under 21 (or 24
 *   while receiving services).
 * Short breaks do not count, and a child who left care by adoption or died in care is not a care leaver.
 */
export function eligibility(
  dob: IsoDate,
  periods: readonly CarePeriod[],
  on: IsoDate,
  receivingServices: boolean,
): Eligibility | null {
  const age = (years: number) => birthday(dob, years) <= on
  if (!age(16) || age(25)) return null
  const care = periods.filter((p) => !p.shortBreaks && p.start <= on)
  if (care.length === 0) return null
  const last = care[care.length - 1]!
  const inCare = last.end === null || last.end > on
  if (!inCare && last.reason && ADOPTED_OR_DIED.has(last.reason)) return null
  const from14 = birthday(dob, 14)
  const at16 = birthday(dob, 16)
  let days = 0
  let after16 = false
  for (const p of care) {
    const until = p.end === null || p.end > on ? on : p.end
    const from = p.start > from14 ? p.start : from14
    if (until >= from) days += toDayNumber(until) - toDayNumber(from) + 1
    if (until >= at16) after16 = true
  }
  const thirteenWeeks = days >= THIRTEEN_WEEKS && after16
  const under = (years: number) => !age(years)
  if (inCare) {
    if (under(18)) return thirteenWeeks ? 'd) Eligible child' : null
    return thirteenWeeks ? 'b) Former relevant child' : null
  }
  const entitled = under(21) || receivingServices
  if (thirteenWeeks) return under(18) ? 'a) Relevant child' : entitled ? 'b) Former relevant child' : null
  return after16 && entitled ? 'c) Qualifying care leaver' : null
}

interface Row extends PersonFields, AllocationFields {
  disabled: boolean | null
  uasc: boolean
  adviser: string | null
  periods: { start: string; end: string | null; reason: string | null; short_breaks: boolean }[]
  pathway_review_on: string | null
  contact_on: string | null
  in_touch: string | null
  activity: string | null
  accommodation: string | null
  accommodation_suitable: boolean | null
  recent_contact: boolean
  seen_on: string | null
}

export async function* careLeaverRows(
  db: DbOrTx,
  period: AnnexAPeriod,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { end, yearStart } = period
  // Everyone aged 16 to 24 on the inspection date who was looked after at some time after turning 14.
  const oldest = addCalendarDays(addMonths(end, -25 * 12), 1)
  const youngest = addMonths(end, -16 * 12)
  const rows = batched<Row>(
    db,
    sql`select p.id, p.id as person_id from person p
      where p.date_of_birth between ${oldest}::date and ${youngest}::date and ${notSealed}
        and exists (select 1 from period_of_care c where c.person_id = p.id and c.start_date <= ${end}::date
          and coalesce(c.end_date, ${end}::date) >= (p.date_of_birth + interval '14 years')::date)
      order by p.date_of_birth, p.id`,
    ({ ids, people }) => sql`select ${personSql(end)}, ${disabilitySql}, p.uasc,
        sw.team, sw.worker, pa.worker as adviser,
        (select json_agg(json_build_object('start', c.start_date, 'end', c.end_date, 'reason', c.reason_ceased,
            'short_breaks', coalesce((select bool_and(l.code in ('V3', 'V4')) from legal_status l
              where l.person_id = p.id and l.period_of_care_id = c.id), false)) order by c.start_date, c.id)
          from period_of_care c where c.person_id = p.id and c.start_date <= ${end}::date) as periods,
        (select max(r.held_on)::text from plan_review r join plan pl on pl.id = r.plan_id
          where pl.person_id = p.id and pl.kind = 'pathway' and r.held_on <= ${end}::date) as pathway_review_on,
        lc.contacted_on::text as contact_on, lc.in_touch, lc.activity, lc.accommodation, lc.accommodation_suitable,
        exists (select 1 from care_leaver_contact x where x.person_id = p.id
          and x.contacted_on between ${yearStart}::date and ${end}::date) as recent_contact,
        (select max(v.visited_on)::text from visit v where v.person_id = p.id and v.child_seen
          and v.visited_on <= ${end}::date) as seen_on
      from person p
      left join lateral (
        select x.* from care_leaver_contact x where x.person_id = p.id and x.contacted_on <= ${end}::date
        order by x.contacted_on desc, x.id desc limit 1
      ) lc on true
      ${allocationJoin('social-worker', end, 'sw', people)}
      ${allocationJoin('personal-adviser', end, 'pa', people)}
      where p.id = any(${ids})
      order by p.date_of_birth, p.id`,
  )
  for await (const r of rows) {
    const periods = (r.periods ?? []).map((c) => ({
      start: c.start,
      end: c.end,
      reason: c.reason,
      shortBreaks: c.short_breaks,
    }))
    const category = eligibility(r.dob!, periods, end, r.recent_contact || r.adviser !== null)
    if (!category) continue
    const eligible = category === 'd) Eligible child'
    const accommodation = r.accommodation && r.accommodation !== '0' ? r.accommodation : null
    // 903 accommodation codes end in 1 (suitable) or 2 (not suitable).
    const suffix = accommodation?.slice(1)
    const suitable = r.accommodation_suitable ?? (suffix === '1' ? true : suffix === '2' ? false : null)
    const latest =
      [r.contact_on, r.seen_on]
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? null
    yield {
      ...personCells(r),
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': yesNo(r.uasc),
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
      'Allocated Personal Advisor': r.adviser,
      'Eligibility Category': category,
      'Latest Pathway Plan Review Date': r.pathway_review_on,
      // A child still looked after is in the authority's care, so in touch.
      'LA in Touch': r.in_touch ? (IN_TOUCH[r.in_touch] ?? r.in_touch) : eligible ? YES : null,
      'Latest Date of Contact': latest,
      'Type of Accommodation': accommodation
        ? (ACCOMMODATION.get(accommodation.slice(0, 1)) ?? accommodation)
        : null,
      'Suitability of Accommodation':
        suitable === true ? 'a) Suitable' : suitable === false ? 'b) Unsuitable' : null,
      'Activity Status': r.activity && r.activity !== '0' ? (ACTIVITY.get(r.activity) ?? r.activity) : null,
    }
  }
}

export const list9: AnnexAList = {
  sheet: 'List 9',
  title: listSpec('List 9').title,
  columns,
  notHeld: [],
  rows: careLeaverRows,
}
