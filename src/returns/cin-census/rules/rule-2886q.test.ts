import { describe, expect, it } from 'vitest'
import { rule2886Q } from './rule-2886q.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 2886Q: children with no sex recorded', () => {
  it('fires for the return when more than 2% have none', () => {
    expect(where(run(rule2886Q, tables([child({ Sex: null })])))).toEqual(['return'])
    expect(where(run(rule2886Q, tables([child({ GenderCurrent: '0' })]), '2022-23'))).toEqual(['return'])
  })
  it('is quiet when sex is recorded, and leaves out unborn children', () => {
    const unborn = child({
      LAchildID: 'C2',
      PersonBirthDate: null,
      ExpectedPersonBirthDate: '2025-06-01',
      Sex: 'U',
    })
    expect(run(rule2886Q, tables([child(), unborn]))).toEqual([])
    expect(run(rule2886Q, tables([child({ GenderCurrent: '1' })]), '2023-24')).toEqual([])
  })
  it('looks at GenderCurrent, with the gender wording, before 2024-25', () => {
    expect(run(rule2886Q, tables([child({ Sex: null, GenderCurrent: '1' })]), '2023-24')).toEqual([])
    expect(run(rule2886Q, tables([child()]), '2023-24')[0]?.message).toContain('no gender recorded')
  })
})
