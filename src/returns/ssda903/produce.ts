import type { DbOrTx } from '../../db/client.ts'
import { checkSsda903, compareSsda903Issues } from './check.ts'
import { csvHeader, csvRow } from './csv.ts'
import { loadSsda903Batch, SSDA903_BATCH, ssda903ChildIds } from './export.ts'
import {
  emptySsda903Tables,
  type Ssda903Row,
  type Ssda903TableName,
  type Ssda903Year,
  ssda903Period,
  ssda903TablesFor,
} from './tables.ts'
import type { Ssda903Issue } from './types.ts'

export interface ProduceSsda903Options {
  year: Ssda903Year
  /** Receives each table's CSV in pieces, in order; may return a promise to apply back-pressure. */
  write(table: Ssda903TableName, chunk: string): void | Promise<void>
  /** Children done so far out of the total. */
  onProgress?(done: number, total: number): void
  /** Run the DfE rules over the return (default true). */
  validate?: boolean
  batchSize?: number
}

export interface ProduceSsda903Result {
  /** Children in the Header file. */
  children: number
  /** The files written, in the DfE's order, with their rows (the header line not counted). */
  files: { table: Ssda903TableName; rows: number }[]
  issues: Ssda903Issue[]
}

/**
 * Writes the SSDA903 files for a collection year, a batch of children at a time, and checks the same rows
 * with the DfE rules as it goes: rules about one child run on each batch (their row numbers shifted to the
 * file's), the few that compare children run at the end on the Header rows alone. Memory stays flat.
 */
export async function produceSsda903(
  db: DbOrTx,
  options: ProduceSsda903Options,
): Promise<ProduceSsda903Result> {
  const period = ssda903Period(options.year)
  const tables = ssda903TablesFor(options.year)
  const validate = options.validate !== false
  const ids = await ssda903ChildIds(db, period)
  const rows = Object.fromEntries(tables.map((t) => [t, 0])) as Record<Ssda903TableName, number>
  const headers: Ssda903Row<'Header'>[] = []
  const issues: Ssda903Issue[] = []
  for (const table of tables) await options.write(table, csvHeader(table))
  const size = options.batchSize ?? SSDA903_BATCH
  let done = 0
  // The next batch is read while this one is written and checked (the database and Node work at the same
  // time), so at most two batches are in memory.
  const load = (i: number) => {
    const batch = loadSsda903Batch(db, period, ids.slice(i, i + size))
    batch.catch(() => {}) // a failed read-ahead surfaces when awaited, not as an unhandled rejection
    return batch
  }
  let next = ids.length > 0 ? load(0) : null
  for (let i = 0; next; i += size) {
    const batch = await next
    next = i + size < ids.length ? load(i + size) : null
    for (const table of tables) {
      const batchRows = batch[table] as Ssda903Row<typeof table>[]
      if (batchRows.length === 0) continue
      let text = ''
      for (const row of batchRows) text += csvRow(table, row)
      await options.write(table, text)
    }
    if (validate) {
      for (const issue of checkSsda903(batch, { collectionYear: options.year, scope: 'child' }))
        issues.push(shift(issue, rows))
      headers.push(...batch.Header)
    }
    for (const table of tables) rows[table] += batch[table].length
    done = Math.min(i + size, ids.length)
    options.onProgress?.(done, ids.length)
  }
  if (validate) {
    const whole = emptySsda903Tables()
    whole.Header = headers
    issues.push(...checkSsda903(whole, { collectionYear: options.year, scope: 'return' }))
  }
  options.onProgress?.(ids.length, ids.length)
  return {
    children: rows.Header,
    files: tables.map((table) => ({ table, rows: rows[table] })),
    issues: issues.sort(compareSsda903Issues),
  }
}

/** An issue found in a batch, with its rows numbered as in the whole file. */
function shift(issue: Ssda903Issue, before: Record<Ssda903TableName, number>): Ssda903Issue {
  const locations = issue.locations.map((l) => ({ ...l, row: l.row + before[l.table] }))
  return { ...issue, row: locations[0]?.row ?? issue.row, locations }
}
