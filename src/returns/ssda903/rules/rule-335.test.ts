import { describe, expect, it } from 'vitest'
import { rule335 } from './rule-335.ts'
import { run, tables, where } from './test-tables.ts'

const adoptedFrom = (PLACE: string) => ({ LS: 'E1', PLACE, DEC: '2025-12-01', REC: 'E12' })

describe('rule 335: adopted by foster carers matches the placement', () => {
  it('flags FOSTER_CARE 0 for adoption from A5', () => {
    expect(
      where(run(rule335, tables({ Episodes: [adoptedFrom('A5')], AD1: [{ FOSTER_CARE: '0' }] }))),
    ).toEqual(['AD1:0:FOSTER_CARE | Episodes:0:PLACE'])
  })
  it('flags FOSTER_CARE 1 for adoption from A6', () => {
    expect(run(rule335, tables({ Episodes: [adoptedFrom('A6')], AD1: [{ FOSTER_CARE: '1' }] }))).toHaveLength(
      1,
    )
  })
  it('accepts 1 from A5 and 0 from A6', () => {
    expect(
      run(
        rule335,
        tables({
          Episodes: [adoptedFrom('A5'), { ...adoptedFrom('A6'), CHILD: '2' }],
          AD1: [{ FOSTER_CARE: '1' }, { CHILD: '2', FOSTER_CARE: '0' }],
        }),
      ),
    ).toEqual([])
  })
})
