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
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { codeMap, listColumns, listSpec } from './spec.ts'

// List 6: "All those in receipt of services as a child in need at the point of inspection or in the six
// months before the inspection. This list does not include care leavers or children who are only the
// subject of a referral." One row per episode of need (a referral that was not closed with no further
// action) open at any point in the period, as the CIN census counts them.
// - Date last seen: the latest visit during the episode, up to the inspection date, that saw the child.
// - Case status on the inspection date, most intensive first: closed; looked after; child protection plan;
//   child in need plan; open assessment. An open episode with none of these has no status to report and
//   is listed among the gaps to look at.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Does the Child have a Disability',
  'CIN Start Date',
  'Primary Need Code',
  'Date Child Was Last Seen',
  'CIN Closure Date',
  'Reason for Closure',
  'Case Status',
  'Allocated Team',
  'Allocated Worker',
] as const

export const columns = listColumns('List 6', NAMES)
const NEED = codeMap('List 6', 'Primary Need Code')
const CLOSURE = codeMap('List 6', 'Reason for Closure')

interface Row extends PersonFields, AllocationFields {
  referral_date: string
  disabled: boolean | null
  primary_need: string | null
  last_seen: string | null
  closure_date: string | null
  closure_reason: string | null
  looked_after: boolean
  cp_plan: boolean
  cin_plan: boolean
  open_assessment: boolean
}

export async function* childInNeedRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end } = period
  const rows = batched<Row>(
    db,
    sql`select r.id, r.person_id from referral r
      where r.referral_date <= ${end}::date and (r.closure_date is null or r.closure_date >= ${start}::date)
        and not r.no_further_action and ${notSealedIn(sql`r.person_id`, sealed)}
      order by r.referral_date, r.id`,
    ({ ids, people }) => sql`select r.referral_date::text, ${personSql(end)}, ${disabilitySql},
        r.primary_need, r.closure_date::text, r.closure_reason, sw.team, sw.worker,
        (select max(v.visited_on)::text from visit v where v.person_id = r.person_id and v.child_seen
          and v.visited_on between r.referral_date and least(coalesce(r.closure_date, ${end}::date), ${end}::date)) as last_seen,
        exists (select 1 from period_of_care c where c.person_id = r.person_id and c.start_date <= ${end}::date
          and (c.end_date is null or c.end_date > ${end}::date)) as looked_after,
        exists (select 1 from cp_plan c where c.person_id = r.person_id and c.start_date <= ${end}::date
          and (c.end_date is null or c.end_date > ${end}::date)) as cp_plan,
        exists (select 1 from plan c where c.person_id = r.person_id and c.kind = 'child-in-need'
          and c.start_date <= ${end}::date and (c.end_date is null or c.end_date > ${end}::date)) as cin_plan,
        exists (select 1 from assessment a where a.referral_id = r.id and a.start_date <= ${end}::date
          and (a.authorised_on is null or a.authorised_on > ${end}::date)) as open_assessment
      from referral r join person p on p.id = r.person_id
      ${allocationJoin('social-worker', end, 'sw', people)}
      where r.id = any(${ids}) and p.id = any(${people})
      order by r.referral_date, r.id`,
  )
  for await (const r of rows) {
    const closed = upTo(r.closure_date, end)
    const status = closed
      ? 'e) Closed episode'
      : r.looked_after
        ? 'a) Looked after child'
        : r.cp_plan
          ? 'b) Child Protection plan'
          : r.cin_plan
            ? 'c) Child in need plan'
            : r.open_assessment
              ? 'd) Open assessment'
              : null
    yield {
      ...personCells(r),
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'CIN Start Date': r.referral_date,
      // N0 is the DfE code for a need not (yet) stated.
      'Primary Need Code': NEED.get(r.primary_need ?? 'N0') ?? r.primary_need,
      'Date Child Was Last Seen': r.last_seen,
      'CIN Closure Date': closed,
      'Reason for Closure':
        closed && r.closure_reason ? (CLOSURE.get(r.closure_reason) ?? r.closure_reason) : null,
      'Case Status': status,
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
    }
  }
}

export const list6: AnnexAList = {
  sheet: 'List 6',
  title: listSpec('List 6').title,
  columns,
  notHeld: [],
  rows: childInNeedRows,
}
