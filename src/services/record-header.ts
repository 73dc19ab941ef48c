import { and, asc, eq, gte, isNull, or, sql } from 'drizzle-orm'
import { type DbOrTx, queryRows } from '../db/client.ts'
import { cpPlan, earlyHelpEpisode, person, personWarning, plan, referral } from '../db/schema/index.ts'
import { today } from './dates.ts'
import { NotFoundError } from './errors.ts'

export type JourneyStage =
  | 'early-help'
  | 'referral'
  | 'assessment'
  | 'child-in-need'
  | 'child-protection'
  | 'looked-after'
  | 'care-leaver'
  | 'closed'
  | 'no-involvement'

export const JOURNEY_LABELS: Record<JourneyStage, string> = {
  'early-help': 'Early help',
  referral: 'Referred to children’s social care',
  assessment: 'Being assessed',
  'child-in-need': 'Child in need',
  'child-protection': 'Child protection plan',
  'looked-after': 'Looked after',
  'care-leaver': 'Care leaver',
  closed: 'Case closed',
  'no-involvement': 'No current involvement',
}

/**
 * Where the child is in their journey, derived from the record — never a status typed by hand. The most
 * intensive current involvement wins.
 */
export async function journeyStage(db: DbOrTx, personId: number, asAt = today()): Promise<JourneyStage> {
  const [row] = await queryRows<{
    looked_after: boolean
    left_care: boolean
    cp: boolean
    cin: boolean
    open_referral: boolean
    assessed: boolean
    early_help: boolean
    any_referral: boolean
  }>(
    db,
    sql`
    select
      exists (select 1 from period_of_care where person_id = ${personId} and start_date <= ${asAt} and (end_date is null or end_date > ${asAt})) as looked_after,
      exists (select 1 from period_of_care where person_id = ${personId} and end_date <= ${asAt}) as left_care,
      exists (select 1 from ${cpPlan} where person_id = ${personId} and start_date <= ${asAt} and (end_date is null or end_date > ${asAt})) as cp,
      exists (select 1 from ${plan} where person_id = ${personId} and kind = 'child-in-need' and start_date <= ${asAt} and (end_date is null or end_date > ${asAt})) as cin,
      exists (select 1 from ${referral} where person_id = ${personId} and referral_date <= ${asAt} and (closure_date is null or closure_date > ${asAt})) as open_referral,
      exists (select 1 from assessment a join ${referral} r on r.id = a.referral_id where a.person_id = ${personId} and a.start_date <= ${asAt} and a.authorised_on is null and (r.closure_date is null or r.closure_date > ${asAt})) as assessed,
      exists (select 1 from ${earlyHelpEpisode} where person_id = ${personId} and started_on <= ${asAt} and (ended_on is null or ended_on > ${asAt})) as early_help,
      exists (select 1 from ${referral} where person_id = ${personId} and referral_date <= ${asAt}) as any_referral
  `,
  )
  if (!row) return 'no-involvement'
  if (row.looked_after) return 'looked-after'
  if (row.cp) return 'child-protection'
  if (row.cin) return 'child-in-need'
  if (row.assessed) return 'assessment'
  if (row.open_referral) return 'referral'
  if (row.early_help) return 'early-help'
  // Left care and no current involvement: a care leaver (the care-leaver status itself is computed on the
  // care leaver's page from age and care history).
  if (row.left_care) return 'care-leaver'
  return row.any_referral ? 'closed' : 'no-involvement'
}

/** What every page of a child's record shows at the top: who, how old, identifiers, warnings, stage. */
export async function recordHeader(db: DbOrTx, personId: number) {
  const [found] = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
      dateOfBirth: person.dateOfBirth,
      expectedDateOfBirth: person.expectedDateOfBirth,
      nhsNumber: person.nhsNumber,
      accessRestriction: person.accessRestriction,
    })
    .from(person)
    .where(eq(person.id, personId))
  if (!found) throw new NotFoundError(`No person ${personId}`)
  const now = today()
  const [warnings, stage] = await Promise.all([
    db
      .select({ kind: personWarning.kind, text: personWarning.text })
      .from(personWarning)
      .where(
        and(
          eq(personWarning.personId, personId),
          or(isNull(personWarning.endedOn), gte(personWarning.endedOn, now)),
        ),
      )
      .orderBy(asc(personWarning.startedOn)),
    journeyStage(db, personId, now),
  ])
  return { ...found, age: ageOn(found.dateOfBirth, now), warnings, stage, stageLabel: JOURNEY_LABELS[stage] }
}

export function ageOn(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number]
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0)
}
