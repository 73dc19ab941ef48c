import { and, asc, eq, lte } from 'drizzle-orm'
import type { Actor } from '../auth/current-user.ts'
import type { DbOrTx } from '../db/client.ts'
import { changeHistory } from '../db/schema/index.ts'

export interface FieldChange {
  field: string
  oldValue: unknown
  newValue: unknown
}

/** The fields whose values differ between two versions of a record (compared as JSON). */
export function diffFields(before: object | null, after: object): FieldChange[] {
  const changes: FieldChange[] = []
  for (const [field, newValue] of Object.entries(after)) {
    const oldValue = (before as Record<string, unknown> | null)?.[field] ?? null
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue ?? null)) {
      changes.push({ field, oldValue, newValue: newValue ?? null })
    }
  }
  return changes
}

export interface ChangeRecord {
  entityType: string
  entityId: string | number
  personId?: number | null
  /** The version the entity has after this save. */
  version: number
  changes: FieldChange[]
  reason?: string | null
}

/** Writes one row per changed field, in the caller's transaction. */
export async function recordChanges(tx: DbOrTx, actor: Actor, change: ChangeRecord): Promise<void> {
  if (change.changes.length === 0) return
  await tx.insert(changeHistory).values(
    change.changes.map((c) => ({
      userId: actor.user.id,
      entityType: change.entityType,
      entityId: String(change.entityId),
      personId: change.personId ?? null,
      version: change.version,
      field: c.field,
      oldValue: c.oldValue ?? null,
      newValue: c.newValue ?? null,
      reason: change.reason ?? null,
      correlationId: actor.correlationId,
    })),
  )
}

export function historyOf(db: DbOrTx, entityType: string, entityId: string | number, upToVersion?: number) {
  const conditions = [eq(changeHistory.entityType, entityType), eq(changeHistory.entityId, String(entityId))]
  if (upToVersion !== undefined) conditions.push(lte(changeHistory.version, upToVersion))
  return db
    .select()
    .from(changeHistory)
    .where(and(...conditions))
    .orderBy(asc(changeHistory.version), asc(changeHistory.id))
}
