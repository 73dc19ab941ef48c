import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/client.ts'
import { produceCinCensus } from '../src/returns/cin-census/produce.ts'
import { countByCode, openDemoDatabase } from './demo-database.ts'

// The generated authority's records are clean, as a well-run authority's would be: the CIN census built
// from them passes every DfE rule without an error, for the current and the previous collection year.
// The practice faults seeded on purpose (journeys/scenarios.ts) are faults of practice, not of data, so
// they raise no errors either; queries are printed, as an authority would read them before submitting.

let database: Database

beforeAll(async () => {
  database = await openDemoDatabase()
}, 120_000)
afterAll(() => database.close())

describe('CIN census from the demo authority', () => {
  for (const year of ['2025-26', '2024-25'] as const)
    it(`has no DfE errors in ${year}`, async () => {
      const { children, issues } = await produceCinCensus(database.db, {
        year,
        laCode: '358',
        write: () => {},
      })
      const errors = issues.filter((i) => i.type === 'error')
      const queries = issues.filter((i) => i.type === 'query')
      console.log(`CIN census ${year}: ${children} children, queries ${JSON.stringify(countByCode(queries))}`)
      expect(children).toBeGreaterThan(10)
      expect(
        errors.map((e) => `${e.code} child ${e.laChildId}: ${e.message}`),
        `DfE errors ${JSON.stringify(countByCode(errors))}`,
      ).toEqual([])
    }, 60_000)
})
