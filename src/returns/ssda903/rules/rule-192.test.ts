import { describe, expect, it } from 'vitest'
import { rule192 } from './rule-192.ts'
import { run, tables, where } from './test-tables.ts'

describe('rule 192: substance misuse: intervention received completed', () => {
  it('flags received left blank', () => {
    expect(where(run(rule192, tables({ OC2: [{ SUBSTANCE_MISUSE: '1' }] })))).toEqual([
      'OC2:0:INTERVENTION_RECEIVED+SUBSTANCE_MISUSE',
    ])
  })
  it('accepts received 0', () => {
    expect(
      run(
        rule192,
        tables({ OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '0' }] }),
      ),
    ).toEqual([])
  })
})
