import { once } from 'node:events'
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config/config.ts'
import { openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { isIsoDate } from '../src/domain/calendar/iso-date.ts'
import { annexAPeriod } from '../src/returns/annex-a/period.ts'
import { produceAnnexA } from '../src/returns/annex-a/produce.ts'
import { produceCinCensus } from '../src/returns/cin-census/produce.ts'
import {
  type CollectionYear,
  collectionYearEnd,
  isCollectionYear,
} from '../src/returns/shared/collection-year.ts'
import { produceSsda903 } from '../src/returns/ssda903/produce.ts'
import { isSsda903Year, type Ssda903TableName, ssda903TablesFor } from '../src/returns/ssda903/tables.ts'
import { today } from '../src/services/dates.ts'
import { getLocalAuthority } from '../src/services/organisation.ts'

// npm run return -- cin-census --year 2025-26 --out file.xml
// npm run return -- annex-a --to 2026-03-31 [--months 6|12] --out annex-a.xlsx
// npm run return -- annex-a --year 2025-26 --out annex-a.xlsx   (the 12 months to 31 March 2026)
// npm run return -- ssda903 --year 2025-26 --out ssda903/   (a folder: one CSV per table)
// (from DATABASE_URL or the embedded database)
const USAGE = `Usage: npm run return -- cin-census --year 2025-26 --out cin-census.xml
       npm run return -- annex-a --to 2026-03-31 [--months 6] --out annex-a.xlsx
         (--to is the inspection date, today if left out; --months 6 or 12, 6 if left out)
       npm run return -- annex-a --year 2025-26 --out annex-a.xlsx
         (the 12 months of a collection year, to 31 March)
       npm run return -- ssda903 --year 2025-26 --out ssda903/
         (a folder, made if need be, for one CSV per table; 2026-27 is the DfE's draft, with DoLo)`
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    year: { type: 'string' },
    out: { type: 'string' },
    to: { type: 'string' },
    months: { type: 'string', default: '6' },
  },
})
const [kind] = positionals
if (kind !== 'cin-census' && kind !== 'annex-a' && kind !== 'ssda903') {
  console.error(`Unknown return "${kind ?? ''}". Hearth produces: cin-census, annex-a, ssda903.\n${USAGE}`)
  process.exit(2)
}
if (kind === 'ssda903' && (!values.year || !isSsda903Year(values.year))) {
  console.error(
    `--year must be 2024-25, 2025-26 or the 2026-27 draft for ssda903 (it is "${values.year ?? ''}").\n${USAGE}`,
  )
  process.exit(2)
}
if (
  (kind === 'cin-census' || (kind === 'annex-a' && values.year !== undefined)) &&
  (!values.year || !isCollectionYear(values.year) || values.year < '2024-25')
) {
  console.error(
    `--year must be a supported collection year: 2024-25 or 2025-26 (it is "${values.year ?? ''}").\n${USAGE}`,
  )
  process.exit(2)
}
const byYear = kind === 'annex-a' && values.year !== undefined && values.to === undefined
const inspection = byYear ? collectionYearEnd(values.year as CollectionYear) : (values.to ?? today())
if (kind === 'annex-a' && (!isIsoDate(inspection) || inspection > today())) {
  console.error(
    `--to must be the inspection date, today or earlier, as YYYY-MM-DD (it is "${inspection}").\n${USAGE}`,
  )
  process.exit(2)
}
if (kind === 'annex-a' && !byYear && values.months !== '6' && values.months !== '12') {
  console.error(`--months must be 6 or 12 (it is "${values.months}").\n${USAGE}`)
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
  // SSDA903 writes a folder of CSVs: `out` is its Header file, the other tables are opened beside it.
  const ssda903File = (table: Ssda903TableName) =>
    path.join(values.out!, `ssda903-${values.year}-${table}.csv`)
  if (kind === 'ssda903') mkdirSync(values.out, { recursive: true })
  const out = createWriteStream(kind === 'ssda903' ? ssda903File('Header') : values.out)
  const started = performance.now()
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
  if (kind === 'annex-a') {
    const period = annexAPeriod(inspection, byYear || values.months === '12' ? 12 : 6)
    const result = await produceAnnexA(database.db, {
      period,
      stream: out,
      onProgress: (done, total, sheet) => process.stderr.write(`\r${sheet} written (${done} of ${total})`),
    })
    const errors = result.issues.filter((i) => i.kind === 'not-allowed').length
    process.stderr.write('\n')
    console.log(
      `Wrote ${values.out} in ${seconds()} s: Annex A for ${period.start} to ${period.end}, ` +
        `${result.children} children, ${result.rows} rows (${result.lists.map((l) => `${l.sheet} ${l.rows}`).join(', ')}); ` +
        `${errors} values Annex A does not allow and ${result.issues.length - errors} blank cells Ofsted asks for.`,
    )
    process.exitCode = errors > 0 ? 1 : 0
  } else if (kind === 'ssda903') {
    const year = values.year as Parameters<typeof ssda903TablesFor>[0]
    const streams = new Map<Ssda903TableName, WriteStream>(
      ssda903TablesFor(year).map((t) => [t, t === 'Header' ? out : createWriteStream(ssda903File(t))]),
    )
    const result = await produceSsda903(database.db, {
      year,
      write: async (table, chunk) => {
        const stream = streams.get(table)!
        if (!stream.write(chunk)) await once(stream, 'drain')
      },
      onProgress: (done, total) => process.stderr.write(`\r${done} of ${total} children`),
    })
    await Promise.all(
      [...streams.values()].map((stream) => {
        stream.end()
        return once(stream, 'finish')
      }),
    )
    const errors = result.issues.filter((i) => i.type === 'error').length
    process.stderr.write('\n')
    console.log(
      `Wrote ${result.files.length} files to ${values.out} in ${seconds()} s: ${result.children} children ` +
        `(${result.files.map((f) => `${f.table} ${f.rows}`).join(', ')}); ` +
        `${errors} errors and ${result.issues.length - errors} queries by the DfE rules.`,
    )
    process.exitCode = errors > 0 ? 1 : 0
  } else {
    const result = await produceCinCensus(database.db, {
      year: values.year as CollectionYear,
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
      `Wrote ${values.out}: ${result.children} children in ${seconds()} s; ` +
        `${errors} errors and ${result.issues.length - errors} queries by the DfE rules.`,
    )
    process.exitCode = errors > 0 ? 1 : 0
  }
} finally {
  await database.close()
}
