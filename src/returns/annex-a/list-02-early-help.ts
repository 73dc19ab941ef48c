import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import {
  type AnnexAList,
  type AnnexARow,
  batched,
  notSealedIn,
  type PersonFields,
  personCells,
  personSql,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { listColumns, listSpec } from './spec.ts'

// List 2: "All early help assessments in the six months before the date of inspection. Also, current early
// help interventions that are being coordinated through the local authority." Hearth records early help
// as an episode with a lead professional, begun when the help is agreed, not as a separate assessment: an
// episode that started in the period, or is still open on the inspection date, is one row. Its start is
// the assessment start; Hearth holds no separate completion date for an early help assessment, so that
// column stays blank (README.md).

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Assessment start date',
  'Assessment completion date',
  'Organisation completing assessment',
] as const

export const columns = listColumns('List 2', NAMES)

interface Row extends PersonFields {
  started_on: string
  organisation: string | null
}

export async function* earlyHelpRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end } = period
  // The organisation: the authority and team of a lead worker on Hearth's staff, or the lead professional
  // from another agency as recorded ("name, role and organisation").
  const rows = batched<Row>(
    db,
    sql`select e.id, e.person_id from early_help_episode e
      where e.started_on <= ${end}::date
        and (e.started_on >= ${start}::date or e.ended_on is null or e.ended_on > ${end}::date)
        and ${notSealedIn(sql`e.person_id`, sealed)}
      order by e.started_on, e.id`,
    ({ ids, people }) => sql`select e.started_on::text, ${personSql(end)},
        case when w.id is not null then la.name || ': ' || t.name else e.lead_professional end as organisation
      from early_help_episode e
      join person p on p.id = e.person_id
      left join worker w on w.id = e.lead_worker_id
      left join team t on t.id = w.team_id
      left join service s on s.id = t.service_id
      left join local_authority la on la.id = s.local_authority_id
      where e.id = any(${ids}) and p.id = any(${people})
      order by e.started_on, e.id`,
  )
  for await (const r of rows) {
    yield {
      ...personCells(r),
      'Assessment start date': r.started_on,
      'Assessment completion date': null,
      'Organisation completing assessment': r.organisation,
    }
  }
}

export const list2: AnnexAList = {
  sheet: 'List 2',
  title: listSpec('List 2').title,
  columns,
  notHeld: ['Assessment completion date'],
  rows: earlyHelpRows,
}
