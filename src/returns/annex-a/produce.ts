import type { Writable } from 'node:stream'
// Loaded when a workbook is made: importing exceljs costs an eighth of Hearth's start-up.
import type ExcelJS from 'exceljs'
import type { DbOrTx } from '../../db/client.ts'
import { type AnnexAIssue, checkRow } from './check.ts'
import { type AnnexAList, type Cell, sealedPeople } from './common.ts'
import { ANNEX_A } from './lists.ts'
import type { AnnexAPeriod } from './period.ts'
import { rowWriter } from './row-xml.ts'
import type { AnnexAColumn } from './spec.ts'

// The Annex A workbook: one sheet per list, named as Ofsted's template and liia-tools name them
// ("List 1" … "List 11"), Ofsted's headers in row 1, one row per child or event below. Written with
// exceljs's streaming writer (the zip, workbook, styles, each sheet and its header row), each sheet's rows
// going into its stream as XML (row-xml.ts) as soon as they are made, and read from the database a batch
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

const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' }
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { wrapText: true, vertical: 'top' },
}

/** Rows are handed to the worksheet's stream in pieces of about this many characters, not one by one. */
const CHUNK_CHARS = 64 * 1024

// Two parts of exceljs's streaming writer that its typings leave out, used as exceljs uses them itself:
// the workbook's styles (the id of the date style, which every date cell names) and a worksheet's XML
// stream (the rows made by row-xml.ts, written after the header row exceljs wrote). Checked, so a
// version of exceljs without them fails here, clearly, rather than writing a broken file.
interface WriterStyles {
  styles: { addStyleModel(style: Partial<ExcelJS.Style>): number }
}
interface SheetStream {
  stream: { write(xml: string): unknown }
}

function writerStyles(workbook: object): WriterStyles['styles'] {
  const styles = (workbook as Partial<WriterStyles>).styles
  if (typeof styles?.addStyleModel !== 'function')
    throw new Error('exceljs: the streaming WorkbookWriter has no styles.addStyleModel')
  return styles
}

function sheetStream(sheet: object): SheetStream['stream'] {
  const stream = (sheet as Partial<SheetStream>).stream
  if (typeof stream?.write !== 'function') throw new Error('exceljs: the streaming worksheet has no stream')
  return stream
}

export async function produceAnnexA(db: DbOrTx, options: ProduceAnnexAOptions): Promise<AnnexAResult> {
  const lists = options.lists ?? ANNEX_A
  // exceljs loads (a quarter of a second of CPU the first time) while the database reads the sealed records
  // and the first list's first rows.
  const loading = import('exceljs')
  loading.catch(() => {})
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
  const { default: excel } = await loading
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: options.stream,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Hearth'
  workbook.created = options.now ?? new Date()
  const dateStyle = writerStyles(workbook).addStyleModel(DATE_STYLE)
  const summaries: AnnexASheetSummary[] = []
  const issues: AnnexAIssue[] = []
  const children = new Set<Cell>()
  let total = 0
  for (const [index, list] of lists.entries()) {
    const current = upcoming!
    const following = lists[index + 1]
    upcoming = following ? start(following) : null
    const sheet = workbook.addWorksheet(list.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = list.columns.map((c) => ({ header: c.column, key: c.column, width: WIDTH[c.type] ?? 20 }))
    const header = sheet.getRow(1)
    header.eachCell((cell) => {
      cell.style = HEADER_STYLE
    })
    // exceljs writes the sheet's start, its columns and the header row; the rows follow as XML.
    header.commit()
    const out = sheetStream(sheet)
    const rowXml = rowWriter(list.columns, dateStyle)
    let rows = 0
    let chunk = ''
    const childColumn = list.columns[0]?.column === 'Child Unique ID' ? 'Child Unique ID' : null
    for (let next = await current.first; !next.done; next = await current.iterator.next()) {
      const row = next.value
      rows++
      if (childColumn) children.add(row[childColumn] ?? null)
      for (const issue of checkRow(list, row, rows + 1)) issues.push(issue)
      chunk += rowXml(row, rows + 1)
      if (chunk.length >= CHUNK_CHARS) {
        out.write(chunk)
        chunk = ''
      }
    }
    if (chunk) out.write(chunk)
    sheet.commit()
    summaries.push({ sheet: list.sheet, title: list.title, rows })
    total += rows
    options.onProgress?.(summaries.length, lists.length, list.sheet)
  }
  await workbook.commit()
  return { lists: summaries, rows: total, children: children.size, issues }
}
