import { describe, expect, it } from 'vitest'
import { rule158 } from './rule-158.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 158: intervention received: offered left blank', () => {
  it('flags offered given as well as received', () => {
    expect(
      where(
        run(
          rule158,
          tables({ OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: '1' }] }),
        ),
      ),
    ).toEqual(['OC2:0:INTERVENTION_OFFERED+INTERVENTION_RECEIVED'])
  })
  it('accepts received with offered blank', () => {
    expect(run(rule158, tables({ OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }] }))).toEqual([])
  })
})
