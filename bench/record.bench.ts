// The child's record under load (issue "The child's record"): name search, the child's page for the
// children with the longest histories, and the chronology of a child with about 500 events, each over real
// HTTP on the whole app signed in as an authority-wide user — and name search again as an ordinary social
// worker, who may see only their team's children, so the visibility check is measured where it bites. The load comes from autocannon in a child
// process (this file, forked) at a few concurrent connections, cycling through many different URLs so the
// database cannot answer from one hot row; before that the URLs are fetched one at a time (one connection,
// for at most the measured time), which warms the caches and gives the wait of a single user. The figures
// with targets are the p95s under the few connections; CPU per request (Node and PostgreSQL) is given too,
// as other work on the machine hardly moves it.
import { type ChildProcess, fork } from 'node:child_process'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import autocannon, { type Options } from 'autocannon'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { DEMO_PASSWORD } from '../seed/demo-users.ts'
import { createRandom, type Random } from '../seed/lib/random.ts'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config/config.ts'
import { bulkInsert } from '../src/db/bulk-insert.ts'
import { type Database, openDatabase, queryRows } from '../src/db/client.ts'
import { caseNote, significantEvent } from '../src/db/schema/index.ts'
import { chronology } from '../src/services/chronology.ts'
import { foldName } from '../src/services/people.ts'
import { atMost, type BenchResult, type Figure, figure, progress, round } from './lib/figures.ts'
import { percentile } from './lib/load.ts'
import { postgresCpuMeter } from './lib/process-cpu.ts'
import type { SeededPostgres } from './lib/seeded-postgres.ts'
import { expectPage, signIn } from './lib/sign-in.ts'

export interface RecordOptions {
  /** Concurrent connections of the load generator: a few users at once, not a stampede. */
  connections: number
  warmupSeconds: number
  /** Measured seconds per page. */
  durationSeconds: number
}

// An authority-wide role (front door), so search and every record are open to it as to a MASH worker.
const USERNAME = 'frontdoor'
// An ordinary social worker, who sees only the children allocated to their team (and their own): search
// checks that for every candidate, so it is measured for them separately.
const WORKER_USERNAME = 'socialworker'
const SEARCH_TARGET_MS = 100
const CHILD_PAGE_TARGET_MS = 100
const CHRONOLOGY_TARGET_MS = 150
const CHRONOLOGY_EVENTS = 500
const SEARCH_NAMES = 60
const LONG_HISTORIES = 20
const HISTORY_YEARS = 6

// --- The load generator (a child process running this file) ---

interface PathsLoadRequest {
  baseUrl: string
  paths: string[]
  cookie: string
  connections: number
  warmupSeconds: number
  durationSeconds: number
}

interface PathsLoadResult {
  seconds: number
  latenciesMs: number[]
  statusCodes: Record<string, number>
  errors: number
  timeouts: number
}

const SELF = fileURLToPath(import.meta.url)
const WORKER_FLAG = '--paths-load-worker'

/** autocannon over many paths: every new request takes the next path, shared across the connections. */
function cannon(
  request: PathsLoadRequest,
  seconds: number,
  onResponse?: (status: number, ms: number) => void,
) {
  let next = 0
  const options = {
    url: request.baseUrl,
    connections: request.connections,
    duration: seconds,
    headers: { cookie: request.cookie },
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: { path: string }) => {
          req.path = request.paths[next++ % request.paths.length]!
          return req
        },
      },
    ],
  }
  return new Promise<{ duration: number; errors: number; timeouts: number }>((resolve, reject) => {
    const instance = autocannon(options as Options, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms))
  })
}

if (process.argv[1] === SELF && process.argv[2] === WORKER_FLAG) {
  process.once('message', async (request: PathsLoadRequest) => {
    try {
      if (request.warmupSeconds > 0) await cannon(request, request.warmupSeconds)
      const latenciesMs: number[] = []
      const statusCodes: Record<string, number> = {}
      const result = await cannon(request, request.durationSeconds, (status, ms) => {
        latenciesMs.push(Math.round(ms * 1000) / 1000)
        statusCodes[status] = (statusCodes[status] ?? 0) + 1
      })
      const answer: PathsLoadResult = {
        seconds: result.duration,
        latenciesMs,
        statusCodes,
        errors: result.errors,
        timeouts: result.timeouts,
      }
      process.send?.({ ok: true, result: answer })
    } catch (error) {
      process.send?.({ ok: false, error: error instanceof Error ? error.stack : String(error) })
    }
    process.disconnect?.()
  })
}

