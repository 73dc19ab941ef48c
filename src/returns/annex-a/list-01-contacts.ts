import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import {
  type AnnexAList,
  type AnnexARow,
  notSealedIn,
  type PersonFields,
  personCells,
  personSql,
  withPeople,
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

interface Contact {
  person_id: number
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
  // The scope query reads everything the list needs from the contact; each batch reads only its children.
  const rows = withPeople<Contact, PersonFields>(
    db,
    sql`select c.person_id, (c.received_at at time zone 'Europe/London')::date::text as contact_date, c.source
      from contact c
      where c.received_at >= ${from} and c.received_at < ${to} and ${notSealedIn(sql`c.person_id`, sealed)}
      order by c.received_at, c.id`,
    (people) => sql`select ${personSql(period.end)} from person p where p.id = any(${people})`,
  )
  for await (const [c, person] of rows) {
    yield {
      ...personCells(person),
      'Date of Contact': c.contact_date,
      'Contact Source': SOURCE.get(c.source) ?? c.source,
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
