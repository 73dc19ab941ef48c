import { describe, expect, it } from 'vitest'
import { rule168 } from './rule-168.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 168: UPN format', () => {
  it('flags UN7, a UPN starting with S and a short UPN', () => {
    expect(
      where(
        run(
          rule168,
          tables({
            Header: [{ UPN: 'UN7' }, { CHILD: '2', UPN: 'S074885779408' }, { CHILD: '3', UPN: 'M0940709' }],
          }),
        ),
      ),
    ).toEqual(['Header:0:UPN', 'Header:1:UPN', 'Header:2:UPN'])
  })
  it('accepts a UPN, a temporary UPN and UN3', () => {
    expect(
      run(
        rule168,
        tables({ Header: [{}, { CHILD: '2', UPN: 'X06805040829A' }, { CHILD: '3', UPN: 'UN3' }] }),
      ),
    ).toEqual([])
  })
})
