import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt, teamOf } from '../engine/owner.ts'
import { andPeople, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * Review conferences while a child protection plan lasts: the first within 3 months of the initial
 * conference, then at intervals of no more than 6 months.
 */
export const cpReviewConferenceRule: Rule = {
  id: 'cp-review-conference',
  title: 'Child protection review conference: 3 months, then every 6 months',
  area: 'child-protection',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Working Together to Safeguard Children 2023, chapter 3 (the child protection review conference); DfE key indicator "CPPs reviewed within timescales"',
    quote:
      'The first child protection review conference should be held within three months of the initial child protection conference, and further reviews should be held at intervals of not more than six months for as long as the child remains subject of a child protection plan.',
  },
  clockStart: 'The initial (or transfer-in) conference; then the last review conference',
  unit: 'months',
  threshold: '3 months, then every 6 months',
  effectiveFrom: '2013-04-15',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    // A conference belongs to the plan it names, or (not named) to the child's plan current when it was held.
    const forPlan = sql`cc.person_id = p.person_id and cc.held_on <= ${asAt}
      and (cc.cp_plan_id = p.id or (cc.cp_plan_id is null and cc.held_on >= p.start_date))`
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      start_date: string
      initial_id: number | null
      initial_on: string | null
      review_id: number | null
      review_on: string | null
      chair_worker_id: number | null
      chair_team_id: number | null
      last_chair_worker_id: number | null
      last_chair_team_id: number | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as plan_id, p.person_id, p.start_date::text,
            i.id as initial_id, i.held_on::text as initial_on, v.id as review_id, v.held_on::text as review_on,
            ch.worker_id as chair_worker_id, ch.team_id as chair_team_id,
            l.chair_worker_id as last_chair_worker_id, ${teamOf(sql`l.chair_worker_id`)} as last_chair_team_id,
            sw.worker_id, sw.team_id
          from cp_plan p
          left join lateral (select cc.id, cc.held_on from cp_conference cc
            where ${forPlan} and cc.kind in ('initial', 'transfer-in')
            order by cc.held_on desc, cc.id desc limit 1) i on true
          left join lateral (select cc.id, cc.held_on from cp_conference cc
            where ${forPlan} and cc.kind = 'review'
            order by cc.held_on desc, cc.id desc limit 1) v on true
          left join lateral (select cc.chair_worker_id from cp_conference cc
            where ${forPlan} and cc.chair_worker_id is not null
            order by cc.held_on desc, cc.id desc limit 1) l on true
          ${allocatedAt('ch', sql`p.person_id`, asAt, 'cp-chair')}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            and (coalesce(v.held_on, i.held_on, p.start_date)
              + make_interval(months => case when v.id is null then 3 else 6 end))::date <= ${context.dueBy}::date
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const [subjectType, subjectId, startedOn, months] = r.review_on
        ? ['cp-conference', r.review_id!, r.review_on, 6]
        : r.initial_on
          ? ['cp-conference', r.initial_id!, r.initial_on, 3]
          : ['cp-plan', r.plan_id, r.start_date, 3]
      // The conference chair's action: the allocated chair, else the last chair, else the social worker.
      const [ownerWorkerId, ownerTeamId] =
        r.chair_team_id !== null
          ? [r.chair_worker_id, r.chair_team_id]
          : r.last_chair_worker_id !== null
            ? [r.last_chair_worker_id, r.last_chair_team_id]
            : [r.worker_id, r.team_id]
      return {
        personId: r.person_id,
        subjectType,
        subjectId,
        startedOn,
        dueOn: dueDate(startedOn, months, 'months'),
        what: months === 3 ? 'Hold the first review conference' : 'Hold the next review conference',
        href: `/children/${r.person_id}/child-protection`,
        ownerWorkerId,
        ownerTeamId,
      }
    })
  },
}
