// Page throughput: the signed-in home page of the full app against bare Fastify routes that render the same
// template, so the ratio says what the plugin stack costs. What exactly is compared:
// - home (the target): the whole app, signed in as a social worker: correlation id, cookies, the session
//   lookup, helmet's headers and CSP nonce, rate limiting, CSRF token, authorisation, the page locals and
//   the navigation's overdue count, then the home handler's caseload query and the render.
// - bare: Fastify with @fastify/view configured as Hearth configures it and nothing else. Per request it
//   fetches what the page shows exactly as the app does (the caseload query, the overdue count with its
//   cache, the navigation) and renders; the values the plugin stack makes per request (the signed-in user
//   and session, CSP nonce, CSRF token) are fixed, copied from a page the app served. home ÷ bare is the
//   figure with the 60 % target: the price of sessions, CSRF, helmet, rate limits, authorisation and hooks.
// - fixed: the same render of data fetched once, with no query at all (informational: it shows the
//   database's share; the ratio against it also charges the page's own queries to the plugin stack).
// All targets listen at once and are measured in interleaved rounds, so a burst of other work on the
// machine falls on all of them alike rather than on whichever happened to run then.
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import view from '@fastify/view'
import Fastify, { type FastifyInstance } from 'fastify'
import nunjucks from 'nunjucks'
import { DEMO_PASSWORD } from '../seed/demo-users.ts'
import { seedAuthority } from '../seed/generate.ts'
import type { SeedSize } from '../seed/organisation.ts'
import { buildApp } from '../src/app.ts'
import type { CurrentUser } from '../src/auth/current-user.ts'
import { can, ROLE_LABELS } from '../src/auth/roles.ts'
import { findSession } from '../src/auth/sessions.ts'
import { type Config, loadConfig } from '../src/config/config.ts'
import { type Database, type Db, openDatabase } from '../src/db/client.ts'
import { migrateDatabase } from '../src/db/migrate.ts'
import { myCaseload } from '../src/services/caseloads.ts'
import { overdueCount } from '../src/services/worklists.ts'
import { navigationFor } from '../src/web/navigation.ts'
import { configureNunjucks, govukDist, viewsDir } from '../src/web/nunjucks.ts'
import { atLeast, atMost, type BenchResult, type Figure, figure, progress, round } from './lib/figures.ts'
import { percentile, runLoad } from './lib/load.ts'
import { postgresCpuMeter } from './lib/process-cpu.ts'
import type { SeededPostgres } from './lib/seeded-postgres.ts'
import { expectPage, signIn } from './lib/sign-in.ts'

export interface PagesOptions {
  size: SeedSize
  connections: number
  warmupSeconds: number
  /** Measured seconds per target, split across the rounds. */
  durationSeconds: number
  rounds: number
  pglite: boolean
}

const USERNAME = 'socialworker'
const RATIO_TARGET = 60

interface Target {
  name: 'bare' | 'fixed' | 'postgres' | 'pglite'
  label: string
  url: string
  cookie: string | undefined
  responseBytes: number
  /** CPU milliseconds used so far by a database server outside this process (PostgreSQL). */
  databaseCpu?: (() => number) | null
  close(): Promise<void>
}

interface Totals {
  responses: number
  seconds: number
  latencies: number[]
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  serverCpuMs: number
  databaseCpuMs: number
  wallMs: number
  roundsPerSecond: number[]
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('server has no TCP address')
  return `http://127.0.0.1:${address.port}`
}

/**
 * What the home page fetches per request, fetched as the app fetches it: the handler's caseload and role
 * labels, and the overdue count the worklists hook puts in the navigation of every signed-in page.
 */
async function homePageData(db: Db, user: CurrentUser) {
  const overdue =
    user.workerId !== null && can(user.roles, 'worklist:view') ? await overdueCount(db, user) : null
  return {
    navigation: navigationFor(user, '/', { overdue }),
    title: 'Home',
    roleLabels: user.roles.map((role) => ROLE_LABELS[role]),
    caseload: await myCaseload(db, user),
  }
}

