// npm run bench [-- --only=generator,record,rules,returns,looked-after,pages,startup] [--size=demo|mid|large]
//                  [--pages-size=demo|mid|large] [--duration=10] [--warmup=2] [--rounds=2] [--connections=50]
//                  [--record-connections=4] [--year=2025-26] [--pglite] [--runs=3] [--strict]
//                  [--database-url=postgres://…]
// Runs the benchmarks one after the other, prints a table and writes bench/results/<name>-<time>.json and
// bench/results/latest.json. The generator's database (--size) is reused by the record, rules, returns and
// looked-after benchmarks, and by the pages benchmark when --pages-size is the same, so a million rows are
// generated once. Both default to mid, which keeps a run to a few minutes; --size=large measures on a
// county-sized authority (its seeding alone takes four minutes or more), which is what the record, rules,
// returns and looked-after targets are set for. --runs is the number of starts of the start-up benchmark
// and of timed evaluations of the rules and of the adoption timeliness; --record-connections the load of
// the record and looked-after benchmarks (a few users at once); --year the collection year of the returns.
// --pglite adds the home page on embedded PGlite (it seeds its own copy, slowly). --strict exits 1 when a
// target is missed or a benchmark fails. --database-url measures an authority already seeded at --size
// (`npm run seed -- --size large` into it) instead of seeding a new one: for repeated runs while tuning;
// the benchmarks only read it, and the generator benchmark cannot run with it.
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { SeedSize } from '../seed/organisation.ts'
import { benchGenerator } from './generator.bench.ts'
import { type BenchResult, progress } from './lib/figures.ts'
import { alreadySeeded, type SeededPostgres, seededPostgres } from './lib/seeded-postgres.ts'
import { benchLookedAfter } from './looked-after.bench.ts'
import { benchPages } from './pages.bench.ts'
import { benchRecord } from './record.bench.ts'
import { benchReturns } from './returns.bench.ts'
import { benchRules } from './rules.bench.ts'
import { benchStartup } from './startup.bench.ts'

// In this order: record, rules, returns and looked-after reuse the generator's database (--size), and so
// does pages when --pages-size is the same; start-up runs alone at the end.
const BENCHES = ['generator', 'record', 'rules', 'returns', 'looked-after', 'pages', 'startup'] as const
type BenchName = (typeof BENCHES)[number]
const ON_SIZE: readonly BenchName[] = ['generator', 'record', 'rules', 'returns', 'looked-after']

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: BENCHES.join(',') },
    size: { type: 'string', default: 'mid' },
    'pages-size': { type: 'string', default: 'mid' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    'record-connections': { type: 'string', default: '4' },
    year: { type: 'string', default: '2025-26' },
    pglite: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    strict: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
  },
})

const only = values.only.split(',').map((name) => name.trim()) as BenchName[]
for (const name of only)
  if (!BENCHES.includes(name)) fail(`--only takes ${BENCHES.join(', ')} (got "${name}")`)
const seedSize = (name: string, value: string): SeedSize =>
  value === 'demo' || value === 'mid' || value === 'large'
    ? value
    : fail(`--${name} must be demo, mid or large (it is "${value}")`)
const positive = (name: string, value: string): number => {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : fail(`--${name} must be a positive number (it is "${value}")`)
}
const size = seedSize('size', values.size)
const pagesSize = seedSize('pages-size', values['pages-size'])
const durationSeconds = positive('duration', values.duration)
const warmupSeconds = Number(values.warmup) >= 0 ? Number(values.warmup) : fail('--warmup must be 0 or more')
const rounds = Math.round(positive('rounds', values.rounds))
const connections = Math.round(positive('connections', values.connections))
const runs = Math.round(positive('runs', values.runs))
const recordConnections = Math.round(positive('record-connections', values['record-connections']))
const existingUrl = values['database-url']
if (existingUrl && only.includes('generator'))
  fail('--database-url measures an authority already seeded: leave the generator out of --only')
const year =
  values.year === '2024-25' || values.year === '2025-26'
    ? values.year
    : fail(`--year must be 2024-25 or 2025-26 (it is "${values.year}")`)

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return null
  }
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100)
// Other work on the machine (tests, type checks) skews every figure: say so rather than hide it.
const loadBefore = loadAverage()
if (loadBefore[0]! > os.cpus().length / 2)
  progress(
    `warning: the machine is busy (load average ${loadBefore[0]} on ${os.cpus().length} CPUs); figures will be low and noisy`,
  )
const startedAt = new Date()
const started = performance.now()
// Which authority each benchmark measures: the targets of record, rules and returns are set for a large one.
const measuredOn = only.filter((b) => ON_SIZE.includes(b) && b !== 'generator')
if (measuredOn.length > 0)
  progress(
    `${measuredOn.join(', ')} measured on a ${size.toUpperCase()} authority${size === 'large' ? '' : ' (their targets are set for --size=large)'}`,
  )
const results: BenchResult[] = []

