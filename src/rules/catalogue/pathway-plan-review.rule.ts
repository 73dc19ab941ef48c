import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const MONTHS = 6

/** A young person's pathway plan is reviewed at intervals of no more than 6 months. */
export const pathwayPlanReviewRule: Rule = {
  id: 'pathway-plan-review',
  title: 'Pathway plan review every 6 months',
  area: 'care-leavers',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Care Leavers (England) Regulations 2010, regulation 7 (review of pathway plans); Care Planning, Placement and Case Review (England) Regulations 2010, regulation 43 (eligible children); The Children Act 1989 guidance and regulations, volume 3: planning transition to adulthood for care leavers',
    quote:
      'The responsible authority must review the pathway plan if requested to by the young person, if it or the personal adviser considers a review necessary, and in any other case at intervals of not more than six months.',
  },
  clockStart: 'The pathway plan’s start; then the last review',
  unit: 'months',
  threshold: 'Every 6 months',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      start_date: string
      review_id: number | null
      review_on: string | null
      adviser_worker_id: number | null
      adviser_team_id: number | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as plan_id, p.person_id, p.start_date::text, v.id as review_id,
            v.held_on::text as review_on, pa.worker_id as adviser_worker_id, pa.team_id as adviser_team_id,
            sw.worker_id, sw.team_id
          from plan p
          left join lateral (
            select pr.id, pr.held_on from plan_review pr
            where pr.plan_id = p.id and pr.held_on <= ${asAt}
            order by pr.held_on desc, pr.id desc limit 1
          ) v on true
          ${allocatedAt('pa', sql`p.person_id`, asAt, 'personal-adviser')}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where p.kind = 'pathway' and ${currentOn('p', asAt)}
            and ${canBeDueBy(sql`coalesce(v.held_on, p.start_date)`, MONTHS, 'months', context.dueBy)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const startedOn = r.review_on ?? r.start_date
      // The personal adviser's, when one is allocated; else the social worker's.
      const [ownerWorkerId, ownerTeamId] =
        r.adviser_team_id !== null ? [r.adviser_worker_id, r.adviser_team_id] : [r.worker_id, r.team_id]
      return {
        personId: r.person_id,
        subjectType: r.review_id === null ? 'plan' : 'plan-review',
        subjectId: r.review_id ?? r.plan_id,
        startedOn,
        dueOn: dueDate(startedOn, MONTHS, 'months'),
        what:
          r.review_id === null ? 'Hold the first pathway plan review' : 'Hold the next pathway plan review',
        href: `/children/${r.person_id}/care-leaver`,
        ownerWorkerId,
        ownerTeamId,
      }
    })
  },
}
