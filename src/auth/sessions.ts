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

export async function findSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionLookup> {
  const idHash = hashToken(token)
  const [row] = await db
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
    .where(eq(session.idHash, idHash))
  if (!row || row.endedAt || row.disabled) return { state: 'unknown' }
  const idleExpiresAt = new Date(row.lastSeenAt.getTime() + policy.idleMinutes * 60_000)
  if (now >= idleExpiresAt || now >= row.expiresAt) return { state: 'expired', idHash, userId: row.userId }

  // Record activity, but not on every request: a write per page view would halve throughput for nothing.
  let lastSeenAt = row.lastSeenAt
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    lastSeenAt = now
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.idHash, idHash))
  }
  return {
    state: 'active',
    session: {
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
    },
  }
}

/** Extends an active session now (the "stay signed in" button). */
export async function keepSessionAlive(db: Db, idHash: string, now = new Date()): Promise<void> {
  await db
    .update(session)
    .set({ lastSeenAt: now })
    .where(and(eq(session.idHash, idHash), isNull(session.endedAt), gt(session.expiresAt, now)))
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await db.update(session).set({ endedAt: new Date() }).where(eq(session.idHash, idHash))
}
