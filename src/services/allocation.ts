import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  ALLOCATION_KINDS,
  type AllocationKind,
  allocation,
  person,
  service,
  team,
  worker,
} from '../db/schema/index.ts'
import { checkDate } from './dates.ts'
import { Checker, NotFoundError } from './errors.ts'

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

// --- Allocation on the child's record, and caseloads ---

export const ALLOCATION_KIND_LABELS: Record<AllocationKind, string> = {
  'social-worker': 'Social worker',
  'lead-professional': 'Lead professional',
  iro: 'Independent reviewing officer',
  'cp-chair': 'Child protection chair',
  'personal-adviser': 'Personal adviser',
  'family-finder': 'Family finder',
}

const workerName = sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`

/** Every allocation of the child, current first, then newest first: who has held the case, and when. */
export async function allocationHistory(db: DbOrTx, personId: number) {
  const rows = await db
    .select({
      id: allocation.id,
      kind: allocation.kind,
      teamId: allocation.teamId,
      teamName: team.name,
      workerId: allocation.workerId,
      workerName,
      startedOn: allocation.startedOn,
      endedOn: allocation.endedOn,
    })
    .from(allocation)
    .innerJoin(team, eq(team.id, allocation.teamId))
    .leftJoin(worker, eq(worker.id, allocation.workerId))
    .where(eq(allocation.personId, personId))
    .orderBy(sql`${allocation.endedOn} is null desc`, desc(allocation.startedOn), desc(allocation.id))
  return rows.map((r) => ({ ...r, current: r.endedOn === null, kindLabel: ALLOCATION_KIND_LABELS[r.kind] }))
}

/**
 * Allocates or reallocates a child from a page or the API: checks the kind, that the worker is in the
 * chosen team, and that the date is neither in the future nor before the allocation it replaces; then
 * ends the current allocation of that kind and starts the new one, with change history, in one transaction.
 */
export async function reallocate(
  db: Db,
  actor: Actor,
  raw: Omit<AllocationInput, 'kind' | 'teamId'> & { kind: string; teamId: number | null },
): Promise<number> {
  const c = new Checker()
  c.check(
    (ALLOCATION_KINDS as readonly string[]).includes(raw.kind),
    'kind',
    'Choose what the worker is to the child',
  )
  const startedOn = checkDate(c, 'startedOn', 'the allocation date', raw.startedOn, { required: true })
  let teamId = raw.teamId
  if (raw.workerId !== null) {
    const [w] = await db
      .select({ teamId: worker.teamId, leftOn: worker.leftOn })
      .from(worker)
      .where(eq(worker.id, raw.workerId))
    if (!w || w.leftOn !== null) c.add('workerId', 'Choose a worker who is in post')
    // The worker's team is known: it need not be chosen as well, but must agree if it was.
    else if (teamId === null) teamId = w.teamId
    else c.check(w.teamId === teamId, 'teamId', 'Choose the team the worker is in, or leave the team empty')
  } else if (teamId !== null) {
    const [t] = await db.select({ id: team.id }).from(team).where(eq(team.id, teamId))
    c.check(t !== undefined, 'teamId', 'Choose a team')
  } else {
    c.add('teamId', 'Choose a team for a child awaiting a worker')
  }
  c.throwIfAny()
  const input = { ...raw, teamId: teamId! }
  const kind = raw.kind as AllocationKind
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: allocation.id,
        startedOn: allocation.startedOn,
        workerId: allocation.workerId,
        teamId: allocation.teamId,
      })
      .from(allocation)
      .where(
        and(eq(allocation.personId, input.personId), eq(allocation.kind, kind), isNull(allocation.endedOn)),
      )
      .for('update')
    if (current && startedOn! < current.startedOn) {
      c.add('startedOn', 'The allocation date must be on or after the start of the current allocation')
      c.throwIfAny()
    }
    if (current && current.teamId === input.teamId && current.workerId === input.workerId) {
      c.add('workerId', 'The child is already allocated to this team and worker')
      c.throwIfAny()
    }
    const id = await allocate(tx, actor, { ...input, kind, startedOn: startedOn! })
    await recordChanges(tx, actor, {
      entityType: 'allocation',
      entityId: id,
      personId: input.personId,
      version: 1,
      changes: diffFields(current ? { teamId: current.teamId, workerId: current.workerId } : null, {
        kind,
        teamId: input.teamId,
        workerId: input.workerId,
        startedOn,
      }),
      reason: current ? `Reallocated; allocation ${current.id} ended` : 'Allocated',
    })
    return id
  })
}

/** Workers in post, for choosing who visits, owns an action or holds the case; optionally some teams only. */
export async function workersInPost(db: DbOrTx, teamIds?: readonly number[]) {
  return db
    .select({
      id: worker.id,
      name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`,
      teamId: worker.teamId,
      teamName: team.name,
      jobTitle: worker.jobTitle,
    })
    .from(worker)
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(
      and(
        isNull(worker.leftOn),
        teamIds === undefined
          ? undefined
          : teamIds.length > 0
            ? inArray(worker.teamId, [...teamIds])
            : sql`false`,
      ),
    )
    .orderBy(asc(team.name), asc(worker.familyName), asc(worker.givenName))
}

