import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { frontDoorTeam } from '../engine/owner.ts'
import { andPeople, endOfDay, londonDate } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/** A decision on every contact within one working day of its receipt. */
export const contactDecisionRule: Rule = {
  id: 'contact-decision',
  title: 'Decision on a contact',
  area: 'front-door',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation: 'Working Together to Safeguard Children 2023, chapter 3 (responding to referrals)',
    quote:
      'Within one working day of a referral being received, a local authority social worker should make a decision about the type of response that is required.',
  },
  clockStart: 'Contact received by the front door',
  unit: 'working-days',
  threshold: '1 working day',
  effectiveFrom: '2018-07-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const receivedOn = londonDate(sql`c.received_at`)
    const rows = await queryRows<{
      id: number
      person_id: number
      received_on: string
      team_id: number | null
    }>(
      db,
      sql`select c.id, c.person_id, ${receivedOn}::text as received_on, ${frontDoorTeam} as team_id
          from contact c
          where c.received_at < ${endOfDay(asAt)}
            and (c.decision_at is null or c.decision_at >= ${endOfDay(asAt)})
            ${andPeople(context, sql`c.person_id`)}`,
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