function runPathsLoad(request: PathsLoadRequest): Promise<PathsLoadResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(SELF, [WORKER_FLAG], {
      execPath: process.execPath,
      execArgv: [],
      stdio: 'inherit',
    })
    let answered = false
    child.once('message', (message: { ok: true; result: PathsLoadResult } | { ok: false; error: string }) => {
      answered = true
      if (message.ok) resolve(message.result)
      else reject(new Error(`load generator failed: ${message.error}`))
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with ${code} before answering`))
    })
    child.send(request)
  })
}

/**
 * Waits until no other session of the database is running a query: when the load generator stops, the
 * server still works through the requests it had accepted, and that work must not fall on the next
 * measurement. Gives up after `limitMs`; returns how long it waited.
 */
export async function waitForQuietDatabase(url: string, limitMs = 120_000): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const started = performance.now()
  try {
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        // Client sessions only: autovacuum, busy after a large seed, is not the app's work.
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and backend_type = 'client backend' and state = 'active'
           and pid <> pg_backend_pid()`,
      )
      if (rows[0]!.n === 0 || performance.now() - started > limitMs) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await client.end()
  }
  return Math.round(performance.now() - started)
}

// --- What to ask for, drawn from the data ---

interface SearchTerm {
  term: string
  kind:
    | 'full name'
    | 'family name'
    | 'start of family name'
    | 'first name and initial'
    | 'misspelt'
    | 'misspelt full name'
  /** The child whose name it was made from. */
  personId: number
}

// The letters of a name as someone without the accents on their keyboard types it (Róisín: roisin, not risn).
const letters = (word: string) => foldName(word).replace(/[^a-z]/g, '')

/** One slip of the keyboard in a word of 4+ letters: two letters swapped, one dropped, doubled or changed. */
function misspell(word: string, random: Random): string {
  if (word.length < 4) return `${word}${word.at(-1)}`
  const i = random.int(1, word.length - 2)
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    case 1:
      return word.slice(0, i) + word.slice(i + 1)
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i)
    default: {
      const vowels = 'aeiou'
      const swap = vowels.includes(word[i]!) ? vowels[(vowels.indexOf(word[i]!) + 1) % 5]! : 'e'
      return word.slice(0, i) + swap + word.slice(i + 1)
    }
  }
}

/**
 * Names of children known to the service (with a referral), a deterministic sample, in six shapes each;
 * with `teamOf`, only children currently allocated to that user's team (the children a worker looks for).
 */
async function searchTerms(database: Database, random: Random, teamOf?: string): Promise<SearchTerm[]> {
  const inTeam = teamOf
    ? sql`and exists (select 1 from allocation a where a.person_id = p.id and a.ended_on is null
          and a.team_id = (select w.team_id from user_account u join worker w on w.id = u.worker_id where u.username = ${teamOf}))`
    : sql``
  const rows = await queryRows<{ id: number; given_name: string; family_name: string }>(
    database.db,
    sql`select p.id, p.given_name, p.family_name from person p
        where p.access_restriction = 'none' and exists (select 1 from referral r where r.person_id = p.id) ${inTeam}
        order by md5(p.id::text) limit ${SEARCH_NAMES}`,
  )
  const terms: SearchTerm[] = []
  for (const row of rows) {
    const given = letters(row.given_name)
    const family = letters(row.family_name)
    if (given.length < 2 || family.length < 2) continue
    const personId = row.id
    terms.push(
      { term: `${row.given_name} ${row.family_name}`, kind: 'full name', personId },
      { term: row.family_name, kind: 'family name', personId },
      { term: family.slice(0, random.int(3, 5)), kind: 'start of family name', personId },
      { term: `${row.given_name} ${family.slice(0, 2)}`, kind: 'first name and initial', personId },
      { term: misspell(family, random), kind: 'misspelt', personId },
      { term: `${given} ${misspell(family, random)}`, kind: 'misspelt full name', personId },
    )
  }
  return random.shuffle(terms)
}

