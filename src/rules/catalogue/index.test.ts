import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../domain/calendar/working-days.ts'
import { RULES } from './index.ts'

// The registry's own promises: stable, unique ids; one rule per file with its own tests; sources cited;
// local settings declared once with a default.
describe('the rule registry', () => {
  it('has unique kebab-case ids, each in <id>.rule.ts with <id>.rule.test.ts beside it', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(existsSync(new URL(`./${id}.rule.ts`, import.meta.url)), id).toBe(true)
      expect(existsSync(new URL(`./${id}.rule.test.ts`, import.meta.url)), id).toBe(true)
    }
  })

  it('cites a source and says what starts the clock and the threshold', () => {
    for (const rule of RULES) {
      expect(rule.source.citation.length, rule.id).toBeGreaterThan(10)
      expect(rule.source.quote.length, rule.id).toBeGreaterThan(10)
      expect(rule.clockStart.length, rule.id).toBeGreaterThan(3)
      expect(rule.threshold.length, rule.id).toBeGreaterThan(3)
      expect(isIsoDate(rule.effectiveFrom), rule.id).toBe(true)
    }
  })

  it('declares each local setting once, with a positive default', () => {
    const settings = RULES.flatMap((r) => r.settings ?? [])
    const keys = settings.map((s) => s.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const s of settings) {
      expect(s.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(s.default).toBeGreaterThan(0)
      expect(Number.isInteger(s.default)).toBe(true)
    }
  })
})
