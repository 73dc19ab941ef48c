import module from 'node:module'
import { performance } from 'node:perf_hooks'
import { installQuickResolve } from './plugins/module-resolution.ts'

// Start-up time. Node keeps its compiled code (and the JavaScript it strips from our TypeScript) in a cache
// on disk, so a later start skips both for every unchanged file (NODE_DISABLE_COMPILE_CACHE=1 turns it
// off); and relative imports inside packages skip Node's package.json search (module-resolution.ts). Both
// must be in place before the rest is imported, hence the dynamic imports below.
module.enableCompileCache?.()
installQuickResolve()
const [{ DEMO_PASSWORD, DEMO_USERS }, { isEmpty, seedAuthority }, { buildApp }, { ConfigError, loadConfig }] =
  await Promise.all([
    import('../seed/demo-users.ts'),
    import('../seed/generate.ts'),
    import('./app.ts'),
    import('./config/config.ts'),
  ])
const { openDatabase } = await import('./db/client.ts')
const { migrateDatabase } = await import('./db/migrate.ts')

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
