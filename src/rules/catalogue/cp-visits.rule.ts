import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const INTERVAL = 'cp-visit-interval-working-days'

/** A child on a child protection plan is visited and seen at least every N working days (local standard). */
export const cpVisitsRule: Rule = {
  id: 'cp-visits',
  title: 'Child protection visit: child seen',
  area: 'child-protection',
  kind: 'timescale',
  source: {
    kind: 'local-practice',
    citation:
      'Local child protection procedures (e.g. Camden: at least every 10 working days or as the conference directs); Working Together to Safeguard Children 2023, chapter 3 (the lead practitioner sees the child as the plan requires)',
    quote:
      'Children subject to a child protection plan should be seen, and seen alone where appropriate, at least every 10 working days or more often if the conference directs.',
  },
  clockStart: 'The child protection plan’s start; then the last visit at which the child was seen',
  unit: 'working-days',
  threshold: 'Every 10 working days (local setting)',
  settings: [
    { key: INTERVAL, label: 'Child protection visits: at least every', default: 10, unit: 'working-days' },
  ],
  effectiveFrom: '2013-04-15',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const interval = context.setting(INTERVAL)
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      start_date: string
      visit_id: number | null
      visited_on: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as plan_id, p.person_id, p.start_date::text, v.id as visit_id, v.visited_on::text,
            sw.worker_id, sw.team_id
          from cp_plan p
          left join lateral (
            select v.id, v.visited_on from visit v
            where v.person_id = p.person_id and v.child_seen
              and v.visited_on >= p.start_date and v.visited_on <= ${asAt}
            order by v.visited_on desc, v.id desc limit 1
          ) v on true
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            and ${canBeDueBy(sql`coalesce(v.visited_on, p.start_date)`, interval, 'working-days', context.dueBy)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const startedOn = r.visited_on ?? r.start_date
      return {
        personId: r.person_id,
        subjectType: r.visit_id === null ? 'cp-plan' : 'visit',
        subjectId: r.visit_id ?? r.plan_id,
        startedOn,
        dueOn: dueDate(startedOn, interval, 'working-days'),
        what: 'Visit and see the child (child protection plan)',
        href: `/children/${r.person_id}/visits`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
