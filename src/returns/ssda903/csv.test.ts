import { describe, expect, it } from 'vitest'
import { csvField, csvHeader, csvLine, csvRow, ukDate } from './csv.ts'
import { ssda903Row } from './tables.ts'

describe('903 CSV writer', () => {
  it('leaves plain fields alone and writes blanks as empty fields', () => {
    expect(csvLine(['123', 'M', null, '', 'WBRI'])).toBe('123,M,,,WBRI\r\n')
  })

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField(' spaced ')).toBe(' spaced ')
  })

  it('round-trips through a standard reader', () => {
    const values = ['x', 'a,b', '"q"', 'l1\r\nl2', '', null]
    const line = csvLine(values)
    // A minimal RFC 4180 reader for the check.
    const read: string[] = []
    let i = 0
    let field = ''
    let quoted = false
    for (; i < line.length; i++) {
      const ch = line[i]!
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"'
          i++
        } else if (ch === '"') quoted = false
        else field += ch
      } else if (ch === '"') quoted = true
      else if (ch === ',') {
        read.push(field)
        field = ''
      } else if (ch === '\r' && line[i + 1] === '\n') {
        read.push(field)
        break
      } else field += ch
    }
    expect(read).toEqual(['x', 'a,b', '"q"', 'l1\r\nl2', '', ''])
  })

  it('writes dates DD/MM/YYYY and columns in the DfE order', () => {
    expect(ukDate('2025-04-01')).toBe('01/04/2025')
    expect(ukDate(null)).toBeNull()
    expect(csvHeader('Missing')).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\r\n')
    expect(
      csvRow(
        'Missing',
        ssda903Row('Missing', { CHILD: '7', DOB: '2010-02-28', MISSING: 'M', MIS_START: '2025-06-01' }),
      ),
    ).toBe('7,28/02/2010,M,01/06/2025,\r\n')
  })
})
