import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
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

function excelValue(column: AnnexAColumn, value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null
  // A civil date as midnight UTC: exceljs turns it into the serial day number with no time of day.
  if (column.type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`)
  return value
}

export async function produceAnnexA(db: DbOrTx, options: ProduceAnnexAOptions): Promise<AnnexAResult> {
  const lists = options.lists ?? ANNEX_A
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
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
  for (const list of lists) {
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
    for await (const row of list.rows(db, options.period, sealed)) {
      rows++
      if (childColumn) children.add(row[childColumn] ?? null)
      for (const issue of checkRow(list, row, rows + 1)) issues.push(issue)
      const values = list.columns.map((c) => excelValue(c, row[c.column] ?? null))
      const added = sheet.addRow(values)
      values.forEach((value, i) => {
        if (value !== null) added.getCell(i + 1).style = styles[i]!
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
