import { type SQL, sql } from 'drizzle-orm'

/**
 * SQL for the worker and team who held a child's case on a date: the allocation of that kind current then
 * (latest start wins). Rules use it to say whose action a flag is.
 */
export function ownerAt(personId: SQL, asAt: string, kind = 'social-worker') {
  const current = sql`from allocation a where a.person_id = ${personId} and a.kind = ${kind}
    and a.started_on <= ${asAt} and (a.ended_on is null or a.ended_on > ${asAt}) order by a.started_on desc, a.id desc limit 1`
  return {
    workerId: sql<number | null>`(select a.worker_id ${current})`,
    teamId: sql<number | null>`(select a.team_id ${current})`,
  } satisfies Record<string, SQL>
}
