import { describe, expect, it } from 'vitest'
import { rule336 } from './rule-336.ts'
import { run, tables, where } from './test-tables.ts'

const first = (PLACE: string) => ({ PLACE, DEC: '2025-08-01', REC: 'X1' })
const withFosterCarers = { DECOM: '2025-08-01', RNE: 'T', LS: 'E1', PLACE: 'A5' }

describe('rule 336: placed for adoption with foster carers from a foster placement', () => {
  it('flags A5 after a children’s home', () => {
    expect(where(run(rule336, tables({ Episodes: [first('K2'), withFosterCarers] })))).toEqual([
      'Episodes:1:PLACE | Episodes:0:PLACE',
    ])
  })
  it('accepts A5 after U4, and A6 after a children’s home', () => {
    expect(
      run(
        rule336,
        tables({
          Episodes: [
            first('U4'),
            withFosterCarers,
            { ...first('K2'), CHILD: '2' },
            { ...withFosterCarers, CHILD: '2', PLACE: 'A6' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