/** Did each search find the child whose name it was made from? (Misspelt ones should, mostly.) */
function recallOf(terms: SearchTerm[], bodies: string[], only?: SearchTerm[]) {
  const found = new Map<string, { terms: number; found: number; results: number }>()
  terms.slice(0, bodies.length).forEach((t, i) => {
    if (only && !only.includes(t)) return
    const ids = [...(bodies[i] ?? '').matchAll(/href="\/children\/(\d+)"/g)].map((m) => Number(m[1]))
    const entry = found.get(t.kind) ?? { terms: 0, found: 0, results: 0 }
    entry.terms++
    entry.results += ids.length
    if (ids.includes(t.personId)) entry.found++
    found.set(t.kind, entry)
  })
  return Object.fromEntries(
    [...found].map(([kind, e]) => [
      kind,
      {
        terms: e.terms,
        foundPercent: round((e.found / e.terms) * 100),
        meanResults: round(e.results / e.terms, 1),
      },
    ]),
  )
}

interface LongHistory {
  person_id: number
  events: number
  first_on: string
  last_on: string
}

/**
 * The children with the most recorded work among those known for at least six years: their contacts,
 * referrals, assessments, visits, notes, reviews and oversight counted together.
 */
async function longestHistories(database: Database): Promise<LongHistory[]> {
  return queryRows<LongHistory>(
    database.db,
    sql`with events as (
          select person_id, (received_at at time zone 'Europe/London')::date as on_date from contact
          union all select person_id, referral_date from referral
          union all select person_id, start_date from assessment
          union all select person_id, visited_on from visit
          union all select person_id, occurred_on from case_note
          union all select person_id, held_on from plan_review
          union all select person_id, recorded_on from oversight
        ), per_child as (
          select person_id, count(*)::int as events, min(on_date) as first_on, max(on_date) as last_on
          from events group by person_id
        )
        select c.person_id, c.events, c.first_on::text, c.last_on::text
        from per_child c join person p on p.id = c.person_id
        where p.access_restriction = 'none'
        order by (c.first_on <= current_date - ${`${HISTORY_YEARS} years`}::interval) desc, c.events desc
        limit ${LONG_HISTORIES}`,
  )
}

interface ChronologyChild {
  personId: number
  /** Entries before the benchmark added any. */
  naturalEntries: number
  entries: number
  added: { significantEvents: number; caseNotes: number }
  /** Removes what was added, leaving the database as the generator wrote it. */
  cleanUp(): Promise<void>
}

/**
 * The child whose chronology is nearest 500 entries at or above it; if no child has 500, the longest one
 * topped up to 500 with significant events and significant case notes spread over its history.
 */
async function chronologyChild(
  database: Database,
  candidates: LongHistory[],
  userId: number,
  random: Random,
): Promise<ChronologyChild> {
  const db = database.db
  const counted = []
  for (const c of candidates) counted.push({ ...c, entries: (await chronology(db, c.person_id)).length })
  const atLeast500 = counted
    .filter((c) => c.entries >= CHRONOLOGY_EVENTS)
    .sort((a, b) => a.entries - b.entries)
  const nothing = async () => {}
  if (atLeast500[0]) {
    const c = atLeast500[0]
    return {
      personId: c.person_id,
      naturalEntries: c.entries,
      entries: c.entries,
      added: { significantEvents: 0, caseNotes: 0 },
      cleanUp: nothing,
    }
  }
  const longest = counted.sort((a, b) => b.entries - a.entries)[0]
  if (!longest) throw new Error('no child with a history to build a chronology from')
  const missing = CHRONOLOGY_EVENTS - longest.entries
  const from = Date.parse(longest.first_on)
  const to = Date.parse(longest.last_on)
  const dateAt = (i: number, n: number) =>
    new Date(from + Math.round(((i + random.next()) / n) * (to - from))).toISOString().slice(0, 10)
  const eventCount = Math.ceil(missing / 2)
  const noteCount = missing - eventCount
  const categories = ['incident', 'household-change', 'health', 'education', 'police', 'placement'] as const
  const [before] = await queryRows<{ event: number; note: number }>(
    db,
    sql`select coalesce((select max(id) from significant_event), 0) as event, coalesce((select max(id) from case_note), 0) as note`,
  )
  await bulkInsert(
    db,
    significantEvent,
    Array.from({ length: eventCount }, (_, i) => ({
      personId: longest.person_id,
      occurredOn: dateAt(i, eventCount),
      category: random.pick(categories),
      description: `Benchmark event ${i + 1}: the school reported that the child arrived late and upset after a difficult night at home.`,
      impactOnChild:
        'The child missed the morning lessons and told the teacher they were worried about their mother.',
      sharedWithSiblings: false,
      recordedBy: userId,
    })),
  )
  await bulkInsert(
    db,
    caseNote,
    Array.from({ length: noteCount }, (_, i) => ({
      personId: longest.person_id,
      type: 'phone-call' as const,
      occurredOn: dateAt(i, noteCount),
      subject: `Call with the school (benchmark note ${i + 1})`,
      body: 'Spoke to the designated safeguarding lead about attendance this week and the plan for the child to be seen at school on Friday.',
      significant: true,
      recordedBy: userId,
    })),
  )
  const entries = (await chronology(db, longest.person_id)).length
  return {
    personId: longest.person_id,
    naturalEntries: longest.entries,
    entries,
    added: { significantEvents: eventCount, caseNotes: noteCount },
    cleanUp: async () => {
      await db.execute(
        sql`delete from significant_event where person_id = ${longest.person_id} and id > ${before!.event}`,
      )
      await db.execute(
        sql`delete from case_note where person_id = ${longest.person_id} and id > ${before!.note}`,
      )
    },
  }
}

