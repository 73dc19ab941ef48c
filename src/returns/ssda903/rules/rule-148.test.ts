import { describe, expect, it } from 'vitest'
import { rule148 } from './rule-148.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 148: DEC and REC together', () => {
  it('flags a DEC without REC and a REC without DEC', () => {
    expect(
      where(run(rule148, tables({ Episodes: [{ DEC: '2025-06-01' }, { CHILD: '2', REC: 'E11' }] }))),
    ).toEqual(['Episodes:0:DEC+REC', 'Episodes:1:DEC+REC'])
  })
  it('accepts both or neither', () => {
    expect(run(rule148, tables({ Episodes: [{ DEC: '2025-06-01', REC: 'E11' }, { CHILD: '2' }] }))).toEqual(
      [],
    )
  })
})
