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
  notSealedIn,
  type PersonFields,
  personCells,
  personSql,
  upTo,
  yesNo,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { listColumns, listSpec } from './spec.ts'

// List 7: "All those who are the subject of a child protection plan at the point of inspection. Include
// those who ceased to be the subject of a child protection plan in the six months before the inspection."
// One row per plan open at any point in the period.
// - Last statutory visit: the latest child protection visit during the plan, up to the inspection date,
//   and whether the child was seen alone on it.
// - Emergency protection: an emergency protection order (L2) or police protection (L1) legal status in
//   force at any time in the six months before the inspection. Hearth records these as legal statuses
//   when the child is accommodated; "No" means none is recorded.
// - Previous plans: the child's plans that started before this one.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Does the Child have a Disability',
  'Child Protection Plan Start Date',
  'Initial Category of Abuse',
  'Latest Category of Abuse',
  'Date of the Last Statutory Visit',
  'Was the Child Seen Alone?',
  'Date of latest review conference',
  'Child Protection Plan End Date',
  'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
  'Number of Previous Child Protection Plans',
  'Allocated Team',
  'Allocated Worker',
] as const

export const columns = listColumns('List 7', NAMES)

/** CIN census categories of abuse in Annex A's words. */
export const CATEGORY: Record<string, string> = {
  NEG: 'a) Neglect',
  PHY: 'b) Physical abuse',
  SAB: 'c) Sexual abuse',
  EMO: 'd) Emotional abuse',
  MUL: 'e) Multiple/not recommended',
}

interface Row extends PersonFields, AllocationFields {
  start_date: string
  disabled: boolean | null
  initial_category: string
  latest_category: string
  end_date: string | null
  visit_on: string | null
  seen_alone: boolean | null
  review_on: string | null
  protected: boolean
  previous: number
}

export async function* childProtectionRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end, sixMonthsStart } = period
  // Review conferences are found by plan in one pass over the batch's conferences, not one lookup per row.
  const rows = batched<Row>(
    db,
    sql`select c.id, c.person_id from cp_plan c
      where c.start_date <= ${end}::date and (c.end_date is null or c.end_date >= ${start}::date)
        and ${notSealedIn(sql`c.person_id`, sealed)}
      order by c.start_date, c.id`,
    ({ ids, people }) => sql`with reviews as (
        select f.cp_plan_id, max(f.held_on) as held_on from cp_conference f
        where f.kind = 'review' and f.cp_plan_id = any(${ids}) and f.held_on <= ${end}::date
        group by f.cp_plan_id
      )
      select c.start_date::text, ${personSql(end)}, ${disabilitySql},
        c.initial_category, c.latest_category, c.end_date::text, sw.team, sw.worker,
        v.visited_on::text as visit_on, v.child_seen_alone as seen_alone, rv.held_on::text as review_on,
        exists (select 1 from legal_status l where l.person_id = c.person_id and l.code in ('L1', 'L2')
          and l.start_date <= ${end}::date and (l.end_date is null or l.end_date >= ${sixMonthsStart}::date)) as protected,
        (select count(*)::int from cp_plan e where e.person_id = c.person_id
          and (e.start_date < c.start_date or (e.start_date = c.start_date and e.id < c.id))) as previous
      from cp_plan c join person p on p.id = c.person_id
      left join lateral (
        select v.visited_on, v.child_seen_alone from visit v
        where v.person_id = c.person_id and v.kind = 'cp'
          and v.visited_on between c.start_date and least(coalesce(c.end_date, ${end}::date), ${end}::date)
        order by v.visited_on desc, v.id desc limit 1
      ) v on true
      left join reviews rv on rv.cp_plan_id = c.id
      ${allocationJoin('social-worker', end, 'sw', people)}
      where c.id = any(${ids}) and p.id = any(${people})
      order by c.start_date, c.id`,
  )
  for await (const r of rows) {
    yield {
      ...personCells(r),
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'Child Protection Plan Start Date': r.start_date,
      'Initial Category of Abuse': CATEGORY[r.initial_category] ?? r.initial_category,
      'Latest Category of Abuse': CATEGORY[r.latest_category] ?? r.latest_category,
      'Date of the Last Statutory Visit': r.visit_on,
      'Was the Child Seen Alone?': r.visit_on ? yesNo(r.seen_alone) : null,
      'Date of latest review conference': r.review_on,
      'Child Protection Plan End Date': upTo(r.end_date, end),
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)':
        yesNo(r.protected),
      'Number of Previous Child Protection Plans': r.previous,
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
    }
  }
}

export const list7: AnnexAList = {
  sheet: 'List 7',
  title: listSpec('List 7').title,
  columns,
  notHeld: [],
  rows: childProtectionRows,
}
