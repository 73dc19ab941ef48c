// Statutory returns (issue "Statutory returns"): the CIN census for a collection year produced from the
// record and validated with every DfE rule, in a child process of its own (this file, forked) so its peak
// memory can be read: the process's maximum resident set size as the kernel counts it, modules and all.
// Then the Annex A workbook and the SSDA903 return, when their exporters exist and `npm run return` knows
// them; otherwise they are reported as skipped, with the reason.
import { fork, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { atMost, type BenchResult, type Figure, figure, progress, round } from './lib/figures.ts'
import { postgresCpuMeter } from './lib/process-cpu.ts'
import type { SeededPostgres } from './lib/seeded-postgres.ts'

export interface ReturnsOptions {
  /** Collection year of the CIN census (and the 12 months of Annex A and SSDA903). */
  year: '2024-25' | '2025-26'
}

const CIN_TARGET_S = 10
const CIN_RSS_TARGET_MB = 500
const ANNEX_A_TARGET_S = 5
const SSDA903_TARGET_S = 10

const SELF = fileURLToPath(import.meta.url)
const ROOT = path.resolve(path.dirname(SELF), '..')
const CHILD_FLAG = '--cin-census-child'

interface ChildRequest {
  databaseUrl: string
  year: ReturnsOptions['year']
  out: string
}

interface ChildAnswer {
  children: number
  /** produceCinCensus alone: reading, writing the XML and validating. */
  produceMs: number
  /** CPU of this process while producing (the database's is counted by the parent). */
  produceCpuMs: number
  /** Before produceCinCensus: Node, the modules and the database pool. */
  rssBeforeMb: number
  maxRssMb: number
  heapUsedAfterMb: number
  errors: Record<string, number>
  queries: Record<string, number>
  firstErrors: { code: string; laChildId: string | null; message: string }[]
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1)

// --- The child process: produce the census, then say how long it took and how much memory it used ---

async function produceInChild(request: ChildRequest): Promise<ChildAnswer> {
  // Imported here so the benchmark's own process does not load the exporter for nothing.
  const { openDatabase } = await import('../src/db/client.ts')
  const { produceCinCensus } = await import('../src/returns/cin-census/produce.ts')
  const { getLocalAuthority } = await import('../src/services/organisation.ts')
  const database = await openDatabase({ databaseUrl: request.databaseUrl })
  try {
    const la = await getLocalAuthority(database.db)
    if (!la) throw new Error('the database holds no local authority')
    const rssBeforeMb = mb(process.memoryUsage.rss())
    const out = createWriteStream(request.out)
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    const result = await produceCinCensus(database.db, {
      year: request.year,
      laCode: la.dfeCode,
      write: async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain')
      },
    })
    out.end()
    await once(out, 'finish')
    const produceMs = Math.round(performance.now() - started)
    const cpu = process.cpuUsage(cpuBefore)
    const errors: Record<string, number> = {}
    const queries: Record<string, number> = {}
    for (const issue of result.issues) {
      const counts = issue.type === 'error' ? errors : queries
      counts[issue.code] = (counts[issue.code] ?? 0) + 1
    }
    return {
      children: result.children,
      produceMs,
      produceCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      rssBeforeMb,
      // maxRSS is in kibibytes.
      maxRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
      heapUsedAfterMb: mb(process.memoryUsage().heapUsed),
      errors,
      queries,
      firstErrors: result.issues
        .filter((i) => i.type === 'error')
        .slice(0, 10)
        .map((i) => ({ code: i.code, laChildId: i.laChildId, message: i.message })),
    }
  } finally {
    await database.close()
  }
}

if (process.argv[1] === SELF && process.argv[2] === CHILD_FLAG) {
  process.once('message', async (request: ChildRequest) => {
    try {
      process.send?.({ ok: true, answer: await produceInChild(request) })
    } catch (error) {
      process.send?.({ ok: false, error: error instanceof Error ? error.stack : String(error) })
    }
    process.disconnect?.()
  })
}

async function cinCensusInChild(request: ChildRequest): Promise<ChildAnswer & { childWallMs: number }> {
  const started = performance.now()
  const child = fork(SELF, [CHILD_FLAG], { execPath: process.execPath, execArgv: [], stdio: 'inherit' })
  const answer = await new Promise<ChildAnswer>((resolve, reject) => {
    let answered = false
    child.once('message', (message: { ok: true; answer: ChildAnswer } | { ok: false; error: string }) => {
      answered = true
      if (message.ok) resolve(message.answer)
      else reject(new Error(`the CIN census child failed: ${message.error}`))
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (!answered) reject(new Error(`the CIN census child exited (${signal ?? code}) before answering`))
    })
    child.send(request)
  })
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit')
  return { ...answer, childWallMs: Math.round(performance.now() - started) }
}

