import { describe, expect, it } from 'vitest'
import { rule408 } from './rule-408.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 408: placed for adoption with a placement order', () => {
  it('flags A6 under a care order', () => {
    expect(where(run(rule408, tables({ Episodes: [{ PLACE: 'A6', LS: 'C2' }] })))).toEqual([
      'Episodes:0:PLACE+LS',
    ])
  })
  it('accepts A6 under E1, and A4 under a care order', () => {
    expect(
      run(
        rule408,
        tables({
          Episodes: [
            { PLACE: 'A6', LS: 'E1' },
            { CHILD: '2', PLACE: 'A4' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