export async function listTeamsForAllocation(db: DbOrTx) {
  return db
    .select({ id: team.id, name: team.name, serviceName: service.name })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .orderBy(asc(service.name), asc(team.name))
}

/**
 * Which teams' caseloads a user may see: a team manager their own team, a service manager the teams of
 * their service, a senior leader (and an administrator, who manages staffing) any team. Null means all.
 */
export async function caseloadTeamIds(db: DbOrTx, user: CurrentUser): Promise<number[] | null> {
  if (user.roles.includes('senior-leader') || user.roles.includes('administrator')) return null
  if (user.teamId === null) return []
  if (user.roles.includes('service-manager')) {
    const [own] = await db.select({ serviceId: team.serviceId }).from(team).where(eq(team.id, user.teamId))
    if (!own) return []
    const rows = await db.select({ id: team.id }).from(team).where(eq(team.serviceId, own.serviceId))
    return rows.map((r) => r.id)
  }
  return user.roles.includes('team-manager') ? [user.teamId] : []
}

export async function canViewTeamCaseload(db: DbOrTx, user: CurrentUser, teamId: number): Promise<boolean> {
  const ids = await caseloadTeamIds(db, user)
  return ids === null || ids.includes(teamId)
}

// Correlated subqueries name the outer table in full (team.id, worker.id): Drizzle renders a column of a
// single-table query unqualified, which inside the subquery would silently mean the subquery's own column.

/** The teams a user may see caseloads for, with their totals. */
export async function caseloadTeams(db: DbOrTx, user: CurrentUser) {
  const ids = await caseloadTeamIds(db, user)
  if (ids !== null && ids.length === 0) return []
  return db
    .select({
      id: team.id,
      name: team.name,
      serviceName: service.name,
      children: sql<number>`(select count(distinct a.person_id)::int from ${allocation} a where a.team_id = team.id and a.ended_on is null)`,
      awaiting: sql<number>`(select count(distinct a.person_id)::int from ${allocation} a where a.team_id = team.id and a.ended_on is null and a.worker_id is null)`,
    })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .where(ids === null ? undefined : inArray(team.id, ids))
    .orderBy(asc(service.name), asc(team.name))
}

/**
 * A team's caseloads: each worker in post with the children currently allocated to them (any role) and
 * that number per full-time equivalent, and the children allocated to the team awaiting a worker — named
 * only where the user may see their record.
 */
export async function teamCaseload(db: DbOrTx, user: CurrentUser, teamId: number) {
  const [found] = await db
    .select({ id: team.id, name: team.name, kind: team.kind, serviceName: service.name })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .where(eq(team.id, teamId))
  if (!found) throw new NotFoundError(`No team ${teamId}`)
  const [workers, awaiting] = await Promise.all([
    db
      .select({
        id: worker.id,
        name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`,
        jobTitle: worker.jobTitle,
        employmentType: worker.employmentType,
        fte: worker.fte,
        caseHolding: worker.caseHolding,
        asye: worker.asye,
        children: sql<number>`(select count(distinct a.person_id)::int from ${allocation} a where a.worker_id = worker.id and a.ended_on is null)`,
      })
      .from(worker)
      .where(and(eq(worker.teamId, teamId), isNull(worker.leftOn)))
      .orderBy(asc(worker.familyName), asc(worker.givenName)),
    db
      .select({
        personId: allocation.personId,
        kind: allocation.kind,
        since: allocation.startedOn,
        givenName: person.givenName,
        familyName: person.familyName,
        visible: sql<boolean>`${visiblePersonCondition(user)}`,
      })
      .from(allocation)
      .innerJoin(person, eq(person.id, allocation.personId))
      .where(and(eq(allocation.teamId, teamId), isNull(allocation.endedOn), isNull(allocation.workerId)))
      .orderBy(asc(allocation.startedOn), asc(allocation.id)),
  ])
  const rows = workers.map((w) => ({
    ...w,
    fte: Number(w.fte),
    perFte: Math.round((w.children / Number(w.fte)) * 10) / 10,
  }))
  const totalChildren = rows.reduce((sum, w) => sum + w.children, 0)
  const caseHoldingFte = rows.filter((w) => w.caseHolding).reduce((sum, w) => sum + w.fte, 0)
  const visibleAwaiting = awaiting
    .filter((a) => a.visible)
    .map(({ visible: _visible, ...a }) => ({ ...a, kindLabel: ALLOCATION_KIND_LABELS[a.kind] }))
  return {
    team: found,
    workers: rows,
    totals: {
      children: totalChildren,
      caseHoldingFte: Math.round(caseHoldingFte * 100) / 100,
      perFte: caseHoldingFte > 0 ? Math.round((totalChildren / caseHoldingFte) * 10) / 10 : null,
    },
    awaiting: visibleAwaiting,
    awaitingHidden: awaiting.length - visibleAwaiting.length,
  }
}
