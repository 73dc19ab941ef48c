import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { produceCinCensus } from '../src/returns/cin-census/produce.ts'
import type { Issue } from '../src/returns/cin-census/types.ts'
import { seedAuthority } from './generate.ts'

// The generated authority's records are clean, as a well-run authority's would be: the CIN census built
// from them passes every DfE rule without an error, for the current and the previous collection year.
// The practice faults seeded on purpose (journeys/scenarios.ts) are faults of practice, not of data, so
// they raise no errors either; queries are printed, as an authority would read them before submitting.

let database: Database

beforeAll(async () => {
  database = await openDatabase({})
  await migrateDatabase(database)
  await seedAuthority(database.db, { size: 'demo', seed: 1 })
}, 120_000)
afterAll(() => database.close())

function countByCode(issues: Issue[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const issue of issues) counts[issue.code] = (counts[issue.code] ?? 0) + 1
  return counts
}

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
