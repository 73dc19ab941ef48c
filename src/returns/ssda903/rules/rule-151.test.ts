import { describe, expect, it } from 'vitest'
import { rule151 } from './rule-151.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 151: adoption items all or none', () => {
  it('flags a match date with nothing else', () => {
    expect(where(run(rule151, tables({ AD1: [{ DATE_MATCH: '2025-01-10' }] })))).toEqual([
      'AD1:0:DATE_INT+DATE_MATCH+FOSTER_CARE+NB_ADOPTR+SEX_ADOPTR+LS_ADOPTR',
    ])
  })
  it('accepts every item', () => {
    expect(
      run(
        rule151,
        tables({
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
