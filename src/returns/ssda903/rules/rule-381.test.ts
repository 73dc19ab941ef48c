import { describe, expect, it } from 'vitest'
import { rule381 } from './rule-381.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 381: care ends in a temporary placement', () => {
  it('flags care ending from T1', () => {
    expect(
      where(
        run(
          rule381,
          tables({ Episodes: [{ PLACE: 'T1', PLACE_PROVIDER: null, DEC: '2025-06-01', REC: 'E13' }] }),
        ),
      ),
    ).toEqual(['Episodes:0:PLACE+REC'])
  })
  it('accepts a temporary placement followed by another episode', () => {
    expect(
      run(
        rule381,
        tables({ Episodes: [{ PLACE: 'T1', PLACE_PROVIDER: null, DEC: '2025-06-01', REC: 'X1' }] }),
      ),
    ).toEqual([])
  })
})
