import { asc, eq, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import type { Actor } from '../auth/current-user.ts'
import { type DbOrTx, qualified } from '../db/client.ts'
import { team, userAccount, userIdentity, userRole, worker } from '../db/schema/index.ts'

export async function listUsers(db: DbOrTx) {
  return db
    .select({
      id: userAccount.id,
      username: userAccount.username,
      displayName: userAccount.displayName,
      disabled: userAccount.disabled,
      teamName: team.name,
      roles: sql<
        string[]
      >`coalesce((select array_agg(r.role order by r.role) from ${userRole} r where r.user_id = ${userAccount.id}), '{}')`,
      lockedUntil: sql<Date | null>`(select max(i.locked_until) from ${userIdentity} i where i.user_id = ${qualified(userAccount.id)} and i.locked_until > now())`,
      lastSignInAt: sql<Date | null>`(select max(i.last_sign_in_at) from ${userIdentity} i where i.user_id = ${qualified(userAccount.id)})`,
    })
    .from(userAccount)
    .leftJoin(worker, eq(worker.id, userAccount.workerId))
    .leftJoin(team, eq(team.id, worker.teamId))
    .orderBy(asc(userAccount.username))
}

export async function unlockUser(db: DbOrTx, actor: Actor, userId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(userIdentity)
      .set({ lockedUntil: null, failedAttempts: 0 })
      .where(eq(userIdentity.userId, userId))
      .returning({ id: userIdentity.id })
    if (rows.length > 0)
      await logAccess(tx, actor, {
        action: 'change',
        subjectType: 'user',
        subjectId: userId,
        detail: { unlocked: true },
      })
    return rows.length > 0
  })
}
