// `npm test`: the whole suite in three passes.
//   1. pglite    unit + integration tests on embedded PGlite (fast, needs nothing installed)
//   2. postgres  the integration tests again on a real PostgreSQL server (DATABASE_URL, or a throwaway local server)
//   3. e2e       browser tests in Chromium (on PGlite, to keep the run short)
// The PGlite pass runs first, on every core, and nothing else starts if it fails. Then the PostgreSQL and
// browser passes run side by side: the browser pass mostly waits on pages (about a core's worth of work
// between Chromium and Hearth), and the PostgreSQL pass leaves room beside it. The browser pass's output is
// held back and shown whole after the PostgreSQL pass's. `--serial` runs the three one after another
// instead, stopping at the first failure.
// `npm test -- --only=postgres` runs one pass (a comma-separated list runs several); every other argument
// goes to each vitest run, e.g. `npm test -- src/domain` or `npm test -- -t 'case notes'`.
// In CI a missing PostgreSQL or Chromium fails the run; locally that pass is skipped with a warning.
// The demo authority the tests start from is built once per run (test/support/global-setup.ts): the PGlite
// and browser passes share one snapshot of it.
import { type ChildProcess, spawn } from 'node:child_process'
import { accessSync, constants, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, constants as osConstants, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findPostgresBinaries, startThrowawayPostgres } from '../test/support/postgres-server.ts'

type PassName = 'pglite' | 'postgres' | 'e2e'
const passNames: PassName[] = ['pglite', 'postgres', 'e2e']

interface Counts {
  passed: number
  failed: number
  skipped: number
}

interface Outcome {
  name: PassName
  status: 'passed' | 'failed' | 'skipped'
  detail?: string
  seconds?: number
  counts?: Counts
}

const root = fileURLToPath(new URL('..', import.meta.url))
const vitestBin = join(root, 'node_modules/vitest/vitest.mjs')
const inCi = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase())
const chromiumPath = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium'

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint('1')
const red = paint('1;31')
const green = paint('32')
const yellow = paint('1;33')
const dim = paint('2')

const { only, serial, vitestArgs } = parseArgs(process.argv.slice(2))
const outcomes: Outcome[] = []
const reportDir = mkdtempSync(join(tmpdir(), 'hearth-test-'))
process.on('exit', () => rmSync(reportDir, { recursive: true, force: true }))
// The migrated, seeded PGlite database, written by the first pass that needs it and copied by every test file.
const snapshot = join(reportDir, 'demo-authority.tar')
const runStarted = performance.now()

// On Ctrl-C or a kill, pass the signal to vitest and let the pass wind down, so a throwaway server is stopped.
const running = new Set<ChildProcess>()
let interrupted: NodeJS.Signals | undefined
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = signal
    for (const child of running) child.kill(signal)
  })
}

// --- the passes ---

const titles: Record<PassName, string> = {
  pglite: 'Unit + integration tests on embedded PGlite',
  postgres: 'Integration tests on PostgreSQL',
  e2e: 'Browser tests (Chromium, axe)',
}

/** Where a pass's output goes: the terminal, or a file shown when the pass ends (beside another pass). */
type Output = 'inherit' | { log: string }

