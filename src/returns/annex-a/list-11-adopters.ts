import type { DbOrTx } from '../../db/client.ts'
import type { AnnexAList, AnnexARow } from './common.ts'
import type { AnnexAPeriod } from './period.ts'
import { listColumns, listSpec } from './spec.ts'

// List 11: "All those individuals who in the 12 months before the inspection have had contact with the local
// authority adoption agency." These are prospective adopters: enquiries, stage one and two, approval,
// matching and placement. Hearth keeps the child's side of adoption (list 10) but holds no record of
// prospective adopters yet, so the sheet carries Ofsted's headers and no rows (README.md). Nothing is
// made up to fill it.

const NAMES = [
  'Individual adopter identifier',
  'Family identifier',
  'Gender',
  'Ethnicity',
  'Disability',
  'Is the (prospective) adopter fostering for adoption?',
  'Date enquiry received',
  'Date Stage 1 started',
  'Date Stage 1 ended',
  'Date Stage 2 started',
  'Date Stage 2 ended',
  'Date application submitted',
  'Date application approved',
  'Date adopter matched with child(ren)',
  'Date child/children placed with adopter(s)',
  'No. of children placed',
  'Date of Adoption Order',
  'Date of leaving adoption process',
  'Reason for leaving adoption process',
] as const

export const columns = listColumns('List 11', NAMES)

/** No rows: Hearth holds no adopters' records to list yet. */
export async function* adopterRows(
  _db: DbOrTx,
  _period: AnnexAPeriod,
): AsyncGenerator<AnnexARow<typeof NAMES>> {}

export const list11: AnnexAList = {
  sheet: 'List 11',
  title: listSpec('List 11').title,
  columns,
  notHeld: NAMES,
  rows: adopterRows,
}
