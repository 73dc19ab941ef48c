import { describe, expect, it } from 'vitest'
import { rule4180 } from './rule-4180.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 4180: sex', () => {
  it('flags a missing or invalid sex', () => {
    const t = tables([child({ Sex: '1' }), child({ LAchildID: 'C2', Sex: null })])
    expect(where(run(rule4180, t))).toEqual(['ChildIdentifiers:0:Sex', 'ChildIdentifiers:1:Sex'])
  })
  it('accepts M, F and U', () => {
    const t = tables(['M', 'F', 'U'].map((Sex, n) => child({ LAchildID: `C${n}`, Sex })))
    expect(run(rule4180, t)).toEqual([])
  })
  it('checks GenderCurrent before 2024-25', () => {
    const t = tables([child({ GenderCurrent: '1' }), child({ LAchildID: 'C2', GenderCurrent: 'M' })])
    const issues = run(rule4180, t, '2023-24')
    expect(where(issues)).toEqual(['ChildIdentifiers:1:GenderCurrent'])
    expect(issues[0]?.message).toBe('Gender is missing')
  })
})
