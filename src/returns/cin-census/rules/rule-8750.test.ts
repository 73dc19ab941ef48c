import { describe, expect, it } from 'vitest'
import { rule8750 } from './rule-8750.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8750: sex of an unborn child', () => {
  const unborn = (overrides = {}) =>
    child({ PersonBirthDate: null, ExpectedPersonBirthDate: '2025-06-01', ...overrides })
  it('flags an unborn child whose sex is not U', () => {
    expect(where(run(rule8750, tables([unborn()])))).toEqual([
      'ChildIdentifiers:0:Sex+PersonBirthDate+ExpectedPersonBirthDate',
    ])
  })
  it('accepts U, and born children', () => {
    expect(run(rule8750, tables([unborn({ Sex: 'U' }), child({ LAchildID: 'C2' })]))).toEqual([])
  })
  it('checks GenderCurrent 0 before 2024-25', () => {
    expect(where(run(rule8750, tables([unborn({ GenderCurrent: '1' })]), '2023-24'))).toEqual([
      'ChildIdentifiers:0:GenderCurrent+PersonBirthDate+ExpectedPersonBirthDate',
    ])
    expect(run(rule8750, tables([unborn({ GenderCurrent: '0' })]), '2023-24')).toEqual([])
  })
})
