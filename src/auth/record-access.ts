import { and, eq, type SQL, sql } from 'drizzle-orm'
import { type DbOrTx, qualified } from '../db/client.ts'
import { person } from '../db/schema/index.ts'
import type { CurrentUser } from './current-user.ts'
import { AUTHORITY_WIDE_ROLES } from './roles.ts'

/**
 * The one definition of which people's records a user may see, as a SQL condition on `person`. Search,
 * lists, worklists, pages and exports all filter with it, so a restricted or sealed record is hidden
 * everywhere at once.
 *
 * - sealed (adoption) and restricted records: only users named in record_access_grant;
 * - other records: users whose role spans the authority, or who are related to the child through a
 *   current allocation — the allocated worker, anyone in the allocated team, the allocated worker's
 *   management chain, and the service manager of the team's service — or who hold a grant;
 * - and child protection chairs (role cp-chair-iro), for a child awaiting an initial conference (an
 *   enquiry on an open referral concluded that one is needed and none is recorded yet): the chair must
 *   read the record to prepare the conference, and only the plan it makes allocates them.
 */
export function visiblePersonCondition(user: CurrentUser): SQL {
  const granted = sql`exists (select 1 from record_access_grant g where g.person_id = ${qualified(person.id)} and g.user_id = ${user.id})`
  const authorityWide = isAuthorityWide(user)
  const workerId = user.workerId ?? -1
  const teamId = user.teamId ?? -1
  const serviceWide = user.roles.includes('service-manager')
  const related = sql`exists (
    select 1 from allocation a
    where a.person_id = ${qualified(person.id)} and a.ended_on is null and (
      a.worker_id = ${workerId}
      or a.team_id = ${teamId}
      or a.worker_id in (${reportsOf(workerId)})
      ${serviceWide ? sql`or a.team_id in (${teamsOfServiceOf(teamId)})` : sql``}
    )
  )`
  const awaitingConference = user.roles.includes('cp-chair-iro')
    ? sql`or exists (
        select 1 from referral r join section47 s on s.referral_id = r.id
        where r.person_id = ${qualified(person.id)} and r.closure_date is null and s.outcome = 'icpc'
          and not exists (select 1 from cp_conference c where c.referral_id = r.id and c.section47_id = s.id)
      )`
    : sql``
  return sql`(case when ${qualified(person.accessRestriction)} = 'none' then (${authorityWide ? sql`true` : related} ${awaitingConference} or ${granted}) else ${granted} end)`
}

const isAuthorityWide = (user: CurrentUser) => user.roles.some((role) => AUTHORITY_WIDE_ROLES.includes(role))

/** The workers below a worker in the line-management chain, however deep. */
const reportsOf = (workerId: number) => sql`with recursive reports(id) as (
    select w.id from worker w where w.line_manager_id = ${workerId}
    union
    select w.id from worker w join reports r on w.line_manager_id = r.id
  )
  select id from reports`

/** The teams of the service a team belongs to. */
const teamsOfServiceOf = (teamId: number) =>
  sql`select t.id from team t where t.service_id = (select service_id from team where id = ${teamId})`

/**
 * The ids of every person whose record the user might see, as a query each part of which an index
 * answers (the user's and their team's current allocations, their reports', their service's, the
 * grants they hold, and, for chairs, the children awaiting a conference) — or null for a user whose role
 * spans the authority. It is a superset, never the decision: callers still apply visiblePersonCondition.
 * It lets a search start from the few people an ordinary worker could see, rather than check every
 * person a name matches.
 */
export function personIdsInReach(user: CurrentUser): SQL | null {
  if (isAuthorityWide(user)) return null
  const workerId = user.workerId ?? -1
  const teamId = user.teamId ?? -1
  const open = sql`select a.person_id from allocation a where a.ended_on is null`
  const parts: SQL[] = [
    sql`${open} and a.worker_id = ${workerId}`,
    sql`${open} and a.team_id = ${teamId}`,
    // From the reports: written `a.worker_id in (reports)`, every open allocation (15,000) was read each time.
    sql`select a.person_id from (${reportsOf(workerId)}) r(id)
      cross join lateral (select a.person_id from allocation a where a.worker_id = r.id and a.ended_on is null) a`,
    sql`select g.person_id from record_access_grant g where g.user_id = ${user.id}`,
  ]
  if (user.roles.includes('service-manager'))
    parts.push(sql`${open} and a.team_id in (${teamsOfServiceOf(teamId)})`)
  if (user.roles.includes('cp-chair-iro'))
    parts.push(sql`select r.person_id from referral r join section47 s on s.referral_id = r.id
      where r.closure_date is null and s.outcome = 'icpc'
        and not exists (select 1 from cp_conference c where c.referral_id = r.id and c.section47_id = s.id)`)
  return sql.join(parts, sql` union `)
}

export async function canSeePerson(db: DbOrTx, user: CurrentUser, personId: number): Promise<boolean> {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.id, personId), visiblePersonCondition(user)))
  return rows.length > 0
}
