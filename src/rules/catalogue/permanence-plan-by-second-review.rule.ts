import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { FIRST_REVIEW_WORKING_DAYS, nextLacReviewDue } from '../../services/looked-after/timescales.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, currentOn, probe } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'
import { forThisCare, notShortBreaks } from './looked-after.sql.ts'

/**
 * A permanence plan for a child in care by the second looked-after review: due on the day the second
 * review is held, or the day it was due (3 months after the first, as regulation 33 times it) if that is
 * sooner, so a late review does not move the plan's deadline.
 */
export const permanencePlanRule: Rule = {
  id: 'permanence-plan-by-second-review',
  title: 'Permanence plan by the second review',
  area: 'permanence',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation:
      'The Children Act 1989 guidance and regulations, volume 2: care planning, placement and case review (DfE, 2015), chapter 2 (permanence planning); Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33',
    quote:
      'By the time of the second review, the care plan for each looked-after child must contain a plan for permanence, within a timescale that is realistic, achievable and meets the child’s needs.',
  },
  clockStart: 'The child becoming looked after (the second review is due 3 months after the first)',
  unit: 'months',
  threshold: 'By the second looked-after review (about 4 months after coming into care)',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const reviews = sql`from lac_review v where v.period_of_care_id = p.id and v.held_on <= ${asAt}
      order by v.held_on, v.id`
    const rows = await queryRows<{
      id: number
      person_id: number
      start_date: string
      first_on: string | null
      second_on: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id, p.person_id, p.start_date::text, r1.held_on::text as first_on,
            r2.held_on::text as second_on, sw.worker_id, sw.team_id
          from period_of_care p
          left join lateral (select v.held_on ${reviews} limit 1) r1 on true
          left join lateral (select v.held_on ${reviews} offset 1 limit 1) r2 on true
          ${probe(
            'planned',
            sql`from permanence_plan pp where pp.person_id = p.person_id and pp.decided_on <= ${asAt}
              and (pp.period_of_care_id = p.id
                or (pp.period_of_care_id is null and ${forThisCare('p', sql`pp.decided_on`)}))`,
          )}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            -- A lower bound on the due date (20 working days are at least 20 days), so clocks that cannot
            -- fall due by dueBy stay in the database.
            and least(coalesce(r2.held_on, 'infinity'::date),
              (coalesce(r1.held_on, p.start_date + 20) + make_interval(months => 3))::date) <= ${context.dueBy}::date
            and planned.found is null
            and ${notShortBreaks('p', asAt)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      // When the second review is due: 3 months after the first as held, or as it was due if not yet held.
      const firstDue = dueDate(r.start_date, FIRST_REVIEW_WORKING_DAYS, 'working-days')
      const secondDue = nextLacReviewDue(r.start_date, [r.first_on ?? firstDue])
      const dueOn = r.second_on && r.second_on < secondDue ? r.second_on : secondDue
      return {
        personId: r.person_id,
        subjectType: 'period-of-care',
        subjectId: r.id,
        startedOn: r.start_date,
        dueOn,
        what: 'Permanence plan, by the second looked-after review',
        href: `/children/${r.person_id}/permanence`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
