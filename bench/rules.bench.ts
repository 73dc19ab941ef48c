// Drift and delay (issue "Drift and delay"): every statutory timescale and drift rule evaluated for the
// whole authority, as things stand today and as they stood a year ago, each the median of warm runs, with
// the time each rule takes on its own (where the time goes) and the CPU of Node and of PostgreSQL. Then,
// when the worklist pages exist (src/web/routes/worklists/), a team's worklist page measured two ways, each
// figure labelled with what it models:
// - closed loop: 50 connections, each firing its next request the moment the previous one answers (50
//   users with no think time at all: a saturation test), against a bare Fastify rendering the same template
//   from the same data, as pages.bench.ts does. Gives the throughput ratio (the issue's target), and a p95
//   that is mostly queueing: by Little's law the mean latency of 50 closed-loop connections is 50 / the
//   throughput, so 50 ms takes more than 1,000 pages a second, which two cores do not serve even bare. That
//   p95 is reported without a target, with the bound it cannot beat.
// - 50 concurrent users: 50 signed-in sessions of the authority's team managers (distinct users as far as
//   the data allows, then further sessions of the same managers), each loading their own team's page and
//   reading it for a think time (uniform 2.5 to 7.5 s, mean 5 s: a busy manager) before loading it again.
//   This is what "50 concurrent users" means for the page's latency: the p95 target is judged on it. The
//   server's own time for each page (request received to response sent) and the delay of its event loop
//   are measured alongside, so a slow tail can be told apart from the load generator's.
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import view from '@fastify/view'
import { sql } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import nunjucks from 'nunjucks'
import { DEMO_PASSWORD } from '../seed/demo-users.ts'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config/config.ts'
import { type Database, openDatabase, queryRows } from '../src/db/client.ts'
import { addMonths } from '../src/domain/calendar/working-days.ts'
import { RULES } from '../src/rules/catalogue/index.ts'
import { evaluateRules } from '../src/rules/engine/evaluate.ts'
import type { Flag } from '../src/rules/engine/types.ts'
import { today } from '../src/services/dates.ts'
import { configureNunjucks, govukDist, viewsDir } from '../src/web/nunjucks.ts'
import {
  atLeast,
  atMost,
  type BenchResult,
  type Figure,
  figure,
  median,
  progress,
  round,
} from './lib/figures.ts'
import { percentile, runLoad } from './lib/load.ts'
import { postgresCpuMeter } from './lib/process-cpu.ts'
import type { SeededPostgres } from './lib/seeded-postgres.ts'
import { expectPage, signIn } from './lib/sign-in.ts'
import { waitForQuietDatabase } from './record.bench.ts'

export interface RulesOptions {
  /** Timed runs of each evaluation (after one untimed warm-up). */
  runs: number
  connections: number
  warmupSeconds: number
  durationSeconds: number
  rounds: number
}

const TODAY_TARGET_S = 2
const YEAR_AGO_TARGET_S = 5
const WORKLIST_P95_TARGET_MS = 50
const WORKLIST_RATIO_TARGET = 50
const WORKLIST_USER = 'teammanager'

/** Think time between a user's page loads: uniform between half and one and a half of it. */
const THINK_TIME_S = 5
/** Not counted: every user arrives (spread over one think time) and loads the page at least once. */
const USERS_WARMUP_S = 10
/** Counted: about 50 / 5 = 10 page loads a second, so some 600 in all for the p95. */
const USERS_MEASURE_S = 60
const USERS_ROLE = 'team-manager'
const USERS_SEED = 20_261_207

const SELF = fileURLToPath(import.meta.url)
const USERS_WORKER_FLAG = '--worklist-users-worker'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WORKLIST_ROUTES = path.join(ROOT, 'src/web/routes/worklists')

interface Timed {
  ms: number[]
  flags: number
  bySeverity: Record<string, number>
  byRule: Record<string, number>
  nodeCpuMs: number
  postgresCpuMs: number | null
}

const countBy = (flags: Flag[], key: (f: Flag) => string) => {
  const counts: Record<string, number> = {}
  for (const f of flags) counts[key(f)] = (counts[key(f)] ?? 0) + 1
  return counts
}

