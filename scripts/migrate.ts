import { loadConfig } from '../src/config/config.ts'
import { openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'

// npm run migrate: brings DATABASE_URL (or the embedded database) up to the latest migration. Hearth does
// this itself on start; this is for a database it does not start on, such as one seeded for benchmarks.
const config = loadConfig()
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
try {
  await migrateDatabase(database)
  console.log(`Migrated the ${database.kind} database`)
} finally {
  await database.close()
}
