import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, currentOn, endOfDay, londonDate, referralNotClosed } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/** Significant events that change what a plan must deal with. */
export const PLAN_CHANGING_EVENTS = ['household-change', 'incident', 'placement'] as const

/**
 * Drift: something significant happened after the child's current plan was last saved — a household change,
 * an incident, a placement move, or someone new living in the household — and the plan has not been updated
 * since. A question for the worker and manager, not a deadline.
 */
export const planNotUpdatedRule: Rule = {
  id: 'plan-not-updated-after-significant-change',
  title: 'Plan not updated after a significant change',
  area: 'oversight',
  kind: 'query',
  source: {
    kind: 'inspection-finding',
    citation:
      'Ofsted ILACS: quality of plans and drift and delay (plans updated when circumstances change); Working Together to Safeguard Children 2023, chapter 3 (plans reviewed as circumstances change)',
    quote:
      'Inspectors test whether plans are updated when children’s circumstances change, and whether assessments and plans are revisited after significant events.',
  },
  clockStart:
    'A significant event (household change, incident, placement) or a new household member after the plan was last saved',
  unit: 'calendar-days',
  threshold: 'Any such change with no plan version saved since',
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const categories = sql.join(
      PLAN_CHANGING_EVENTS.map((c) => sql`${c}`),
      sql`, `,
    )
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      saved_on: string
      changed_on: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as plan_id, p.person_id, s.saved_on::text, c.changed_on::text,
            sw.worker_id, sw.team_id
          from plan p
          left join referral r on r.id = p.referral_id
          -- The London day of the last save by the end of asAt: the latest timestamp, found in the index, then
          -- converted once (the day of the latest is the latest day).
          cross join lateral (
            select coalesce(${londonDate(sql`max(pv.saved_at)`)}, p.start_date) as saved_on
            from plan_version pv where pv.plan_id = p.id and pv.saved_at < ${endOfDay(asAt)}
          ) s
          cross join lateral (
            select min(x.on_date) as changed_on from (
              select se.occurred_on as on_date from significant_event se
              where se.person_id = p.person_id and se.category in (${categories})
                and se.occurred_on > s.saved_on and se.occurred_on <= ${asAt}
                and se.recorded_at < ${endOfDay(asAt)}
              union all
              select rel.started_on from relationship rel
              where rel.person_id = p.person_id and rel.same_household
                and rel.started_on > s.saved_on and rel.started_on <= ${asAt}
              union all
              select rel.started_on from relationship rel
              where rel.related_person_id = p.person_id and rel.same_household
                and rel.started_on > s.saved_on and rel.started_on <= ${asAt}
            ) x
          ) c
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)} and ${referralNotClosed('r', asAt)} and c.changed_on is not null
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'plan',
        subjectId: r.plan_id,
        startedOn: r.changed_on,
        dueOn: r.changed_on,
        what: `Update the plan: a significant change on ${inWords(r.changed_on)}, plan last updated ${inWords(r.saved_on)}`,
        href: `/children/${r.person_id}/plans/${r.plan_id}`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
