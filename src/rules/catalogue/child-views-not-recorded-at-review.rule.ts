import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { openCases, probe, trimmedLength } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * Voice of the child: at the child's latest review (a plan review or a child protection conference) on the
 * open case, their views were not sought, or none were recorded. Reviews before the child was born are
 * left out.
 */
export const childViewsNotRecordedRule: Rule = {
  id: 'child-views-not-recorded-at-review',
  title: 'Child’s views not recorded at the last review',
  area: 'oversight',
  kind: 'query',
  source: {
    kind: 'inspection-finding',
    citation:
      'Ofsted ILACS: voice of the child (wishes and feelings recorded and influencing plans); Children Act 1989 s17(4A) (ascertain the child’s wishes and feelings and give them due consideration)',
    quote:
      'Before determining what services to provide, a local authority shall, so far as is reasonably practicable and consistent with the child’s welfare, ascertain the child’s wishes and feelings and give due consideration to them.',
  },
  clockStart: 'The latest review or conference',
  unit: 'calendar-days',
  threshold: 'Views not sought, or none recorded',
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      subject_type: 'plan-review' | 'cp-conference'
      id: number
      person_id: number
      plan_id: number | null
      held_on: string
      child_contribution: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`with oc as (${openCases(context, asAt)})
          select l.subject_type, l.id, oc.person_id, l.plan_id, l.held_on::text, l.child_contribution,
            sw.worker_id, sw.team_id
          from oc
          cross join lateral (
            select u.* from (
              (select 'plan-review' as subject_type, pr.id, pr.plan_id, pr.held_on, pr.child_contribution,
                  pr.childs_views
                from plan_review pr
                where pr.person_id = oc.person_id and pr.held_on >= oc.referral_date and pr.held_on <= ${asAt}
                order by pr.held_on desc, pr.id desc limit 1)
              union all
              (select 'cp-conference', c.id, null, c.held_on, c.child_contribution, c.childs_views
                from cp_conference c
                where c.person_id = oc.person_id and c.held_on >= oc.referral_date and c.held_on <= ${asAt}
                order by c.held_on desc, c.id desc limit 1)
            ) u
            order by u.held_on desc, u.subject_type limit 1
          ) l
          -- The child's views were sought and recorded at it: a probe, so the planner expects few rows to
          -- go on (it cannot tell how many a condition on the lateral row above keeps).
          ${probe('heard', sql`where l.child_contribution <> 'not-sought' and ${trimmedLength(sql`l.childs_views`)} > 0`)}
          -- Born by then (a conference before birth is not the child's own), checked once the review is found.
          cross join lateral (
            select true from person pe where pe.id = oc.person_id and pe.date_of_birth <= l.held_on limit 1
          ) born
          ${allocatedAt('sw', sql`oc.person_id`, asAt)}
          where heard.found is null`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: r.subject_type,
        subjectId: r.id,
        startedOn: r.held_on,
        dueOn: r.held_on,
        what:
          r.child_contribution === 'not-sought'
            ? `Seek the child’s views: not sought at the review on ${inWords(r.held_on)}`
            : `Record the child’s views: none recorded at the review on ${inWords(r.held_on)}`,
        href:
          r.plan_id === null
            ? `/children/${r.person_id}/child-protection`
            : `/children/${r.person_id}/plans/${r.plan_id}`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
