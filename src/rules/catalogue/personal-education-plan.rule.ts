import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { FIRST_REVIEW_WORKING_DAYS } from '../../services/looked-after/timescales.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn, personJoin } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'
import { forThisCare, notShortBreaks } from './looked-after.sql.ts'

const INTERVAL = 'pep-review-interval-months'
const FROM_AGE = 'pep-from-age-years'

/**
 * A personal education plan ready for the first looked-after review (20 working days after the child comes
 * into care, or reaches the age the virtual school starts PEPs), then reviewed every term: at least every
 * N months (local setting; 4 by default: three terms a year).
 */
export const personalEducationPlanRule: Rule = {
  id: 'personal-education-plan',
  title: 'Personal education plan: by the first review, then every term',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Promoting the education of looked-after children and previously looked-after children (DfE statutory guidance, 2018); Care Planning, Placement and Case Review (England) Regulations 2010, regulation 5 (the PEP is part of the care plan); local virtual school procedures for the termly review',
    quote:
      'The PEP should be initiated as part of the care plan before the child becomes looked after or, in an emergency, within 10 working days, and be available for the first statutory review of the care plan (20 working days). It should be reviewed each school term.',
  },
  clockStart:
    'The child coming into care (or reaching the age PEPs start, if later); then the last PEP meeting',
  unit: 'working-days',
  threshold: '20 working days, then every 4 months (local setting: termly)',
  settings: [
    { key: INTERVAL, label: 'Personal education plans: reviewed at least every', default: 4, unit: 'months' },
    { key: FROM_AGE, label: 'Personal education plans: from the age of', default: 3, unit: 'years' },
  ],
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const months = context.setting(INTERVAL)
    const fromAge = context.setting(FROM_AGE)
    const rows = await queryRows<{
      period_id: number
      person_id: number
      clock_start: string
      pep_id: number | null
      held_on: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      // greatest() ignores a null: a child with no date of birth recorded is taken to be of age.
      sql`select p.id as period_id, p.person_id,
            greatest(p.start_date, (c.date_of_birth + make_interval(years => ${fromAge}::int))::date)::text
              as clock_start,
            e.id as pep_id, e.held_on::text, sw.worker_id, sw.team_id
          from period_of_care p
          ${personJoin('c', sql`p.person_id`)}
          left join lateral (
            select e.id, e.held_on from personal_education_plan e
            where e.person_id = p.person_id and e.held_on <= ${asAt}
              and ${forThisCare('p', sql`e.held_on`)}
            order by e.held_on desc, e.id desc limit 1
          ) e on true
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            and case when e.id is null
              then ${canBeDueBy(
                sql`greatest(p.start_date, (c.date_of_birth + make_interval(years => ${fromAge}::int))::date)`,
                FIRST_REVIEW_WORKING_DAYS,
                'working-days',
                context.dueBy,
              )}
              else ${canBeDueBy(sql`e.held_on`, months, 'months', context.dueBy)} end
            and ${notShortBreaks('p', asAt)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const first = r.held_on === null
      const startedOn = r.held_on ?? r.clock_start
      return {
        personId: r.person_id,
        subjectType: first ? 'period-of-care' : 'pep',
        subjectId: first ? r.period_id : r.pep_id!,
        startedOn,
        dueOn: first
          ? dueDate(startedOn, FIRST_REVIEW_WORKING_DAYS, 'working-days')
          : dueDate(startedOn, months, 'months'),
        what: first
          ? 'Personal education plan, ready for the first review'
          : 'Review the personal education plan (every term)',
        href: `/children/${r.person_id}/health-education`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
