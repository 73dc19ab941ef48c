import { describe, expect, it } from 'vitest'
import { rule557 } from './rule-557.ts'
import { run, tables, where } from './test-tables.ts'

const leftCare = { LS: 'E1', PLACE: 'U4', DEC: '2025-12-01', REC: 'E41' }

describe('rule 557: leaving care unadopted reverses the decision', () => {
  it('flags a decision left unreversed', () => {
    expect(
      where(run(rule557, tables({ Episodes: [leftCare], PlacedAdoption: [{ DATE_PLACED: '2025-04-20' }] }))),
    ).toEqual(['Episodes:0:REC+PLACE+LS | PlacedAdoption:0:DATE_PLACED_CEASED+REASON_PLACED_CEASED'])
  })
  it('flags a child with no decision at all', () => {
    expect(where(run(rule557, tables({ Episodes: [leftCare] })))).toEqual(['Episodes:0:REC+PLACE+LS'])
  })
  it('accepts a reversal with its reason, and an adoption', () => {
    expect(
      run(
        rule557,
        tables({
          Episodes: [leftCare, { CHILD: '2', LS: 'E1', PLACE: 'A6', DEC: '2025-12-01', REC: 'E11' }],
          PlacedAdoption: [
            { DATE_PLACED: '2025-04-20', DATE_PLACED_CEASED: '2025-11-01', REASON_PLACED_CEASED: 'RD1' },
            { CHILD: '2', DATE_PLACED: '2025-04-20' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