/** Starts the whole app on a seeded database, signs in, and reads the home page's data as its handler does. */
async function fullApp(database: Database, config: Config) {
  const app = await buildApp({ config, database, requestsPerMinute: 10_000_000 })
  const baseUrl = await listen(app)
  const cookie = await signIn(baseUrl, USERNAME, DEMO_PASSWORD)

  const token = /hearth_session=([^;]+)/.exec(cookie)?.[1] ?? ''
  const found = await findSession(database.db, token, {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
  })
  if (found.state !== 'active') throw new Error(`the ${USERNAME} session is not active`)
  const { user } = found.session
  // The per-request values as the app writes them, so the bare page comes out the same size.
  const page = await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text()
  // What the plugin stack makes per request (setPageLocals), fixed for the bare routes.
  const stackValues: Record<string, unknown> = {
    user,
    session: found.session,
    cspNonce: / nonce="([^"]+)"/.exec(page)?.[1] ?? randomBytes(16).toString('hex'),
    csrfToken: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? randomBytes(39).toString('base64url'),
    demoBanner: config.seedDemo,
  }
  const homeData = { ...stackValues, ...(await homePageData(database.db, user)) }
  return { app, baseUrl, cookie, user, stackValues, homeData }
}

/**
 * Fastify with @fastify/view configured as Hearth configures it, and nothing else: with `fetch`, the page's
 * data is fetched per request; without it, `data` is rendered as it is.
 */
async function bareApp(data: Record<string, unknown>, fetch?: () => Promise<Record<string, unknown>>) {
  const app = Fastify({ logger: false })
  await app.register(view, {
    engine: { nunjucks },
    templates: [viewsDir, govukDist],
    options: { onConfigure: configureNunjucks },
  })
  app.get('/', async (_request, reply) =>
    reply.view('pages/home/index.njk', fetch ? { ...data, ...(await fetch()) } : data),
  )
  return { app, baseUrl: await listen(app) }
}

async function measureRound(target: Target, seconds: number, connections: number, totals: Totals) {
  const cpuBefore = process.cpuUsage()
  const databaseBefore = target.databaseCpu?.() ?? 0
  const started = performance.now()
  const result = await runLoad({
    url: target.url,
    headers: target.cookie ? { cookie: target.cookie } : {},
    connections,
    warmupSeconds: 0,
    durationSeconds: seconds,
  })
  const cpu = process.cpuUsage(cpuBefore)
  totals.databaseCpuMs += (target.databaseCpu?.() ?? 0) - databaseBefore
  totals.wallMs += performance.now() - started
  totals.serverCpuMs += (cpu.user + cpu.system) / 1000
  totals.responses += result.responses
  totals.seconds += result.seconds
  for (const ms of result.latenciesMs) totals.latencies.push(ms)
  totals.non2xx += result.non2xx
  totals.errors += result.errors
  totals.timeouts += result.timeouts
  for (const [code, n] of Object.entries(result.statusCodes))
    totals.statusCodes[code] = (totals.statusCodes[code] ?? 0) + n
  const perSecond = result.responses / result.seconds
  totals.roundsPerSecond.push(round(perSecond))
  progress(`  ${target.name}: ${round(perSecond)} req/s over ${result.seconds} s`)
}

