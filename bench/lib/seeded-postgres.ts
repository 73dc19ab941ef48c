// A throwaway PostgreSQL server (fsync on, as in production) holding a freshly generated authority. The
// generator benchmark times the seeding; the pages benchmark then reuses the same database rather than
// generating a million rows twice.
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { type SeedSummary, seedAuthority } from '../../seed/generate.ts'
import type { SeedSize } from '../../seed/organisation.ts'
import { openDatabase } from '../../src/db/client.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'
import { person } from '../../src/db/schema/index.ts'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test/support/postgres-server.ts'
import { progress } from './figures.ts'
import { postgresCpuMeter } from './process-cpu.ts'

export interface SeededPostgres {
  server: ThrowawayPostgres
  size: SeedSize
  summary: SeedSummary
  serverStartMs: number
  migrateMs: number
  /** seedAuthority as the caller sees it, for comparison with its own figure. */
  seedWallMs: number
  /** Where the seeding time went: CPU of this process (generating rows) and of PostgreSQL (storing them). */
  seedNodeCpuMs: number
  seedPostgresCpuMs: number | null
}

export async function seededPostgres(size: SeedSize): Promise<SeededPostgres> {
  progress(`PostgreSQL server (fsync on), seeding a ${size} authority`)
  let started = performance.now()
  const server = await startThrowawayPostgres({ fsync: true })
  const serverStartMs = performance.now() - started
  try {
    const database = await openDatabase({ databaseUrl: server.url })
    try {
      started = performance.now()
      await migrateDatabase(database)
      const migrateMs = performance.now() - started
      const postgresCpu = await postgresCpuMeter(server.url)
      const postgresBefore = postgresCpu?.() ?? 0
      const cpuBefore = process.cpuUsage()
      started = performance.now()
      const summary = await seedAuthority(database.db, { size, seed: 1 })
      const seedWallMs = performance.now() - started
      const cpu = process.cpuUsage(cpuBefore)
      progress(`  ${summary.totalRows} rows in ${(summary.milliseconds / 1000).toFixed(1)} s`)
      return {
        server,
        size,
        summary,
        serverStartMs: Math.round(serverStartMs),
        migrateMs: Math.round(migrateMs),
        seedWallMs: Math.round(seedWallMs),
        seedNodeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
        seedPostgresCpuMs: postgresCpu ? Math.round(postgresCpu() - postgresBefore) : null,
      }
    } finally {
      await database.close()
    }
  } catch (error) {
    await server.stop()
    throw error
  }
}

/** An authority someone already seeded (--database-url): nothing is started, and nothing is stopped after. */
export async function alreadySeeded(url: string, size: SeedSize): Promise<SeededPostgres> {
  const database = await openDatabase({ databaseUrl: url })
  try {
    const [counted] = await database.db.select({ n: sql<number>`count(*)::int` }).from(person)
    const totalRows = counted?.n ?? 0
    progress(
      `PostgreSQL at the given --database-url: a ${size} authority, ${totalRows} people, already seeded`,
    )
    return {
      server: { url, adminUrl: url, stop: async () => {} },
      size,
      summary: { size, seed: 1, rows: { person: totalRows }, totalRows, milliseconds: 0 },
      serverStartMs: 0,
      migrateMs: 0,
      seedWallMs: 0,
      seedNodeCpuMs: 0,
      seedPostgresCpuMs: null,
    }
  } finally {
    await database.close()
  }
}
