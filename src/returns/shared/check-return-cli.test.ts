import { describe, expect, it } from 'vitest'
import { type CliIo, runCheckReturn } from './check-return-cli.ts'

const header = (year: string, ref: string) =>
  `<Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${ref}</ReferenceDate></CollectionDetails></Header>`
const child = (sex: string) => `<Child><ChildIdentifiers><LAchildID>C1</LAchildID><UPN>X201000000120</UPN>
  <PersonBirthDate>2015-05-14</PersonBirthDate><Sex>${sex}</Sex></ChildIdentifiers>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>MOB</Disability><Disability>HAND</Disability>
  <Disability>PC</Disability><Disability>INC</Disability><Disability>COMM</Disability><Disability>LD</Disability>
  <Disability>HEAR</Disability><Disability>VIS</Disability></Disabilities></ChildCharacteristics>
  <CINdetails><CINreferralDate>2024-06-03</CINreferralDate><ReferralSource>1A</ReferralSource>
  <PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA></CINdetails></Child>`
const FILES: Record<string, string> = {
  'good.xml': `<Message>${header('2025', '2025-03-31')}<Children>${child('F')}</Children></Message>`,
  'bad.xml': `<Message>${header('2025', '2025-03-31')}<Children>${child('1')}</Children></Message>`,
  'junk.xml': 'not xml at all',
}

function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const text = FILES[path]
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' })
      return new TextEncoder().encode(text)
    },
  }
  const code = runCheckReturn(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('check-return', () => {
  it('exits 0 for a clean file and 1 when errors are found', () => {
    expect(run('cin-census', 'good.xml', '--year', '2024-25')).toMatchObject({ code: 0 })
    const bad = run('cin-census', 'bad.xml')
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('4180   error      1  Sex must be provided and equal M, F, or U')
    expect(bad.out).toContain('C1  4180 error  ChildIdentifiers[0] Sex')
  })

  it('prints JSON', () => {
    const { code, out } = run('cin-census', 'bad.xml', '--json', '--year=2025-26')
    const report = JSON.parse(out)
    expect(code).toBe(1)
    expect(report).toMatchObject({ collectionYear: '2025-26', children: 1, errors: 1, queries: 0 })
    expect(report.summary).toEqual([
      { code: '4180', type: 'error', message: 'Sex must be provided and equal M, F, or U', count: 1 },
    ])
    expect(report.issues[0]).toMatchObject({
      code: '4180',
      laChildId: 'C1',
      table: 'ChildIdentifiers',
      fields: ['Sex'],
    })
  })

  it('exits 2 with a clear message on bad usage', () => {
    expect(run('ssda903', 'good.xml')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown return type "ssda903"'),
    })
    expect(run('cin-census', 'good.xml', '--year', '2020-21')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unsupported collection year "2020-21"'),
    })
    expect(run('cin-census', 'nowhere.xml')).toMatchObject({ code: 2, err: 'File not found: nowhere.xml' })
    expect(run('cin-census', 'junk.xml')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Cannot read junk.xml'),
    })
    expect(run('cin-census')).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') })
    expect(run('cin-census', 'good.xml', '--verbose').code).toBe(2)
    expect(run('--help')).toMatchObject({ code: 0, out: expect.stringContaining('Usage:') })
  })
})
