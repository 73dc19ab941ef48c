import { describe, expect, it } from 'vitest'
import { rule117 } from './rule-117.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 117: adoption decisions by 31 March and while looked after', () => {
  it('flags a reversal dated after care ended', () => {
    expect(
      where(
        run(
          rule117,
          tables({
            Episodes: [{ DEC: '2025-09-01', REC: 'E4A' }],
            PlacedAdoption: [
              { DATE_PLACED: '2025-06-01', DATE_PLACED_CEASED: '2025-10-01', REASON_PLACED_CEASED: 'RD1' },
            ],
          }),
        ),
      ),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED_CEASED | Episodes:0:DEC+REC'])
  })
  it('flags a decision dated after 31 March', () => {
    expect(
      where(run(rule117, tables({ Episodes: [{}], PlacedAdoption: [{ DATE_PLACED: '2026-04-02' }] }))),
    ).toEqual(['PlacedAdoption:0:DATE_PLACED'])
  })
  it('accepts decisions made and reversed while in care', () => {
    expect(
      run(
        rule117,
        tables({
          Episodes: [{ DEC: '2025-09-01', REC: 'X1' }, { DECOM: '2025-09-01' }],
          PlacedAdoption: [
            { DATE_PLACED: '2025-06-01', DATE_PLACED_CEASED: '2025-12-01', REASON_PLACED_CEASED: 'RD1' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