const passes: Record<PassName, (output: Output) => Promise<Outcome>> = {
  // Files are independent (each has its own database and app), so one worker per core: vitest's default
  // leaves a core to its own process, which sits idle here, and on two cores that halves the pass.
  pglite: (output) =>
    vitest('pglite', ['--maxWorkers', String(availableParallelism())], output, {
      HEARTH_TEST_DB: 'pglite',
      HEARTH_TEST_SNAPSHOT: snapshot,
    }),

  postgres: async (output) => {
    const givenUrl = process.env.HEARTH_TEST_PG_ADMIN_URL || process.env.DATABASE_URL
    if (givenUrl) {
      console.log(`Using the server at ${redact(givenUrl)} (from the environment)`)
      return vitest('postgres', ['--project', 'integration'], output, {
        HEARTH_TEST_DB: 'postgres',
        HEARTH_TEST_PG_ADMIN_URL: givenUrl,
      })
    }
    const bindir = findPostgresBinaries()
    if (!bindir) {
      return unavailable(
        'postgres',
        'no PostgreSQL server found: DATABASE_URL is not set and no PostgreSQL 15+ binaries are installed',
        'apt-get install postgresql (then npm test starts a throwaway server by itself), or set DATABASE_URL',
      )
    }
    const started = performance.now()
    const server = await startThrowawayPostgres()
    console.log(`Started a throwaway PostgreSQL from ${bindir} in ${seconds(started)} s`)
    try {
      // Unit tests touch no database: the PGlite pass has run them.
      return await vitest('postgres', ['--project', 'integration'], output, {
        HEARTH_TEST_DB: 'postgres',
        HEARTH_TEST_PG_ADMIN_URL: server.adminUrl,
      })
    } finally {
      await server.stop()
    }
  },

  e2e: async (output) => {
    if (!isExecutable(chromiumPath)) {
      return unavailable(
        'e2e',
        `no Chromium at ${chromiumPath}`,
        'apt-get install chromium, or point HEARTH_CHROMIUM at a Chromium binary',
      )
    }
    return vitest('e2e', ['--config', 'vitest.e2e.config.ts'], output, {
      HEARTH_TEST_DB: 'pglite',
      HEARTH_TEST_SNAPSHOT: snapshot,
    })
  },
}

// A missing database or browser fails CI outright (a green run must mean the pass ran); locally, warn.
function unavailable(name: PassName, reason: string, fix: string): Outcome {
  if (inCi) {
    console.error(red(`FAILED: ${reason}.`))
    console.error(`CI must run this pass: ${fix}.`)
    return { name, status: 'failed', detail: reason }
  }
  warningBox([`SKIPPED the ${name} pass: ${reason}.`, `To run it: ${fix}.`])
  return { name, status: 'skipped', detail: `${reason}: see the warning above` }
}

