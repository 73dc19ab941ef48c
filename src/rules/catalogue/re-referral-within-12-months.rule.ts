import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt, frontDoorTeam } from '../engine/owner.ts'
import { andPeople, openReferral, oversightSince } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * A re-referral: a referral within 12 months of the child's previous referral (rolling, referral date to
 * referral date, as DfE counts them). A query for the manager — was the earlier episode closed too soon? —
 * shown while the case is open until a manager records oversight on or after the re-referral.
 */
export const reReferralRule: Rule = {
  id: 're-referral-within-12-months',
  title: 'Re-referral within 12 months',
  area: 'front-door',
  kind: 'query',
  source: {
    kind: 'dfe-measure',
    citation:
      'DfE Children in need statistics: re-referrals (a referral within 12 months of a previous referral); CIN census; Ofsted ILACS Annex A list 3 (referrals in the last 12 months)',
    quote: 'A re-referral is a referral received within 12 months of a previous referral for the same child.',
  },
  clockStart: 'The new referral',
  unit: 'months',
  threshold: 'Within 12 months of the previous referral',
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      referral_date: string
      previous_on: string
      worker_id: number | null
      team_id: number | null
      front_door_team_id: number | null
    }>(
      db,
      sql`select r.id, r.person_id, r.referral_date::text, prev.referral_date::text as previous_on,
            sw.manager_id as worker_id, sw.team_id, ${frontDoorTeam} as front_door_team_id
          from referral r
          cross join lateral (
            select p.referral_date from referral p
            where p.person_id = r.person_id and p.id <> r.id
              and (p.referral_date < r.referral_date or (p.referral_date = r.referral_date and p.id < r.id))
            order by p.referral_date desc, p.id desc limit 1
          ) prev
          ${oversightSince('overseen', sql`r.person_id`, sql`r.referral_date`, asAt)}
          ${allocatedAt('sw', sql`r.person_id`, asAt)}
          where ${openReferral('r', asAt)}
            and prev.referral_date >= (r.referral_date - interval '12 months')::date
            and overseen.found is null
            ${andPeople(context, sql`r.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'referral',
        subjectId: r.id,
        startedOn: r.referral_date,
        dueOn: r.referral_date,
        what: `Re-referral: the previous referral was on ${inWords(r.previous_on)}. Record management oversight`,
        href: `/children/${r.person_id}/oversight`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id ?? r.front_door_team_id,
      }),
    )
  },
}
