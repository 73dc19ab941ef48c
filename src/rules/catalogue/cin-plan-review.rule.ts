import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { dueDate } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, canBeDueBy, currentOn, probe, referralNotClosed } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const INTERVAL = 'cin-review-interval-months'

/**
 * A child in need plan is reviewed at least every N months (local setting). The first review of a plan that
 * steps down from a child protection plan has its own rule (cin-review-after-cp-step-down).
 */
export const cinPlanReviewRule: Rule = {
  id: 'cin-plan-review',
  title: 'Child in need plan review',
  area: 'child-in-need',
  kind: 'timescale',
  source: {
    kind: 'local-practice',
    citation:
      'Local child in need procedures: no national interval (Sefton 4-weekly, Guernsey 6-weekly, Lancashire about 3-monthly); Working Together to Safeguard Children 2023, chapter 3 (plans reviewed regularly)',
    quote:
      'Child in need plans should be reviewed regularly to analyse whether sufficient progress has been made to meet the child’s needs; the interval is set locally.',
  },
  clockStart: 'The plan’s start; then the last review',
  unit: 'months',
  threshold: 'Every 3 months (local setting)',
  settings: [
    { key: INTERVAL, label: 'Child in need plan reviews: at least every', default: 3, unit: 'months' },
  ],
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const months = context.setting(INTERVAL)
    const rows = await queryRows<{
      plan_id: number
      person_id: number
      start_date: string
      review_id: number | null
      review_on: string | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select p.id as plan_id, p.person_id, p.start_date::text, v.id as review_id, v.held_on::text as review_on,
            sw.worker_id, sw.team_id
          from plan p
          left join referral r on r.id = p.referral_id
          ${probe('stepdown', sql`from plan prev where prev.id = p.previous_plan_id and prev.kind = 'child-protection'`)}
          left join lateral (
            select pr.id, pr.held_on from plan_review pr
            where pr.plan_id = p.id and pr.held_on <= ${asAt}
            order by pr.held_on desc, pr.id desc limit 1
          ) v on true
          ${allocatedAt('sw', sql`p.person_id`, asAt)}
          where p.kind = 'child-in-need' and ${currentOn('p', asAt)} and ${referralNotClosed('r', asAt)}
            and not (v.id is null and stepdown.found is not null)
            and ${canBeDueBy(sql`coalesce(v.held_on, p.start_date)`, months, 'months', context.dueBy)}
            ${andPeople(context, sql`p.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      const startedOn = r.review_on ?? r.start_date
      return {
        personId: r.person_id,
        subjectType: r.review_id === null ? 'plan' : 'plan-review',
        subjectId: r.review_id ?? r.plan_id,
        startedOn,
        dueOn: dueDate(startedOn, months, 'months'),
        what:
          r.review_id === null ? 'Hold the first child in need review' : 'Hold the next child in need review',
        href: `/children/${r.person_id}/plans/${r.plan_id}`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }
    })
  },
}