let postgres: SeededPostgres | undefined
/** The seeded server for a size: the one already running if it matches, else a new one. */
async function postgresOf(wanted: SeedSize): Promise<SeededPostgres> {
  if (postgres?.size === wanted) return postgres
  await stopPostgres()
  postgres = existingUrl ? await alreadySeeded(existingUrl, wanted) : await seededPostgres(wanted)
  return postgres
}
async function stopPostgres(): Promise<void> {
  const running = postgres
  postgres = undefined
  await running?.server.stop()
}

try {
  for (const name of BENCHES.filter((b) => only.includes(b))) {
    const benchStarted = performance.now()
    try {
      if (name === 'generator') results.push(await benchGenerator(await postgresOf(size)))
      else if (name === 'record') {
        const options = { connections: recordConnections, warmupSeconds, durationSeconds }
        results.push(await benchRecord(options, await postgresOf(size)))
      } else if (name === 'rules') {
        const options = { runs, connections, warmupSeconds, durationSeconds, rounds }
        results.push(await benchRules(options, await postgresOf(size)))
      } else if (name === 'returns') results.push(await benchReturns({ year }, await postgresOf(size)))
      else if (name === 'looked-after') {
        const options = { connections: recordConnections, warmupSeconds, durationSeconds, runs }
        results.push(await benchLookedAfter(options, await postgresOf(size)))
      } else if (name === 'pages') {
        const options = {
          size: pagesSize,
          connections,
          warmupSeconds,
          durationSeconds,
          rounds,
          pglite: values.pglite,
        }
        results.push(await benchPages(options, await postgresOf(pagesSize)))
      } else {
        await stopPostgres() // the start-up benchmark wants the machine to itself
        results.push(await benchStartup({ runs }))
      }
    } catch (error) {
      // One broken benchmark (the app changing under it, say) should not lose the others' figures.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      progress(`${name} failed: ${message.slice(0, 800)}`)
      results.push({
        name,
        seconds: Math.round((performance.now() - benchStarted) / 100) / 10,
        figures: [],
        details: {},
        error: message.slice(0, 4000),
      })
    }
  }
} finally {
  await stopPostgres()
}

const figures = results.flatMap((r) => r.figures.map((f) => ({ bench: r.name, ...f })))
const failed = figures.filter((f) => f.pass === false)
const errored = results.filter((r) => r.error).map((r) => r.name)
const report = {
  date: startedAt.toISOString(),
  git: { commit: git('rev-parse', '--short', 'HEAD'), dirty: (git('status', '--porcelain') ?? '') !== '' },
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    /** 1, 5 and 15 minute load averages: above the CPU count, something else was competing. */
    loadAverage: { before: loadBefore, after: loadAverage() },
  },
  options: {
    only,
    size,
    pagesSize,
    durationSeconds,
    warmupSeconds,
    rounds,
    connections,
    recordConnections,
    year,
    pglite: values.pglite,
    runs,
  },
  totalSeconds: Math.round((performance.now() - started) / 100) / 10,
  summary: {
    figures: figures.length,
    withTarget: figures.filter((f) => f.target).length,
    failed: failed.length,
    errors: errored,
  },
  results,
}

const dir = path.join(here, 'results')
await mkdir(dir, { recursive: true })
const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
const file = path.join(dir, `${only.length === BENCHES.length ? 'all' : only.join('-')}-${stamp}.json`)
const json = `${JSON.stringify(report, null, 2)}\n`
await writeFile(file, json)
await writeFile(path.join(dir, 'latest.json'), json)

// The readable table.
const formatValue = (value: number, unit: string) =>
  `${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${unit}`
const rows = figures.map((f) => [
  f.bench,
  f.name,
  formatValue(f.value, f.unit),
  f.target ? `${f.target.op} ${formatValue(f.target.value, f.unit)}` : '',
  f.pass === undefined ? '' : f.pass ? 'pass' : 'FAIL',
])
for (const name of errored) rows.push([name, 'did not finish (see "error" in the JSON)', '', '', 'ERROR'])
const header = ['bench', 'figure', 'value', 'target', 'result']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i]!))
    .join('  ')
    .trimEnd()
console.log(
  `\nHearth benchmarks, ${report.date}, commit ${report.git.commit}${report.git.dirty ? ' (uncommitted changes)' : ''}`,
)
console.log(
  `${report.machine.cpus} CPUs (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; load average ${loadBefore[0]} before, ${report.machine.loadAverage.after[0]} after`,
)
const sizes = [
  ...(only.some((b) => ON_SIZE.includes(b))
    ? [`${only.filter((b) => ON_SIZE.includes(b)).join(', ')} on a ${size} authority`]
    : []),
  ...(only.includes('pages') ? [`pages on a ${pagesSize} authority`] : []),
]
console.log(`${sizes.length ? `Measured: ${sizes.join('; ')}` : ''}\n`)
console.log(line(header))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const row of rows) console.log(line(row))
console.log(
  `\n${report.summary.withTarget - failed.length} of ${report.summary.withTarget} targets met${errored.length ? `, ${errored.length} benchmark(s) failed` : ''}, in ${report.totalSeconds} s. Written to ${path.relative(root, file)} and bench/results/latest.json`,
)
process.exit(values.strict && (failed.length > 0 || errored.length > 0) ? 1 : 0)
