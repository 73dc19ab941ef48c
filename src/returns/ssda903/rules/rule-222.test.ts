import { describe, expect, it } from 'vitest'
import { rule222 } from './rule-222.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 222: no URN for unregistered placements', () => {
  it('flags a URN on a placement with parents', () => {
    expect(where(run(rule222, tables({ Episodes: [{ PLACE: 'P1', URN: 'SC123456' }] })))).toEqual([
      'Episodes:0:URN+PLACE',
    ])
  })
  it('accepts XXXXXXX there, and a URN on a foster placement', () => {
    expect(
      run(
        rule222,
        tables({
          Episodes: [
            { PLACE: 'P1', URN: 'XXXXXXX' },
            { CHILD: '2', PLACE: 'U4', URN: 'SC123456' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
