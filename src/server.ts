import { performance } from 'node:perf_hooks'
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/demo-users.ts'
import { isEmpty, seedAuthority } from '../seed/generate.ts'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config/config.ts'
import { openDatabase } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'

// The process entry: configuration, database, migrations, first-run demo data, then the web server.
let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(78)
  }
  throw error
}

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
await migrateDatabase(database)
let seeded = false
if (config.seedDemo && (await isEmpty(database.db))) {
  await seedAuthority(database.db, { size: 'demo', seed: 1 })
  seeded = true
}
const app = await buildApp({ config, database })
await app.listen({ host: config.host, port: config.port })
const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.server.address() as { port: number }).port}`
// performance.now() counts from the start of the process, so loading the code is included.
const readyMs = Math.round(performance.now())
app.log.info({ readyMs, database: database.kind, seeded }, 'Hearth is ready')

console.log(
  `\nHearth is running at ${address} (${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}), ready in ${readyMs} ms.`,
)
if (config.seedDemo) {
  console.log(`Demonstration sign-ins (password "${DEMO_PASSWORD}"):`)
  for (const user of DEMO_USERS) console.log(`  ${user.username.padEnd(16)} ${user.label}`)
}

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down')
  const force = setTimeout(() => process.exit(1), 10_000)
  force.unref()
  await app.close()
  await database.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
