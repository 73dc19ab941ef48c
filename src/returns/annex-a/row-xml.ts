import type { Cell } from './common.ts'
import type { AnnexAColumn } from './spec.ts'

// A list's data rows as SpreadsheetML, made straight from the row Hearth built, for produce.ts to write
// into exceljs's worksheet stream. exceljs makes a Row, a Cell per value, a model, a style lookup and an XML
// builder for every row (2–3 s of CPU for the large authority's 146,000 rows, most of the workbook's time);
// here each cell is a few string joins on parts worked out once per column. The XML is what exceljs writes
// for the same values: a text cell `<c r="B2" t="str"><v>a) Male</v></c>`, a number `<c r="E2"><v>10</v></c>`,
// a date the serial day number with the date style `<c r="D2" s="1"><v>45809</v></c>`, a blank no cell.

const DAY_MS = 86_400_000
/** Excel's serial day number of 1970-01-01 (day 1 is 1900-01-01, counting Excel's 29 February 1900). */
const EXCEL_EPOCH_DAYS = 25_569

/** The column's letters in a cell reference: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

// Characters XML 1.0 does not allow at all (controls other than tab, line feed and carriage return, U+FFFE,
// U+FFFF and halves of a surrogate pair on their own), dropped as exceljs drops the controls; and the two
// that must be escaped in element text, plus > (for "]]>").
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to look for
const NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Text as XML element content: escaped, and without the characters XML cannot hold. */
export function xmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value
  return value.replace(FORBIDDEN, '').replace(/[&<>]/g, (c) => ENTITIES[c]!)
}

/** A civil date 'YYYY-MM-DD' as Excel's serial day number, or null when it is not one. */
export function excelSerial(iso: string): number | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null
  const utc = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
  return Number.isNaN(utc) ? null : utc / DAY_MS + EXCEL_EPOCH_DAYS
}

interface CompiledColumn {
  key: string
  date: boolean
  /** `<c r="D` : the row number follows. */
  open: string
  /** What follows the row number for each kind of value, up to the value. */
  text: string
  number: string
}

/**
 * Makes the XML of a list's rows: `row(values, n)` is `<row r="n">…</row>` for row n (the header being
 * row 1, written by exceljs). `dateStyle` is the workbook's style id for dates (dd/mm/yyyy).
 */
export function rowWriter(columns: readonly AnnexAColumn[], dateStyle: number) {
  const compiled: CompiledColumn[] = columns.map((column, i) => {
    const date = column.type === 'date'
    const style = date ? ` s="${dateStyle}"` : ''
    return {
      key: column.column,
      date,
      open: `<c r="${columnLetters(i)}`,
      text: `"${style} t="str"><v>`,
      number: `"${style}><v>`,
    }
  })
  return (values: Record<string, Cell>, n: number): string => {
    let xml = `<row r="${n}">`
    for (const c of compiled) {
      const value = values[c.key]
      if (value === null || value === undefined || value === '') continue
      if (typeof value === 'number') {
        xml += Number.isFinite(value)
          ? `${c.open}${n}${c.number}${value}</v></c>`
          : `${c.open}${n}${c.text}${value}</v></c>`
      } else {
        const serial = c.date ? excelSerial(value) : null
        xml +=
          serial === null
            ? `${c.open}${n}${c.text}${xmlText(value)}</v></c>`
            : `${c.open}${n}${c.number}${serial}</v></c>`
      }
    }
    return `${xml}</row>`
  }
}
