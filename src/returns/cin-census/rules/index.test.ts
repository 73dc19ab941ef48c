import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { COLLECTION_YEARS } from '../../shared/collection-year.ts'
import { messageFor } from './helpers.ts'
import { CIN_RULES } from './index.ts'

const RULE_LIST = fileURLToPath(
  new URL('../../../../../shared/specs/cin-census/cin_validation_rules_all_years.csv', import.meta.url),
)

function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else if (ch !== '\r') field += ch
  }
  if (field !== '' || record.length > 0) records.push([...record, field])
  const [header, ...rows] = records
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])))
}

describe('CIN rule registry', () => {
  it('lists 109 rules once each', () => {
    const codes = CIN_RULES.map((r) => r.code)
    expect(codes).toHaveLength(109)
    expect(new Set(codes).size).toBe(109)
  })

  it('matches the DfE rule list of every collection year', () => {
    const rows = parseCsv(readFileSync(RULE_LIST, 'utf8'))
    for (const year of COLLECTION_YEARS) {
      const listed = rows.filter((r) => r.collection_year === year)
      const inForce = CIN_RULES.filter((r) => !r.years || r.years.includes(year))
      expect(inForce.map((r) => r.code).sort()).toEqual(listed.map((r) => r.rule_code).sort())
      for (const row of listed) {
        const rule = CIN_RULES.find((r) => r.code === row.rule_code)
        expect(rule?.type).toBe(row.rule_type)
        expect(rule?.table).toBe(row.table)
        expect(rule && messageFor(rule, year)).toBe(row.message)
        const fields = rule?.earlier?.[year]?.affectedFields ?? rule?.affectedFields
        expect(fields?.join('|')).toBe(row.affected_fields)
      }
    }
  })
})