// --- Measuring ---

export interface Measured {
  label: string
  paths: number
  sequential: { requests: number; latencyMs: Record<'p50' | 'p95' | 'p99' | 'max', number> }
  loaded: {
    connections: number
    responses: number
    requestsPerSecond: number
    latencyMs: Record<'p50' | 'p95' | 'p99' | 'max', number>
    statusCodes: Record<string, number>
    failures: number
    serverCpuPercent: number
    databaseCpuPercent: number
    /** CPU of the app (this process) and of PostgreSQL per request received, warm-up included. */
    serverCpuPerRequestMs: number
    databaseCpuPerRequestMs: number
    /** How long the database went on working after the load stopped. */
    drainMs: number
  }
}

const summary = (latencies: number[], atLeastMs = 0) => {
  // No response at all within the time: the latency is at least that time.
  const sorted = latencies.length > 0 ? Float64Array.from(latencies).sort() : [atLeastMs]
  return {
    p50: round(percentile(sorted, 50), 1),
    p95: round(percentile(sorted, 95), 1),
    p99: round(percentile(sorted, 99), 1),
    max: round(percentile(sorted, 100), 1),
  }
}

/**
 * Fetches each path once in turn (at least `minimum` requests, cycling), within a time budget so a slow
 * page cannot hold the whole run up; fails on anything but 200.
 */
async function sequential(
  baseUrl: string,
  paths: string[],
  cookie: string,
  minimum: number,
  budgetMs: number,
) {
  const latencies: number[] = []
  const bodies: string[] = []
  const began = performance.now()
  for (let i = 0; i < Math.max(paths.length, minimum); i++) {
    if (i >= 5 && performance.now() - began > budgetMs) break
    const path = paths[i % paths.length]!
    const started = performance.now()
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { cookie } })
    const body = await response.text()
    latencies.push(performance.now() - started)
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
    if (i < paths.length) bodies.push(body)
  }
  return { latencies, bodies }
}

/** The app under test: where it listens, who is signed in, and how much work it and its database did. */
export interface Server {
  baseUrl: string
  cookie: string
  databaseUrl: string
  databaseCpu: (() => number) | null
  /** Requests the server has received so far (counted by its HTTP server, whether answered or not). */
  received(): number
}

