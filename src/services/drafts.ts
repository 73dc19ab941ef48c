import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { formDraft } from '../db/schema/index.ts'

// Half-written forms kept across a session timeout. Secrets never go in a draft.
const NEVER_KEPT = new Set(['_csrf', 'password', 'newPassword', 'currentPassword'])

export function draftFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !NEVER_KEPT.has(key)))
}

export async function saveDraft(
  db: DbOrTx,
  userId: number,
  path: string,
  body: Record<string, unknown>,
): Promise<void> {
  const fields = draftFields(body)
  const cleanPath = path.split('?')[0] ?? path
  await db
    .insert(formDraft)
    .values({ userId, path: cleanPath, fields })
    .onConflictDoUpdate({ target: [formDraft.userId, formDraft.path], set: { fields, savedAt: sql`now()` } })
}

/** Returns and removes the draft for this form, if one was kept. */
export async function takeDraft(
  db: DbOrTx,
  userId: number,
  path: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await db
    .delete(formDraft)
    .where(and(eq(formDraft.userId, userId), eq(formDraft.path, path)))
    .returning({ fields: formDraft.fields })
  return row?.fields ?? null
}
