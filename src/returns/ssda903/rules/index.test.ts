import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SSDA903_RULES } from './index.ts'

const RULE_LIST = fileURLToPath(
  new URL('../../../../../shared/specs/ssda903/ssda903_validation_rules_all_years.csv', import.meta.url),
)
const here = fileURLToPath(new URL('.', import.meta.url))

/** The DfE rule list's (year, code) → message, read with a minimal RFC 4180 reader. */
function dfeMessages(): Map<string, string> {
  const text = readFileSync(RULE_LIST, 'utf8')
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
      records.push([...record, field])
      record = []
      field = ''
    } else if (ch !== '\r') field += ch
  }
  const map = new Map<string, string>()
  for (const [year, , code, , , message] of records.slice(1)) map.set(`${year} ${code}`, message ?? '')
  return map
}

describe('the SSDA903 rule list', () => {
  it('has each rule once, in code order, with its own file and a test beside it', () => {
    const codes = SSDA903_RULES.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) {
      expect(existsSync(`${here}rule-${code.toLowerCase()}.ts`)).toBe(true)
      expect(existsSync(`${here}rule-${code.toLowerCase()}.test.ts`)).toBe(true)
    }
    const files = readdirSync(here).filter((f) => /^rule-.*(?<!\.test)\.ts$/.test(f))
    expect(files.length).toBe(codes.length)
  })

  it('uses the DfE wording of each year the rule is in force (shared/specs ssda903 rule list)', () => {
    const dfe = dfeMessages()
    for (const rule of SSDA903_RULES)
      for (const year of rule.years) {
        const expected = dfe.get(`${year} ${rule.code}`)
        expect(expected, `${rule.code} ${year}`).toBeDefined()
        expect(rule.earlier?.[year] ?? rule.message, `${rule.code} ${year}`).toBe(expected)
      }
  })
})
