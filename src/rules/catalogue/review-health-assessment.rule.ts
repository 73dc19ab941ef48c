import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { addMonths } from '../../domain/calendar/working-days.ts'
import { reviewHealthAssessmentDue } from '../../services/looked-after/timescales.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'
import { forThisCare, notShortBreaks } from './looked-after.sql.ts'

/**
 * Review health assessments while the child is in care: at least every 6 months before the child's fifth
 * birthday, every 12 months after it, counted from the last health assessment (initial or review).
 */
export const reviewHealthAssessmentRule: Rule = {
  id: 'review-health-assessment',
  title: 'Review health assessment: every 6 months under 5, every year from 5',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7(4); Promoting the health and well-being of looked-after children (DfE and DH statutory guidance, 2015)',
    quote:
      'The responsible authority must ensure that C’s state of health is reviewed at least once every six months before C’s fifth birthday and at least once in every period of twelve months after C’s fifth birthday.',
  },
  clockStart: 'The last health assessment (initial or review) in this period of care',
  unit: 'months',
  threshold: '6 months under 5; 12 months from 5 (age on the day of the last assessment)',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      recorded_on: string
      date_of_birth: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select h.id, p.person_id, h.recorded_on::text,
            (select c.date_of_birth from person c where c.id = p.person_id)::text as date_of_birth,
            sw.worker_id, sw.team_id
          from period_of_care p
          join lateral (
            select h.id, h.recorded_on from health_record h
            where h.person_id = p.person_id
              and h.kind in ('initial-health-assessment', 'review-health-assessment')
              and h.recorded_on <= ${asAt} and ${forThisCare('p', sql`h.recorded_on`)}
            order by h.recorded_on desc, h.id desc limit 1
          ) h on true
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            -- Six months is the shortest interval: later clocks cannot fall due by dueBy.
            and ${canBeDueBy(sql`h.recorded_on`, 6, 'months', context.dueBy)}
            and ${notShortBreaks('p', asAt)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const dueOn = reviewHealthAssessmentDue(r.recorded_on, r.date_of_birth)
      return {
        personId: r.person_id,
        subjectType: 'health-record',
        subjectId: r.id,
        startedOn: r.recorded_on,
        dueOn,
        what:
          dueOn === addMonths(r.recorded_on, 6)
            ? 'Review health assessment (every 6 months for a child under 5)'
            : 'Review health assessment (every year for a child aged 5 or over)',
        href: `/children/${r.person_id}/health-education`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
