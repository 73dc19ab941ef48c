import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/client.ts'
import { sealedPeople } from '../src/returns/annex-a/common.ts'
import { list8 } from '../src/returns/annex-a/list-08-children-in-care.ts'
import { list9 } from '../src/returns/annex-a/list-09-care-leavers.ts'
import { list10 } from '../src/returns/annex-a/list-10-adoption.ts'
import { annexAPeriod } from '../src/returns/annex-a/period.ts'
import { produceSsda903 } from '../src/returns/ssda903/produce.ts'
import { countByCode, openDemoDatabase } from './demo-database.ts'

// The generated authority's looked-after children make a clean SSDA903 return, as a well-run authority's
// records would: no DfE error in the current or the previous collection year. Queries are printed, as an
// authority would read them before submitting. The Annex A lists about care (8 children in care, 9 care
// leavers, 10 adoption) have children in them, so every page about care has something to show.

let database: Database

beforeAll(async () => {
  database = await openDemoDatabase()
}, 120_000)
afterAll(() => database.close())

describe('SSDA903 from the demo authority', () => {
  for (const year of ['2025-26', '2024-25'] as const)
    it(`has no DfE errors in ${year}`, async () => {
      const files: Record<string, number> = {}
      const { children, issues } = await produceSsda903(database.db, {
        year,
        write: (table, chunk) => {
          files[table] = (files[table] ?? 0) + chunk.split('\r\n').length - 1
        },
      })
      const errors = issues.filter((i) => i.type === 'error')
      const queries = issues.filter((i) => i.type === 'query')
      console.log(`SSDA903 ${year}: ${children} children, lines ${JSON.stringify(files)}`)
      console.log(`SSDA903 ${year}: queries ${JSON.stringify(countByCode(queries))}`)
      expect(children).toBeGreaterThan(20)
      // Every table the generator feeds has rows (the header line aside).
      for (const table of [
        'Episodes',
        'Reviews',
        'UASC',
        'OC2',
        'OC3',
        'PlacedAdoption',
        'Missing',
        'SWEpisodes',
      ])
        expect(files[table], table).toBeGreaterThan(1)
      expect(
        errors.map((e) => `${e.code} child ${e.laChildId}: ${e.message}`),
        `DfE errors ${JSON.stringify(countByCode(errors))}`,
      ).toEqual([])
    }, 60_000)
})

describe('Annex A lists about care from the demo authority', () => {
  for (const list of [list8, list9, list10])
    it(`${list.sheet} has children in it`, async () => {
      const sealed = await sealedPeople(database.db)
      const rows: unknown[] = []
      for await (const row of list.rows(database.db, annexAPeriod('2026-03-31', 12), sealed)) rows.push(row)
      expect(rows.length).toBeGreaterThan(2)
    }, 60_000)
})
