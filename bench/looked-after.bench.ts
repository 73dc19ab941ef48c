// Children in care (issue "Children in care"): a looked-after child's page and their placement history (the
// child-in-care page, every period of care with its placements and the episodes derived from them) for the
// children with the most placements, over real HTTP on the whole app signed in as an authority-wide user,
// measured as the record benchmark measures the child's record (one at a time, then a few connections at
// once, cycling through the children). Then the adoption scorecard intervals (A1 entering care to moving
// in with the adopters, A2 placement order to match) for every child in the authority, in the one
// set-based query the adoption pages use, timed over several runs.
// Until the generator makes looked-after children there is nothing to measure: the benchmark says so and
// reports no figure against a target.
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config/config.ts'
import { openDatabase, queryRows } from '../src/db/client.ts'
import { adoptionTimeliness } from '../src/services/adoption.ts'
import { today } from '../src/services/dates.ts'
import { atMost, type BenchResult, type Figure, figure, median, progress, round } from './lib/figures.ts'
import type { SeededPostgres } from './lib/seeded-postgres.ts'
import { expectPage } from './lib/sign-in.ts'
import { figuresOf, type Measured, measure, serve } from './record.bench.ts'

export interface LookedAfterOptions {
  /** Concurrent connections of the load generator: a few users at once, as for the record. */
  connections: number
  warmupSeconds: number
  /** Measured seconds per page. */
  durationSeconds: number
  /** Timed runs of the adoption timeliness query (after one untimed run). */
  runs: number
}

// An authority-wide role, as in the record benchmark: every child in care is open to it.
const USERNAME = 'frontdoor'
const CHILD_PAGE_TARGET_MS = 100
const PLACEMENTS_PAGE_TARGET_MS = 100
const ADOPTION_TARGET_MS = 1_000
const MOST_PLACEMENTS = 20

interface InCare {
  person_id: number
  placements: number
  periods: number
}

/** The looked-after children (ever) with the most placements, records not sealed (those are hidden). */
async function mostPlacements(db: Parameters<typeof queryRows>[0]): Promise<InCare[]> {
  return queryRows<InCare>(
    db,
    sql`select c.person_id, count(distinct pl.id)::int as placements, count(distinct c.id)::int as periods
        from period_of_care c join person p on p.id = c.person_id
        left join placement pl on pl.period_of_care_id = c.id
        where p.access_restriction = 'none'
        group by c.person_id
        order by placements desc, periods desc, c.person_id
        limit ${MOST_PLACEMENTS}`,
  )
}

