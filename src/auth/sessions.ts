import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { session, userAccount, userRole, worker } from '../db/schema/index.ts'
import type { CurrentUser } from './current-user.ts'
import { isRole } from './roles.ts'

// Server-side sessions: the cookie holds a random token; the database holds only its SHA-256, the user,
// and the times that decide expiry. Idle expiry is measured from lastSeenAt.

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface SessionPolicy {
  idleMinutes: number
  maxHours: number
}

export interface ActiveSession {
  idHash: string
  user: CurrentUser
  lastSeenAt: Date
  expiresAt: Date
  /** When the session ends if the user does nothing more. */
  idleExpiresAt: Date
}

export type SessionLookup =
  | { state: 'active'; session: ActiveSession }
  /** Known but timed out: lets a posted form be kept as a draft for this user. */
  | { state: 'expired'; idHash: string; userId: number }
  | { state: 'unknown' }

export async function createSession(
  db: Db,
  userId: number,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.insert(session).values({
    idHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + policy.maxHours * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  })
  return token
}

const TOUCH_AFTER_MS = 30_000

// The session lookup runs on every request: prepare it once per database so it is not rebuilt and
// re-planned each time.
const prepared = new WeakMap<Db, ReturnType<typeof prepareLookup>>()
function prepareLookup(db: Db) {
  return db
    .select({
      idHash: session.idHash,
      userId: session.userId,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      endedAt: session.endedAt,
      username: userAccount.username,
      displayName: userAccount.displayName,
      disabled: userAccount.disabled,
      workerId: userAccount.workerId,
      teamId: worker.teamId,
      roles: sql<
        string[]
      >`coalesce((select array_agg(${userRole.role} order by ${userRole.role}) from ${userRole} where ${userRole.userId} = ${userAccount.id}), '{}')`,
    })
    .from(session)
    .innerJoin(userAccount, eq(userAccount.id, session.userId))
    .leftJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(session.idHash, sql.placeholder('idHash')))
    .prepare('hearth_session_lookup')
}

// A signed-in user's session is looked up again only after a few seconds. Signing out, keeping the
// session alive and any change to the user's account clear it at once (see forgetSessions*).
const CACHE_MS = 5_000
const cache = new Map<string, { found: ActiveSession; at: number }>()

export function forgetSession(idHash: string): void {
  cache.delete(idHash)
}

/** After an account is disabled or its roles change: the next request reads the database again. */
export function forgetSessionsOfUser(userId: number): void {
  for (const [key, entry] of cache) if (entry.found.user.id === userId) cache.delete(key)
}

export async function findSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionLookup> {
  const idHash = hashToken(token)
  const cached = cache.get(idHash)
  if (cached && now.getTime() - cached.at < CACHE_MS && now < cached.found.idleExpiresAt) {
    return { state: 'active', session: cached.found }
  }
  cache.delete(idHash)
  let lookup = prepared.get(db)
  if (!lookup) {
    lookup = prepareLookup(db)
    prepared.set(db, lookup)
  }
  const [row] = await lookup.execute({ idHash })
  if (!row || row.endedAt || row.disabled) return { state: 'unknown' }
  const idleExpiresAt = new Date(row.lastSeenAt.getTime() + policy.idleMinutes * 60_000)
  if (now >= idleExpiresAt || now >= row.expiresAt) return { state: 'expired', idHash, userId: row.userId }

  // Record activity, but not on every request: a write per page view would halve throughput for nothing.
  let lastSeenAt = row.lastSeenAt
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    lastSeenAt = now
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.idHash, idHash))
  }
  const found: ActiveSession = {
    idHash,
    lastSeenAt,
    expiresAt: row.expiresAt,
    idleExpiresAt: new Date(
      Math.min(lastSeenAt.getTime() + policy.idleMinutes * 60_000, row.expiresAt.getTime()),
    ),
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles.filter(isRole),
      workerId: row.workerId,
      teamId: row.teamId,
    },
  }
  cache.set(idHash, { found, at: now.getTime() })
  return { state: 'active', session: found }
}

/** Extends an active session now (the "stay signed in" button). */
export async function keepSessionAlive(db: Db, idHash: string, now = new Date()): Promise<void> {
  forgetSession(idHash)
  await db
    .update(session)
    .set({ lastSeenAt: now })
    .where(and(eq(session.idHash, idHash), isNull(session.endedAt), gt(session.expiresAt, now)))
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  forgetSession(idHash)
  await db.update(session).set({ endedAt: new Date() }).where(eq(session.idHash, idHash))
}

/** For tests that change sessions in the database behind Hearth's back. */
export function clearSessionCache(): void {
  cache.clear()
}
