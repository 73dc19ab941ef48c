import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { Database } from './client.ts'

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

/** Applies the numbered migrations that have not yet run. Safe to call at every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the two migrators take their own driver's database type
  const db = database.db as any
  if (database.kind === 'postgres') await migratePg(db, { migrationsFolder })
  else await migratePglite(db, { migrationsFolder })
}
