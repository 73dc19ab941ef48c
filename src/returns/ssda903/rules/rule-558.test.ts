import { describe, expect, it } from 'vitest'
import { rule558 } from './rule-558.ts'
import { run, tables, where } from './test-tables.ts'

const adopted = { LS: 'E1', PLACE: 'A6', DEC: '2025-12-01', REC: 'E11' }

describe('rule 558: an adopted child’s decision is not reversed', () => {
  it('flags adoption with the only decision reversed', () => {
    expect(
      where(
        run(
          rule558,
          tables({
            Episodes: [adopted],
            PlacedAdoption: [
              { DATE_PLACED: '2025-04-20', DATE_PLACED_CEASED: '2025-11-01', REASON_PLACED_CEASED: 'RD1' },
            ],
          }),
        ),
      ),
    ).toEqual(['Episodes:0:REC | PlacedAdoption:0:DATE_PLACED_CEASED'])
  })
  it('accepts adoption with the decision in force', () => {
    expect(
      run(rule558, tables({ Episodes: [adopted], PlacedAdoption: [{ DATE_PLACED: '2025-04-20' }] })),
    ).toEqual([])
  })
})
