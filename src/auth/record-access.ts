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
  const authorityWide = user.roles.some((role) => AUTHORITY_WIDE_ROLES.includes(role))
  const workerId = user.workerId ?? -1
  const teamId = user.teamId ?? -1
  const serviceWide = user.roles.includes('service-manager')
  const related = sql`exists (
    select 1 from allocation a
    where a.person_id = ${qualified(person.id)} and a.ended_on is null and (
      a.worker_id = ${workerId}
      or a.team_id = ${teamId}
      or a.worker_id in (
        with recursive reports(id) as (
          select w.id from worker w where w.line_manager_id = ${workerId}
          union
          select w.id from worker w join reports r on w.line_manager_id = r.id
        )
        select id from reports
      )
      ${serviceWide ? sql`or a.team_id in (select t.id from team t where t.service_id = (select service_id from team where id = ${teamId}))` : sql``}
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

export async function canSeePerson(db: DbOrTx, user: CurrentUser, personId: number): Promise<boolean> {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.id, personId), visiblePersonCondition(user)))
  return rows.length > 0
}
