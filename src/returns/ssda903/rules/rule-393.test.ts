import { describe, expect, it } from 'vitest'
import { rule393 } from './rule-393.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 393: mother field for a girl in care', () => {
  it('flags a girl in care with the mother field blank', () => {
    expect(where(run(rule393, tables({ Header: [{ MOTHER: null }], Episodes: [{}] })))).toEqual([
      'Header:0:MOTHER',
    ])
  })
  it('accepts a boy, and a girl on short breaks only', () => {
    expect(
      run(
        rule393,
        tables({
          Header: [
            { SEX: 'M', MOTHER: null },
            { CHILD: '2', MOTHER: null },
          ],
          Episodes: [{}, { CHILD: '2', LS: 'V3' }],
        }),
      ),
    ).toEqual([])
  })
})
