import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { RETURN_INTERVIEW_HOURS } from '../../services/looked-after/missing.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt, frontDoorTeam } from '../engine/owner.ts'
import { andPeople, canBeDueBy, endOfDay, londonDate } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * A return home interview offered within 72 hours of a child coming back from being missing, whether from
 * home or from care (any child, open case or not).
 */
export const returnInterviewRule: Rule = {
  id: 'return-interview-72-hours',
  title: 'Return home interview offered within 72 hours',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Children who run away or go missing from home or care: statutory guidance for local authorities (DfE, January 2014), return interviews',
    quote:
      'When a child is found, they must be offered an independent return interview. Return interviews should be carried out within 72 hours of the child returning to their home or care setting.',
  },
  clockStart: 'The child coming back from being missing',
  unit: 'hours',
  threshold: '72 hours',
  effectiveFrom: '2014-01-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const returnedOn = londonDate(sql`e.ended_at`)
    const rows = await queryRows<{
      id: number
      person_id: number
      returned_on: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      // Offered by the end of asAt (an interview held was offered, whatever was recorded): the clock stops.
      sql`select e.id, e.person_id, ${returnedOn}::text as returned_on,
            sw.worker_id, coalesce(sw.team_id, ${frontDoorTeam}) as team_id
          from missing_episode e
          ${allocatedAt('sw', sql`e.person_id`, asAt)}
          where e.ended_at < ${endOfDay(asAt)}
            and ${canBeDueBy(returnedOn, RETURN_INTERVIEW_HOURS, 'hours', context.dueBy)}
            and (coalesce(e.return_interview_offered_at, e.return_interview_held_at) is null
              or coalesce(e.return_interview_offered_at, e.return_interview_held_at) >= ${endOfDay(asAt)})
            ${andPeople(context, sql`e.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'missing-episode',
        subjectId: r.id,
        startedOn: r.returned_on,
        dueOn: dueDate(r.returned_on, RETURN_INTERVIEW_HOURS, 'hours'),
        what: 'Offer a return home interview (within 72 hours of the child coming back)',
        href: `/children/${r.person_id}/missing/${r.id}/edit`,
        // The allocated social worker; a child with none is the front door's to arrange.
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
