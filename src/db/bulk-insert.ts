import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import { toSnakeCase } from 'drizzle-orm/casing'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { DbOrTx } from './client.ts'

const BATCH = 5_000

/**
 * Inserts many rows with one statement per batch: the rows travel as a single jsonb parameter expanded by
 * jsonb_to_recordset, which is several times faster than a VALUES list with a parameter per cell and
 * works the same on PGlite and PostgreSQL. Rows use the table's property names (camelCase).
 */
export async function bulkInsert<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<void> {
  if (rows.length === 0) return
  // Every column any row names: rows of one batch need not all carry the same optional fields. (The
  // shape is checked row by row, so a field only later rows carry is not silently dropped.)
  const present = new Set<string>()
  for (const row of rows) for (const key in row) present.add(key)
  // The schema names columns in camelCase and the database in snake_case (drizzle's `casing` option).
  const columns = Object.entries(getTableColumns(table))
    .filter(([key]) => present.has(key))
    .map(([key, column]) => ({
      key,
      name: column.keyAsName ? toSnakeCase(column.name) : column.name,
      type: column.getSQLType(),
      fallback: column.default as unknown,
    }))
  const names = columns.map((c) => `"${c.name}"`).join(', ')
  const definitions = columns.map((c) => `"${c.name}" ${c.type}`).join(', ')
  // A row that leaves out a column with a plain default (false, 0, 'none') gets that default, as an INSERT
  // would, rather than a null that breaks NOT NULL.
  const selected = columns
    .map((c) => {
      if (typeof c.fallback === 'boolean' || typeof c.fallback === 'number') {
        return `coalesce("${c.name}", ${String(c.fallback)})`
      }
      if (typeof c.fallback === 'string') return `coalesce("${c.name}", '${c.fallback.replace(/'/g, "''")}')`
      return `"${c.name}"`
    })
    .join(', ')
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => {
      const record: Record<string, unknown> = {}
      for (const { key, name } of columns) record[name] = (row as Record<string, unknown>)[key] ?? null
      return record
    })
    await db.execute(
      sql
        .raw(`insert into "${getTableName(table)}" (${names}) select ${selected} from jsonb_to_recordset(`)
        .append(sql`${JSON.stringify(batch)}::jsonb) as x(${sql.raw(definitions)})`),
    )
  }
}

/** After inserting explicit ids, move the identity sequence past them. */
export async function resetIdentity(db: DbOrTx, table: PgTable, column = 'id'): Promise<void> {
  const name = getTableName(table)
  await db.execute(
    sql.raw(
      `select setval(pg_get_serial_sequence('"${name}"', '${column}'), coalesce((select max("${column}") from "${name}"), 0) + 1, false)`,
    ),
  )
}
