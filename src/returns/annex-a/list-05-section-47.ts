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
  upTo,
  YES,
  yesNo,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { listColumns, listSpec } from './spec.ts'

// List 5: "All section 47 enquiries in the six months before the inspection. This includes open S47
// enquiries yet to reach a decision where possible. ... one row for each enquiry." Every enquiry open at
// any point in the period, including those with no outcome yet.
// - The start date is the date of the strategy discussion that began the enquiry (the enquiry's own start
//   when none is linked, as older records may have).
// - A conference was deemed unnecessary when the enquiry ended without one (no further action, a child in
//   need plan, or concerns substantiated with no conference needed); an enquiry with no outcome yet has no
//   answer.
// - The counts are of the child's enquiries started, and initial conferences held, in the twelve months up
//   to the inspection date.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Does the Child have a Disability',
  'Strategy discussion initiating Section 47 Enquiry Start Date',
  'Was an Initial Child Protection Conference deemed unnecessary?',
  'Date of Initial Child Protection Conference',
  'Did the Initial Child Protection Conference Result in a Child Protection Plan',
  'Number of Section 47 Enquiries in the last 12 months',
  'Number of ICPCs in the last 12 months',
  'Allocated Team',
  'Allocated Worker',
] as const

export const columns = listColumns('List 5', NAMES)

interface Row extends PersonFields, AllocationFields {
  start_date: string
  disabled: boolean | null
  strategy_on: string | null
  outcome: string | null
  outcome_date: string | null
  icpc_not_required: boolean
  icpc_on: string | null
  icpc_decision: string | null
  s47s: number
  icpcs: number
}

export async function* section47Rows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end, yearStart } = period
  // Initial conferences by enquiry are found in one pass over the batch's conferences; a child's enquiries
  // in the year are counted by index (section47_person_idx), where a join to a per-child count was planned
  // as a nested loop over every child of the batch for every row.
  const rows = batched<Row>(
    db,
    sql`select s.id, s.person_id from section47 s
      where s.start_date <= ${end}::date and (s.outcome_date is null or s.outcome_date >= ${start}::date)
        and ${notSealedIn(sql`s.person_id`, sealed)}
      order by s.start_date, s.id`,
    ({ ids, people }) => sql`with icpc as (
        select distinct on (c.section47_id) c.section47_id, c.held_on, c.decision from cp_conference c
        where c.kind = 'initial' and c.section47_id = any(${ids}) and c.held_on <= ${end}::date
        order by c.section47_id, c.held_on, c.id
      )
      select s.start_date::text, ${personSql(end)}, ${disabilitySql},
        d.held_on::text as strategy_on, s.outcome, s.outcome_date::text, s.icpc_not_required,
        icpc.held_on::text as icpc_on, icpc.decision as icpc_decision, sw.team, sw.worker,
        (select count(*)::int from section47 x where x.person_id = s.person_id
          and x.start_date between ${yearStart}::date and ${end}::date) as s47s,
        (select count(*)::int from cp_conference c where c.person_id = s.person_id and c.kind = 'initial'
          and c.held_on between ${yearStart}::date and ${end}::date) as icpcs
      from section47 s join person p on p.id = s.person_id
      left join strategy_discussion d on d.id = s.strategy_discussion_id
      left join icpc on icpc.section47_id = s.id
      ${allocationJoin('social-worker', end, 'sw', people)}
      where s.id = any(${ids}) and p.id = any(${people})
      order by s.start_date, s.id`,
  )
  for await (const r of rows) {
    const decided = upTo(r.outcome_date, end) !== null && r.outcome !== null
    const unnecessary =
      r.icpc_on || (decided && r.outcome === 'icpc') ? NO : decided || r.icpc_not_required ? YES : null
    yield {
      ...personCells(r),
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'Strategy discussion initiating Section 47 Enquiry Start Date': r.strategy_on ?? r.start_date,
      'Was an Initial Child Protection Conference deemed unnecessary?': unnecessary,
      'Date of Initial Child Protection Conference': r.icpc_on,
      'Did the Initial Child Protection Conference Result in a Child Protection Plan': r.icpc_on
        ? yesNo(r.icpc_decision === 'plan')
        : null,
      'Number of Section 47 Enquiries in the last 12 months': r.s47s,
      'Number of ICPCs in the last 12 months': r.icpcs,
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
    }
  }
}

export const list5: AnnexAList = {
  sheet: 'List 5',
  title: listSpec('List 5').title,
  columns,
  notHeld: [],
  rows: section47Rows,
}
