import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { nextStatutoryVisit, statutoryVisitInterval } from '../../services/looked-after/visit-interval.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * Statutory visits to a child in care, at the intervals regulation 28 sets for the child's placement and
 * legal status (worked out by statutoryVisitInterval, as the child's looked-after page shows them).
 */
export const lookedAfterVisitsRule: Rule = {
  id: 'looked-after-statutory-visits',
  title: 'Statutory visit to a child in care',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28 (frequency of visits), paragraphs (2) to (5)',
    quote:
      'Visits within one week of the start of any placement, then at intervals of not more than six weeks in the first year; thereafter not more than three months where the placement is intended to last until the child is 18, otherwise six weeks. Weekly until the first review where the child is placed with a parent before assessment, with a connected person under temporary approval or at home under an interim care order (then not more than six or four weeks); within one week of a care order made while the child lives with a parent.',
  },
  clockStart:
    'The start of the placement (or the care order, for a child at home); then the last visit at which the child was seen',
  unit: 'weeks',
  threshold: '1 week, then every 1, 4 or 6 weeks or 3 months by placement and legal status (regulation 28)',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      person_id: number
      placement_id: number
      placement_type: string
      placement_start: string
      long_term: boolean
      code: string
      status_start: string
      first_review_on: string | null
      visit_id: number | null
      visited_on: string | null
      temporary_approval: boolean
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.person_id, pl.id as placement_id, pl.placement_type, pl.start_date::text as placement_start,
            pl.long_term, ls.code, ls.start_date::text as status_start, fr.first_review_on::text,
            v.id as visit_id, v.visited_on::text, ta.temporary_approval is not null as temporary_approval,
            sw.worker_id, sw.team_id
          from period_of_care p
          join placement pl on pl.period_of_care_id = p.id and ${currentOn('pl', asAt)}
          join legal_status ls on ls.period_of_care_id = p.id and ${currentOn('ls', asAt)}
          left join lateral (
            select v.id, v.visited_on from visit v
            where v.person_id = p.person_id and v.kind = 'statutory-looked-after' and v.child_seen
              and v.visited_on >= pl.start_date and v.visited_on <= ${asAt}
            order by v.visited_on desc, v.id desc limit 1
          ) v on true
          left join lateral (
            select min(r.held_on) as first_review_on from lac_review r
            where r.period_of_care_id = p.id and r.held_on <= ${asAt}
          ) fr on true
          -- The carer is a connected person under regulation 24 temporary approval (as the looked-after page
          -- decides it): approved by then, the assessment not yet completed, within 16 weeks or the extension.
          left join lateral (
            select true as temporary_approval from carer_assessment ca
            where ca.child_person_id = p.person_id and ca.carer_person_id = pl.carer_person_id
              and ca.kind = 'connected-person' and ca.temporary_approval_on <= ${asAt}
              and (ca.completed_on is null or ca.completed_on > ${asAt})
              and ${asAt} <= coalesce(ca.temporary_approval_extended_to, ca.temporary_approval_on + 112)
            limit 1
          ) ta on true
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)}
            -- Every interval is at least a week, so a clock that cannot fall due by dueBy stays here.
            and ${canBeDueBy(sql`coalesce(v.visited_on, pl.start_date)`, 7, 'calendar-days', context.dueBy)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const place = { placementType: r.placement_type, startDate: r.placement_start, longTerm: r.long_term }
      const status = { code: r.code, startDate: r.status_start }
      const options = {
        on: asAt,
        firstReviewOn: r.first_review_on,
        temporaryApproval: r.temporary_approval,
      }
      const rule = statutoryVisitInterval(place, status, options)
      const next = nextStatutoryVisit(place, status, r.visited_on ? [r.visited_on] : [], options)
      // A visit before the clock started (a care order made while the child was at home) does not count.
      const counted = r.visited_on !== null && r.visited_on >= rule.clockStart
      return {
        personId: r.person_id,
        subjectType: counted ? 'visit' : 'placement',
        subjectId: counted ? r.visit_id! : r.placement_id,
        startedOn: counted ? r.visited_on! : rule.clockStart,
        dueOn: next.due,
        what: `Visit the child in care: ${next.basis.charAt(0).toLowerCase()}${next.basis.slice(1)} (regulation ${rule.regulation})`,
        href: `/children/${r.person_id}/visits`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
