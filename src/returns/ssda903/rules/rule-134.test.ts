import { describe, expect, it } from 'vitest'
import { rule134 } from './rule-134.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 134: no adoption data for a care leaver', () => {
  it('flags AD1 beside OC3 items', () => {
    expect(
      where(
        run(
          rule134,
          tables({ AD1: [{ DATE_INT: '2025-05-01' }], OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }] }),
        ),
      ),
    ).toEqual(['AD1:0:DATE_INT | OC3:0:IN_TOUCH+ACTIV+ACCOM'])
  })
  it('accepts AD1 beside a blank OC3 row', () => {
    expect(run(rule134, tables({ AD1: [{ DATE_INT: '2025-05-01' }], OC3: [{}] }))).toEqual([])
  })
})
