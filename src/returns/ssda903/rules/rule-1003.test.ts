import { describe, expect, it } from 'vitest'
import { rule1003 } from './rule-1003.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 1003: should-be-placed decision after care began', () => {
  it('flags a decision before the episode that starts care', () => {
    expect(
      where(run(rule1003, tables({ Episodes: [{}], PlacedAdoption: [{ DATE_PLACED: '2025-04-30' }] }))),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED | Episodes:0:DECOM+RNE'])
  })
  it('accepts one on the day, and a child in care since before the year', () => {
    expect(
      run(
        rule1003,
        tables({
          Episodes: [{}, { CHILD: '2', DECOM: '2023-01-01', RNE: 'L' }],
          PlacedAdoption: [{ DATE_PLACED: '2025-05-01' }, { CHILD: '2', DATE_PLACED: '2022-05-01' }],
        }),
      ),
    ).toEqual([])
  })
})
