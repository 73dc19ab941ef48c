import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { MIN_RATIONALE_WORDS } from '../../domain/practice/substance.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, wordCount } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * A case proposed for closure without a rationale (empty, or too short to say why), while the proposal
 * awaits a manager's sign-off.
 */
export const closureWithoutRationaleRule: Rule = {
  id: 'closure-without-rationale',
  title: 'Closure proposed without a rationale',
  area: 'oversight',
  kind: 'query',
  source: {
    kind: 'inspection-finding',
    citation:
      'Ofsted ILACS: management oversight at closure (decisions with their rationale); Working Together to Safeguard Children 2023, chapter 3 (decisions to close recorded with reasons)',
    quote:
      'Decisions to close a case should be made with management oversight and recorded with a clear rationale that the child and family can understand.',
  },
  clockStart: 'Closure proposed',
  unit: 'calendar-days',
  threshold: `Rationale empty or under ${MIN_RATIONALE_WORDS} words`,
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      proposed_on: string
      proposer_worker_id: number | null
      proposer_team_id: number | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select r.id, r.person_id, r.closure_proposed_on::text as proposed_on,
            pu.worker_id as proposer_worker_id, pw.team_id as proposer_team_id, sw.worker_id, sw.team_id
          from referral r
          left join user_account pu on pu.id = r.closure_proposed_by
          left join worker pw on pw.id = pu.worker_id
          ${allocatedAt('sw', sql`r.person_id`, asAt)}
          where r.closure_proposed_on <= ${asAt} and (r.closure_date is null or r.closure_date > ${asAt})
            and ${wordCount(sql`r.closure_rationale`)} < ${MIN_RATIONALE_WORDS}
            ${andPeople(context, sql`r.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'referral',
        subjectId: r.id,
        startedOn: r.proposed_on,
        dueOn: r.proposed_on,
        what: 'Record why the case is to close before it is signed off',
        href: `/children/${r.person_id}/closure`,
        // The worker who proposed the closure writes the rationale; else the allocated worker.
        ownerWorkerId: r.proposer_worker_id ?? r.worker_id,
        ownerTeamId: r.proposer_worker_id === null ? r.team_id : r.proposer_team_id,
      }),
    )
  },
}
