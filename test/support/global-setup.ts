import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { hash } from '@node-rs/argon2'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { DEMO_PASSWORD } from '../../seed/demo-users.ts'
import { seedAuthority } from '../../seed/generate.ts'
import { type Db, openDatabase } from '../../src/db/client.ts'
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
 *
 * `HEARTH_TEST_SNAPSHOT` (set by `npm test`) names a file for the PGlite snapshot shared by the passes of one
 * run: the first pass to need it writes it, the browser pass reads it again.
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
    await cheapenDemoPasswords(database.db)
    await database.close()
    project.provide('testDb', { kind: 'postgres', adminUrl, template })
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`)
      await admin.end()
    }
  }
  if (kind !== 'pglite') throw new Error(`HEARTH_TEST_DB must be pglite or postgres (it is "${kind}")`)
  const shared = process.env.HEARTH_TEST_SNAPSHOT
  if (shared && existsSync(shared)) {
    project.provide('testDb', { kind: 'pglite', snapshot: shared })
    return async () => {}
  }
  const database = await openDatabase({})
  await migrateDatabase(database)
  await seedAuthority(database.db, { size: 'demo', seed: 1 })
  await cheapenDemoPasswords(database.db)
  // biome-ignore lint/suspicious/noExplicitAny: reach the PGlite client behind drizzle to dump it
  const client = (database.db as any).$client as PGlite
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer())
  await database.close()
  if (shared) {
    // Whole or not at all, for a pass that might look for it meanwhile.
    const partial = `${shared}.${process.pid}.partial`
    writeFileSync(partial, dump)
    renameSync(partial, shared)
    project.provide('testDb', { kind: 'pglite', snapshot: shared })
    return async () => {}
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-test-'))
  const snapshot = path.join(dir, 'snapshot.tar')
  writeFileSync(snapshot, dump)
  project.provide('testDb', { kind: 'pglite', snapshot })
  return async () => rmSync(dir, { recursive: true, force: true })
}

/**
 * The suite signs in hundreds of times, and each check of the demo password at the production
 * cost (argon2id, 19 MiB, two passes: src/auth/passwords.ts) takes ~40 ms of CPU. The copies tests start
 * from hold the same password hashed as argon2id at the smallest cost instead; a hash carries its own
 * parameters, so signing in works exactly as before. src/auth/passwords.test.ts holds the production
 * parameters to account, and the seed's own tests (seed/) still seed with them.
 */
async function cheapenDemoPasswords(db: Db): Promise<void> {
  const cheap = await hash(DEMO_PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 })
  await db.execute(sql`update user_identity set password_hash = ${cheap} where password_hash is not null`)
}
