import { mkdirSync } from 'node:fs'
import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { type ExtractTablesWithRelations, getTableName, type SQL, sql } from 'drizzle-orm'
import { toSnakeCase } from 'drizzle-orm/casing'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import * as schema from './schema/index.ts'

export type Schema = typeof schema
/** The typed query layer, identical whether the engine is PGlite or a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type DbOrTx = Db | Tx

export interface Database {
  readonly db: Db
  readonly kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string | undefined
  /** e.g. `loadDataDir` to start from a snapshot (tests). */
  pglite?: PGliteOptions
  poolSize?: number
}

// Postgres returns int8 and numeric as strings to avoid precision loss; counts and ids here fit a JS number,
// and PGlite already returns numbers, so parse them for one behaviour on both engines.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10))

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    // An idle connection the server ends (a restart, a dropped test database) must not crash the process:
    // the pool replaces it on next use.
    pool.on('error', () => {})
    // Fail at start with a clear message rather than on the first request.
    const client = await pool.connect().catch(async (error: Error) => {
      await pool.end()
      throw new Error(`Cannot connect to the PostgreSQL server in DATABASE_URL: ${error.message}`)
    })
    client.release()
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db
    return { db, kind: 'postgres', close: () => pool.end() }
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  // pg_trgm powers name search that tolerates misspellings; PostgreSQL servers ship it in contrib.
  const client = await PGlite.create(options.dataDir, { ...options.pglite, extensions: { pg_trgm } })
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db
  return { db, kind: 'pglite', close: () => client.close() }
}

/** Runs raw SQL and returns its rows, the same on both engines. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/**
 * A column named with its table, for use inside a raw subquery. Drizzle leaves columns unqualified in the
 * select list of a query on one table, so `a.plan_id = ${plan.id}` would silently compare with the
 * subquery's own `id`; `a.plan_id = ${qualified(plan.id)}` cannot.
 */
export function qualified(column: PgColumn): SQL {
  const name = column.keyAsName ? toSnakeCase(column.name) : column.name
  return sql.raw(`"${getTableName(column.table)}"."${name}"`)
}
