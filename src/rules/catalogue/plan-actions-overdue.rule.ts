import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, closedReferral, currentOn } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * Drift: actions in a current plan still open after their date. One query per plan and owner: a named
 * worker's actions are theirs; actions for a parent or agency are the allocated worker's to chase. An action
 * counts as done from its completion date, so evaluating as at an earlier date shows it as it then stood.
 */
export const planActionsOverdueRule: Rule = {
  id: 'plan-actions-overdue',
  title: 'Plan actions past their date',
  area: 'oversight',
  kind: 'query',
  source: {
    kind: 'inspection-finding',
    citation:
      'Ofsted ILACS: quality of plans (specific, measurable, time-bound actions with owners); drift and delay (age of open actions)',
    quote:
      'Plans should set out who will do what by when; inspectors look for actions that are not progressed within the timescales the plan set.',
  },
  clockStart: 'The earliest open action’s due date',
  unit: 'calendar-days',
  threshold: 'Open after its due date',
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      action_worker_id: number | null
      actions: number
      first_due: string
      first_id: number
      first_description: string
      first_owner: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select x.*, coalesce(x.action_worker_id, sw.worker_id) as worker_id,
            case when x.action_worker_id is null then sw.team_id
              else (select w.team_id from worker w where w.id = x.action_worker_id) end as team_id
          from (
            select p.id as plan_id, p.person_id, p.referral_id, pa.owner_worker_id as action_worker_id,
              count(*)::int as actions,
              min(pa.due_date)::text as first_due,
              (array_agg(pa.id order by pa.due_date, pa.id))[1] as first_id,
              (array_agg(pa.description order by pa.due_date, pa.id))[1] as first_description,
              (array_agg(pa.owner_description order by pa.due_date, pa.id))[1] as first_owner
            from plan_action pa
            join plan p on p.id = pa.plan_id
            where pa.due_date < ${asAt}
              and (pa.status = 'open' or pa.completed_on > ${asAt})
              and ${currentOn('p', asAt)}
              ${andPeople(context, sql`p.person_id`)}
            group by p.id, p.person_id, p.referral_id, pa.owner_worker_id
          ) x
          -- The plan's case still open: checked once per plan and worker, after the actions are grouped.
          ${closedReferral('closed', sql`x.referral_id`, asAt)}
          ${allocatedAt('sw', sql`x.person_id`, asAt)}
          where closed.found is null`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        // One item per plan and named worker; its first action's id keeps the subject unique.
        subjectType: 'plan-action',
        subjectId: r.first_id,
        startedOn: r.first_due,
        dueOn: r.first_due,
        what:
          r.actions === 1
            ? `Plan action past its date (${r.first_owner}): ${shorten(r.first_description)}`
            : `${r.actions} plan actions past their date, the first due ${inWords(r.first_due)}`,
        href: `/children/${r.person_id}/plans/${r.plan_id}`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= 80 ? line : `${line.slice(0, 79)}…`
}
