import { describe, expect, it } from 'vitest'
import { rule165 } from './rule-165.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 165: mother status', () => {
  it('flags a girl looked after in the year with no MOTHER', () => {
    expect(where(run(rule165, tables({ Header: [{ MOTHER: null }], Episodes: [{}] })))).toEqual([
      'Header:0:MOTHER+SEX',
    ])
  })
  it('flags MOTHER for a boy, and a value other than 0 or 1', () => {
    expect(
      where(
        run(
          rule165,
          tables({
            Header: [
              { SEX: 'M', MOTHER: '0' },
              { CHILD: '2', MOTHER: 'Y' },
            ],
            Episodes: [{}, { CHILD: '2' }],
          }),
        ),
      ),
    ).toEqual(['Header:0:MOTHER+SEX', 'Header:1:MOTHER+SEX'])
  })
  it('flags MOTHER for a care leaver not looked after in the year', () => {
    expect(run(rule165, tables({ Header: [{ MOTHER: '1' }], OC3: [{ IN_TOUCH: 'YES' }] }))).toHaveLength(1)
  })
  it('accepts MOTHER for a girl in care, none for a boy or a girl on short breaks only', () => {
    expect(
      run(
        rule165,
        tables({
          Header: [{}, { CHILD: '2', SEX: 'M', MOTHER: null }, { CHILD: '3', MOTHER: null }],
          Episodes: [{}, { CHILD: '2' }, { CHILD: '3', LS: 'V3' }],
        }),
      ),
    ).toEqual([])
  })
})