export async function measure(
  label: string,
  server: Server,
  paths: string[],
  options: RecordOptions,
): Promise<Measured & { bodies: string[] }> {
  // At least 30 requests one at a time, so even a single URL gives a p95, for at most the measured time.
  const one = await sequential(server.baseUrl, paths, server.cookie, 30, options.durationSeconds * 1000)
  const cpuBefore = process.cpuUsage()
  const databaseBefore = server.databaseCpu?.() ?? 0
  const receivedBefore = server.received()
  const started = performance.now()
  const result = await runPathsLoad({
    baseUrl: server.baseUrl,
    paths,
    cookie: server.cookie,
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  })
  // The server still works through what it accepted before the load stopped: wait for that, so it does
  // not fall on the next page's figures, and count its CPU with the requests it served.
  const drainMs = await waitForQuietDatabase(server.databaseUrl)
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const served = server.received() - receivedBefore
  const serverCpuMs = (cpu.user + cpu.system) / 1000
  const databaseCpuMs = (server.databaseCpu?.() ?? 0) - databaseBefore
  const responses = result.latenciesMs.length
  const ok = result.statusCodes['200'] ?? 0
  const measured: Measured = {
    label,
    paths: paths.length,
    sequential: { requests: one.latencies.length, latencyMs: summary(one.latencies) },
    loaded: {
      connections: options.connections,
      responses,
      requestsPerSecond: round(responses / result.seconds, 1),
      latencyMs: summary(result.latenciesMs, options.durationSeconds * 1000),
      statusCodes: result.statusCodes,
      failures: responses - ok + result.errors + result.timeouts,
      serverCpuPercent: round((serverCpuMs / wallMs) * 100),
      databaseCpuPercent: round((databaseCpuMs / wallMs) * 100),
      serverCpuPerRequestMs: round(serverCpuMs / served, 2),
      databaseCpuPerRequestMs: round(databaseCpuMs / served, 2),
      drainMs,
    },
  }
  progress(
    `  ${label}: one at a time p95 ${measured.sequential.latencyMs.p95} ms; ${options.connections} connections ${measured.loaded.requestsPerSecond} req/s, p95 ${measured.loaded.latencyMs.p95} ms`,
  )
  return { ...measured, bodies: one.bodies }
}

export function figuresOf(m: Measured, targetMs: number): Figure[] {
  const l = m.loaded
  return [
    figure(`${m.label} p50`, l.latencyMs.p50, 'ms'),
    figure(
      `${m.label} p95`,
      l.latencyMs.p95,
      'ms',
      atMost(targetMs),
      `${l.connections} connections, ${m.paths} URLs${l.responses === 0 ? ': no response in the time, so at least this' : ''}`,
    ),
    figure(`${m.label} p99`, l.latencyMs.p99, 'ms'),
    figure(`${m.label} req/s`, l.requestsPerSecond, 'req/s'),
    figure(
      `${m.label} one at a time p95`,
      m.sequential.latencyMs.p95,
      'ms',
      undefined,
      `one connection, ${m.sequential.requests} requests`,
    ),
    figure(
      `${m.label} CPU per request`,
      round(l.serverCpuPerRequestMs + l.databaseCpuPerRequestMs, 1),
      'ms',
      undefined,
      `Node ${l.serverCpuPerRequestMs} ms + PostgreSQL ${l.databaseCpuPerRequestMs} ms: hardly moved by other work on the machine`,
    ),
    figure(
      `${m.label} non-2xx + errors`,
      l.failures,
      'responses',
      atMost(0),
      l.failures ? JSON.stringify(l.statusCodes) : undefined,
    ),
  ]
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('server has no TCP address')
  return `http://127.0.0.1:${address.port}`
}

/** Starts the app on a free port, signs `username` in, and counts what it receives: the Server measured. */
export async function serve(
  app: FastifyInstance,
  postgres: SeededPostgres,
  username: string,
): Promise<Server> {
  const baseUrl = await listen(app)
  const cookie = await signIn(baseUrl, username, DEMO_PASSWORD)
  let received = 0
  app.server.on('request', () => {
    received++
  })
  return {
    baseUrl,
    cookie,
    databaseUrl: postgres.server.url,
    databaseCpu: await postgresCpuMeter(postgres.server.url),
    received: () => received,
  }
}