function summarise(target: Target, totals: Totals) {
  const sorted = Float64Array.from(totals.latencies).sort()
  return {
    target: target.name,
    url: target.url,
    responseBytes: target.responseBytes,
    requestsPerSecond: round(totals.responses / totals.seconds, 1),
    roundsPerSecond: totals.roundsPerSecond,
    responses: totals.responses,
    seconds: round(totals.seconds, 2),
    latencyMs: {
      p50: round(percentile(sorted, 50), 2),
      p95: round(percentile(sorted, 95), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(percentile(sorted, 100), 2),
    },
    non2xx: totals.non2xx,
    errors: totals.errors,
    timeouts: totals.timeouts,
    statusCodes: totals.statusCodes,
    /** CPU time of this process (the server under test) while loaded, as a percentage of one core. */
    serverCpuPercent: round((totals.serverCpuMs / totals.wallMs) * 100),
    /** The same for the PostgreSQL server's processes (PGlite runs inside this process). */
    databaseCpuPercent: round((totals.databaseCpuMs / totals.wallMs) * 100),
    /**
     * CPU milliseconds per response, server and database together. Unlike req/s this hardly moves when other
     * work shares the machine, so bare ÷ this estimates the req/s ratio on dedicated cores.
     */
    cpuPerRequestMs: round((totals.serverCpuMs + totals.databaseCpuMs) / totals.responses, 3),
    serverCpuPerRequestMs: round(totals.serverCpuMs / totals.responses, 3),
    databaseCpuPerRequestMs: round(totals.databaseCpuMs / totals.responses, 3),
  }
}

type Summary = ReturnType<typeof summarise>

function loadFigures(label: string, s: Summary): Figure[] {
  const failures = s.non2xx + s.errors + s.timeouts
  return [
    figure(`${label} req/s`, s.requestsPerSecond, 'req/s'),
    figure(`${label} p50`, s.latencyMs.p50, 'ms'),
    figure(`${label} p95`, s.latencyMs.p95, 'ms'),
    figure(`${label} p99`, s.latencyMs.p99, 'ms'),
    figure(`${label} CPU per request`, s.cpuPerRequestMs, 'ms'),
    figure(
      `${label} non-2xx + errors`,
      failures,
      'responses',
      atMost(0),
      failures ? JSON.stringify(s.statusCodes) : undefined,
    ),
  ]
}

/** The home page against the bare render; `postgres` holds an authority of options.size already. */
export async function benchPages(options: PagesOptions, postgres: SeededPostgres): Promise<BenchResult> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const config = loadConfig({ LOG_LEVEL: 'silent' })
  const targets: Target[] = []
  const setup: Record<string, unknown> = {}
  try {
    progress(`pages: the app on PostgreSQL (${postgres.size} authority, ${postgres.summary.totalRows} rows)`)
    const pgDatabase = await openDatabase({ databaseUrl: postgres.server.url })
    const pg = await fullApp(pgDatabase, config).catch(async (error) => {
      await pgDatabase.close()
      throw error
    })
    const caseload = pg.homeData.caseload as unknown[]
    setup.postgres = { rows: postgres.summary.totalRows, caseloadLength: caseload.length }
    targets.push({
      name: 'postgres',
      label: 'home on PostgreSQL',
      url: `${pg.baseUrl}/`,
      cookie: pg.cookie,
      responseBytes: 0,
      databaseCpu: await postgresCpuMeter(postgres.server.url),
      close: async () => {
        await pg.app.close()
        await pgDatabase.close()
      },
    })

    const bare = await bareApp(pg.stackValues, () => homePageData(pgDatabase.db, pg.user))
    const fixed = await bareApp(pg.homeData)
    targets.unshift(
      {
        name: 'bare',
        label: 'bare render',
        url: `${bare.baseUrl}/`,
        cookie: undefined,
        responseBytes: 0,
        databaseCpu: await postgresCpuMeter(postgres.server.url),
        close: () => bare.app.close(),
      },
      {
        name: 'fixed',
        label: 'bare render of fixed data',
        url: `${fixed.baseUrl}/`,
        cookie: undefined,
        responseBytes: 0,
        close: () => fixed.app.close(),
      },
    )

    if (options.pglite) {
      progress(`pages: embedded PGlite (in memory), seeding a ${options.size} authority`)
      const liteDatabase = await openDatabase({})
      const lite = await (async () => {
        await migrateDatabase(liteDatabase)
        const seeded = await seedAuthority(liteDatabase.db, { size: options.size, seed: 1 })
        progress(`  ${seeded.totalRows} rows in ${(seeded.milliseconds / 1000).toFixed(1)} s`)
        setup.pglite = { rows: seeded.totalRows, seedMs: seeded.milliseconds }
        return fullApp(liteDatabase, config)
      })().catch(async (error) => {
        await liteDatabase.close()
        throw error
      })
      const length = (lite.homeData.caseload as unknown[]).length
      setup.pglite = { ...(setup.pglite as object), caseloadLength: length }
      if (length !== caseload.length)
        progress('  warning: the PGlite caseload differs from the PostgreSQL one')
      targets.push({
        name: 'pglite',
        label: 'home on PGlite',
        url: `${lite.baseUrl}/`,
        cookie: lite.cookie,
        responseBytes: 0,
        close: async () => {
          await lite.app.close()
          await liteDatabase.close()
        },
      })
    }

    // Every target must answer 200 (a redirect to sign in would be much cheaper and prove nothing).
    for (const target of targets) {
      const check = await expectPage(target.url, target.cookie)
      target.responseBytes = check.bytes
      if (check.setsCookie) progress(`  note: ${target.name} sets a cookie on every response`)
    }
    // The same template and data should give the same page; if the home page grows (a worklist, say) the
    // bare copy here must grow with it or the ratio flatters the app.
    const bareBytes = targets[0]!.responseBytes
    for (const target of targets.slice(1)) {
      const difference = Math.abs(target.responseBytes - bareBytes) / bareBytes
      if (difference > 0.02)
        progress(
          `  warning: ${target.name} home page is ${target.responseBytes} bytes, the bare one ${bareBytes}: not the same page`,
        )
    }

    progress(
      `pages: ${options.warmupSeconds} s warm-up each, then ${options.rounds} rounds of ${round(options.durationSeconds / options.rounds, 1)} s per target at ${options.connections} connections`,
    )
    const totals = new Map<Target, Totals>()
    for (const target of targets) {
      totals.set(target, {
        responses: 0,
        seconds: 0,
        latencies: [],
        non2xx: 0,
        errors: 0,
        timeouts: 0,
        statusCodes: {},
        serverCpuMs: 0,
        databaseCpuMs: 0,
        wallMs: 0,
        roundsPerSecond: [],
      })
      if (options.warmupSeconds > 0)
        await runLoad({
          url: target.url,
          headers: target.cookie ? { cookie: target.cookie } : {},
          connections: options.connections,
          warmupSeconds: options.warmupSeconds,
          durationSeconds: 0,
        })
    }
    for (let r = 0; r < options.rounds; r++) {
      // Rotate the order so no target always runs first or last.
      const order = targets.map((_, i) => targets[(i + r) % targets.length]!)
      for (const target of order)
        await measureRound(
          target,
          options.durationSeconds / options.rounds,
          options.connections,
          totals.get(target)!,
        )
    }

    const summaries = targets.map((t) => summarise(t, totals.get(t)!))
    const bareSummary = summaries.find((s) => s.target === 'bare')!
    const fixedSummary = summaries.find((s) => s.target === 'fixed')!
    const figures: Figure[] = [
      ...loadFigures('bare render', bareSummary),
      ...loadFigures('bare render of fixed data', fixedSummary),
    ]
    for (const target of targets.filter((t) => t.name === 'postgres' || t.name === 'pglite')) {
      const summary = summaries.find((s) => s.target === target.name)!
      figures.push(...loadFigures(target.label, summary))
      figures.push(
        figure(
          `${target.label} / bare`,
          round((summary.requestsPerSecond / bareSummary.requestsPerSecond) * 100, 1),
          '%',
          // The bare route fetches from PostgreSQL, so only that comparison isolates the plugin stack.
          target.name === 'postgres' ? atLeast(RATIO_TARGET) : undefined,
          target.name === 'postgres'
            ? 'by req/s; both fetch the same data per request: the cost of the plugin stack'
            : 'the bare route fetches from PostgreSQL: this also compares the engines',
        ),
        figure(
          `${target.label} / bare by CPU per request`,
          round((bareSummary.cpuPerRequestMs / summary.cpuPerRequestMs) * 100, 1),
          '%',
          undefined,
          'server + database CPU: a noise-resistant estimate of the req/s ratio',
        ),
        figure(
          `${target.label} / bare render of fixed data`,
          round((summary.requestsPerSecond / fixedSummary.requestsPerSecond) * 100, 1),
          '%',
          undefined,
          "by req/s; also charges the page's own queries to the app",
        ),
      )
    }
    return {
      name: 'pages',
      seconds: round((performance.now() - started) / 1000, 1),
      figures,
      details: {
        user: USERNAME,
        seedSize: options.size,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
        rounds: options.rounds,
        logLevel: 'silent',
        loadAverage: { before: loadBefore, after: os.loadavg() },
        setup,
        targets: summaries,
      },
    }
  } finally {
    for (const target of targets) await target.close().catch(() => {})
  }
}
