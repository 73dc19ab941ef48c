import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, currentOn, oversightSince } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * A repeat child protection plan: a plan started when the child had already had one (ever, as the CIN census
 * counts NumberOfPreviousCPP). A query for the manager, shown while the plan lasts until a manager records
 * oversight on or after its start.
 */
export const repeatCpPlanRule: Rule = {
  id: 'repeat-child-protection-plan',
  title: 'Repeat child protection plan',
  area: 'child-protection',
  kind: 'query',
  source: {
    kind: 'dfe-measure',
    citation:
      'DfE key indicator "more than one child protection plan"; CIN census NumberOfPreviousCPP; Ofsted ILACS Annex A list 7 (number of previous child protection plans)',
    quote:
      'A child who becomes the subject of a child protection plan for a second or subsequent time: the number of previous plans, ever.',
  },
  clockStart: 'The new plan’s start',
  unit: 'calendar-days',
  threshold: 'Any earlier child protection plan',
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      start_date: string
      earlier: number
      last_start: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id, p.person_id, p.start_date::text, e.earlier, e.last_start::text,
            sw.manager_id as worker_id, sw.team_id
          from cp_plan p
          cross join lateral (
            select count(*)::int as earlier, max(q.start_date) as last_start from cp_plan q
            where q.person_id = p.person_id and q.id <> p.id and q.start_date < p.start_date
          ) e
          ${oversightSince('overseen', sql`p.person_id`, sql`p.start_date`, asAt)}
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where ${currentOn('p', asAt)} and e.earlier > 0 and overseen.found is null
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'cp-plan',
        subjectId: r.id,
        startedOn: r.start_date,
        dueOn: r.start_date,
        what:
          r.earlier === 1
            ? `Second child protection plan: the last began ${inWords(r.last_start)}. Record management oversight`
            : `Child protection plan number ${r.earlier + 1}: the last began ${inWords(r.last_start)}. Record management oversight`,
        href: `/children/${r.person_id}/oversight`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
