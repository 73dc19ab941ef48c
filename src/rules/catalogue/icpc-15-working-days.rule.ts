import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, noneOf } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * The initial child protection conference within 15 working days of the strategy discussion at which the
 * section 47 enquiry was initiated, when the enquiry concludes that a conference is needed.
 */
export const icpcRule: Rule = {
  id: 'icpc-15-working-days',
  title: 'Initial child protection conference within 15 working days',
  area: 'child-protection',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation: 'Working Together to Safeguard Children 2023, chapter 3 (initial child protection conferences)',
    quote:
      'The initial child protection conference should take place within 15 working days of the strategy discussion, or the strategy discussion at which section 47 enquiries were initiated if more than one has been held.',
  },
  clockStart:
    'The strategy discussion at which the section 47 enquiry was initiated (the enquiry’s start if none is recorded)',
  unit: 'working-days',
  threshold: '15 working days',
  effectiveFrom: '2013-04-15',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      started_on: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select s.id, s.person_id, coalesce(d.held_on, s.start_date)::text as started_on,
            sw.worker_id, sw.team_id
          from section47 s
          join referral r on r.id = s.referral_id
          left join lateral (
            select sd.held_on from strategy_discussion sd
            where sd.id = s.strategy_discussion_id
              or (s.strategy_discussion_id is null and sd.referral_id = s.referral_id
                  and sd.decision = 'section-47' and sd.held_on <= s.start_date)
            order by (sd.id = s.strategy_discussion_id) desc, sd.held_on desc limit 1
          ) d on true
          ${allocatedAt('sw', sql`s.person_id`, asAt)}
          where s.outcome = 'icpc' and not s.icpc_not_required
            and s.start_date <= ${asAt} and (s.outcome_date is null or s.outcome_date <= ${asAt})
            and (r.closure_date is null or r.closure_date > ${asAt})
            and ${canBeDueBy(sql`coalesce(d.held_on, s.start_date)`, 15, 'working-days', context.dueBy)}
            and ${noneOf(sql`from cp_conference c
              where c.person_id = s.person_id and c.kind = 'initial' and c.held_on <= ${asAt}
                and (c.section47_id = s.id
                  or (c.section47_id is null and c.referral_id = s.referral_id
                      and c.held_on >= coalesce(d.held_on, s.start_date)))`)}
            ${andPeople(context, sql`s.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'section47',
        subjectId: r.id,
        startedOn: r.started_on,
        dueOn: dueDate(r.started_on, 15, 'working-days'),
        what: 'Hold the initial child protection conference',
        href: `/children/${r.person_id}/child-protection`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
