import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'

// Read once per worker process: the files a worker runs one after another share its modules (isolate: false
// in vitest.config.ts), and the snapshot is tens of megabytes. PGlite copies it out, so it is never changed.
let snapshot: { path: string; blob: Blob } | undefined
function snapshotOf(path: string): Blob {
  if (snapshot?.path !== path) snapshot = { path, blob: new Blob([readFileSync(path)]) }
  return snapshot.blob
}

/**
 * A fresh database for one test file: migrated, with the demo authority (seed 1), private to the caller.
 * Call `close()` in afterAll; on PostgreSQL it also drops the copy.
 */
export async function testDatabase(): Promise<Database> {
  const testDb = inject('testDb')
  if (testDb.kind === 'pglite') return openDatabase({ pglite: { loadDataDir: snapshotOf(testDb.snapshot) } })
  const name = `hearth_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: testDb.adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${testDb.template}`)
  } finally {
    await admin.end()
  }
  const url = new URL(testDb.adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
  return {
    ...database,
    async close() {
      await database.close()
      const dropper = new pg.Client({ connectionString: testDb.adminUrl })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}
