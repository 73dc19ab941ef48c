import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, currentOn, endOfDay, londonDate, oversightSince } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * A child on a child protection plan came back from being missing and no return interview has been held
 * (not offered, declined, or not done). A query for the social worker and their manager while the plan
 * lasts, until the interview is held or a manager records oversight after the child came back.
 */
export const cpMissingNoReturnInterviewRule: Rule = {
  id: 'cp-missing-no-return-interview',
  title: 'Child on a child protection plan missing, with no return interview',
  area: 'child-protection',
  kind: 'query',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Children who run away or go missing from home or care (DfE, 2014), return interviews; Working Together to Safeguard Children 2023, chapter 3 (the plan responds to new risks); Ofsted ILACS (children who go missing and the help they get on return)',
    quote:
      'Going missing may be a sign that a child on a child protection plan is at increased risk of harm. The return interview is an opportunity to uncover what happened while they were missing and to inform the plan; where it does not happen, the reason and the next step should be considered.',
  },
  clockStart: 'The child coming back from being missing during the plan',
  unit: 'calendar-days',
  threshold: 'Any return from missing with no return interview held',
  effectiveFrom: '2014-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const returnedOn = londonDate(sql`e.ended_at`)
    const rows = await queryRows<{
      id: number
      person_id: number
      returned_on: string
      offered: boolean
      accepted: boolean | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select e.id, e.person_id, ${returnedOn}::text as returned_on,
            e.return_interview_offered_at < ${endOfDay(asAt)} as offered,
            e.return_interview_accepted as accepted, sw.worker_id, sw.team_id
          from missing_episode e
          -- On a child protection plan by the time they came back (and still on it).
          cross join lateral (
            select true from cp_plan p where p.person_id = e.person_id and ${currentOn('p', asAt)}
              and p.start_date <= ${returnedOn} limit 1
          ) cp
          ${oversightSince('overseen', sql`e.person_id`, returnedOn, asAt)}
          ${allocatedAt('sw', sql`e.person_id`, asAt)}
          where e.ended_at < ${endOfDay(asAt)}
            and (e.return_interview_held_at is null or e.return_interview_held_at >= ${endOfDay(asAt)})
            and overseen.found is null
            ${andPeople(context, sql`e.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const why = !r.offered
        ? 'none offered'
        : r.accepted === false
          ? 'the child declined it'
          : 'offered but not yet held'
      return {
        personId: r.person_id,
        subjectType: 'missing-episode',
        subjectId: r.id,
        startedOn: r.returned_on,
        dueOn: r.returned_on,
        what: `On a child protection plan and back from missing on ${inWords(r.returned_on)} with no return interview (${why}): talk with the child, or record a manager’s decision`,
        href: `/children/${r.person_id}/missing`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