export async function benchRecord(options: RecordOptions, postgres: SeededPostgres): Promise<BenchResult> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const config = loadConfig({ LOG_LEVEL: 'silent' })
  const random = createRandom(20_260_401).fork('record-bench')
  const database = await openDatabase({ databaseUrl: postgres.server.url })
  let app: FastifyInstance | undefined
  let built: ChronologyChild | undefined
  try {
    progress(`record: the app on PostgreSQL (${postgres.size} authority), signed in as ${USERNAME}`)
    app = await buildApp({ config, database, requestsPerMinute: 10_000_000 })
    const server = await serve(app, postgres, USERNAME)
    const { baseUrl, cookie } = server
    const workerCookie = await signIn(baseUrl, WORKER_USERNAME, DEMO_PASSWORD)
    const [user] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from user_account where username = ${USERNAME}`,
    )

    let setupStarted = performance.now()
    const terms = await searchTerms(database, random)
    const teamTerms = await searchTerms(database, random, WORKER_USERNAME)
    const histories = await longestHistories(database)
    if (histories.length === 0) throw new Error('the database holds no child with a history')
    const historiesMs = performance.now() - setupStarted
    setupStarted = performance.now()
    built = await chronologyChild(database, histories, user!.id, random)
    const chronologySetupMs = performance.now() - setupStarted
    progress(
      `record: ${terms.length} search terms; ${histories.length} children with the longest histories (${histories.at(-1)!.events}–${histories[0]!.events} events, from ${histories.map((h) => h.first_on).sort()[0]}); chronology of child ${built.personId}: ${built.entries} entries (${built.naturalEntries} from the generator)`,
    )
    for (const path of ['/children', `/children/${histories[0]!.person_id}`])
      await expectPage(`${baseUrl}${path}`, cookie)

    const searchPaths = (list: SearchTerm[]) => list.map((t) => `/children?q=${encodeURIComponent(t.term)}`)
    const search = await measure('name search (front door, sees all)', server, searchPaths(terms), options)
    const recall = recallOf(terms, search.bodies)
    // The social worker looks for children of their team, and for others they may not see (found only
    // if visible): half each, so the visibility check meets both.
    const workerServer: Server = { ...server, cookie: workerCookie }
    const workerTerms = random.shuffle([...teamTerms, ...terms.slice(0, teamTerms.length || terms.length)])
    const workerSearch = await measure(
      'name search (social worker)',
      workerServer,
      searchPaths(workerTerms),
      options,
    )
    const workerRecall = recallOf(workerTerms, workerSearch.bodies, teamTerms)

    const childPaths = histories.map((h) => `/children/${h.person_id}`)
    const childPage = await measure('child page (longest histories)', server, childPaths, options)
    const chronologyPath = `/children/${built.personId}/chronology`
    const chronologyPage = await measure(
      `chronology (${built.entries} entries)`,
      server,
      [chronologyPath],
      options,
    )
    // The page's own count ("500 events, oldest first"): the whole chronology is on one page.
    const shown = Number(/(\d+) events?,/.exec(chronologyPage.bodies[0] ?? '')?.[1] ?? Number.NaN)

    const strip = ({ bodies: _bodies, ...m }: Measured & { bodies: string[] }) => m
    return {
      name: 'record',
      seconds: round((performance.now() - started) / 1000, 1),
      figures: [
        ...figuresOf(search, SEARCH_TARGET_MS),
        ...figuresOf(workerSearch, SEARCH_TARGET_MS),
        ...figuresOf(childPage, CHILD_PAGE_TARGET_MS),
        ...figuresOf(chronologyPage, CHRONOLOGY_TARGET_MS),
      ],
      details: {
        seedSize: postgres.size,
        user: USERNAME,
        searchUsers: { authorityWide: USERNAME, ordinary: WORKER_USERNAME },
        method: `autocannon in a child process at ${options.connections} connections, each request taking the next URL of the set; before it, the URLs one at a time for up to the measured time`,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
        loadAverage: { before: loadBefore, after: os.loadavg() },
        setup: {
          longestHistoriesQueryMs: Math.round(historiesMs),
          chronologySetupMs: Math.round(chronologySetupMs),
        },
        search: {
          terms: terms.length,
          examples: terms.slice(0, 12).map((t) => `${t.kind}: ${t.term}`),
          foundTheChildByKind: recall,
          socialWorker: {
            terms: workerTerms.length,
            fromTheirTeam: teamTerms.length,
            foundTheirTeamsChildByKind: workerRecall,
          },
        },
        childPage: { children: histories },
        chronology: {
          personId: built.personId,
          entries: built.entries,
          fromGenerator: built.naturalEntries,
          addedByBenchmark: built.added,
          rowsInPage: shown,
        },
        results: [strip(search), strip(workerSearch), strip(childPage), strip(chronologyPage)],
      },
    }
  } finally {
    await app?.close().catch(() => {})
    await built?.cleanUp().catch((error) => progress(`record: could not remove the added events: ${error}`))
    await database.close()
  }
}
