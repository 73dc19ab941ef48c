import { describe, expect, it } from 'vitest'
import { rule4220 } from './rule-4220.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 4220: ethnicity', () => {
  it('flags a missing or invalid ethnicity', () => {
    const t = tables([child({ Ethnicity: 'XXXX' }), child({ LAchildID: 'C2', Ethnicity: null })])
    expect(where(run(rule4220, t))).toEqual([
      'ChildCharacteristics:0:Ethnicity',
      'ChildCharacteristics:1:Ethnicity',
    ])
  })
  it('accepts a valid code', () => {
    expect(run(rule4220, tables([child()]))).toEqual([])
  })
})