export async function benchLookedAfter(
  options: LookedAfterOptions,
  postgres: SeededPostgres,
): Promise<BenchResult> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const database = await openDatabase({ databaseUrl: postgres.server.url })
  let app: FastifyInstance | undefined
  try {
    const [counts] = await queryRows<{ in_care: number; placements: number; adoption_cases: number }>(
      database.db,
      sql`select (select count(distinct person_id)::int from period_of_care) as in_care,
            (select count(*)::int from placement) as placements,
            (select count(distinct person_id)::int from adoption_case) as adoption_cases`,
    )
    const { in_care: inCare, placements, adoption_cases: adoptionCases } = counts!
    const figures: Figure[] = [
      figure('looked-after children (ever)', inCare, 'children', undefined, `${placements} placements`),
    ]
    if (inCare === 0) {
      const reason = `no looked-after children in the generated ${postgres.size} authority: nothing measured (the generator does not make them yet)`
      progress(`looked-after: ${reason}`)
      return {
        name: 'looked-after',
        seconds: round((performance.now() - started) / 1000, 1),
        figures,
        details: { seedSize: postgres.size, skipped: reason, loadAverage: { before: loadBefore } },
      }
    }

    // The adoption scorecard for the whole authority first, before the load leaves the caches warm for it.
    const asAt = today()
    const timings: number[] = []
    let intervals = await adoptionTimeliness(database.db, { asAt })
    for (let i = 0; i < options.runs; i++) {
      const t0 = performance.now()
      intervals = await adoptionTimeliness(database.db, { asAt })
      timings.push(performance.now() - t0)
    }
    const a1 = intervals.filter((c) => c.a1Days !== null)
    const a2 = intervals.filter((c) => c.a2Days !== null)
    const adoptionNote = `${intervals.length} children with an adoption case (A1 for ${a1.length}, A2 for ${a2.length}); median of ${options.runs} runs, max ${round(Math.max(...timings), 1)} ms`
    progress(`looked-after: adoption timeliness for the authority: ${adoptionNote}`)
    if (adoptionCases === 0)
      figures.push(
        figure(
          'adoption timeliness (A1, A2) for the authority',
          round(median(timings), 1),
          'ms',
          undefined,
          'no adoption cases in the generated data: not held to its target (1 s)',
        ),
      )
    else
      figures.push(
        figure(
          'adoption timeliness (A1, A2) for the authority',
          round(median(timings), 1),
          'ms',
          atMost(ADOPTION_TARGET_MS),
          adoptionNote,
        ),
      )

    const children = await mostPlacements(database.db)
    progress(
      `looked-after: the app on PostgreSQL (${postgres.size} authority, ${inCare} children ever in care), signed in as ${USERNAME}; ${children.length} children with ${children.at(-1)?.placements}–${children[0]?.placements} placements`,
    )
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      database,
      requestsPerMinute: 10_000_000,
    })
    const server = await serve(app, postgres, USERNAME)
    const { baseUrl, cookie } = server
    const childPaths = children.map((c) => `/children/${c.person_id}`)
    const placementPaths = children.map((c) => `/children/${c.person_id}/looked-after`)
    // Every page must open (not an error, a refusal or a redirect to sign in) before anything is timed. One
    // that fails is a figure of its own, with a target of none, and is left out of the timing so the others
    // are still measured.
    const failures: Figure[] = []
    const opening = async (label: string, paths: string[]) => {
      const failed: string[] = []
      for (const path of paths)
        await expectPage(`${baseUrl}${path}`, cookie).catch((error: Error) =>
          failed.push(error.message.replace(baseUrl, '')),
        )
      if (failed.length > 0) progress(`looked-after: ${label}: ${failed.length} failed: ${failed.join('; ')}`)
      failures.push(
        figure(
          `${label} pages that fail`,
          failed.length,
          'children',
          atMost(0),
          failed.length ? failed.join('; ').slice(0, 400) : undefined,
        ),
      )
      const ok = paths.filter((path) => !failed.some((f) => f.includes(`${path} answered`)))
      if (ok.length === 0) throw new Error(`every ${label} failed: ${failed.join('; ').slice(0, 800)}`)
      return ok
    }
    const childLabel = 'looked-after child page (most placements)'
    const placementLabel = 'placement history page'
    const childPage = await measure(childLabel, server, await opening(childLabel, childPaths), options)
    const placementPage = await measure(
      placementLabel,
      server,
      await opening(placementLabel, placementPaths),
      options,
    )
    const strip = ({ bodies: _bodies, ...m }: Measured & { bodies: string[] }) => m
    return {
      name: 'looked-after',
      seconds: round((performance.now() - started) / 1000, 1),
      figures: [
        ...figures,
        ...figuresOf(childPage, CHILD_PAGE_TARGET_MS),
        ...figuresOf(placementPage, PLACEMENTS_PAGE_TARGET_MS),
        ...failures,
      ],
      details: {
        seedSize: postgres.size,
        user: USERNAME,
        method: `autocannon in a child process at ${options.connections} connections, each request taking the next child; before it, the children one at a time for up to the measured time (as the record benchmark)`,
        loadAverage: { before: loadBefore, after: os.loadavg() },
        children,
        adoption: {
          asAt,
          children: intervals.length,
          a1: a1.length,
          a2: a2.length,
          runsMs: timings.map((t) => round(t, 1)),
        },
        results: [strip(childPage), strip(placementPage)],
      },
    }
  } finally {
    await app?.close().catch(() => {})
    await database.close()
  }
}
