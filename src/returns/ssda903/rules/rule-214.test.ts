import { describe, expect, it } from 'vitest'
import { rule214 } from './rule-214.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 214: no placement location for short breaks', () => {
  it('flags a short break with a placement postcode', () => {
    expect(where(run(rule214, tables({ Episodes: [{ LS: 'V3', URN: null }] })))).toEqual([
      'Episodes:0:PL_POST+URN',
    ])
  })
  it('accepts a short break with neither, and a care order with both', () => {
    expect(
      run(
        rule214,
        tables({
          Episodes: [
            { LS: 'V4', PL_POST: null, URN: null },
            { CHILD: '2', URN: 'SC123456' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
