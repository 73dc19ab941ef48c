import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { DbOrTx } from '../../db/client.ts'
import type { AnnexAList, Cell } from './common.ts'
import { list1 } from './list-01-contacts.ts'
import { annexAPeriod } from './period.ts'
import { type AnnexAResult, produceAnnexA } from './produce.ts'
import { columnLetters, excelSerial, rowWriter, xmlText } from './row-xml.ts'
import type { AnnexAColumn } from './spec.ts'

// The workbook as produce.ts writes it (exceljs for the workbook, the sheets and their header rows; the
// rows as XML from row-xml.ts), read back with exceljs as Excel and Ofsted's tools would read it. The lists
// here are made up: the lists' own rows are tested on a database in test/integration/returns/annex-a.test.ts.

/** No database: the sealed records are read from it, and none are. */
const noDatabase = { execute: async () => ({ rows: [] }) } as unknown as DbOrTx

const column = (
  position: number,
  name: string,
  type: AnnexAColumn['type'],
  required = false,
): AnnexAColumn => ({
  position,
  column: name,
  type,
  format: '',
  required,
})

const COLUMNS = [
  column(1, 'Child Unique ID', 'string', true),
  column(2, 'Name & <note>', 'string'),
  column(3, 'Date of Birth', 'date', true),
  column(4, 'Count', 'integer'),
  column(5, 'Answer', 'category'),
] as const

function madeUpList(sheet: string, rows: Record<string, Cell>[], columns: readonly AnnexAColumn[] = COLUMNS) {
  return {
    sheet,
    title: `${sheet}, made up`,
    columns,
    notHeld: [],
    async *rows() {
      yield* rows
    },
  } satisfies AnnexAList
}

async function produce(lists: AnnexAList[]): Promise<{ workbook: ExcelJS.Workbook; result: AnnexAResult }> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  const result = await produceAnnexA(noDatabase, {
    period: annexAPeriod('2026-03-31', 6),
    stream,
    lists,
    now: new Date('2026-04-01T09:00:00Z'),
  })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
  return { workbook, result }
}

/** Row n of a sheet as cell values, column by column (blank cells as null). */
function valuesOf(sheet: ExcelJS.Worksheet, n: number, columns: number): unknown[] {
  const row = sheet.getRow(n)
  return Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value ?? null)
}

