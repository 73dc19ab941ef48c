import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import {
  type AllocationFields,
  type AnnexAList,
  type AnnexARow,
  allocationJoin,
  batched,
  notSealedIn,
  type PersonFields,
  personCells,
  personSql,
  yesNo,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { codeMap, listColumns, listSpec } from './spec.ts'

// List 3: "All referrals received in the six months before the inspection. Children may appear multiple
// times on this list if they have received multiple referrals." The number of referrals counts the
// child's referrals received in the twelve months up to the inspection date, this one included.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Date of referral',
  'Referral Source',
  'Referral NFA?',
  'Number of Referrals in Last 12 Months',
  'Allocated Team',
  'Allocated Worker',
] as const

export const columns = listColumns('List 3', NAMES)
const SOURCE = codeMap('List 3', 'Referral Source')

interface Row extends PersonFields, AllocationFields {
  referral_date: string
  source: string
  nfa: boolean
  in_year: number
}

export async function* referralRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { start, end, yearStart } = period
  const rows = batched<Row>(
    db,
    sql`select r.id, r.person_id from referral r
      where r.referral_date between ${start}::date and ${end}::date and ${notSealedIn(sql`r.person_id`, sealed)}
      order by r.referral_date, r.id`,
    ({ ids, people }) => sql`select r.referral_date::text, ${personSql(end)},
        r.source, r.no_further_action as nfa, sw.team, sw.worker,
        (select count(*)::int from referral x where x.person_id = r.person_id
          and x.referral_date between ${yearStart}::date and ${end}::date) as in_year
      from referral r join person p on p.id = r.person_id
      ${allocationJoin('social-worker', end, 'sw', people)}
      where r.id = any(${ids}) and p.id = any(${people})
      order by r.referral_date, r.id`,
  )
  for await (const r of rows) {
    yield {
      ...personCells(r),
      'Date of referral': r.referral_date,
      'Referral Source': SOURCE.get(r.source) ?? r.source,
      'Referral NFA?': yesNo(r.nfa),
      'Number of Referrals in Last 12 Months': r.in_year,
      'Allocated Team': r.team,
      'Allocated Worker': r.worker,
    }
  }
}

export const list3: AnnexAList = {
  sheet: 'List 3',
  title: listSpec('List 3').title,
  columns,
  notHeld: [],
  rows: referralRows,
}
