import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople, openReferral, trimmedLength } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

/** An authorised assessment on an open case that says nothing about the child's identity and culture. */
export const assessmentIdentityRule: Rule = {
  id: 'assessment-identity-not-considered',
  title: 'Assessment with no consideration of identity',
  area: 'assessment',
  kind: 'query',
  source: {
    kind: 'statutory-guidance',
    citation:
      'Working Together to Safeguard Children 2023, chapter 3 (assessments consider the child’s identity: race, culture, religion, language, disability, sex and sexuality); Children Act 1989 s22(5)(c); Ofsted ILACS (assessment quality)',
    quote:
      'Assessments should take account of the child’s identity, including their religious persuasion, racial origin and cultural and linguistic background, and any disability.',
  },
  clockStart: 'Assessment authorised',
  unit: 'calendar-days',
  threshold: 'Identity and culture left empty',
  effectiveFrom: '2012-01-01',
  allowsRecordedReason: false,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      authorised_on: string
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      sql`select a.id, a.person_id, a.authorised_on::text, sw.worker_id, sw.team_id
          from assessment a
          join referral r on r.id = a.referral_id
          ${allocatedAt('sw', sql`a.person_id`, asAt)}
          where a.authorised_on <= ${asAt} and ${openReferral('r', asAt)}
            and ${trimmedLength(sql`a.identity_and_culture`)} = 0
            ${andPeople(context, sql`a.person_id`)}`,
    )
    return rows.map(
      (r): ClockItem => ({
        personId: r.person_id,
        subjectType: 'assessment',
        subjectId: r.id,
        startedOn: r.authorised_on,
        dueOn: r.authorised_on,
        what: 'Consider the child’s identity and culture: the authorised assessment says nothing about it',
        href: `/children/${r.person_id}/assessments`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      }),
    )
  },
}
