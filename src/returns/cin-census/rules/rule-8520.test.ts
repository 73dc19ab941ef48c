import { describe, expect, it } from 'vitest'
import { rule8520 } from './rule-8520.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8520: date of birth after the census', () => {
  it('flags a birth after the reference date', () => {
    expect(where(run(rule8520, tables([child({ PersonBirthDate: '2025-04-01' })])))).toEqual([
      'ChildIdentifiers:0:PersonBirthDate',
    ])
  })
  it('accepts a birth on the reference date', () => {
    expect(run(rule8520, tables([child({ PersonBirthDate: '2025-03-31' })]))).toEqual([])
  })
})
