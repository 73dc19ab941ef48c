import { DATE_COLUMNS, SSDA903_COLUMNS, type Ssda903Row, type Ssda903TableName } from './tables.ts'

// A small CSV writer for the 903 files (RFC 4180): fields are comma-separated, a field holding a comma,
// a double quote, a carriage return or a line feed is wrapped in double quotes with its quotes doubled,
// and lines end with CRLF. A blank (null) value is an empty field.

const NEEDS_QUOTES = /[",\r\n]/

export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export function csvLine(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** ISO 'YYYY-MM-DD' as the DfE's DD/MM/YYYY; anything else is written as it is. */
export function ukDate(value: string | null): string | null {
  if (value === null) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value
}

/** The header line of a table's file: its DfE column names in order. */
export function csvHeader(table: Ssda903TableName): string {
  return csvLine(SSDA903_COLUMNS[table])
}

/** One row of a table as a CSV line, dates written DD/MM/YYYY. */
export function csvRow<N extends Ssda903TableName>(table: N, row: Ssda903Row<N>): string {
  const values = row as Record<string, string | null>
  return csvLine(
    SSDA903_COLUMNS[table].map((column) =>
      DATE_COLUMNS.has(column) ? ukDate(values[column] ?? null) : (values[column] ?? null),
    ),
  )
}
