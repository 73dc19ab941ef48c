import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { seedAuthority } from '../../seed/generate.ts'
import { openDatabase } from '../../src/db/client.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; snapshot: string } | { kind: 'postgres'; adminUrl: string; template: string }
  }
}

/**
 * Once per test run: build a database with every migration and the demo authority, then let each test
 * file start from a copy of it — a PGlite data-directory snapshot, or a PostgreSQL template database.
 * Copies take about a second; building from scratch per file would take several.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env.HEARTH_TEST_DB ?? 'pglite'
  if (kind === 'postgres') {
    const adminUrl = process.env.HEARTH_TEST_PG_ADMIN_URL
    if (!adminUrl)
      throw new Error('HEARTH_TEST_DB=postgres needs HEARTH_TEST_PG_ADMIN_URL (npm test sets it)')
    const template = `hearth_template_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${template}`)
    const url = new URL(adminUrl)
    url.pathname = `/${template}`
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 })
    await migrateDatabase(database)
    await seedAuthority(database.db, { size: 'demo', seed: 1 })
    await database.close()
    project.provide('testDb', { kind: 'postgres', adminUrl, template })
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`)
      await admin.end()
    }
  }
  if (kind !== 'pglite') throw new Error(`HEARTH_TEST_DB must be pglite or postgres (it is "${kind}")`)
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-test-'))
  const database = await openDatabase({})
  await migrateDatabase(database)
  await seedAuthority(database.db, { size: 'demo', seed: 1 })
  // biome-ignore lint/suspicious/noExplicitAny: reach the PGlite client behind drizzle to dump it
  const client = (database.db as any).$client as PGlite
  const dump = await client.dumpDataDir('none')
  const snapshot = path.join(dir, 'snapshot.tar')
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  project.provide('testDb', { kind: 'pglite', snapshot })
  return async () => rmSync(dir, { recursive: true, force: true })
}
