// The generated authority's children in care alone, written to an empty database: the staff, every young
// person who was ever looked after (with the people they are related to and their carers), and the rows the
// SSDA903 return reads. The same rows seedAuthority writes for them, without the rest of the authority, so
// a mid or large authority's return can be produced and checked in seconds rather than minutes (tests, and
// checking a size or seed before seeding it in full).

import { bulkInsert } from '../src/db/bulk-insert.ts'
import type { DbOrTx } from '../src/db/client.ts'
import { localAuthority, service, team, worker } from '../src/db/schema/index.ts'
import type { SeedOptions } from './generate.ts'
import { seedJourneyContext } from './generate.ts'
import { JOURNEY_TABLES } from './journeys/rows.ts'
import { generateJourneyChunks, type JourneyRows } from './journeys.ts'

/** Rows of a looked-after child the SSDA903 return reads (besides person and relationship). */
const CARE_TABLES = [
  'allocation',
  'period_of_care',
  'legal_status',
  'placement',
  'lac_review',
  'health_record',
  'missing_episode',
  'adoption_case',
  'care_leaver_contact',
] as const satisfies readonly (keyof JourneyRows)[]

export interface CareRecordsSummary {
  /** Young people ever looked after. */
  children: number
  rows: Record<string, number>
}

/** Writes the looked-after children of the authority seedAuthority would make for these options. */
export async function insertCareRecords(db: DbOrTx, options: SeedOptions): Promise<CareRecordsSummary> {
  const ctx = seedJourneyContext(options)
  const rows: Record<string, number> = {}
  const add = async (name: string, table: Parameters<typeof bulkInsert>[1], list: unknown[]) => {
    await bulkInsert(db, table, list as never[])
    rows[name] = (rows[name] ?? 0) + list.length
  }
  await add('local_authority', localAuthority, [ctx.plan.localAuthority])
  await add('service', service, ctx.plan.services)
  await add('team', team, ctx.plan.teams)
  await add(
    'worker',
    worker,
    ctx.plan.workers.map(({ roles: _roles, ...w }) => w),
  )
  let children = 0
  // A household's rows all fall in one chunk, so each chunk is filtered on its own and memory stays flat.
  for (const { rows: chunk } of generateJourneyChunks(ctx)) {
    const inCare = new Set(chunk.period_of_care.map((p) => p.personId!))
    children += inCare.size
    const relationships = chunk.relationship.filter(
      (r) => inCare.has(r.personId) || inCare.has(r.relatedPersonId),
    )
    const people = new Set(inCare)
    for (const r of relationships) people.add(r.personId).add(r.relatedPersonId)
    for (const p of chunk.placement) if (p.carerPersonId != null) people.add(p.carerPersonId)
    await add(
      'person',
      JOURNEY_TABLES.person,
      chunk.person.filter((p) => people.has(p.id!)),
    )
    await add('relationship', JOURNEY_TABLES.relationship, relationships)
    for (const name of CARE_TABLES)
      await add(
        name,
        JOURNEY_TABLES[name],
        (chunk[name] as { personId?: number | null }[]).filter((r) => inCare.has(r.personId!)),
      )
  }
  return { children, rows }
}
