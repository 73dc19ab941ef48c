import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bulkInsert } from '../../../src/db/bulk-insert.ts'
import { type Database, queryRows } from '../../../src/db/client.ts'
import { caseNote } from '../../../src/db/schema/index.ts'
import { testDatabase } from '../../support/database.ts'

describe('bulkInsert', () => {
  let database: Database
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(() => database?.close())

  it('writes a field that only later rows carry, and gives rows that leave it out the column default', async () => {
    const personId = (await queryRows<{ id: number }>(database.db, sql`select id from person limit 1`))[0]!.id
    const userId = (
      await queryRows<{ id: number }>(database.db, sql`select id from user_account limit 1`)
    )[0]!.id
    const at = new Date('2025-01-06T10:00:00Z')
    const base = {
      personId,
      type: 'phone-call' as const,
      occurredOn: '2025-01-06',
      body: 'b',
      recordedAt: at,
    }
    await bulkInsert(database.db, caseNote, [
      { ...base, subject: 'bulk-first' },
      { ...base, subject: 'bulk-second', significant: true, recordedBy: userId },
    ])
    const rows = await queryRows<{ subject: string; significant: boolean; recorded_by: number | null }>(
      database.db,
      sql`select subject, significant, recorded_by from case_note where subject like 'bulk-%' order by subject`,
    )
    expect(rows).toEqual([
      { subject: 'bulk-first', significant: false, recorded_by: null },
      { subject: 'bulk-second', significant: true, recorded_by: userId },
    ])
  })
})