/** One untimed run, then `runs` timed ones, with the CPU both processes spent on the timed ones. */
async function timeEvaluation(
  database: Database,
  asAt: string,
  runs: number,
  postgresCpu: (() => number) | null,
): Promise<Timed> {
  await evaluateRules(database.db, { asAt })
  const ms: number[] = []
  let flags: Flag[] = []
  const cpuBefore = process.cpuUsage()
  const postgresBefore = postgresCpu?.() ?? 0
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    flags = await evaluateRules(database.db, { asAt })
    ms.push(Math.round(performance.now() - started))
  }
  const cpu = process.cpuUsage(cpuBefore)
  return {
    ms,
    flags: flags.length,
    bySeverity: countBy(flags, (f) => f.severity),
    byRule: countBy(flags, (f) => f.ruleId),
    nodeCpuMs: Math.round((cpu.user + cpu.system) / 1000 / runs),
    postgresCpuMs: postgresCpu ? Math.round((postgresCpu() - postgresBefore) / runs) : null,
  }
}

/** Each rule alone, once, on a warm database: which rules the whole evaluation waits for. */
async function timeEachRule(database: Database, asAt: string) {
  const times: { rule: string; ms: number; flags: number }[] = []
  for (const rule of RULES) {
    const started = performance.now()
    const flags = await evaluateRules(database.db, { asAt, ruleIds: [rule.id] })
    times.push({ rule: rule.id, ms: Math.round(performance.now() - started), flags: flags.length })
  }
  return times.sort((a, b) => b.ms - a.ms)
}

// --- The team worklist page, if it exists ---

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('server has no TCP address')
  return `http://127.0.0.1:${address.port}`
}

/**
 * The app's own time for each request (received to response sent), while recording: hooks added before the
 * app listens. With the event loop's delay, it tells a slow server from a slow load generator.
 */
function serverTimings(app: FastifyInstance) {
  let recording = false
  const ms: number[] = []
  const started = new WeakMap<object, number>()
  app.addHook('onRequest', async (request) => {
    if (recording) started.set(request.raw, performance.now())
  })
  app.addHook('onResponse', async (request) => {
    const at = started.get(request.raw)
    if (at !== undefined) ms.push(performance.now() - at)
  })
  const loop = monitorEventLoopDelay({ resolution: 10 })
  return {
    start() {
      ms.length = 0
      loop.reset()
      loop.enable()
      recording = true
    },
    stop() {
      recording = false
      loop.disable()
      const sorted = Float64Array.from(ms).sort()
      const delay = (p: number) => round(loop.percentile(p) / 1e6, 1)
      return {
        requests: ms.length,
        serverMs: {
          p50: round(percentile(sorted, 50), 1),
          p95: round(percentile(sorted, 95), 1),
          p99: round(percentile(sorted, 99), 1),
          max: round(percentile(sorted, 100), 1),
        },
        /** Event-loop delay (monitorEventLoopDelay, 10 ms resolution: its floor is about 10 ms). */
        eventLoopDelayMs: { p50: delay(50), p99: delay(99), max: round(loop.max / 1e6, 1) },
      }
    },
  }
}
type ServerTimings = ReturnType<typeof serverTimings>

/** Counts the requests an app's HTTP server receives, answered or not. */
function countRequests(app: FastifyInstance): () => number {
  let received = 0
  app.server.on('request', () => {
    received++
  })
  return () => received
}

