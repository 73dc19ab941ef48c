import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, noneOf } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/** The first core group meeting within 10 working days of the initial conference that made the plan. */
export const firstCoreGroupRule: Rule = {
  id: 'first-core-group-10-working-days',
  title: 'First core group within 10 working days of the initial conference',
  area: 'child-protection',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Working Together to Safeguard Children 2023, chapter 3 (the child protection plan and core group)',
    quote:
      'The core group should meet within 10 working days of the initial child protection conference if the child is the subject of a child protection plan.',
  },
  clockStart: 'Initial child protection conference deciding on a child protection plan',
  unit: 'working-days',
  threshold: '10 working days',
  effectiveFrom: '2013-04-15',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    // The conference's plan: the one it names, else the child's first plan starting on or after it. A core
    // group always belongs to a plan, so with no plan recorded none can have met.
    const rows = await queryRows<{
      id: number
      person_id: number
      held_on: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select c.id, c.person_id, c.held_on::text, sw.worker_id, sw.team_id
          from cp_conference c
          join referral r on r.id = c.referral_id
          left join lateral (
            select p.id, p.end_date from cp_plan p
            where p.id = c.cp_plan_id
              or (c.cp_plan_id is null and p.person_id = c.person_id and p.start_date >= c.held_on)
            order by p.start_date limit 1
          ) p on true
          ${allocatedAt('sw', sql`c.person_id`, asAt)}
          where c.kind = 'initial' and c.decision = 'plan' and c.held_on <= ${asAt}
            and ${canBeDueBy(sql`c.held_on`, 10, 'working-days', context.dueBy)}
            and (r.closure_date is null or r.closure_date > ${asAt})
            and (p.end_date is null or p.end_date > ${asAt})
            and ${noneOf(sql`from core_group g
              where g.cp_plan_id = p.id and g.held_on >= c.held_on and g.held_on <= ${asAt}`)}
            ${andPeople(context, sql`c.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'cp-conference',
        subjectId: r.id,
        startedOn: r.held_on,
        dueOn: dueDate(r.held_on, 10, 'working-days'),
        what: 'Hold the first core group meeting',
        href: `/children/${r.person_id}/child-protection`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
