import { isIsoDate } from '../../domain/calendar/iso-date.ts'
import type { AnnexAList, Cell } from './common.ts'

// Checks each row as it is written against the specification: a required cell the record leaves blank is
// a gap to look at before the workbook goes to Ofsted (a query); a value Annex A does not allow, a date
// that is not a date or a negative count is an error (Hearth holds a code Annex A has no words for).

export interface AnnexAIssue {
  sheet: string
  column: string
  /** The child (or adopter) the row is about. */
  id: string | null
  /** Row number in the sheet, the header being row 1. */
  row: number
  kind: 'blank' | 'not-allowed'
  value: Cell
}

// Looked up for every cell of every row: sets, built once per column.
const allowedSets = new WeakMap<object, ReadonlySet<string> | null>()
function allowedSet(list: AnnexAList, column: AnnexAList['columns'][number]): ReadonlySet<string> | null {
  let set = allowedSets.get(column)
  if (set === undefined) {
    set =
      column.allowed_values && !list.openCategories?.includes(column.column)
        ? new Set(column.allowed_values)
        : null
    allowedSets.set(column, set)
  }
  return set
}

export function checkRow(list: AnnexAList, row: Record<string, Cell>, rowNumber: number): AnnexAIssue[] {
  // Run for every row of the workbook: nothing is made for a row that has no issue.
  let issues: AnnexAIssue[] | undefined
  for (const column of list.columns) {
    const value = row[column.column] ?? null
    let kind: AnnexAIssue['kind'] | null = null
    if (value === null || value === '') {
      if (column.required && !list.notHeld.includes(column.column)) kind = 'blank'
    } else if (column.type === 'date') {
      if (!(typeof value === 'string' && isIsoDate(value))) kind = 'not-allowed'
    } else if (column.type === 'integer') {
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) kind = 'not-allowed'
    } else if (allowedSet(list, column)?.has(String(value)) === false) kind = 'not-allowed'
    if (kind) {
      const id = row[list.columns[0]!.column]
      issues ??= []
      issues.push({
        sheet: list.sheet,
        column: column.column,
        id: id == null ? null : String(id),
        row: rowNumber,
        kind,
        value,
      })
    }
  }
  return issues ?? []
}
