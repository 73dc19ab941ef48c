import { describe, expect, it } from 'vitest'
import { rule331 } from './rule-331.ts'
import { run, tables, where } from './test-tables.ts'

const adopted = { DECOM: '2025-06-01', RNE: 'P', LS: 'E1', PLACE: 'A6', DEC: '2025-12-01', REC: 'E11' }

describe('rule 331: matched before placed for adoption', () => {
  it('flags a match after the placement began', () => {
    expect(where(run(rule331, tables({ Episodes: [adopted], AD1: [{ DATE_MATCH: '2025-06-02' }] })))).toEqual(
      ['AD1:0:DATE_MATCH | Episodes:0:DECOM+REC'],
    )
  })
  it('accepts a match on the day', () => {
    expect(run(rule331, tables({ Episodes: [adopted], AD1: [{ DATE_MATCH: '2025-06-01' }] }))).toEqual([])
  })
})
