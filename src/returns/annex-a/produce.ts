import type { Writable } from 'node:stream'
// Loaded when a workbook is made: importing exceljs costs an eighth of Hearth's start-up.
import type ExcelJS from 'exceljs'
import type { DbOrTx } from '../../db/client.ts'
import { type AnnexAIssue, checkRow } from './check.ts'
import { type AnnexAList, type Cell, sealedPeople } from './common.ts'
import { ANNEX_A } from './lists.ts'
import type { AnnexAPeriod } from './period.ts'
import type { AnnexAColumn } from './spec.ts'

// The Annex A workbook: one sheet per list, named as Ofsted's template and liia-tools name them
// ("List 1" … "List 11"), Ofsted's headers in row 1, one row per child or event below. Written with
// exceljs's streaming writer, each row committed as soon as it is made, and read from the database a page
// at a time, so memory stays flat whatever the size of the authority.
//
// Dates are real Excel dates shown as dd/mm/yyyy, not text: they sort and filter as dates in Excel, and
// liia-tools reads a date cell as a date (its to_date takes datetimes as they are and parses text as
// %d/%m/%Y), so both readings of the specification's DD/MM/YYYY are met.

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface ProduceAnnexAOptions {
  period: AnnexAPeriod
  /** Receives the .xlsx file; ended when the workbook is complete. */
  stream: Writable
  /** Lists written so far out of the total, and the one just finished. */
  onProgress?(done: number, total: number, sheet: string): void
  /** The lists to write (all eleven unless a test says otherwise). */
  lists?: readonly AnnexAList[]
  now?: Date
}

export interface AnnexASheetSummary {
  sheet: string
  title: string
  rows: number
}

export interface AnnexAResult {
  lists: AnnexASheetSummary[]
  rows: number
  /** Different children across the lists. */
  children: number
  issues: AnnexAIssue[]
}

const WIDTH: Record<AnnexAColumn['type'], number> = { date: 13, integer: 12, category: 28, string: 22 }

// One style object per kind of cell, shared by every cell: exceljs caches a style's id by object, so a
// shared object is looked up once, where a style per cell is serialised for every cell (over twice as slow).
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' }
const PLAIN_STYLE: Partial<ExcelJS.Style> = {}

const DAY_MS = 86_400_000
/** Excel's serial day number of 1970-01-01 (day 1 is 1900-01-01, counting Excel's 29 February 1900). */
const EXCEL_EPOCH_DAYS = 25_569

/**
 * A cell's value as exceljs takes it; undefined for a blank, so no cell is made for it (exceljs writes
 * nothing for an empty cell either way, but making one costs a style object and its lookup).
 */
function excelValue(column: AnnexAColumn, value: Cell): ExcelJS.CellValue | undefined {
  if (value === null || value === '') return undefined
  // A civil date as the serial day number, as exceljs would write a Date at midnight UTC (the same XML,
  // read back as a date because of the cell's date format), without making a Date for every cell.
  if (column.type === 'date' && typeof value === 'string') {
    const utc = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)))
    return Number.isNaN(utc) ? value : utc / DAY_MS + EXCEL_EPOCH_DAYS
  }
  return value
}

export async function produceAnnexA(db: DbOrTx, options: ProduceAnnexAOptions): Promise<AnnexAResult> {
  const lists = options.lists ?? ANNEX_A
  const { default: excel } = await import('exceljs')
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: options.stream,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Hearth'
  workbook.created = options.now ?? new Date()
  const summaries: AnnexASheetSummary[] = []
  const issues: AnnexAIssue[] = []
  const children = new Set<Cell>()
  let total = 0
  const sealed = await sealedPeople(db)
  // Each list's first rows are read while the list before it is written: its scope query and first batch
  // overlap Node's work on the workbook instead of following it.
  const start = (list: AnnexAList) => {
    const iterator = list.rows(db, options.period, sealed)[Symbol.asyncIterator]()
    const first = iterator.next()
    first.catch(() => {})
    return { iterator, first }
  }
  let upcoming = lists[0] ? start(lists[0]) : null
  for (const [index, list] of lists.entries()) {
    const current = upcoming!
    const following = lists[index + 1]
    upcoming = following ? start(following) : null
    const sheet = workbook.addWorksheet(list.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = list.columns.map((c) => ({ header: c.column, key: c.column, width: WIDTH[c.type] ?? 20 }))
    const styles = list.columns.map((c) => (c.type === 'date' ? DATE_STYLE : PLAIN_STYLE))
    const header = sheet.getRow(1)
    header.eachCell((cell) => {
      cell.style = { font: { bold: true }, alignment: { wrapText: true, vertical: 'top' } }
    })
    header.commit()
    let rows = 0
    const childColumn = list.columns[0]?.column === 'Child Unique ID' ? 'Child Unique ID' : null
    for (let next = await current.first; !next.done; next = await current.iterator.next()) {
      const row = next.value
      rows++
      if (childColumn) children.add(row[childColumn] ?? null)
      for (const issue of checkRow(list, row, rows + 1)) issues.push(issue)
      const values = list.columns.map((c) => excelValue(c, row[c.column] ?? null))
      const added = sheet.addRow(values)
      values.forEach((value, i) => {
        if (value !== undefined) added.getCell(i + 1).style = styles[i]!
      })
      added.commit()
    }
    sheet.commit()
    summaries.push({ sheet: list.sheet, title: list.title, rows })
    total += rows
    options.onProgress?.(summaries.length, lists.length, list.sheet)
  }
  await workbook.commit()
  return { lists: summaries, rows: total, children: children.size, issues }
}
