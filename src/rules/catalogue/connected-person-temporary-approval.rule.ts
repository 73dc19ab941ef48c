import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, currentOn, noneOf } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const WEEKS = 16

/**
 * A child in care living with a connected person under regulation 24 temporary approval: the approval lasts
 * 16 weeks (one extension of up to 8 weeks, regulation 25), so the fostering decision is due before it ends.
 * Stops at the agency decision on the carer's approval, or when the child no longer lives with them.
 */
export const connectedPersonApprovalRule: Rule = {
  id: 'connected-person-temporary-approval',
  title: 'Connected person temporary approval ends (16 weeks, or the extension)',
  area: 'permanence',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulations 24 and 25 (temporary approval of a connected person, and its one extension)',
    quote:
      'Temporary approval of a relative, friend or other connected person as a foster parent may last no longer than 16 weeks; where the assessment is not complete, the nominated officer may extend it once, by up to a further 8 weeks, after consulting the fostering panel.',
  },
  clockStart: 'Temporary approval of the connected person as the child’s carer',
  unit: 'weeks',
  threshold: '16 weeks, or the end of the one extension (up to 8 weeks more)',
  effectiveFrom: '2013-07-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      approved_on: string
      extended_to: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select ca.id, ca.child_person_id as person_id, ca.temporary_approval_on::text as approved_on,
            ca.temporary_approval_extended_to::text as extended_to, sw.worker_id, sw.team_id
          from carer_assessment ca
          ${allocatedAt('sw', sql`ca.child_person_id`, asAt)}
          where ca.kind = 'connected-person' and ca.temporary_approval_on <= ${asAt}
            and coalesce(ca.temporary_approval_extended_to, ca.temporary_approval_on + ${WEEKS * 7}::int)
              <= ${context.dueBy}::date
            -- The child is in care and placed with this carer now (a family and friends foster placement
            -- with no carer named counts as theirs).
            and (select true from period_of_care p join placement pl on pl.period_of_care_id = p.id
              where p.person_id = ca.child_person_id and ${currentOn('p', asAt)} and ${currentOn('pl', asAt)}
                and (pl.carer_person_id = ca.carer_person_id
                  or (pl.carer_person_id is null and pl.placement_type in ('U1', 'U2', 'U3')))
              limit 1)
            -- No agency decision on the carer's approval since the temporary approval.
            and ${noneOf(sql`from fostering_panel fp where fp.carer_person_id = ca.carer_person_id
              and fp.decision in ('approved', 'not-approved')
              and fp.decision_on >= ca.temporary_approval_on and fp.decision_on <= ${asAt}`)}
            ${andPeople(context, sql`ca.child_person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'carer-assessment',
        subjectId: r.id,
        startedOn: r.approved_on,
        dueOn: r.extended_to ?? dueDate(r.approved_on, WEEKS, 'weeks'),
        what: r.extended_to
          ? 'Extended temporary approval of the connected person ends: fostering decision needed'
          : 'Temporary approval of the connected person ends after 16 weeks: fostering decision or extension needed',
        href: `/children/${r.person_id}/permanence`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
