import { and, eq, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import type { Db } from '../db/client.ts'
import { userAccount, userIdentity } from '../db/schema/index.ts'
import { decoyPasswordHash, verifyPassword } from './passwords.ts'

export interface LockoutPolicy {
  attempts: number
  minutes: number
}

export type SignInResult =
  | { outcome: 'signed-in'; userId: number }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; lockedUntil: Date }

/**
 * Checks a local username and password. After `attempts` wrong passwords in a row the account is locked
 * for `minutes`; while locked even the right password is refused. Every attempt goes in the access log.
 */
export async function signInWithPassword(
  db: Db,
  username: string,
  password: string,
  policy: LockoutPolicy,
  meta: { ip: string | null; correlationId: string },
  now = new Date(),
): Promise<SignInResult> {
  const [identity] = await db
    .select({
      id: userIdentity.id,
      userId: userIdentity.userId,
      passwordHash: userIdentity.passwordHash,
      failedAttempts: userIdentity.failedAttempts,
      lockedUntil: userIdentity.lockedUntil,
      disabled: userAccount.disabled,
      username: userAccount.username,
    })
    .from(userIdentity)
    .innerJoin(userAccount, eq(userAccount.id, userIdentity.userId))
    .where(
      and(
        eq(userIdentity.provider, 'local'),
        eq(sql`lower(${userIdentity.subject})`, username.toLowerCase()),
      ),
    )

  const log = (userId: number | null, outcome: string) =>
    logAccess(
      db,
      userId === null
        ? null
        : {
            user: {
              id: userId,
              username: identity?.username ?? username,
              displayName: '',
              roles: [],
              workerId: null,
              teamId: null,
            },
            ip: meta.ip,
            correlationId: meta.correlationId,
          },
      { action: 'sign-in', subjectType: 'user', subjectId: userId, detail: { outcome } },
    )

  if (!identity?.passwordHash || identity.disabled) {
    await verifyPassword(await decoyPasswordHash(), password)
    await logAccess(db, null, {
      action: 'sign-in',
      subjectType: 'user',
      detail: { outcome: 'unknown-user', ip: meta.ip, correlationId: meta.correlationId },
    })
    return { outcome: 'invalid' }
  }
  if (identity.lockedUntil && identity.lockedUntil > now) {
    await log(identity.userId, 'locked')
    return { outcome: 'locked', lockedUntil: identity.lockedUntil }
  }
  if (!(await verifyPassword(identity.passwordHash, password))) {
    const failedAttempts = identity.failedAttempts + 1
    const locks = failedAttempts >= policy.attempts
    const lockedUntil = locks ? new Date(now.getTime() + policy.minutes * 60_000) : null
    await db
      .update(userIdentity)
      .set({ failedAttempts: locks ? 0 : failedAttempts, lockedUntil })
      .where(eq(userIdentity.id, identity.id))
    await log(identity.userId, locks ? 'locked-now' : 'wrong-password')
    return lockedUntil ? { outcome: 'locked', lockedUntil } : { outcome: 'invalid' }
  }
  await db
    .update(userIdentity)
    .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(userIdentity.id, identity.id))
  await log(identity.userId, 'success')
  return { outcome: 'signed-in', userId: identity.userId }
}
