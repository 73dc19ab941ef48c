import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { ESCALATION_STAGE_SHORT, type EscalationStage } from '../../services/looked-after/labels.ts'
import { allocatedAt, teamOf } from '../engine/owner.ts'
import { andPeople } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/**
 * A response to each stage of the IRO's dispute resolution by the date set when it was raised (10 working
 * days by default, as the reviews service sets it; the IRO may set another date). The IRO's to chase or
 * take to the next stage.
 */
export const iroEscalationResponseRule: Rule = {
  id: 'iro-escalation-response',
  title: 'Response to an IRO escalation',
  area: 'looked-after',
  kind: 'timescale',
  source: {
    kind: 'local-practice',
    citation:
      'IRO Handbook (DCSF, 2010), chapter 6 (resolving problems: the local dispute resolution process); local procedures (e.g. Nottinghamshire: a response within 10 working days at each stage)',
    quote:
      'Each local authority should have a formal process for the IRO to raise concerns and resolve disputes, with timescales for a response at each stage; the IRO may refer the case to Cafcass at any stage.',
  },
  clockStart: 'The IRO raising the issue at this stage',
  unit: 'working-days',
  threshold: 'By the response date set for the stage (10 working days unless the IRO set another)',
  effectiveFrom: '2011-04-01',
  allowsRecordedReason: true,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      stage: EscalationStage
      raised_on: string
      response_due: string
      respondent: string
      raised_by: number | null
      raised_by_team_id: number | null
      iro_worker_id: number | null
      iro_team_id: number | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select e.id, e.person_id, e.stage, e.raised_on::text, e.response_due::text, e.respondent,
            e.raised_by, ${teamOf(sql`e.raised_by`)} as raised_by_team_id,
            iro.worker_id as iro_worker_id, iro.team_id as iro_team_id, sw.worker_id, sw.team_id
          from iro_escalation e
          ${allocatedAt('iro', sql`e.person_id`, asAt, 'iro')}
          ${allocatedAt('sw', sql`e.person_id`, asAt)}
          where e.raised_on <= ${asAt} and e.response_due <= ${context.dueBy}
            and (e.responded_on is null or e.responded_on > ${asAt})
            ${andPeople(context, sql`e.person_id`)}`,
    )
    return rows.map((r): ClockItem => {
      // The IRO who raised it, else the child's IRO, else the social worker.
      const [ownerWorkerId, ownerTeamId] =
        r.raised_by_team_id !== null
          ? [r.raised_by, r.raised_by_team_id]
          : r.iro_team_id !== null
            ? [r.iro_worker_id, r.iro_team_id]
            : [r.worker_id, r.team_id]
      return {
        personId: r.person_id,
        subjectType: 'iro-escalation',
        subjectId: r.id,
        startedOn: r.raised_on,
        dueOn: r.response_due,
        what: `Response to the IRO’s escalation from ${r.respondent} (${ESCALATION_STAGE_SHORT[r.stage]})`,
        href: `/children/${r.person_id}/looked-after/escalations/${r.id}/respond`,
        ownerWorkerId,
        ownerTeamId,
      }
    })
  },
}
