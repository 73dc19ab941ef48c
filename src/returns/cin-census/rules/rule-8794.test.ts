import { describe, expect, it } from 'vitest'
import { rule8794 } from './rule-8794.ts'
import { child, run, tables, where } from './test-tables.ts'

describe('rule 8794: repeated disability', () => {
  it('flags every repeat of a code', () => {
    expect(where(run(rule8794, tables([child({ disabilities: ['MOB', 'MOB'] })])))).toEqual([
      'Disabilities:0:Disability',
      'Disabilities:1:Disability',
    ])
  })
  it('accepts different codes, and the same code for different children', () => {
    const t = tables([
      child({ disabilities: ['MOB', 'HAND'] }),
      child({ LAchildID: 'C2', disabilities: ['MOB'] }),
    ])
    expect(run(rule8794, t)).toEqual([])
  })
})
