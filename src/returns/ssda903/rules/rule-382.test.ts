import { describe, expect, it } from 'vitest'
import { rule382 } from './rule-382.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 382: no temporary placement on a short break', () => {
  it('flags V4 in T1', () => {
    expect(where(run(rule382, tables({ Episodes: [{ LS: 'V4', PLACE: 'T1' }] })))).toEqual([
      'Episodes:0:LS+PLACE',
    ])
  })
  it('accepts V4 in a children’s home, and T1 under a care order', () => {
    expect(
      run(
        rule382,
        tables({
          Episodes: [
            { LS: 'V4', PLACE: 'K2' },
            { CHILD: '2', PLACE: 'T1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
