import { describe, expect, it } from 'vitest'
import { rule516 } from './rule-516.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 516: special guardianship to former foster carers from a foster placement', () => {
  it('flags E45 from a children’s home', () => {
    expect(
      where(run(rule516, tables({ Episodes: [{ PLACE: 'K2', DEC: '2025-09-01', REC: 'E45' }] }))),
    ).toEqual(['Episodes:0:REC+PLACE'])
  })
  it('accepts E46 from U4, and E47 from a children’s home', () => {
    expect(
      run(
        rule516,
        tables({
          Episodes: [
            { PLACE: 'U4', DEC: '2025-09-01', REC: 'E46' },
            { CHILD: '2', PLACE: 'K2', DEC: '2025-09-01', REC: 'E47' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
