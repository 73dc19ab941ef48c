// The rows of a chunk of children, one array per table, in the order they must be inserted (parents
// before the rows that reference them), and the id counters that run on across chunks.

import type { PgTable } from 'drizzle-orm/pg-core'
import {
  adoptionCase,
  allocation,
  assessment,
  assessmentFactor,
  careLeaverContact,
  careProceedings,
  careProceedingsExtension,
  carerAssessment,
  caseNote,
  contact,
  contactArrangement,
  coreGroup,
  cpConference,
  cpPlan,
  directWork,
  earlyHelpEpisode,
  familyFindingActivity,
  fosteringPanel,
  healthRecord,
  iroContact,
  lacReview,
  legalStatus,
  missingEpisode,
  oversight,
  oversightAction,
  periodOfCare,
  permanenceOption,
  permanencePlan,
  person,
  personAddress,
  personalEducationPlan,
  personDisability,
  personWarning,
  placement,
  plan,
  planAction,
  planOutcome,
  planReview,
  planVersion,
  professionalContact,
  recordAccessGrant,
  referral,
  relationship,
  section47,
  siblingAssessment,
  significantEvent,
  specialGuardianshipOrder,
  strategyDiscussion,
  visit,
} from '../../src/db/schema/index.ts'

/** Tables in insertion order, by the name used in the seed summary. */
export const JOURNEY_TABLES = {
  person,
  person_disability: personDisability,
  person_address: personAddress,
  person_warning: personWarning,
  relationship,
  professional_contact: professionalContact,
  allocation,
  contact,
  referral,
  early_help_episode: earlyHelpEpisode,
  assessment,
  assessment_factor: assessmentFactor,
  strategy_discussion: strategyDiscussion,
  section47,
  cp_plan: cpPlan,
  cp_conference: cpConference,
  core_group: coreGroup,
  plan,
  plan_outcome: planOutcome,
  plan_action: planAction,
  plan_version: planVersion,
  plan_review: planReview,
  visit,
  case_note: caseNote,
  significant_event: significantEvent,
  oversight,
  oversight_action: oversightAction,
  // Looked after: periods of care first, the rows that name them after.
  period_of_care: periodOfCare,
  legal_status: legalStatus,
  placement,
  lac_review: lacReview,
  iro_contact: iroContact,
  health_record: healthRecord,
  personal_education_plan: personalEducationPlan,
  missing_episode: missingEpisode,
  permanence_plan: permanencePlan,
  permanence_option: permanenceOption,
  sibling_assessment: siblingAssessment,
  carer_assessment: carerAssessment,
  fostering_panel: fosteringPanel,
  special_guardianship_order: specialGuardianshipOrder,
  adoption_case: adoptionCase,
  family_finding_activity: familyFindingActivity,
  direct_work: directWork,
  contact_arrangement: contactArrangement,
  care_leaver_contact: careLeaverContact,
  care_proceedings: careProceedings,
  care_proceedings_extension: careProceedingsExtension,
  record_access_grant: recordAccessGrant,
} as const

export type JourneyTable = keyof typeof JOURNEY_TABLES
// Timestamps travel as ISO strings: bulkInsert sends JSON, so a Date would only be turned back into one.
type Loose<T> = { [K in keyof T]: Date extends NonNullable<T[K]> ? Exclude<T[K], Date> | string : T[K] }
type Row<T extends PgTable> = Loose<T['$inferInsert']>
export type JourneyRows = { [K in JourneyTable]: Row<(typeof JOURNEY_TABLES)[K]>[] }

export const TABLE_NAMES = Object.keys(JOURNEY_TABLES) as JourneyTable[]

export function emptyRows(): JourneyRows {
  const rows = {} as Record<JourneyTable, unknown[]>
  for (const name of TABLE_NAMES) rows[name] = []
  return rows as JourneyRows
}

/** Tables whose rows carry an identity id assigned here. */
export const ID_TABLES = TABLE_NAMES.filter(
  (name) =>
    name !== 'person_disability' &&
    name !== 'assessment_factor' &&
    name !== 'plan_version' &&
    name !== 'record_access_grant',
)

export type IdTable = Exclude<
  JourneyTable,
  'person_disability' | 'assessment_factor' | 'plan_version' | 'record_access_grant'
>

export class Ids {
  private readonly next = new Map<IdTable, number>()
  take(table: IdTable): number {
    const id = this.next.get(table) ?? 1
    this.next.set(table, id + 1)
    return id
  }
}
