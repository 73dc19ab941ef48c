import { describe, expect, it } from 'vitest'
import { rule217 } from './rule-217.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 217: placed for adoption with current foster carers', () => {
  it('flags A5 with a change of carer (P)', () => {
    expect(where(run(rule217, tables({ Episodes: [{ PLACE: 'A5', RNE: 'P' }] })))).toEqual([
      'Episodes:0:RNE+PLACE+DECOM',
    ])
  })
  it('accepts A5 with the same carers (T), and A3 before April 2015', () => {
    expect(
      run(
        rule217,
        tables({
          Episodes: [
            { PLACE: 'A5', RNE: 'T' },
            { CHILD: '2', PLACE: 'A3', RNE: 'P', DECOM: '2015-03-31' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
