import { parseArgs } from 'node:util'
import { isEmpty, seedAuthority } from '../seed/generate.ts'
import { loadConfig } from '../src/config/config.ts'
import { openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'

// npm run seed -- --size demo|mid|large --seed N   (into DATABASE_URL, or the embedded database)
const { values } = parseArgs({
  options: { size: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '1' } },
})
const size = values.size
const seed = Number(values.seed)
if (size !== 'demo' && size !== 'mid' && size !== 'large') {
  console.error(`--size must be demo, mid or large (it is "${size}")`)
  process.exit(2)
}
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed must be a whole number (it is "${values.seed}")`)
  process.exit(2)
}
const config = loadConfig()
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
try {
  await migrateDatabase(database)
  if (!(await isEmpty(database.db))) {
    console.error(
      'The database already holds an authority. Seed into an empty database (a new HEARTH_DATA_DIR or DATABASE_URL).',
    )
    process.exit(1)
  }
  const summary = await seedAuthority(database.db, { size, seed })
  const perMinute = Math.round((summary.totalRows / summary.milliseconds) * 60_000)
  console.log(JSON.stringify({ ...summary, rowsPerMinute: perMinute }, null, 2))
} finally {
  await database.close()
}
