import { and, eq, isNull } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import type { Actor } from '../auth/current-user.ts'
import type { DbOrTx } from '../db/client.ts'
import { type AllocationKind, allocation, team, worker } from '../db/schema/index.ts'
import { checkDate } from './dates.ts'
import { Checker } from './errors.ts'

export interface AllocationInput {
  personId: number
  teamId: number
  /** Null: allocated to the team, awaiting a worker. */
  workerId: number | null
  kind: AllocationKind
  startedOn: string
}

/**
 * Allocates a child to a team (and worker) for a kind of involvement, ending any current allocation of the
 * same kind the day before, so the history of who held the case is kept. Call inside the transaction
 * that makes the decision (e.g. a referral).
 */
export async function allocate(tx: DbOrTx, actor: Actor, input: AllocationInput): Promise<number> {
  const c = new Checker()
  checkDate(c, 'startedOn', 'the allocation date', input.startedOn, { required: true, allowFuture: true })
  const [t] = await tx.select({ id: team.id }).from(team).where(eq(team.id, input.teamId))
  c.check(t !== undefined, 'teamId', 'Choose a team')
  if (input.workerId !== null) {
    const [w] = await tx
      .select({ teamId: worker.teamId, leftOn: worker.leftOn })
      .from(worker)
      .where(eq(worker.id, input.workerId))
    c.check(w !== undefined && w.leftOn === null, 'workerId', 'Choose a worker who is in post')
  }
  c.throwIfAny()
  await tx
    .update(allocation)
    .set({ endedOn: input.startedOn })
    .where(
      and(
        eq(allocation.personId, input.personId),
        eq(allocation.kind, input.kind),
        isNull(allocation.endedOn),
      ),
    )
  const [row] = await tx
    .insert(allocation)
    .values({ ...input })
    .returning({ id: allocation.id })
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'allocation',
    subjectId: row!.id,
    personId: input.personId,
    detail: { kind: input.kind, teamId: input.teamId, workerId: input.workerId },
  })
  return row!.id
}

/** Ends every current allocation of a child (at closure). */
export async function endAllocations(
  tx: DbOrTx,
  actor: Actor,
  personId: number,
  endedOn: string,
): Promise<void> {
  const ended = await tx
    .update(allocation)
    .set({ endedOn })
    .where(and(eq(allocation.personId, personId), isNull(allocation.endedOn)))
    .returning({ id: allocation.id })
  if (ended.length > 0) {
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'allocation',
      personId,
      detail: { ended: ended.map((e) => e.id) },
    })
  }
}
