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
import { listColumns, listSpec } from './spec.ts'

// List 4: "Young people and children with assessments in previous six months": every single assessment
// open at any point in the period (started by the inspection date, not authorised before the period
// began). The child was seen during it when a visit between its start and its authorisation (or the
// inspection date) records the child as seen. Whether the child needed children's social care support is
// the outcome of the authorised assessment; an assessment not yet authorised has no answer yet.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Does the Child have a Disability',
  'Continuous Assessment Start Date',
  'Child Seen During Continuous Assessment',
  'Continuous Assessment Date of Authorisation',
  "Was the child assessed as requiring LA children's social care support?",
  'Allocated Team',
  'Allocated Worker',
] as const

export const columns = listColumns('List 4', NAMES)

/** Outcomes that mean the child needed children's social care (a plan, protection or care). */
export const NEEDED: Record<string, string> = {
  'cin-plan': YES,
  'strategy-discussion': YES,
  'looked-after': YES,
  'no-further-action': NO,
  'early-help': NO,
  other: UNKNOWN,
}

interface Row extends PersonFields, AllocationFields {
  start_date: string
  disabled: boolean | null
  seen: boolean
  authorised_on: string | null
  outcome: string | null
}

export async function* assessmentRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end } = period
  const rows = batched<Row>(
    db,
    sql`select a.id, a.person_id from assessment a
      where a.start_date <= ${end}::date and (a.authorised_on is null or a.authorised_on >= ${start}::date)
        and ${notSealedIn(sql`a.person_id`, sealed)}
      order by a.start_date, a.id`,
    ({ ids, people }) => sql`select a.start_date::text, ${personSql(end)}, ${disabilitySql},
        a.authorised_on::text, a.outcome, sw.team, sw.worker,
        exists (select 1 from visit v where v.person_id = a.person_id and v.child_seen
          and v.visited_on between a.start_date and least(coalesce(a.authorised_on, ${end}::date), ${end}::date)) as seen
      from assessment a join person p on p.id = a.person_id
      ${allocationJoin('social-worker', end, 'sw', people)}
      where a.id = any(${ids}) and p.id = any(${people})
      order by a.start_date, a.id`,
  )
  for await (const r of rows) {
    const authorised = upTo(r.authorised_on, end)
    yield {
      ...personCells(r),
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'Continuous Assessment Start Date': r.start_date,
      'Child Seen During Continuous Assessment': yesNo(r.seen),
      'Continuous Assessment Date of Authorisation': authorised,
      "Was the child assessed as requiring LA children's social care support?":
        authorised && r.outcome ? (NEEDED[r.outcome] ?? UNKNOWN) : null,
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
    }
  }
}

export const list4: AnnexAList = {
  sheet: 'List 4',
  title: listSpec('List 4').title,
  columns,
  notHeld: [],
  rows: assessmentRows,
}
