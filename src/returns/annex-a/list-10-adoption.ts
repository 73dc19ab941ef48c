import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import {
  type AnnexAList,
  type AnnexARow,
  batched,
  disabilityCell,
  disabilitySql,
  type PersonFields,
  personCells,
  personSql,
  upTo,
} from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { codeMap, listColumns, listSpec } from './spec.ts'

// List 10: "All those children who, in the 12 months before the inspection, have: been adopted, had the
// decision that they should be placed for adoption but they have not yet been adopted, had an adoption
// decision reversed during the 12 months." Always the twelve months up to the inspection date, whatever
// period the other lists cover. This is the one list that includes sealed records: Ofsted asks for
// adopted children, whose records are sealed once the adoption order is made.
// - Entered care: the start of the period of care in which the decision was made.
// - Fostering for adoption or concurrent planning: the first such placement (903 U2 or U5).
// - Hearth does not group siblings into an adoption family identifier (README.md).

const NAMES = [
  'Child Unique ID',
  'Family identifier',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Does the Child have a Disability',
  'Date the Child Entered Care',
  'Date of Decision that Child Should be Placed for Adoption',
  'Date of Placement Order',
  'Date of Matching Child and Prospective Adopters',
  'Date Placed for Adoption',
  'Date of Adoption Order',
  'Date of Decision that Child Should No Longer be Placed for Adoption',
  'Reason Why Child No Longer Placed for Adoption',
  'Date the child was placed for fostering in FFA or concurrent planning placement',
] as const

export const columns = listColumns('List 10', NAMES)
const REVERSED = codeMap('List 10', 'Reason Why Child No Longer Placed for Adoption')

interface Row extends PersonFields {
  decided_on: string
  disabled: boolean | null
  entered_care: string | null
  placement_order_on: string | null
  matched_on: string | null
  placed_on: string | null
  adoption_order_on: string | null
  decision_ceased_on: string | null
  decision_ceased_reason: string | null
  ffa_on: string | null
}

export async function* adoptionRows(
  db: DbOrTx,
  period: AnnexAPeriod,
): AsyncGenerator<AnnexARow<typeof NAMES>> {
  const { end, yearStart } = period
  const rows = batched<Row>(
    db,
    sql`select a.id, a.person_id from adoption_case a
      where a.should_be_placed_on <= ${end}::date
        and (a.adoption_order_on between ${yearStart}::date and ${end}::date
          or a.decision_ceased_on between ${yearStart}::date and ${end}::date
          or ((a.adoption_order_on is null or a.adoption_order_on > ${end}::date)
            and (a.decision_ceased_on is null or a.decision_ceased_on > ${end}::date)))
      order by a.should_be_placed_on, a.id`,
    ({
      ids,
      people,
    }) => sql`select a.should_be_placed_on::text as decided_on, ${personSql(end)}, ${disabilitySql},
        poc.start_date::text as entered_care, a.placement_order_on::text, a.matched_on::text, a.placed_on::text,
        a.adoption_order_on::text, a.decision_ceased_on::text, a.decision_ceased_reason,
        (select min(x.start_date)::text from placement x where x.person_id = a.person_id
          and x.placement_type in ('U2', 'U5') and x.start_date <= ${end}::date
          and x.start_date >= coalesce(poc.start_date, x.start_date)) as ffa_on
      from adoption_case a join person p on p.id = a.person_id
      left join lateral (
        select c.start_date from period_of_care c
        where c.person_id = a.person_id and c.start_date <= a.should_be_placed_on
        order by c.start_date desc, c.id desc limit 1
      ) poc on true
      where a.id = any(${ids}) and p.id = any(${people})
      order by a.should_be_placed_on, a.id`,
  )
  for await (const r of rows) {
    const reversed = upTo(r.decision_ceased_on, end)
    yield {
      ...personCells(r),
      'Family identifier': null,
      'Does the Child have a Disability': disabilityCell(r.disabled),
      'Date the Child Entered Care': r.entered_care,
      'Date of Decision that Child Should be Placed for Adoption': r.decided_on,
      'Date of Placement Order': upTo(r.placement_order_on, end),
      'Date of Matching Child and Prospective Adopters': upTo(r.matched_on, end),
      'Date Placed for Adoption': upTo(r.placed_on, end),
      'Date of Adoption Order': upTo(r.adoption_order_on, end),
      'Date of Decision that Child Should No Longer be Placed for Adoption': reversed,
      'Reason Why Child No Longer Placed for Adoption':
        reversed && r.decision_ceased_reason
          ? (REVERSED.get(r.decision_ceased_reason) ?? r.decision_ceased_reason)
          : null,
      'Date the child was placed for fostering in FFA or concurrent planning placement': r.ffa_on,
    }
  }
}

export const list10: AnnexAList = {
  sheet: 'List 10',
  title: listSpec('List 10').title,
  columns,
  notHeld: ['Family identifier'],
  rows: adoptionRows,
}
