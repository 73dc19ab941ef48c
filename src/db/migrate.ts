import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { Database } from './client.ts'

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

/**
 * Whether the database already holds the newest migration in the journal: one query, where Drizzle's
 * migrator reads and hashes every migration file and makes five round trips before finding nothing to do.
 * Drizzle applies a migration when its journal time is later than the newest one recorded, so this is
 * the same test.
 */
async function upToDate(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[]
  }
  const newest = journal.entries.at(-1)?.when
  if (newest === undefined) return false
  try {
    const result = (await database.db.execute(
      sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
    )) as unknown as { rows: { latest: string | number | null }[] }
    const latest = result.rows[0]?.latest
    return latest !== null && latest !== undefined && Number(latest) >= newest
  } catch {
    // No migrations table yet: a new database.
    return false
  }
}

/** Applies the numbered migrations that have not yet run. Safe to call at every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (await upToDate(database)) return
  // biome-ignore lint/suspicious/noExplicitAny: the two migrators take their own driver's database type
  const db = database.db as any
  if (database.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    await migrate(db, { migrationsFolder })
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    await migrate(db, { migrationsFolder })
  }
}
