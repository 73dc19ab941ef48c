import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { foldName, NAME_SEARCH_INDEXES, nearSpellings } from './people.ts'

describe('name search spellings', () => {
  it('reads accented letters as plain ones, in lower case, without spaces, hyphens and apostrophes', () => {
    expect(foldName('Wiśniewska')).toBe('wisniewska')
    expect(foldName('ŁUKASZ Zoë Renée Şahin Dvořák')).toBe('lukaszzoereneesahindvorak')
    // Marks go too: O'Brien is obrien, Smith-Jones smithjones.
    expect(foldName("O'Brien-Smith")).toBe('obriensmith')
  })

  it('gives the spellings one slip away: a letter missing, one too many, one changed, two swapped', () => {
    const near = nearSpellings('owusu')
    for (const slip of ['owsu', 'owussu', 'owasu', 'owuus', 'wousu', 'owusua'])
      expect(near, slip).toContain(slip)
    expect(near).not.toContain('owusu')
    // Two slips are not one.
    expect(near).not.toContain('owsa')
    expect(near).not.toContain('wouss')
  })

  it('gives a three-letter word only the spellings one letter shorter, and nothing for shorter words', () => {
    expect(nearSpellings('lii').sort()).toEqual(['ii', 'li'])
    expect(nearSpellings('li')).toEqual([])
  })
})

describe('name search indexes', () => {
  it('are in a migration exactly as the search expects them', () => {
    // The planner uses an expression index only when the query's expression is the same text.
    const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations')
    const sql = readdirSync(migrations)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => readFileSync(path.join(migrations, f), 'utf8'))
      .join('\n')
    for (const statement of NAME_SEARCH_INDEXES) expect(sql).toContain(statement)
  })
})
