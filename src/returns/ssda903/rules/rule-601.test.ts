import { describe, expect, it } from 'vitest'
import { rule601 } from './rule-601.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 601: adopted in the year: adoption items completed', () => {
  it('flags an adoption with no AD1 row', () => {
    expect(where(run(rule601, tables({ Episodes: [{ DEC: '2025-09-01', REC: 'E11' }] })))).toEqual([
      'Episodes:0:REC',
    ])
  })
  it('accepts an adoption with its AD1 items', () => {
    expect(
      run(
        rule601,
        tables({
          Episodes: [{ DEC: '2025-09-01', REC: 'E11' }],
          AD1: [
            {
              DATE_INT: '2024-09-01',
              DATE_MATCH: '2025-01-10',
              FOSTER_CARE: '0',
              NB_ADOPTR: '2',
              SEX_ADOPTR: 'MF',
              LS_ADOPTR: 'L11',
            },
          ],
        }),
      ),
    ).toEqual([])
  })
})
