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
import { codeMap, listColumns, listSpec } from './spec.ts'

// List 1: "All contacts received in the six months before the date of inspection. Where a contact refers
// to multiple children, include an entry for each child in the contact." Hearth records a contact per
// child, so each contact row is one entry. The date is the day it was received, in England.

const NAMES = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Date of Contact',
  'Contact Source',
] as const

export const columns = listColumns('List 1', NAMES)
const SOURCE = codeMap('List 1', 'Contact Source')

interface Row extends PersonFields {
  contact_date: string
  source: string
}

export async function* contactRows(
  db: DbOrTx,
  period: AnnexAPeriod,
  sealed: SQL,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const from = sql`(${period.start}::date)::timestamp at time zone 'Europe/London'`
  const to = sql`(${period.end}::date + 1)::timestamp at time zone 'Europe/London'`
  const rows = batched<Row>(
    db,
    sql`select c.id, c.person_id from contact c
      where c.received_at >= ${from} and c.received_at < ${to} and ${notSealedIn(sql`c.person_id`, sealed)}
      order by c.received_at, c.id`,
    ({ ids, people }) => sql`select ${personSql(period.end)},
        (c.received_at at time zone 'Europe/London')::date::text as contact_date, c.source
      from contact c join person p on p.id = c.person_id
      where c.id = any(${ids}) and p.id = any(${people})
      order by c.received_at, c.id`,
  )
  for await (const r of rows) {
    yield {
      ...personCells(r),
      'Date of Contact': r.contact_date,
      'Contact Source': SOURCE.get(r.source) ?? r.source,
    }
  }
}

export const list1: AnnexAList = {
  sheet: 'List 1',
  title: listSpec('List 1').title,
  columns,
  notHeld: [],
  rows: contactRows,
}