// --- Other returns, through `npm run return -- <kind>`, once it knows them ---

interface CliRun {
  wallMs: number
  maxRssMb: number | null
  /** User + system CPU of the whole command, start-up included (from GNU time). */
  cpuMs: number | null
  postgresCpuMs: number | null
  exitCode: number | null
  output: string
  bytes: number
}

/** Runs scripts/return.ts for a kind under GNU time (for the peak RSS), if it is installed. */
async function runReturnCli(kind: string, args: string[], databaseUrl: string, out: string): Promise<CliRun> {
  const node = [process.execPath, 'scripts/return.ts', kind, ...args, '--out', out]
  const timed = existsSync('/usr/bin/time')
  const [command, ...rest] = timed ? ['/usr/bin/time', '-f', 'maxrss-kb=%M cpu-s=%U+%S', ...node] : node
  const postgresCpu = await postgresCpuMeter(databaseUrl)
  const postgresBefore = postgresCpu?.() ?? 0
  const started = performance.now()
  const child = spawn(command!, rest, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const [code] = (await once(child, 'exit')) as [number | null]
  const wallMs = Math.round(performance.now() - started)
  const postgresCpuMs = postgresCpu ? Math.round(postgresCpu() - postgresBefore) : null
  const rss = /maxrss-kb=(\d+)/.exec(output)
  const cpu = /cpu-s=([\d.]+)\+([\d.]+)/.exec(output)
  const bytes = await sizeOf(out)
  return {
    wallMs,
    maxRssMb: rss ? round(Number(rss[1]) / 1024, 1) : null,
    cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : null,
    postgresCpuMs,
    exitCode: code,
    output,
    bytes,
  }
}

/** Bytes in a file, or in the files of a folder (SSDA903 is one CSV per table). */
async function sizeOf(file: string): Promise<number> {
  if (!existsSync(file)) return 0
  const found = await stat(file)
  if (!found.isDirectory()) return found.size
  let total = 0
  for (const name of await readdir(file)) total += (await stat(path.join(file, name))).size
  return total
}

interface OtherReturn {
  kind: 'annex-a' | 'ssda903'
  label: string
  dir: string
  targetS: number
  args: (year: string) => string[]
  /** Of what --out names: a file, or a folder for SSDA903's CSVs. */
  extension: string
}

const OTHER_RETURNS: OtherReturn[] = [
  {
    kind: 'annex-a',
    label: 'Annex A workbook (12 months)',
    dir: 'src/returns/annex-a',
    targetS: ANNEX_A_TARGET_S,
    // The 12 months of the collection year, to 31 March.
    args: (year) => ['--year', year],
    extension: '.xlsx',
  },
  {
    kind: 'ssda903',
    label: 'SSDA903 return',
    dir: 'src/returns/ssda903',
    targetS: SSDA903_TARGET_S,
    args: (year) => ['--year', year],
    extension: '/',
  },
]

/** Why a return cannot be measured yet, or null when it can. */
function whyNot(other: OtherReturn): string | null {
  if (!existsSync(path.join(ROOT, other.dir))) return `skipped: there is no ${other.dir}/ yet`
  const cli = readFileSync(path.join(ROOT, 'scripts/return.ts'), 'utf8')
  if (!cli.includes(`'${other.kind}'`))
    return `skipped: ${other.dir}/ exists but npm run return does not produce ${other.kind} yet`
  return null
}

async function benchOther(
  other: OtherReturn,
  options: ReturnsOptions,
  databaseUrl: string,
  dir: string,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const reason = whyNot(other)
  if (reason) {
    progress(`returns: ${other.label} ${reason}`)
    return { figures: [], details: { skipped: reason } }
  }
  const out = path.join(dir, `${other.kind}-${options.year}${other.extension}`)
  const run = await runReturnCli(other.kind, other.args(options.year), databaseUrl, out)
  // What the command said at the end (not its progress lines nor GNU time's figures, nor its note of a
  // non-zero exit: the return still wrote its files and says how long it took).
  const summaryLine =
    run.output
      .split(/[\r\n]+/)
      .filter(
        (line) =>
          line.trim() !== '' &&
          !line.startsWith('maxrss-kb=') &&
          !line.startsWith('Command exited with non-zero status'),
      )
      .at(-1) ?? ''
  // The command's own time (after start-up and migrations), where it prints one like "… in 3.2 s".
  const own = /\bin (\d+(?:\.\d+)?) s\b/.exec(summaryLine)
  const seconds = own ? Number(own[1]) : round(run.wallMs / 1000, 2)
  const childrenMatch = /(\d+) children/.exec(summaryLine)
  const children = childrenMatch ? Number(childrenMatch[1]) : null
  progress(
    `returns: ${other.label}: ${seconds} s, ${children ?? '?'} children, exit ${run.exitCode}, ${run.bytes} bytes`,
  )
  // A return with nobody in it proves nothing about speed: then the time is shown without its target.
  const empty = children === 0
  const figures = [
    figure(
      `${other.label} ${options.year}`,
      seconds,
      's',
      empty ? undefined : atMost(other.targetS),
      `${own ? 'as npm run return reports it' : 'whole npm run return, start-up included'}${empty ? `; not held to its target (${other.targetS} s): the return is empty` : ''}`,
    ),
    figure(
      `${other.label} children`,
      children ?? -1,
      'children',
      undefined,
      empty ? 'none in the generated data: the generator does not make them yet' : undefined,
    ),
    figure(`${other.label} exit code`, run.exitCode ?? -1, '', atMost(0), summaryLine.slice(0, 400)),
  ]
  if (run.maxRssMb !== null) figures.push(figure(`${other.label} peak RSS`, run.maxRssMb, 'MB'))
  if (run.cpuMs !== null)
    figures.push(
      figure(
        `${other.label} CPU`,
        round((run.cpuMs + (run.postgresCpuMs ?? 0)) / 1000, 2),
        's',
        undefined,
        `Node ${round(run.cpuMs / 1000, 2)} s (start-up included) + PostgreSQL ${run.postgresCpuMs === null ? '?' : round(run.postgresCpuMs / 1000, 2)} s`,
      ),
    )
  return { figures, details: { ...run, output: run.output.slice(-2000) } }
}

export async function benchReturns(options: ReturnsOptions, postgres: SeededPostgres): Promise<BenchResult> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const dir = await mkdtemp(path.join(tmpdir(), 'hearth-bench-returns-'))
  try {
    progress(`returns: CIN census ${options.year} on the ${postgres.size} authority, in a child process`)
    const out = path.join(dir, `cin-census-${options.year}.xml`)
    const postgresCpu = await postgresCpuMeter(postgres.server.url)
    const postgresBefore = postgresCpu?.() ?? 0
    const cin = await cinCensusInChild({ databaseUrl: postgres.server.url, year: options.year, out })
    const postgresCpuMs = postgresCpu ? Math.round(postgresCpu() - postgresBefore) : null
    const bytes = (await stat(out)).size
    const errorCount = Object.values(cin.errors).reduce((a, b) => a + b, 0)
    const queryCount = Object.values(cin.queries).reduce((a, b) => a + b, 0)
    const codes = (counts: Record<string, number>) =>
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code}×${n}`)
        .join(', ')
    progress(
      `  ${cin.children} children in ${cin.produceMs} ms (CPU: Node ${cin.produceCpuMs} ms, PostgreSQL ${postgresCpuMs ?? '?'} ms), ${mb(bytes)} MB of XML, peak RSS ${cin.maxRssMb} MB; ${errorCount} errors, ${queryCount} queries`,
    )
    const figures: Figure[] = [
      figure(
        `CIN census ${options.year}: XML and validation`,
        round(cin.produceMs / 1000, 2),
        's',
        atMost(CIN_TARGET_S),
        'produceCinCensus writing a file, in its own process',
      ),
      figure(
        'CIN census CPU',
        round((cin.produceCpuMs + (postgresCpuMs ?? 0)) / 1000, 2),
        's',
        undefined,
        `Node ${round(cin.produceCpuMs / 1000, 2)} s + PostgreSQL ${postgresCpuMs === null ? '?' : round(postgresCpuMs / 1000, 2)} s: hardly moved by other work on the machine`,
      ),
      figure(
        'CIN census peak RSS',
        cin.maxRssMb,
        'MB',
        atMost(CIN_RSS_TARGET_MB),
        `the whole process; ${cin.rssBeforeMb} MB before producing`,
      ),
      figure('CIN census children', cin.children, 'children'),
      figure(
        'CIN census DfE errors',
        errorCount,
        'errors',
        atMost(0),
        errorCount ? codes(cin.errors) : undefined,
      ),
      figure(
        'CIN census DfE queries',
        queryCount,
        'queries',
        undefined,
        queryCount ? codes(cin.queries) : undefined,
      ),
    ]
    const others: Record<string, unknown> = {}
    for (const other of OTHER_RETURNS) {
      const result = await benchOther(other, options, postgres.server.url, dir)
      figures.push(...result.figures)
      others[other.kind] = result.details
    }
    return {
      name: 'returns',
      seconds: round((performance.now() - started) / 1000, 1),
      figures,
      details: {
        seedSize: postgres.size,
        loadAverage: { before: loadBefore, after: os.loadavg() },
        cinCensus: { year: options.year, xmlBytes: bytes, postgresCpuMs, ...cin },
        ...others,
      },
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
