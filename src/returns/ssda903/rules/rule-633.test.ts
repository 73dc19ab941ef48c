import { describe, expect, it } from 'vitest'
import { rule633 } from './rule-633.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 633: authority of the previous permanence order', () => {
  it('flags a code that is no authority', () => {
    expect(where(run(rule633, tables({ PrevPerm: [{ PREV_PERM: 'P2', LA_PERM: '458' }] })))).toEqual([
      'PrevPerm:0:LA_PERM',
    ])
  })
  it('accepts an English authority, a newer unitary one, Wales and a blank', () => {
    expect(
      run(
        rule633,
        tables({
          PrevPerm: [
            { PREV_PERM: 'P2', LA_PERM: '305' },
            { CHILD: '2', PREV_PERM: 'P1', LA_PERM: '940' },
            { CHILD: '3', PREV_PERM: 'P3', LA_PERM: 'WAL' },
            { CHILD: '4', PREV_PERM: 'Z1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