describe('the Annex A workbook as written', () => {
  it('has a sheet per list with its headers, bold and frozen, and the rows below as text, numbers and dates', async () => {
    const { workbook, result } = await produce([
      madeUpList('List A', [
        {
          'Child Unique ID': '101',
          'Name & <note>': 'a) Male',
          'Date of Birth': '2015-06-01',
          Count: 3,
          Answer: 'b) No',
        },
        {
          'Child Unique ID': '102',
          'Name & <note>': null,
          'Date of Birth': '2024-02-29',
          Count: 0,
          Answer: '',
        },
      ]),
      madeUpList('List B', []),
    ])
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['List A', 'List B'])
    const a = workbook.getWorksheet('List A')!
    expect(valuesOf(a, 1, 5)).toEqual(COLUMNS.map((c) => c.column))
    expect(a.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(a.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(a.rowCount).toBe(3)
    expect(valuesOf(a, 2, 5)).toEqual(['101', 'a) Male', new Date('2015-06-01T00:00:00Z'), 3, 'b) No'])
    // Blank cells are no cells; a count of 0 is a number.
    expect(valuesOf(a, 3, 5)).toEqual(['102', null, new Date('2024-02-29T00:00:00Z'), 0, null])
    expect(a.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy')
    expect(a.getRow(2).getCell(1).numFmt).toBeUndefined()
    const b = workbook.getWorksheet('List B')!
    expect(b.rowCount).toBe(1)
    expect(valuesOf(b, 1, 5)).toEqual(COLUMNS.map((c) => c.column))
    expect(result).toMatchObject({
      rows: 2,
      children: 2,
      lists: [
        { sheet: 'List A', title: 'List A, made up', rows: 2 },
        { sheet: 'List B', title: 'List B, made up', rows: 0 },
      ],
      issues: [],
    })
  })

  it('writes any text as it was given, escaped, leaving out only characters XML cannot hold', async () => {
    const texts = [
      'Tom & Jerry <the "cat"> \'s',
      ']]> as typed',
      'O\u2019Brien, Zo\u00eb, \u{1F600}',
      'tab\there, line\nbreak',
      'bell\u0007, escape\u001b, U+FFFF\uffff, half a pair \ud83d alone',
    ]
    const { workbook } = await produce([
      madeUpList(
        'List A',
        texts.map((text, i) => ({
          'Child Unique ID': String(i),
          'Name & <note>': text,
          'Date of Birth': null,
        })),
      ),
    ])
    const sheet = workbook.getWorksheet('List A')!
    expect(texts.map((_, i) => sheet.getRow(i + 2).getCell(2).value)).toEqual([
      'Tom & Jerry <the "cat"> \'s',
      ']]> as typed',
      'O\u2019Brien, Zo\u00eb, \u{1F600}',
      'tab\there, line\nbreak',
      'bell, escape, U+FFFF, half a pair  alone',
    ])
  })

  it('writes a date column that does not hold a date as the text it holds, and reports it', async () => {
    const { workbook, result } = await produce([
      madeUpList('List A', [
        { 'Child Unique ID': '7', 'Date of Birth': 'not known' },
        { 'Child Unique ID': '8', 'Date of Birth': null },
      ]),
    ])
    const sheet = workbook.getWorksheet('List A')!
    expect(sheet.getRow(2).getCell(3).value).toBe('not known')
    expect(result.issues).toEqual([
      { sheet: 'List A', column: 'Date of Birth', id: '7', row: 2, kind: 'not-allowed', value: 'not known' },
      { sheet: 'List A', column: 'Date of Birth', id: '8', row: 3, kind: 'blank', value: null },
    ])
  })

  it('keeps every row, in order, when a list is written in many pieces', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => ({
      'Child Unique ID': String(1_000_000 + i),
      Gender: i % 2 ? 'a) Male' : 'b) Female',
      Ethnicity: 'a) WBRI',
      'Date of Birth': `20${String(10 + (i % 10))}-0${1 + (i % 9)}-1${i % 10}`,
      'Age of Child (Years)': i % 18,
      'Date of Contact': '2026-01-10',
      'Contact Source': 'e) 2A: Schools',
    }))
    const { workbook, result } = await produce([
      {
        ...list1,
        rows: async function* () {
          yield* rows
        },
      },
    ])
    const sheet = workbook.getWorksheet('List 1')!
    // About 250 characters a row: the sheet's rows reach exceljs in several pieces of 64 kB.
    expect(sheet.rowCount).toBe(2_001)
    for (const i of [0, 1, 999, 1_000, 1_999]) {
      const row = rows[i]!
      expect(valuesOf(sheet, i + 2, 7)).toEqual([
        row['Child Unique ID'],
        row.Gender,
        row.Ethnicity,
        new Date(`${row['Date of Birth']}T00:00:00Z`),
        row['Age of Child (Years)'],
        new Date('2026-01-10T00:00:00Z'),
        row['Contact Source'],
      ])
    }
    expect(result.rows).toBe(2_000)
    expect(result.children).toBe(2_000)
    expect(result.issues).toEqual([])
  })
})

describe('row XML', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 33, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AH',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ])
  })

  it('gives a civil date as its Excel serial day number, and nothing for what is not a date', () => {
    expect(excelSerial('1970-01-01')).toBe(25_569)
    expect(excelSerial('1900-03-01')).toBe(61)
    expect(excelSerial('2026-03-31')).toBe(46_112)
    expect(excelSerial('not a date')).toBeNull()
    expect(excelSerial('2026-3-31')).toBeNull()
    expect(excelSerial('20xx-03-31')).toBeNull()
  })

  it('escapes text and drops what XML forbids, and leaves ordinary text as it is', () => {
    const plain = 'a) Male'
    expect(xmlText(plain)).toBe(plain)
    expect(xmlText('A & B <c> d')).toBe('A &amp; B &lt;c&gt; d')
    // Text that looks like an entity is text (exceljs's reader decodes a str cell twice, so this is tested
    // here rather than by reading a workbook back).
    expect(xmlText('&amp;')).toBe('&amp;amp;')
    expect(xmlText('\u0000x\u0008\u000b\u000c\u001f\u007f\ufffe\uffffy')).toBe('xy')
    expect(xmlText('\t\n\r')).toBe('\t\n\r')
    expect(xmlText('\u{1F600} \udc00 \ud800')).toBe('\u{1F600}  ')
  })

  it('writes blank cells as no cell, numbers as numbers and dates with the date style', () => {
    const row = rowWriter(COLUMNS, 7)
    expect(
      row(
        {
          'Child Unique ID': '9',
          'Name & <note>': '',
          'Date of Birth': '1970-01-02',
          Count: 4,
          Answer: null,
        },
        12,
      ),
    ).toBe(
      '<row r="12"><c r="A12" t="str"><v>9</v></c><c r="C12" s="7"><v>25570</v></c><c r="D12"><v>4</v></c></row>',
    )
  })
})
