import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import {
  type AllocationFields,
  type AnnexAList,
  type AnnexARow,
  allocationJoin,
  batched,
  disabilityCell,
  disabilitySql,
  NO,
  notSealedIn,
  type PersonFields,
  personCells,
  personSql,
  UNKNOWN,
  upTo,
  YES,
  yesNo,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { codeMap, listColumns, listSpec } from './spec.ts'

// List 8: "All children in care at the point of inspection. Include all those children who ceased to be
// looked after in the six months before the inspection." One row per child: their latest period of care
// that was open at any point in the period. Everything below is read from that period unless said.
// - Second period: another period of care, begun earlier, that was still open at some point in the
//   twelve months before the inspection.
// - Latest review, last social work visit (a statutory looked-after visit), last IRO contact: the latest
//   in this period of care up to the inspection date. Last health assessment (initial or review) and dental
//   check: the latest recorded, up to the inspection date.
// - Placements in the last 12 months: every placement the child lived in at any time in those months.
// - Most recent placement: the latest placement of this period of care. A confidential placement's
//   postcode is left out and its authority given as CON; a placement inside the authority is in this
//   authority. Hearth does not record which other authority a placement outside it is in (README.md).
// - Missing ('M') and away without permission ('A') episodes that began in the last 12 months; the return
//   interview answers are about the last missing episode among them.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
  'Does the Child have a Disability',
  'Date Started to be Looked After',
  "Child's Category of Need",
  'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
  'Start date of current legal status',
  "Child's Legal Status",
  'Date of Latest Statutory Review',
  'Date of Last Social Work Visit',
  'What is the permanence plan for this child?',
  'Date of Last IRO Visit / Contact to the Child',
  'Date of Last Health Assessment',
  'Date of Last Dental Check',
  'Number of Placements in the Last 12 months',
  'Date Ceased to be Looked After',
  'Reason Ceased to be Looked After',
  'Start Date of Most Recent Placement',
  'Placement Type',
  'Placement Provider',
  'Placement postcode',
  'URN of Placement',
  'Placement Location',
  'LA of Placement',
  "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
  "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
  'Was the child offered a Return Interview after their last missing episode (Y/N)?',
  'Did the child accept a Return Interview after their last missing episode (Y/N)?',
  'Allocated Team',
  'Allocated Worker',
] as const

export const columns = listColumns('List 8', NAMES)

const NEED = codeMap('List 8', "Child's Category of Need")
const LEGAL = codeMap('List 8', "Child's Legal Status")
const CEASED = codeMap('List 8', 'Reason Ceased to be Looked After')
const PLACE = codeMap('List 8', 'Placement Type')
const PROVIDER = codeMap('List 8', 'Placement Provider')
// The 903 codes that came after Annex A's list: supported accommodation (K3) replaced H5, and Z11–Z14
// divide "other placements" (Z1).
export const PLACE_SUCCESSORS: Record<string, string> = {
  K3: 'H5',
  Z11: 'Z1',
  Z12: 'Z1',
  Z13: 'Z1',
  Z14: 'Z1',
}

/** Hearth's permanence options in Annex A's words. */
export const PERMANENCE: Record<string, string> = {
  'return-home': 'a) Return to family',
  adoption: 'b) Adoption',
  // Early permanence (fostering for adoption, concurrent planning) is a plan for adoption.
  'early-permanence': 'b) Adoption',
  'special-guardianship': 'c) SGO/CAO',
  residential: 'e) Long-term residential placement',
  'long-term-fostering': 'f) Long-term fostering',
  'connected-person': 'g) other',
  other: 'g) other',
}

