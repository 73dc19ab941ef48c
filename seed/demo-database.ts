import { type Database, openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { seedAuthority } from './generate.ts'

/** A fresh embedded database holding the demo authority, as a first `npm start` makes it (seed 1). */
export async function openDemoDatabase(): Promise<Database> {
  const database = await openDatabase({})
  await migrateDatabase(database)
  await seedAuthority(database.db, { size: 'demo', seed: 1 })
  return database
}

/** How many of each validation code, for a readable summary of a return's issues. */
export function countByCode(issues: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const issue of issues) counts[issue.code] = (counts[issue.code] ?? 0) + 1
  return counts
}
