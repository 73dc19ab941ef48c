import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { allocatedAt } from '../engine/owner.ts'
import { openCases, personJoin, probe } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const VISITS = 'not-seen-alone-visit-count'
const MINIMUM_AGE = 'not-seen-alone-minimum-age-years'

/**
 * Voice of the child: on an open case, the child was not seen alone at any of the last N visits. Babies and
 * toddlers under the local minimum age are observed rather than seen alone, so they are left out.
 */
export const childNotSeenAloneRule: Rule = {
  id: 'child-not-seen-alone',
  title: 'Child not seen alone at recent visits',
  area: 'oversight',
  kind: 'query',
  source: {
    kind: 'inspection-finding',
    citation:
      'Ofsted ILACS: voice of the child (child seen, alone where appropriate; Annex A list 7 "seen alone?"); Working Together to Safeguard Children 2023, chapter 3 (children seen alone where appropriate)',
    quote:
      'Children should be seen and, where appropriate, seen alone, so that their wishes and feelings are heard directly and inform the plan.',
  },
  clockStart: 'The earliest of the last N visits on the open case',
  unit: 'calendar-days',
  threshold: 'Not seen alone at any of the last 3 visits (local setting)',
  settings: [
    { key: VISITS, label: 'Query a child not seen alone at the last', default: 3, unit: 'count' },
    { key: MINIMUM_AGE, label: 'Children seen alone from the age of', default: 3, unit: 'years' },
  ],
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const visits = Math.max(1, Math.round(context.setting(VISITS)))
    const minimumAge = Math.max(0, Math.round(context.setting(MINIMUM_AGE)))
    const rows = await queryRows<{
      person_id: number
      latest_id: number
      first_on: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      // The N-th latest visit on the case (so there were at least N), then none seen alone from it on: the
      // last N visits, each step one probe of the visit index.
      sql`with oc as (${openCases(context, asAt)})
          select oc.person_id, latest.id as latest_id, nth.visited_on::text as first_on, sw.worker_id, sw.team_id
          from oc
          cross join lateral (
            select vv.id, vv.visited_on from visit vv
            where vv.person_id = oc.person_id and vv.visited_on >= oc.referral_date and vv.visited_on <= ${asAt}
            order by vv.visited_on desc, vv.id desc offset ${visits - 1} limit 1
          ) nth
          ${probe(
            'alone',
            sql`from visit va where va.person_id = oc.person_id and va.child_seen_alone
              and (va.visited_on, va.id) >= (nth.visited_on, nth.id) and va.visited_on <= ${asAt}`,
          )}
          cross join lateral (
            select vl.id from visit vl
            where vl.person_id = oc.person_id and vl.visited_on <= ${asAt}
            order by vl.visited_on desc, vl.id desc limit 1
          ) latest
          ${personJoin('pe', sql`oc.person_id`)}
          ${allocatedAt('sw', sql`oc.person_id`, asAt)}
          where alone.found is null
            and pe.date_of_birth <= (${asAt}::date - make_interval(years => ${minimumAge}::int))::date`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'visit',
        subjectId: r.latest_id,
        startedOn: r.first_on,
        dueOn: r.first_on,
        what: `See the child alone: not seen alone at the last ${visits} visits`,
        href: `/children/${r.person_id}/visits`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
