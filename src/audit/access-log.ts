import { and, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm'
import type { Actor } from '../auth/current-user.ts'
import type { DbOrTx } from '../db/client.ts'
import { type AccessAction, accessLog } from '../db/schema/index.ts'

export interface AccessEvent {
  action: AccessAction
  subjectType: string
  subjectId?: string | number | null
  personId?: number | null
  detail?: Record<string, unknown>
}

/**
 * Appends to the access log. Pass the transaction that makes the change, so the change and its record in
 * the log commit or fail together.
 */
export async function logAccess(db: DbOrTx, actor: Actor | null, event: AccessEvent): Promise<void> {
  await db.insert(accessLog).values({
    userId: actor?.user.id ?? null,
    username: actor?.user.username ?? null,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId == null ? null : String(event.subjectId),
    personId: event.personId ?? null,
    ip: actor?.ip ?? null,
    correlationId: actor?.correlationId ?? null,
    detail: event.detail ?? null,
  })
}

export interface AccessLogQuery {
  username?: string
  personId?: number
  action?: AccessAction
  from?: Date
  to?: Date
  page?: number
  pageSize?: number
}

export async function searchAccessLog(db: DbOrTx, query: AccessLogQuery) {
  const conditions: SQL[] = []
  if (query.username) {
    conditions.push(ilike(accessLog.username, `%${query.username.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
  }
  if (query.personId !== undefined) conditions.push(eq(accessLog.personId, query.personId))
  if (query.action) conditions.push(eq(accessLog.action, query.action))
  if (query.from) conditions.push(gte(accessLog.at, query.from))
  if (query.to) conditions.push(lt(accessLog.at, query.to))
  const pageSize = query.pageSize ?? 50
  const page = Math.max(1, query.page ?? 1)
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(accessLog)
      .where(where)
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(accessLog).where(where),
  ])
  return { rows, total: total?.count ?? 0, page, pageSize }
}
