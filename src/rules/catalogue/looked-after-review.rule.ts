import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { FIRST_REVIEW_WORKING_DAYS, nextLacReviewDue } from '../../services/looked-after/timescales.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt, teamOf } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'
import { notShortBreaks } from './looked-after.sql.ts'

/**
 * Looked-after reviews chaired by the IRO: the first within 20 working days of the child becoming looked
 * after, the second within 3 months of the first, then at intervals of no more than 6 months.
 */
export const lookedAfterReviewRule: Rule = {
  id: 'looked-after-review',
  title: 'Looked-after review: 20 working days, 3 months, then every 6 months',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33 (timing of reviews); IRO Handbook (2010), chapter 3',
    quote:
      'The responsible authority must first review C’s case within 20 working days of the date on which C becomes looked after; the second review must be carried out not more than three months after the first, and subsequent reviews not more than six months after the date of the previous review.',
  },
  clockStart: 'The child becoming looked after; then the first review; then each review after it',
  unit: 'working-days',
  threshold: '20 working days, then 3 months, then every 6 months',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      period_id: number
      person_id: number
      start_date: string
      held: string[]
      last_id: number | null
      last_iro_worker_id: number | null
      last_iro_team_id: number | null
      iro_worker_id: number | null
      iro_team_id: number | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as period_id, p.person_id, p.start_date::text, r.held, l.id as last_id,
            l.iro_worker_id as last_iro_worker_id, ${teamOf(sql`l.iro_worker_id`)} as last_iro_team_id,
            iro.worker_id as iro_worker_id, iro.team_id as iro_team_id, sw.worker_id, sw.team_id
          from period_of_care p
          cross join lateral (
            select count(*)::int as n, max(v.held_on) as last_on,
              coalesce(json_agg(v.held_on::text order by v.held_on), '[]'::json) as held
            from lac_review v where v.period_of_care_id = p.id and v.held_on <= ${asAt}
          ) r
          left join lateral (
            select v.id, v.iro_worker_id from lac_review v
            where v.period_of_care_id = p.id and v.held_on <= ${asAt}
            order by v.held_on desc, v.id desc limit 1
          ) l on true
          ${allocatedAt('iro', sql`p.person_id`, asAt, 'iro')}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            and case r.n
              when 0 then ${canBeDueBy(sql`p.start_date`, 20, 'working-days', context.dueBy)}
              when 1 then ${canBeDueBy(sql`r.last_on`, 3, 'months', context.dueBy)}
              else ${canBeDueBy(sql`r.last_on`, 6, 'months', context.dueBy)} end
            and ${notShortBreaks('p', asAt)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const held = r.held
      const last = held[held.length - 1]
      // The IRO's action: the allocated IRO, else the IRO who chaired the last review, else the social worker.
      const [ownerWorkerId, ownerTeamId] =
        r.iro_team_id !== null
          ? [r.iro_worker_id, r.iro_team_id]
          : r.last_iro_worker_id !== null
            ? [r.last_iro_worker_id, r.last_iro_team_id]
            : [r.worker_id, r.team_id]
      return {
        personId: r.person_id,
        subjectType: last ? 'lac-review' : 'period-of-care',
        subjectId: last ? r.last_id! : r.period_id,
        startedOn: last ?? r.start_date,
        // The first review's date through dueDate, which also counts from before the stored calendar.
        dueOn:
          held.length === 0
            ? dueDate(r.start_date, FIRST_REVIEW_WORKING_DAYS, 'working-days')
            : nextLacReviewDue(r.start_date, held),
        what:
          held.length === 0
            ? 'Hold the first looked-after review'
            : held.length === 1
              ? 'Hold the second looked-after review'
              : 'Hold the next looked-after review',
        href: `/children/${r.person_id}/looked-after/reviews`,
        ownerWorkerId,
        ownerTeamId,
      }
    })
  },
}
