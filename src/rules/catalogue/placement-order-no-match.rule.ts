import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const THRESHOLD_DAYS = 121

/**
 * A child with a placement order who has not been matched with adopters within the DfE's threshold of 121
 * days (adoption scorecard A2: court authority to place to the match decision).
 */
export const placementOrderNoMatchRule: Rule = {
  id: 'placement-order-no-match',
  title: 'Placement order with no match within 121 days',
  area: 'permanence',
  kind: 'timescale',
  source: {
    kind: 'dfe-measure',
    citation:
      'DfE adoption scorecards, indicator A2: average time between the local authority receiving court authority to place a child and deciding on a match to an adoptive family; threshold 121 days (4 months) for 2013 to 2016, the last threshold set',
    quote:
      'A2: the average number of days between a local authority receiving court authority to place a child and the local authority deciding on a match to an adoptive family, against a threshold of 121 days.',
  },
  clockStart: 'The placement order (court authority to place for adoption)',
  unit: 'calendar-days',
  threshold: '121 days',
  effectiveFrom: '2013-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      placement_order_on: string
      finder_worker_id: number | null
      finder_team_id: number | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      // The clock stops at the match; a placement, an adoption order or the plan for adoption ending also
      // stop it (a placement without a recorded match is still a match).
      sql`select a.id, a.person_id, a.placement_order_on::text,
            ff.worker_id as finder_worker_id, ff.team_id as finder_team_id, sw.worker_id, sw.team_id
          from adoption_case a
          ${allocatedAt('ff', sql`a.person_id`, asAt, 'family-finder')}
          ${allocatedAt('sw', sql`a.person_id`, asAt)}
          where a.placement_order_on <= ${asAt}
            and ${canBeDueBy(sql`a.placement_order_on`, THRESHOLD_DAYS, 'calendar-days', context.dueBy)}
            and (a.matched_on is null or a.matched_on > ${asAt})
            and (a.placed_on is null or a.placed_on > ${asAt})
            and (a.adoption_order_on is null or a.adoption_order_on > ${asAt})
            and (a.decision_ceased_on is null or a.decision_ceased_on > ${asAt})
            ${andPeople(context, sql`a.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      // The family finder's work when one is allocated, else the social worker's.
      const [ownerWorkerId, ownerTeamId] =
        r.finder_team_id !== null ? [r.finder_worker_id, r.finder_team_id] : [r.worker_id, r.team_id]
      return {
        personId: r.person_id,
        subjectType: 'adoption-case',
        subjectId: r.id,
        startedOn: r.placement_order_on,
        dueOn: dueDate(r.placement_order_on, THRESHOLD_DAYS, 'calendar-days'),
        what: 'Match the child with adopters (121 days from the placement order)',
        href: `/children/${r.person_id}/adoption`,
        ownerWorkerId,
        ownerTeamId,
      }
    })
  },
}
