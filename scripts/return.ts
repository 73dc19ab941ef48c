import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config/config.ts'
import { openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { produceCinCensus } from '../src/returns/cin-census/produce.ts'
import { isCollectionYear } from '../src/returns/shared/collection-year.ts'
import { getLocalAuthority } from '../src/services/organisation.ts'

// npm run return -- cin-census --year 2025-26 --out file.xml   (from DATABASE_URL or the embedded database)
const USAGE = 'Usage: npm run return -- cin-census --year 2025-26 --out cin-census.xml'
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { year: { type: 'string' }, out: { type: 'string' } },
})
const [kind] = positionals
if (kind !== 'cin-census') {
  console.error(`Unknown return "${kind ?? ''}". Hearth produces: cin-census.\n${USAGE}`)
  process.exit(2)
}
if (!values.year || !isCollectionYear(values.year) || values.year < '2024-25') {
  console.error(
    `--year must be a supported collection year: 2024-25 or 2025-26 (it is "${values.year ?? ''}").\n${USAGE}`,
  )
  process.exit(2)
}
if (!values.out) {
  console.error(`--out names the file to write.\n${USAGE}`)
  process.exit(2)
}

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' })
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
try {
  await migrateDatabase(database)
  const la = await getLocalAuthority(database.db)
  if (!la) throw new Error('The database holds no local authority: run npm start or npm run seed first.')
  const out = createWriteStream(values.out)
  const started = performance.now()
  const result = await produceCinCensus(database.db, {
    year: values.year,
    laCode: la.dfeCode,
    write: async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain')
    },
    onProgress: (done, total) => process.stderr.write(`\r${done} of ${total} children`),
  })
  out.end()
  await once(out, 'finish')
  const errors = result.issues.filter((i) => i.type === 'error').length
  process.stderr.write('\n')
  console.log(
    `Wrote ${values.out}: ${result.children} children in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${errors} errors and ${result.issues.length - errors} queries by the DfE rules.`,
  )
  process.exitCode = errors > 0 ? 1 : 0
} finally {
  await database.close()
}
