import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/** A decision on every contact within one working day of its receipt. */
export const contactDecisionRule: Rule = {
  id: 'contact-decision',
  title: 'Decision on a contact',
  area: 'front-door',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation: 'Working Together to Safeguard Children 2023, chapter 4',
    quote:
      'Within one working day of a referral being received, a local authority social worker should make a decision about the type of response that is required.',
  },
  clockStart: 'Contact received by the front door',
  unit: 'working-days',
  threshold: '1 working day',
  effectiveFrom: '2018-07-01',
  allowsRecordedReason: false,
  async evaluate({ db, asAt, personFilter }) {
    const rows = await queryRows<{
      id: number
      person_id: number
      received_on: string
      team_id: number | null
    }>(
      db,
      sql`select c.id, c.person_id, (c.received_at at time zone 'Europe/London')::date::text as received_on,
            (select t.id from team t where t.kind = 'front-door' order by t.id limit 1) as team_id
          from contact c
          where (c.received_at at time zone 'Europe/London')::date <= ${asAt}
            and (c.decision_at is null or (c.decision_at at time zone 'Europe/London')::date > ${asAt})
            ${personFilter ? sql`and ${personFilter(sql`c.person_id`)}` : sql``}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'contact',
        subjectId: r.id,
        startedOn: r.received_on,
        dueOn: dueDate(r.received_on, 1, 'working-days'),
        what: 'Decide what happens next on the contact',
        href: `/children/${r.person_id}/contacts/${r.id}/decision`,
        ownerWorkerId: null,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
