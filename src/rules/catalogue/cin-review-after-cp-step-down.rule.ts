import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, closedReferral, currentOn, probe } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const WITHIN = 'cin-step-down-first-review-working-days'

/**
 * When a child protection plan ends and a child in need plan continues it (plan.previous_plan_id names the
 * child protection plan), the first child in need review meeting is due within N working days of the
 * step-down (local setting): the family should not lose the plan's momentum when the conference ends it.
 */
export const cinReviewAfterStepDownRule: Rule = {
  id: 'cin-review-after-cp-step-down',
  title: 'First child in need review after a child protection plan ends',
  area: 'child-in-need',
  kind: 'timescale',
  source: {
    kind: 'local-practice',
    citation:
      'Local child in need procedures: first child in need planning meeting within 10 days (Sefton; Sheffield: within 10 working days); a child in need plan for at least 3 months after a child protection plan ends (Lancashire)',
    quote:
      'Where a child protection plan ends and the child continues to need support, a child in need plan continues it; its first child in need meeting is held within 10 working days.',
  },
  clockStart: 'The child in need plan’s start, when it steps down from a child protection plan',
  unit: 'working-days',
  threshold: '10 working days (local setting)',
  settings: [
    {
      key: WITHIN,
      label: 'First child in need review after a child protection plan ends: within',
      default: 10,
      unit: 'working-days',
    },
  ],
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const within = context.setting(WITHIN)
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      start_date: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as plan_id, p.person_id, p.start_date::text,
            sw.worker_id, sw.team_id
          from plan p
          join plan prev on prev.id = p.previous_plan_id and prev.kind = 'child-protection'
          ${probe('reviewed', sql`from plan_review pr where pr.plan_id = p.id and pr.held_on <= ${asAt}`)}
          ${closedReferral('closed', sql`p.referral_id`, asAt)}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where p.kind = 'child-in-need' and p.previous_plan_id is not null and ${currentOn('p', asAt)}
            and closed.found is null
            and ${canBeDueBy(sql`p.start_date`, within, 'working-days', context.dueBy)}
            and reviewed.found is null
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'plan',
        subjectId: r.plan_id,
        startedOn: r.start_date,
        dueOn: dueDate(r.start_date, within, 'working-days'),
        what: 'Hold the first child in need review after the child protection plan ended',
        href: `/children/${r.person_id}/plans/${r.plan_id}`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
