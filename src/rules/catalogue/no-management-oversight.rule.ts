import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate, inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, openReferral } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const INTERVAL = 'oversight-interval-months'

/**
 * Drift: an open case with no management oversight recorded within the local interval of the referral or
 * of the last oversight entry. A query for the allocated worker's manager.
 */
export const noManagementOversightRule: Rule = {
  id: 'no-management-oversight',
  title: 'No management oversight recorded',
  area: 'oversight',
  kind: 'query',
  source: {
    kind: 'inspection-finding',
    citation:
      'Ofsted ILACS: the impact of leaders on practice (management oversight "not always evident" is a frequent finding); Children’s Social Care National Framework 2023 (supervision and oversight)',
    quote:
      'Inspectors look for evidence on the child’s record of managers’ decisions, with their rationale, at key points and at regular intervals.',
  },
  clockStart: 'The referral; then the last management oversight entry',
  unit: 'months',
  threshold: 'None within 3 months (local setting)',
  settings: [
    {
      key: INTERVAL,
      label: 'Management oversight on an open case: at least every',
      default: 3,
      unit: 'months',
    },
  ],
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const months = context.setting(INTERVAL)
    const rows = await queryRows<{
      id: number
      person_id: number
      referral_date: string
      last_on: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select r.id, r.person_id, r.referral_date::text, o.last_on::text,
            sw.manager_id as worker_id, sw.team_id
          from referral r
          cross join lateral (
            select max(o.recorded_on) as last_on from oversight o
            where o.person_id = r.person_id and o.recorded_on >= r.referral_date and o.recorded_on <= ${asAt}
          ) o
          ${allocatedAt('sw', sql`r.person_id`, asAt)}
          where ${openReferral('r', asAt)}
            and (coalesce(o.last_on, r.referral_date) + make_interval(months => ${months}::int))::date < ${asAt}::date
            ${andPeople(context, sql`r.person_id`)}`,
    )
    return rows.flatMap((r): ClockItem[] => {
      const startedOn = r.last_on ?? r.referral_date
      const dueOn = dueDate(startedOn, months, 'months')
      // The query above keeps the same cases; this guards the edge in one place for readers.
      if (dueOn >= asAt) return []
      return [
        {
          personId: r.person_id,
          subjectType: 'referral',
          subjectId: r.id,
          startedOn,
          dueOn,
          what: r.last_on
            ? `Record management oversight: none since ${inWords(r.last_on)}`
            : `Record management oversight: none since the referral on ${inWords(r.referral_date)}`,
          href: `/children/${r.person_id}/oversight`,
          ownerWorkerId: r.worker_id,
          ownerTeamId: r.team_id,
        },
      ]
    })
  },
}
