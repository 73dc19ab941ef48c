import type { DbOrTx } from '../../db/client.ts'
import type { CollectionYear } from '../shared/collection-year.ts'
import { checkCinCensus } from './check.ts'
import {
  type CinCensusHeader,
  childXml,
  cinCensusBatches,
  cinCensusChildIds,
  cinCensusHeader,
  cinCensusPeriod,
  headerXml,
} from './export.ts'
import { buildCinCensusTables, type CinCensusTables, emptyTables } from './tables.ts'
import type { Issue } from './types.ts'

export interface ProduceOptions extends CinCensusHeader {
  year: CollectionYear
  /** Receives the XML in pieces, in order; may return a promise to apply back-pressure. */
  write(chunk: string): void | Promise<void>
  /** Children done so far out of the total. */
  onProgress?(done: number, total: number): void
  /** Run every DfE validation rule over the return (default true). */
  validate?: boolean
  /** Children read from the database at a time (tests make it small to cross batches). */
  batchSize?: number
}

export interface ProduceResult {
  children: number
  issues: Issue[]
}

/**
 * Writes the CIN census XML for a collection year, child by child, and validates the same data with every
 * DfE rule. Only the flat validation tables are kept in memory, never the XML.
 */
export async function produceCinCensus(db: DbOrTx, options: ProduceOptions): Promise<ProduceResult> {
  const period = cinCensusPeriod(options.year)
  const header = cinCensusHeader(period, options)!
  const ids = await cinCensusChildIds(db, period)
  const total = ids.length
  options.onProgress?.(0, total)
  const tables: CinCensusTables = buildCinCensusTables({ header, children: [] })
  await options.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n${indent(headerXml(header))}  <Children>\n`,
  )
  let done = 0
  for await (const batch of cinCensusBatches(db, period, ids, options.batchSize)) {
    let xml = ''
    for (const child of batch) xml += indent(childXml(child, options.year), 2)
    await options.write(xml)
    if (options.validate !== false) append(tables, buildCinCensusTables({ children: batch }))
    done += batch.length
    options.onProgress?.(done, total)
  }
  await options.write('  </Children>\n</Message>\n')
  const issues = options.validate === false ? [] : checkCinCensus(tables, { collectionYear: options.year })
  return { children: done, issues }
}

function indent(xml: string, levels = 1): string {
  const pad = '  '.repeat(levels)
  return xml
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${pad}${line}\n`)
    .join('')
}

function append(into: CinCensusTables, from: CinCensusTables): void {
  for (const key of Object.keys(emptyTables()) as (keyof CinCensusTables)[]) {
    const target = into[key] as unknown[]
    for (const row of from[key] as unknown[]) target.push(row)
  }
}