/** The template the worklist route answering `pagePath` renders, read from src/web/routes/worklists/. */
function templateOf(pagePath: string): string | null {
  const pathname = pagePath.split('?')[0]!
  for (const file of readdirSync(WORKLIST_ROUTES, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
    const source = readFileSync(path.join(WORKLIST_ROUTES, file), 'utf8')
    // Each GET route up to the next route, and the first template its handler renders.
    const routes = source.split(/(?=\bapp\.(?:get|post|put|patch|delete|route)\()/)
    for (const route of routes) {
      const pattern = /^app\.get\(\s*['"`]([^'"`]+)['"`]/.exec(route)?.[1]
      const template = /\.view\(\s*['"`]([^'"`]+\.njk)['"`]/.exec(route)?.[1]
      if (!pattern || !template) continue
      const regex = new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}$`)
      if (regex.test(pathname)) return template
    }
  }
  return null
}

/**
 * The context a page's template was rendered with: Environment#render is wrapped while one request is
 * made, so the bare app can render the same page from the same data without the database.
 */
async function capturedContext(url: string, cookie: string, template: string) {
  const prototype = nunjucks.Environment.prototype as unknown as {
    render(name: string, context: object, callback?: unknown): unknown
  }
  const original = prototype.render
  let context: Record<string, unknown> | undefined
  prototype.render = function (this: unknown, name: string, ctx: object, callback?: unknown) {
    if (name === template) context = { ...(ctx as Record<string, unknown>) }
    return original.call(this, name, ctx, callback)
  }
  try {
    const response = await fetch(url, { headers: { cookie } })
    await response.arrayBuffer()
  } finally {
    prototype.render = original
  }
  return context
}

interface LoadTotals {
  latencies: number[]
  responses: number
  seconds: number
  failures: number
  statusCodes: Record<string, number>
  serverCpuMs: number
  databaseCpuMs: number
  wallMs: number
  received: number
  drainMs: number
}

function summarise(totals: LoadTotals) {
  // No response at all within the time: the latency is at least that time.
  const sorted = totals.latencies.length
    ? Float64Array.from(totals.latencies).sort()
    : [totals.seconds * 1000]
  return {
    requestsPerSecond: round(totals.responses / totals.seconds, 1),
    responses: totals.responses,
    latencyMs: {
      p50: round(percentile(sorted, 50), 1),
      p95: round(percentile(sorted, 95), 1),
      p99: round(percentile(sorted, 99), 1),
    },
    failures: totals.failures,
    statusCodes: totals.statusCodes,
    serverCpuPercent: round((totals.serverCpuMs / totals.wallMs) * 100),
    databaseCpuPercent: round((totals.databaseCpuMs / totals.wallMs) * 100),
    /** Per request the server received (the load's warm-up and the requests it left running included). */
    cpuPerRequestMs: round((totals.serverCpuMs + totals.databaseCpuMs) / Math.max(1, totals.received), 2),
    serverCpuPerRequestMs: round(totals.serverCpuMs / Math.max(1, totals.received), 2),
    databaseCpuPerRequestMs: round(totals.databaseCpuMs / Math.max(1, totals.received), 2),
    /** How long the database went on working after the load generator stopped. */
    drainMs: totals.drainMs,
  }
}

interface LoadTarget {
  name: 'bare' | 'worklist'
  url: string
  cookie: string | undefined
  received(): number
}

/** One round of load on a target, then a wait until the database is quiet, all of it counted. */
async function loadRound(
  target: LoadTarget,
  totals: LoadTotals,
  options: RulesOptions,
  databaseUrl: string,
  databaseCpu: (() => number) | null,
) {
  const cpuBefore = process.cpuUsage()
  const databaseBefore = databaseCpu?.() ?? 0
  const receivedBefore = target.received()
  const started = performance.now()
  const result = await runLoad({
    url: target.url,
    headers: target.cookie ? { cookie: target.cookie } : {},
    connections: options.connections,
    warmupSeconds: 0,
    durationSeconds: options.durationSeconds / options.rounds,
  })
  totals.drainMs += await waitForQuietDatabase(databaseUrl)
  const cpu = process.cpuUsage(cpuBefore)
  for (const ms of result.latenciesMs) totals.latencies.push(ms)
  totals.responses += result.responses
  totals.seconds += result.seconds
  totals.failures += result.non2xx + result.errors + result.timeouts
  for (const [code, n] of Object.entries(result.statusCodes))
    totals.statusCodes[code] = (totals.statusCodes[code] ?? 0) + n
  totals.serverCpuMs += (cpu.user + cpu.system) / 1000
  totals.databaseCpuMs += (databaseCpu?.() ?? 0) - databaseBefore
  totals.wallMs += performance.now() - started
  totals.received += target.received() - receivedBefore
  progress(`  ${target.name}: ${round(result.responses / result.seconds, 1)} req/s`)
}

/** Requests one at a time (at least 3, at most 30, for about the measured time): one user's wait. */
async function oneAtATime(url: string, cookie: string, budgetMs: number) {
  const latencies: number[] = []
  const started = performance.now()
  while (latencies.length < 30 && (latencies.length < 3 || performance.now() - started < budgetMs)) {
    const began = performance.now()
    const response = await fetch(url, { redirect: 'manual', headers: { cookie } })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    latencies.push(performance.now() - began)
  }
  const sorted = Float64Array.from(latencies).sort()
  return {
    requests: latencies.length,
    p50: round(percentile(sorted, 50), 1),
    p95: round(percentile(sorted, 95), 1),
    max: round(percentile(sorted, 100), 1),
  }
}

// --- 50 users with think time ---

interface UsersLoadRequest {
  /** One per user: the page they load and their session's cookie. */
  sessions: { url: string; cookie: string }[]
  thinkMs: number
  warmupMs: number
  measureMs: number
  seed: number
}

interface UsersLoadResult {
  /** Response times (to the last byte) of the page loads started within the measured time. */
  latenciesMs: number[]
  statusCodes: Record<string, number>
  seconds: number
  /** Page loads counted per session. */
  perSession: number[]
  /** The counted response times of each page (by URL). */
  byUrl: Record<string, number[]>
}

/** A small seeded generator (mulberry32), so every run spreads arrivals and think times alike. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The users, in a process of their own (this file, forked) so their clients do not share the server's
 * event loop: each arrives at a random moment within the first think time, then loads its page, reads it
 * for a think time, and loads it again, until the measured time is over. A load counts if it started
 * within the measured time (it is waited for even if it ends after).
 */
async function usersLoad(request: UsersLoadRequest): Promise<UsersLoadResult> {
  const random = seededRandom(request.seed)
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const started = performance.now()
  const measureFrom = started + request.warmupMs
  const measureTo = measureFrom + request.measureMs
  const latenciesMs: number[] = []
  const statusCodes: Record<string, number> = {}
  const perSession = request.sessions.map(() => 0)
  const byUrl: Record<string, number[]> = {}
  await Promise.all(
    request.sessions.map(async (session, i) => {
      await sleep(random() * request.thinkMs)
      while (performance.now() < measureTo) {
        const began = performance.now()
        let status = 'error'
        try {
          const response = await fetch(session.url, {
            redirect: 'manual',
            headers: { cookie: session.cookie },
            signal: AbortSignal.timeout(30_000),
          })
          await response.arrayBuffer()
          status = String(response.status)
        } catch {
          // Counted as an error below.
        }
        if (began >= measureFrom) {
          const ms = Math.round((performance.now() - began) * 1000) / 1000
          latenciesMs.push(ms)
          byUrl[session.url] ??= []
          byUrl[session.url]!.push(ms)
          statusCodes[status] = (statusCodes[status] ?? 0) + 1
          perSession[i]!++
        }
        await sleep(request.thinkMs * (0.5 + random()))
      }
    }),
  )
  return { latenciesMs, statusCodes, seconds: request.measureMs / 1000, perSession, byUrl }
}

if (process.argv[1] === SELF && process.argv[2] === USERS_WORKER_FLAG) {
  process.once('message', async (request: UsersLoadRequest) => {
    try {
      process.send?.({ ok: true, result: await usersLoad(request) })
    } catch (error) {
      process.send?.({ ok: false, error: error instanceof Error ? error.stack : String(error) })
    }
    process.disconnect?.()
  })
}

function runUsersLoad(request: UsersLoadRequest): Promise<UsersLoadResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(SELF, [USERS_WORKER_FLAG], {
      execPath: process.execPath,
      execArgv: [],
      stdio: 'inherit',
    })
    let answered = false
    child.once('message', (message: { ok: true; result: UsersLoadResult } | { ok: false; error: string }) => {
      answered = true
      if (message.ok) resolve(message.result)
      else reject(new Error(`users load failed: ${message.error}`))
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`users load exited with ${code} before answering`))
    })
    child.send(request)
  })
}

/**
 * Signs in `count` sessions of the authority's team managers, round robin (distinct users first), and finds
 * each one's team page the way the navigation does (/my-team redirects a team manager to their team).
 */
async function managerSessions(baseUrl: string, database: Database, count: number) {
  const managers = await queryRows<{ username: string }>(
    database.db,
    sql`select u.username from user_account u join user_role r on r.user_id = u.id
        where r.role = ${USERS_ROLE} and not u.disabled and u.worker_id is not null order by u.id`,
  )
  if (managers.length === 0) throw new Error(`no ${USERS_ROLE} can sign in`)
  const pageOf = new Map<string, string>()
  const sessions: { username: string; url: string; cookie: string }[] = []
  for (let i = 0; i < count; i++) {
    const { username } = managers[i % managers.length]!
    const cookie = await signIn(baseUrl, username, DEMO_PASSWORD)
    let page = pageOf.get(username)
    if (!page) {
      const response = await fetch(`${baseUrl}/my-team`, { redirect: 'manual', headers: { cookie } })
      await response.arrayBuffer()
      const location = response.headers.get('location')
      if (response.status !== 303 || !location?.startsWith('/teams/'))
        throw new Error(`/my-team answered ${response.status} ${location ?? ''} for ${username}`)
      page = location
      pageOf.set(username, page)
      await expectPage(`${baseUrl}${page}`, cookie)
    }
    sessions.push({ username, url: `${baseUrl}${page}`, cookie })
  }
  return { sessions, users: pageOf.size, teams: new Set(pageOf.values()).size }
}

/** The users load on the whole app, with the CPU the server and the database spent on it. */
async function benchUsers(
  baseUrl: string,
  database: Database,
  received: () => number,
  databaseUrl: string,
  databaseCpu: (() => number) | null,
  users: number,
  timings: ServerTimings,
) {
  const { sessions, users: distinct, teams } = await managerSessions(baseUrl, database, users)
  await waitForQuietDatabase(databaseUrl)
  progress(
    `rules: team worklists, ${users} users with think time: ${users} sessions of ${distinct} team managers (${teams} teams' pages), think time ${THINK_TIME_S / 2}–${(THINK_TIME_S * 3) / 2} s (mean ${THINK_TIME_S} s), ${USERS_WARMUP_S} s arriving then ${USERS_MEASURE_S} s measured`,
  )
  const cpuBefore = process.cpuUsage()
  const databaseBefore = databaseCpu?.() ?? 0
  const receivedBefore = received()
  const started = performance.now()
  // The server's timings from when the load's counted time begins (its clock starts a little later).
  const recordFrom = setTimeout(() => timings.start(), USERS_WARMUP_S * 1000)
  const result = await runUsersLoad({
    sessions: sessions.map(({ url, cookie }) => ({ url, cookie })),
    thinkMs: THINK_TIME_S * 1000,
    warmupMs: USERS_WARMUP_S * 1000,
    measureMs: USERS_MEASURE_S * 1000,
    seed: USERS_SEED,
  }).finally(() => clearTimeout(recordFrom))
  const server = timings.stop()
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const serverCpuMs = (cpu.user + cpu.system) / 1000
  const databaseCpuMs = (databaseCpu?.() ?? 0) - databaseBefore
  const requests = Math.max(1, received() - receivedBefore)
  const sorted = result.latenciesMs.length
    ? Float64Array.from(result.latenciesMs).sort()
    : [USERS_MEASURE_S * 1000]
  const loads = result.latenciesMs.length
  const ok = result.statusCodes['200'] ?? 0
  const summary = {
    users,
    distinctUsers: distinct,
    teams,
    thinkTimeSeconds: { mean: THINK_TIME_S, min: THINK_TIME_S / 2, max: (THINK_TIME_S * 3) / 2 },
    warmupSeconds: USERS_WARMUP_S,
    measuredSeconds: USERS_MEASURE_S,
    pageLoads: loads,
    pageLoadsPerSecond: round(loads / result.seconds, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50), 1),
      p95: round(percentile(sorted, 95), 1),
      p99: round(percentile(sorted, 99), 1),
      max: round(percentile(sorted, 100), 1),
    },
    failures: loads - ok,
    statusCodes: result.statusCodes,
    loadsPerSession: { min: Math.min(...result.perSession), max: Math.max(...result.perSession) },
    /** The app's own time per request and its event loop's delay over the counted time. */
    server,
    serverCpuPercent: round((serverCpuMs / wallMs) * 100),
    databaseCpuPercent: round((databaseCpuMs / wallMs) * 100),
    /** Per request the server received over the whole run (the arrivals included). */
    cpuPerRequestMs: round((serverCpuMs + databaseCpuMs) / requests, 2),
    /** Each team's page, slowest p95 first: whether the tail is one team's or everyone's. */
    byPage: Object.entries(result.byUrl)
      .map(([url, ms]) => {
        const pageSorted = Float64Array.from(ms).sort()
        return {
          page: new URL(url).pathname,
          loads: ms.length,
          p50: round(percentile(pageSorted, 50), 1),
          p95: round(percentile(pageSorted, 95), 1),
          max: round(percentile(pageSorted, 100), 1),
        }
      })
      .sort((a, b) => b.p95 - a.p95),
  }
  progress(
    `  users: p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms, ${loads} page loads (${summary.pageLoadsPerSecond}/s), server CPU ${summary.serverCpuPercent} %, database CPU ${summary.databaseCpuPercent} %; in the server p95 ${server.serverMs.p95} ms, event-loop delay p99 ${server.eventLoopDelayMs.p99} ms (max ${server.eventLoopDelayMs.max} ms)`,
  )
  return summary
}

const skipped = (reason: string) => {
  progress(`rules: team worklist ${reason}`)
  return { figures: [] as Figure[], details: { skipped: reason } as Record<string, unknown> }
}

/**
 * The team manager's team worklist (/my-team, which leads to /teams/:teamId/work) on the whole app, against
 * a bare Fastify rendering the same template from the same data (captured from the app, so no database),
 * as pages.bench.ts does for the home page. Skipped, with the reason, when the pages do not exist yet.
 */
async function benchWorklist(
  options: RulesOptions,
  database: Database,
  postgres: SeededPostgres,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  if (!existsSync(WORKLIST_ROUTES))
    return skipped('skipped: there are no worklist pages yet (src/web/routes/worklists/ does not exist)')
  // Every user signs in from this one address: allow their sign-ins (the page's own limits are unchanged).
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { signInRatePerMinute: 1000 })
  const app = await buildApp({ config, database, requestsPerMinute: 10_000_000 })
  const timings = serverTimings(app)
  let bare: FastifyInstance | undefined
  try {
    const appReceived = countRequests(app)
    const baseUrl = await listen(app)
    const cookie = await signIn(baseUrl, WORKLIST_USER, DEMO_PASSWORD)
    const [me] = await queryRows<{ team_id: number | null }>(
      database.db,
      sql`select w.team_id from user_account u join worker w on w.id = u.worker_id where u.username = ${WORKLIST_USER}`,
    )
    // /my-team may answer itself or redirect to the team's page; else the team's page directly.
    const candidates = ['/my-team', `/teams/${me?.team_id}/work`]
    let pagePath: string | null = null
    for (const candidate of candidates) {
      const response = await fetch(`${baseUrl}${candidate}`, { redirect: 'manual', headers: { cookie } })
      await response.arrayBuffer()
      const location = response.headers.get('location')
      if (response.status === 200) pagePath = candidate
      else if (response.status >= 300 && response.status < 400 && location?.startsWith('/teams/'))
        pagePath = location
      if (pagePath) break
    }
    if (!pagePath) return skipped(`skipped: neither ${candidates.join(' nor ')} answers for ${WORKLIST_USER}`)
    const template = templateOf(pagePath)
    if (!template) return skipped(`skipped: no template found for ${pagePath} in src/web/routes/worklists/`)
    const fullUrl = `${baseUrl}${pagePath}`
    const one = await oneAtATime(fullUrl, cookie, options.durationSeconds * 1000)
    progress(`rules: team worklist ${pagePath}, one at a time: p50 ${one.p50} ms, p95 ${one.p95} ms`)
    const context = await capturedContext(fullUrl, cookie, template)
    if (!context) return skipped(`skipped: ${pagePath} did not render ${template}`)
    const [team] = await queryRows<{ cases: number }>(
      database.db,
      sql`select count(distinct person_id)::int as cases from allocation where team_id = ${me?.team_id ?? -1} and ended_on is null`,
    )

    bare = Fastify({ logger: false })
    await bare.register(view, {
      engine: { nunjucks },
      templates: [viewsDir, govukDist],
      options: { onConfigure: configureNunjucks },
    })
    bare.get('/', (_request, reply) => reply.view(template, context))
    const bareReceived = countRequests(bare)
    const bareUrl = `${await listen(bare)}/`
    const fullBytes = (await expectPage(fullUrl, cookie)).bytes
    const bareBytes = (await expectPage(bareUrl)).bytes
    if (Math.abs(fullBytes - bareBytes) / bareBytes > 0.02)
      progress(`  warning: the worklist is ${fullBytes} bytes, the bare one ${bareBytes}: not the same page`)

    const databaseCpu = await postgresCpuMeter(postgres.server.url)
    const targets: LoadTarget[] = [
      { name: 'bare', url: bareUrl, cookie: undefined, received: bareReceived },
      { name: 'worklist', url: fullUrl, cookie, received: appReceived },
    ]
    const totals = new Map<LoadTarget, LoadTotals>()
    for (const target of targets) {
      totals.set(target, {
        latencies: [],
        responses: 0,
        seconds: 0,
        failures: 0,
        statusCodes: {},
        serverCpuMs: 0,
        databaseCpuMs: 0,
        wallMs: 0,
        received: 0,
        drainMs: 0,
      })
      // The worklist is warm from the requests made one at a time; a warm-up at full load would only leave
      // a queue behind when the page is slow.
      if (options.warmupSeconds > 0 && target.name === 'bare') {
        await runLoad({
          url: target.url,
          headers: target.cookie ? { cookie: target.cookie } : {},
          connections: options.connections,
          warmupSeconds: options.warmupSeconds,
          durationSeconds: 0,
        })
        await waitForQuietDatabase(postgres.server.url)
      }
    }
    progress(
      `rules: team worklist ${pagePath} (${team?.cases ?? '?'} open cases, ${fullBytes} bytes) against a bare render of ${template}, ${options.rounds} rounds at ${options.connections} connections`,
    )
    for (let r = 0; r < options.rounds; r++)
      for (const target of r % 2 ? [...targets].reverse() : targets)
        await loadRound(target, totals.get(target)!, options, postgres.server.url, databaseCpu)

    const bareSummary = summarise(totals.get(targets[0]!)!)
    const full = summarise(totals.get(targets[1]!)!)
    const label = `team worklist ${pagePath}`
    const none = full.responses === 0 ? ': no response in the time, so at least this' : ''
    const closed = `${options.connections} closed-loop connections, no think time`
    // Little's law: with every connection always waiting, the mean latency is connections / throughput.
    const littleMs = round((options.connections / Math.max(full.requestsPerSecond, 0.001)) * 1000, 1)
    const neededRps = round((options.connections * 1000) / WORKLIST_P95_TARGET_MS)
    progress(
      `  closed loop: its p95 (${full.latencyMs.p95} ms) is queueing, not the page: by Little's law ${options.connections} connections at ${full.requestsPerSecond} req/s wait ${littleMs} ms on average, and ${WORKLIST_P95_TARGET_MS} ms would need more than ${neededRps} req/s (bare: ${bareSummary.requestsPerSecond}). The p95 target is judged on ${options.connections} concurrent users with think time, next.`,
    )

    await waitForQuietDatabase(postgres.server.url)
    const users = await benchUsers(
      baseUrl,
      database,
      appReceived,
      postgres.server.url,
      databaseCpu,
      options.connections,
      timings,
    )
    const withThink = `${users.users} concurrent users (${THINK_TIME_S} s think time)`
    const usersNote = `${users.users} signed-in sessions of ${users.distinctUsers} team managers, each loading their own team's page (${users.teams} teams) then reading it ${users.thinkTimeSeconds.min}–${users.thinkTimeSeconds.max} s (mean ${THINK_TIME_S} s) before the next; ${users.pageLoads} page loads in ${USERS_MEASURE_S} s after ${USERS_WARMUP_S} s of arrivals`
    const closedNote = `a saturation test, not the target's measure (that is ${withThink}, above): each connection fires its next request the moment the previous answers, so by Little's law the mean latency is ${options.connections} / ${full.requestsPerSecond} req/s = ${littleMs} ms, and a p95 of ${WORKLIST_P95_TARGET_MS} ms would need more than ${neededRps} req/s (bare rendering alone managed ${bareSummary.requestsPerSecond})${none}`
    return {
      figures: [
        figure(`team worklists p50, ${withThink}`, users.latencyMs.p50, 'ms'),
        figure(
          `team worklists p95, ${withThink}`,
          users.latencyMs.p95,
          'ms',
          atMost(WORKLIST_P95_TARGET_MS),
          usersNote,
        ),
        figure(`team worklists p99, ${withThink}`, users.latencyMs.p99, 'ms'),
        figure(
          `team worklists page loads/s, ${withThink}`,
          users.pageLoadsPerSecond,
          'loads/s',
          undefined,
          `server CPU ${users.serverCpuPercent} %, database CPU ${users.databaseCpuPercent} % of one core`,
        ),
        figure(
          `team worklists non-2xx + errors, ${withThink}`,
          users.failures,
          'responses',
          atMost(0),
          users.failures ? JSON.stringify(users.statusCodes) : undefined,
        ),
        figure(
          `team worklists in the server p95, ${withThink}`,
          users.server.serverMs.p95,
          'ms',
          undefined,
          `request received to response sent, ${users.server.requests} requests; event-loop delay p99 ${users.server.eventLoopDelayMs.p99} ms, max ${users.server.eventLoopDelayMs.max} ms`,
        ),
        figure(`${label} p50, ${closed}`, full.latencyMs.p50, 'ms'),
        figure(
          `${label} p95, ${closed} (saturation, no target)`,
          full.latencyMs.p95,
          'ms',
          undefined,
          closedNote,
        ),
        figure(`${label} p99, ${closed}`, full.latencyMs.p99, 'ms'),
        figure(
          `${label} one at a time p95`,
          one.p95,
          'ms',
          undefined,
          `one connection, ${one.requests} requests`,
        ),
        figure(`${label} req/s, ${closed}`, full.requestsPerSecond, 'req/s'),
        figure('bare render of the same page req/s', bareSummary.requestsPerSecond, 'req/s'),
        figure(
          `${label} / bare`,
          round((full.requestsPerSecond / bareSummary.requestsPerSecond) * 100, 1),
          '%',
          atLeast(WORKLIST_RATIO_TARGET),
        ),
        figure(
          `${label} / bare by CPU per request`,
          round((bareSummary.cpuPerRequestMs / full.cpuPerRequestMs) * 100, 1),
          '%',
          undefined,
          `Node + PostgreSQL CPU per request: ${full.cpuPerRequestMs} ms against ${bareSummary.cpuPerRequestMs} ms bare, a noise-resistant estimate of the req/s ratio`,
        ),
        figure(
          `${label} non-2xx + errors, ${closed}`,
          full.failures,
          'responses',
          atMost(0),
          full.failures ? JSON.stringify(full.statusCodes) : undefined,
        ),
      ],
      details: {
        user: WORKLIST_USER,
        path: pagePath,
        template,
        teamOpenCases: team?.cases ?? null,
        bytes: { worklist: fullBytes, bare: bareBytes },
        oneAtATime: one,
        /** closedLoop: `connections` connections, each firing its next request when the previous answers. */
        closedLoop: { connections: options.connections, worklist: full, bare: bareSummary },
        /** usersWithThinkTime: signed-in managers loading their team's page, each pausing between loads. */
        usersWithThinkTime: users,
      },
    }
  } finally {
    await bare?.close().catch(() => {})
    await app.close().catch(() => {})
  }
}

export async function benchRules(options: RulesOptions, postgres: SeededPostgres): Promise<BenchResult> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const database = await openDatabase({ databaseUrl: postgres.server.url })
  try {
    const postgresCpu = await postgresCpuMeter(postgres.server.url)
    const asAt = today()
    const yearAgo = addMonths(asAt, -12)
    const [counts] = await queryRows<{ children: number; open: number }>(
      database.db,
      sql`select (select count(distinct person_id)::int from referral) as children,
                 (select count(*)::int from referral where closure_date is null) as open`,
    )
    progress(
      `rules: ${RULES.length} rules over the whole ${postgres.size} authority (${counts?.children} children with a referral, ${counts?.open} open), as at ${asAt}`,
    )
    const now = await timeEvaluation(database, asAt, options.runs, postgresCpu)
    progress(`  today: ${now.ms.join(', ')} ms; ${now.flags} flags`)
    const past = await timeEvaluation(database, yearAgo, options.runs, postgresCpu)
    progress(`  as at ${yearAgo}: ${past.ms.join(', ')} ms; ${past.flags} flags`)
    const perRule = await timeEachRule(database, asAt)
    progress(
      `  slowest rules alone: ${perRule
        .slice(0, 3)
        .map((r) => `${r.rule} ${r.ms} ms`)
        .join(', ')}`,
    )

    const worklist = await benchWorklist(options, database, postgres)
    const secondsOf = (t: Timed) => round(median(t.ms) / 1000, 2)
    return {
      name: 'rules',
      seconds: round((performance.now() - started) / 1000, 1),
      figures: [
        figure(
          `all flags for the authority today, median of ${options.runs}`,
          secondsOf(now),
          's',
          atMost(TODAY_TARGET_S),
          `as at ${asAt}, ${RULES.length} rules`,
        ),
        figure('flags today', now.flags, 'flags'),
        figure(
          `all flags as at a year ago, median of ${options.runs}`,
          secondsOf(past),
          's',
          atMost(YEAR_AGO_TARGET_S),
          `as at ${yearAgo}`,
        ),
        figure('flags a year ago', past.flags, 'flags'),
        ...worklist.figures,
      ],
      details: {
        seedSize: postgres.size,
        loadAverage: { before: loadBefore, after: os.loadavg() },
        population: counts,
        today: { asAt, ...now },
        yearAgo: { asAt: yearAgo, ...past },
        /** Each rule evaluated alone for today, slowest first: their sum is the evaluation with no overlap. */
        perRuleToday: perRule,
        perRuleSumMs: perRule.reduce((sum, r) => sum + r.ms, 0),
        worklist: worklist.details,
      },
    }
  } finally {
    await database.close()
  }
}
