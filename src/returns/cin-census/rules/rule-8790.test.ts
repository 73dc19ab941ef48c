import { describe, expect, it } from 'vitest'
import { rule8790 } from './rule-8790.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8790: NONE with other disabilities', () => {
  it('flags the other codes of a child with NONE', () => {
    expect(where(run(rule8790, tables([child({ disabilities: ['NONE', 'MOB'] })])))).toEqual([
      'Disabilities:1:Disability',
    ])
  })
  it('accepts NONE alone', () => {
    expect(
      run(rule8790, tables([child(), child({ LAchildID: 'C2', disabilities: ['MOB', 'HAND'] })])),
    ).toEqual([])
  })
})
