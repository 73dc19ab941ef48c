import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS } from '../../services/looked-after/timescales.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn, probe } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'
import { forThisCare, notShortBreaks } from './looked-after.sql.ts'

/** An initial health assessment by a doctor before the first looked-after review: 20 working days. */
export const initialHealthAssessmentRule: Rule = {
  id: 'initial-health-assessment',
  title: 'Initial health assessment within 20 working days',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7; Promoting the health and well-being of looked-after children (DfE and DH statutory guidance, 2015)',
    quote:
      'Before C is first placed or, if that is not reasonably practicable, before C’s first review, the responsible authority must make arrangements for a registered medical practitioner to carry out an assessment of C’s state of health: in practice within 20 working days of C becoming looked after.',
  },
  clockStart: 'The child becoming looked after',
  unit: 'working-days',
  threshold: '20 working days (before the first review)',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      start_date: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id, p.person_id, p.start_date::text, sw.worker_id, sw.team_id
          from period_of_care p
          ${probe(
            'done',
            sql`from health_record h where h.person_id = p.person_id
              and h.kind = 'initial-health-assessment' and h.recorded_on <= ${asAt}
              and ${forThisCare('p', sql`h.recorded_on`)}`,
          )}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            and ${canBeDueBy(sql`p.start_date`, INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS, 'working-days', context.dueBy)}
            and done.found is null
            and ${notShortBreaks('p', asAt)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'period-of-care',
        subjectId: r.id,
        startedOn: r.start_date,
        dueOn: dueDate(r.start_date, INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS, 'working-days'),
        what: 'Initial health assessment by a doctor (before the first review)',
        href: `/children/${r.person_id}/health-education`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
