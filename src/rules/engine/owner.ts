import { type SQL, sql } from 'drizzle-orm'

// Whose action a flag is. Each helper is SQL to put in a rule's one set-based query. Internal aliases are
// prefixed (own_…) so they cannot capture an outer alias used in the `personId` expression.

/**
 * `left join lateral (…) <alias> on true`: the allocation of that kind current at the end of `asAt` (latest
 * start wins), giving `<alias>.worker_id`, `<alias>.team_id` and `<alias>.manager_id` (the worker's line
 * manager). Put it after the tables it reads and the joins that filter rows, so it runs for kept rows only.
 */
export function allocatedAt(alias: string, personId: SQL, asAt: string, kind = 'social-worker'): SQL {
  return sql`left join lateral (
      select own_a.worker_id, own_a.team_id, own_w.line_manager_id as manager_id
      from allocation own_a left join worker own_w on own_w.id = own_a.worker_id
      where own_a.person_id = ${personId} and own_a.kind = ${kind} and own_a.started_on <= ${asAt}
        and (own_a.ended_on is null or own_a.ended_on > ${asAt})
      order by own_a.started_on desc, own_a.id desc limit 1
    ) ${sql.raw(alias)} on true`
}

/**
 * SQL for the worker and team who held a child's case on a date: the allocation of that kind current then
 * (latest start wins), as two scalar subqueries for a select list.
 */
export function ownerAt(personId: SQL, asAt: string, kind = 'social-worker') {
  const current = sql`from allocation own_a where own_a.person_id = ${personId} and own_a.kind = ${kind}
    and own_a.started_on <= ${asAt} and (own_a.ended_on is null or own_a.ended_on > ${asAt})
    order by own_a.started_on desc, own_a.id desc limit 1`
  return {
    workerId: sql<number | null>`(select own_a.worker_id ${current})`,
    teamId: sql<number | null>`(select own_a.team_id ${current})`,
  } satisfies Record<string, SQL>
}

/** A worker's team (e.g. for a conference chair or an action's named owner). */
export function teamOf(workerId: SQL) {
  return sql<number | null>`(select own_w.team_id from worker own_w where own_w.id = ${workerId})`
}

/** The front door team, for work not yet allocated to anyone (contacts, unallocated referrals). */
export const frontDoorTeam = sql<
  number | null
>`(select own_t.id from team own_t where own_t.kind = 'front-door' order by own_t.id limit 1)`