interface Row extends PersonFields, AllocationFields {
  start_date: string
  disabled: boolean | null
  uasc: boolean
  category_of_need: string
  end_date: string | null
  reason_ceased: string | null
  earlier_period: boolean
  legal_code: string | null
  legal_start: string | null
  review_on: string | null
  visit_on: string | null
  permanence: string | null
  iro_on: string | null
  health_on: string | null
  dental_on: string | null
  placements: number
  placement_start: string | null
  placement_type: string | null
  provider: string | null
  postcode: string | null
  urn: string | null
  inside: boolean | null
  confidential: boolean | null
  la_name: string | null
  missing: number
  absent: number
  last_missing_offered: boolean | null
  last_missing_accepted: boolean | null
}

export async function* childInCareRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end, yearStart } = period
  const inCare = sql`least(coalesce(c.end_date, ${end}::date), ${end}::date)`
  const fromYear = sql`(${yearStart}::date)::timestamp at time zone 'Europe/London'`
  const toEnd = sql`(${end}::date + 1)::timestamp at time zone 'Europe/London'`
  // Each child's records are looked up by child (the indexed column), then narrowed to this period of care.
  const rows = batched<Row>(
    db,
    sql`select c.id, c.person_id from (
        select distinct on (c.person_id) c.id, c.person_id, c.start_date from period_of_care c
        where c.start_date <= ${end}::date and (c.end_date is null or c.end_date >= ${start}::date)
          and ${notSealedIn(sql`c.person_id`, sealed)}
        order by c.person_id, c.start_date desc, c.id desc
      ) c
      order by c.start_date, c.id`,
    ({ ids, people }) => sql`select c.start_date::text, ${personSql(end)}, ${disabilitySql},
        (p.uasc and (p.uasc_ceased_on is null or p.uasc_ceased_on >= ${yearStart}::date)) as uasc,
        c.category_of_need, c.end_date::text, c.reason_ceased, sw.team, sw.worker,
        exists (select 1 from period_of_care o where o.person_id = c.person_id and o.id <> c.id
          and o.start_date <= c.start_date and (o.end_date is null or o.end_date >= ${yearStart}::date)) as earlier_period,
        ls.code as legal_code, ls.start_date::text as legal_start,
        (select max(r.held_on)::text from lac_review r where r.person_id = c.person_id
          and r.period_of_care_id = c.id and r.held_on <= ${end}::date) as review_on,
        (select max(v.visited_on)::text from visit v where v.person_id = c.person_id and v.kind = 'statutory-looked-after'
          and v.visited_on between c.start_date and ${inCare}) as visit_on,
        (select pp.chosen_option from permanence_plan pp where pp.person_id = c.person_id and pp.decided_on <= ${end}::date
          and (pp.period_of_care_id = c.id or (pp.period_of_care_id is null and pp.decided_on >= c.start_date))
          order by pp.decided_on desc, pp.id desc limit 1) as permanence,
        (select max(i.contacted_on)::text from iro_contact i where i.person_id = c.person_id
          and i.contacted_on between c.start_date and ${end}::date) as iro_on,
        (select max(h.recorded_on)::text from health_record h where h.person_id = c.person_id
          and h.kind in ('initial-health-assessment', 'review-health-assessment') and h.recorded_on <= ${end}::date) as health_on,
        (select max(h.recorded_on)::text from health_record h where h.person_id = c.person_id
          and h.kind = 'dental-check' and h.recorded_on <= ${end}::date) as dental_on,
        (select count(*)::int from placement x where x.person_id = c.person_id and x.start_date <= ${end}::date
          and (x.end_date is null or x.end_date >= ${yearStart}::date)) as placements,
        pl.start_date::text as placement_start, pl.placement_type, pl.provider, pl.postcode, pl.urn,
        pl.inside_authority as inside, pl.confidential,
        (select la.name from local_authority la order by la.id limit 1) as la_name,
        (select count(*)::int from missing_episode m where m.person_id = c.person_id and m.kind = 'M'
          and m.started_at >= ${fromYear} and m.started_at < ${toEnd}) as missing,
        (select count(*)::int from missing_episode m where m.person_id = c.person_id and m.kind = 'A'
          and m.started_at >= ${fromYear} and m.started_at < ${toEnd}) as absent,
        lm.offered as last_missing_offered, lm.accepted as last_missing_accepted
      from period_of_care c join person p on p.id = c.person_id
      left join lateral (
        select l.code, l.start_date from legal_status l
        where l.person_id = c.person_id and l.period_of_care_id = c.id and l.start_date <= ${inCare}
        order by l.start_date desc, l.id desc limit 1
      ) ls on true
      left join lateral (
        select x.* from placement x
        where x.person_id = c.person_id and x.period_of_care_id = c.id and x.start_date <= ${end}::date
        order by x.start_date desc, x.id desc limit 1
      ) pl on true
      left join lateral (
        select m.return_interview_offered_at is not null as offered, m.return_interview_accepted as accepted
        from missing_episode m
        where m.person_id = c.person_id and m.kind = 'M' and m.started_at >= ${fromYear} and m.started_at < ${toEnd}
        order by m.started_at desc, m.id desc limit 1
      ) lm on true
      ${allocationJoin('social-worker', end, 'sw', people)}
      where c.id = any(${ids}) and p.id = any(${people})
      order by c.start_date, c.id`,
  )
  for await (const r of rows) {
    const ceased = upTo(r.end_date, end)
    const place = r.placement_type ? (PLACE_SUCCESSORS[r.placement_type] ?? r.placement_type) : null
    const hadMissing = r.last_missing_offered !== null
    yield {
      ...personCells(r),
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': yesNo(r.uasc),
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'Date Started to be Looked After': r.start_date,
      "Child's Category of Need": NEED.get(r.category_of_need) ?? r.category_of_need,
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)':
        yesNo(r.earlier_period),
      'Start date of current legal status': r.legal_start,
      "Child's Legal Status": r.legal_code ? (LEGAL.get(r.legal_code) ?? r.legal_code) : null,
      'Date of Latest Statutory Review': r.review_on,
      'Date of Last Social Work Visit': r.visit_on,
      'What is the permanence plan for this child?': r.permanence
        ? (PERMANENCE[r.permanence] ?? r.permanence)
        : null,
      'Date of Last IRO Visit / Contact to the Child': r.iro_on,
      'Date of Last Health Assessment': r.health_on,
      'Date of Last Dental Check': r.dental_on,
      'Number of Placements in the Last 12 months': r.placements,
      'Date Ceased to be Looked After': ceased,
      'Reason Ceased to be Looked After':
        ceased && r.reason_ceased ? (CEASED.get(r.reason_ceased) ?? r.reason_ceased) : null,
      'Start Date of Most Recent Placement': r.placement_start,
      'Placement Type': place ? (PLACE.get(place) ?? r.placement_type) : null,
      'Placement Provider': r.provider ? (PROVIDER.get(r.provider) ?? r.provider) : null,
      'Placement postcode': r.confidential ? null : r.postcode,
      'URN of Placement': r.urn,
      'Placement Location': r.inside === null ? null : r.inside ? 'a) In' : 'b) Out',
      'LA of Placement': r.confidential
        ? 'CON - Child placed in confidential placement'
        : r.inside
          ? r.la_name
          : null,
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": r.missing,
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": r.absent,
      'Was the child offered a Return Interview after their last missing episode (Y/N)?': hadMissing
        ? yesNo(r.last_missing_offered)
        : null,
      'Did the child accept a Return Interview after their last missing episode (Y/N)?':
        r.last_missing_offered
          ? r.last_missing_accepted === null
            ? UNKNOWN
            : r.last_missing_accepted
              ? YES
              : NO
          : null,
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
    }
  }
}

export const list8: AnnexAList = {
  sheet: 'List 8',
  title: listSpec('List 8').title,
  columns,
  notHeld: ['LA of Placement'],
  openCategories: ['LA of Placement'],
  rows: childInCareRows,
}