async function vitest(
  name: PassName,
  configArgs: string[],
  output: Output,
  env: Record<string, string>,
): Promise<Outcome> {
  // A signal while a server was starting: don't begin a run that was already cancelled.
  if (interrupted) return { name, status: 'failed', detail: `interrupted by ${interrupted}` }
  const args = [vitestBin, 'run', ...configArgs]
  // With a file filter one config may match nothing, which vitest treats as a failure.
  if (vitestArgs.length > 0) args.push('--passWithNoTests')
  // A JSON report alongside the usual output gives the counts for the closing summary.
  const reportFile = join(reportDir, `${name}.json`)
  const customReporter = vitestArgs.some((arg) => arg.startsWith('--reporter'))
  if (!customReporter) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`)
  args.push(...vitestArgs)

  // Show the command as one would type it, without the reporter plumbing.
  const envText = Object.entries(env)
    .filter(([key]) => key !== 'HEARTH_TEST_SNAPSHOT')
    .map(([key, value]) => `${key}=${redact(value)}`)
  const command = `${[...envText, 'vitest run', ...configArgs, ...vitestArgs].join(' ')}\n`
  if (output === 'inherit') console.log(command)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const log = output === 'inherit' ? undefined : createWriteStream(output.log)
    log?.write(`${command}\n`)
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // Colours as the terminal would have had them, though the output goes to a file first.
      env: { ...process.env, ...(log && color ? { FORCE_COLOR: '1' } : {}), ...env },
    })
    if (log) {
      child.stdout?.pipe(log, { end: false })
      child.stderr?.pipe(log, { end: false })
    }
    running.add(child)
    child.on('error', reject)
    child.on('close', async (code, signal) => {
      running.delete(child)
      if (log) await new Promise((done) => log.end(done))
      const outcome: Outcome = {
        name,
        status: code === 0 ? 'passed' : 'failed',
        seconds: Number(seconds(started)),
        counts: customReporter ? undefined : readCounts(reportFile),
      }
      if (code !== 0) outcome.detail = signal ? `vitest killed by ${signal}` : `vitest exited with ${code}`
      resolve(outcome)
    })
  })
}

function readCounts(reportFile: string): Counts | undefined {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, number>
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    }
  } catch {
    return undefined // vitest died before writing it
  }
}

// --- main (after the tables above, which it reads) ---

try {
  const selected = passNames.filter((name) => only.includes(name))
  const number = (name: PassName) => `[${selected.indexOf(name) + 1}/${selected.length}]`
  const besideEachOther = !serial && selected.includes('postgres') && selected.includes('e2e')
  for (const name of selected) {
    if (besideEachOther && name === 'e2e') continue // started with the PostgreSQL pass
    if (besideEachOther && name === 'postgres') {
      const log = join(reportDir, 'e2e.log')
      console.log(
        dim(
          `\n${number('e2e')} ${titles.e2e}: running beside the PostgreSQL pass, its output shown when it ends`,
        ),
      )
      const e2e = passes.e2e({ log })
      heading(`${number('postgres')} ${titles.postgres}`)
      const postgres = await passes.postgres('inherit')
      const browser = await e2e
      heading(`${number('e2e')} ${titles.e2e} (ran beside the PostgreSQL pass)`)
      try {
        process.stdout.write(readFileSync(log, 'utf8'))
      } catch {} // the pass never started (no Chromium): its outcome says why
      outcomes.push(postgres, browser)
      if (outcomes.some((o) => o.status === 'failed') || interrupted) finish(1)
      continue
    }
    heading(`${number(name)} ${titles[name]}`)
    const outcome = await passes[name]('inherit')
    outcomes.push(outcome)
    if (outcome.status === 'failed' || interrupted) finish(1)
  }
  finish(0)
} catch (error) {
  console.error(red(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
  finish(1)
}

// --- output ---

function finish(code: number): never {
  heading('Summary')
  const total: Counts = { passed: 0, failed: 0, skipped: 0 }
  for (const outcome of outcomes) {
    const status = { passed: green('passed '), failed: red('FAILED '), skipped: yellow('SKIPPED') }[
      outcome.status
    ]
    const parts = [outcome.name.padEnd(9), status]
    if (outcome.counts) {
      const { passed, failed, skipped } = outcome.counts
      parts.push(`${passed} passed, ${failed} failed, ${skipped} skipped`.padEnd(34))
      total.passed += passed
      total.failed += failed
      total.skipped += skipped
    }
    if (outcome.seconds !== undefined) parts.push(`${outcome.seconds} s`)
    if (outcome.detail) parts.push(`(${outcome.detail})`)
    console.log(`  ${parts.join('  ')}`)
  }
  const notRun = passNames.filter((name) => only.includes(name) && !outcomes.some((o) => o.name === name))
  if (notRun.length > 0) console.log(`  not run after the failure: ${notRun.join(', ')}`)
  if (outcomes.some((o) => o.status === 'skipped')) {
    console.log(yellow('  Some passes were skipped: this run does not show that everything works.'))
  }
  console.log(
    `\ntotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped in ${seconds(runStarted)} s`,
  )
  if (interrupted) console.log(red(`Interrupted by ${interrupted}`))
  process.exit(interrupted ? 128 + osConstants.signals[interrupted] : code)
}

function heading(text: string): void {
  console.log(`\n${bold(`━━━ ${text} ${'━'.repeat(Math.max(3, 72 - text.length))}`)}\n`)
}

function warningBox(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length)) + 4
  console.log(yellow(`\n${'!'.repeat(width)}`))
  for (const line of lines) console.log(yellow(`! ${line.padEnd(width - 4)} !`))
  console.log(yellow(`${'!'.repeat(width)}\n`))
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1)
}

// Never print a password from a connection string.
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@')
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function parseArgs(argv: string[]): { only: PassName[]; serial: boolean; vitestArgs: string[] } {
  let only: PassName[] = passNames
  let serial = false
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    let value: string | undefined
    if (arg === '--serial') {
      serial = true
      continue
    }
    if (arg.startsWith('--only=')) value = arg.slice('--only='.length)
    else if (arg === '--only') value = argv[++i] ?? ''
    else {
      rest.push(arg)
      continue
    }
    const names = value.split(',').filter(Boolean)
    const unknown = names.filter((name) => !passNames.includes(name as PassName))
    if (names.length === 0 || unknown.length > 0) {
      console.error(
        `Unknown --only value ${JSON.stringify(value)}: use one or more of ${passNames.join(', ')}`,
      )
      process.exit(2)
    }
    only = names as PassName[]
  }
  return { only, serial, vitestArgs: rest }
}
