import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, openReferral, probe } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/** Assessment concluded (authorised) within 45 working days of the referral. */
export const assessmentTimescaleRule: Rule = {
  id: 'assessment-45-working-days',
  title: 'Assessment within 45 working days',
  area: 'assessment',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Working Together to Safeguard Children 2023, chapter 3 (assessments under the Children Act 1989)',
    quote:
      'The maximum timeframe for the assessment to conclude, such that it is possible to reach a decision on next steps, should be no longer than 45 working days from the point of referral.',
  },
  clockStart: 'Referral to children’s social care',
  unit: 'working-days',
  threshold: '45 working days',
  effectiveFrom: '2013-04-15',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      referral_date: string
      worker_id: number | null
      team_id: number | null
      extension_reason: string | null
      extension_agreed_by: string | null
    }>(
      db,
      sql`select r.id, r.person_id, r.referral_date::text, sw.worker_id, sw.team_id,
            x.extension_reason, x.agreed_by as extension_agreed_by
          from referral r
          ${probe('done', sql`from assessment d where d.referral_id = r.id and d.authorised_on <= ${asAt}`)}
          left join lateral (
            select a.extension_reason, u.display_name as agreed_by from assessment a
            left join user_account u on u.id = a.extension_agreed_by
            where a.referral_id = r.id and a.extension_reason is not null and a.start_date <= ${asAt}
            order by a.id desc limit 1
          ) x on true
          ${allocatedAt('sw', sql`r.person_id`, asAt)}
          where ${openReferral('r', asAt)}
            and ${canBeDueBy(sql`r.referral_date`, 45, 'working-days', context.dueBy)}
            and done.found is null
            ${andPeople(context, sql`r.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'referral',
        subjectId: r.id,
        startedOn: r.referral_date,
        dueOn: dueDate(r.referral_date, 45, 'working-days'),
        what: 'Complete and authorise the assessment',
        href: `/children/${r.person_id}/assessments`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
        recordedReason: r.extension_reason
          ? { reason: r.extension_reason, agreedBy: r.extension_agreed_by, agreedOn: null }
          : null,
      }),
    )
  },
}
