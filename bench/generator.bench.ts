// Generator throughput: a whole synthetic authority written into a fresh, durable PostgreSQL server
// (seeded by lib/seeded-postgres.ts, which times it), checked against what is actually in the tables.
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { atLeast, type BenchResult, figure, round } from './lib/figures.ts'
import type { SeededPostgres } from './lib/seeded-postgres.ts'

const ROWS_PER_MINUTE_TARGET = 1_000_000

/** Rows in each non-empty table afterwards: a check on what the generator says it wrote. */
async function countRows(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tables = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables.rows) {
      const result = await client.query<{ n: string }>(`select count(*) as n from "${name}"`)
      const n = Number(result.rows[0]?.n ?? 0)
      if (n > 0) counts[name] = n
    }
    return counts
  } finally {
    await client.end()
  }
}

export async function benchGenerator(postgres: SeededPostgres): Promise<BenchResult> {
  const started = performance.now()
  const { summary } = postgres
  const counted = await countRows(postgres.server.url)
  const countedTotal = Object.values(counted).reduce((a, b) => a + b, 0)
  const mismatched = Object.entries(summary.rows)
    .filter(([table, n]) => (counted[table] ?? 0) !== n)
    .map(([table, n]) => `${table}: said ${n}, found ${counted[table] ?? 0}`)
  const perMinute = Math.round(summary.totalRows / (summary.milliseconds / 60_000))
  return {
    name: 'generator',
    seconds: round((summary.milliseconds + (performance.now() - started)) / 1000, 1),
    figures: [
      figure(`rows written (${postgres.size})`, summary.totalRows, 'rows'),
      figure('generator time', round(summary.milliseconds / 1000, 2), 's'),
      figure('generator throughput', perMinute, 'rows/min', atLeast(ROWS_PER_MINUTE_TARGET)),
      figure(
        'tables whose count differs from the summary',
        mismatched.length,
        'tables',
        { op: '<=', value: 0 },
        mismatched.length ? mismatched.join('; ') : undefined,
      ),
    ],
    details: {
      size: postgres.size,
      seed: summary.seed,
      fsync: true,
      serverStartMs: postgres.serverStartMs,
      migrateMs: postgres.migrateMs,
      generatorMs: summary.milliseconds,
      wallMs: postgres.seedWallMs,
      /** CPU spent generating (Node) and storing (PostgreSQL); their sum above wallMs means both cores were busy. */
      nodeCpuMs: postgres.seedNodeCpuMs,
      postgresCpuMs: postgres.seedPostgresCpuMs,
      rowsByTable: summary.rows,
      countedByTable: counted,
      countedTotal,
    },
  }
}
