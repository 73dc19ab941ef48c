import { describe, expect, it } from 'vitest'
import { rule431 } from './rule-431.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 431: started care the day the last episode ended', () => {
  it('flags S on the day the previous episode ended', () => {
    expect(
      where(run(rule431, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E13' }, { DECOM: '2025-06-01' }] }))),
    ).toEqual(['Episodes:1:RNE+DECOM'])
  })
  it('accepts S after a gap', () => {
    expect(
      run(rule431, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E13' }, { DECOM: '2025-06-02' }] })),
    ).toEqual([])
  })
})
