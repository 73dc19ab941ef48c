import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'
import { userAccount } from './auth.ts'
import { worker } from './organisation.ts'
import { person } from './people.ts'

// The child's journey through help and protection, in the order practice happens. Every row that people
// edit carries `version` for optimistic concurrency; edits are kept in change_history. Dates are civil
// dates (no time zone) except decisions made within hours, which are timestamps.

export const CONTACT_DECISIONS = ['nfa', 'advice', 'early-help', 'referral', 'strategy-discussion'] as const
export type ContactDecision = (typeof CONTACT_DECISIONS)[number]

/** A contact to the front door about a child. */
export const contact = pgTable(
  'contact',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    /** DfE referral source code. */
    source: text().notNull(),
    contactName: text(),
    contactRole: text(),
    concerns: text().notNull(),
    consent: text().$type<'given' | 'refused' | 'not-sought-safeguarding' | 'not-needed'>().notNull(),
    consentNote: text(),
    decision: text().$type<ContactDecision>(),
    decisionAt: timestamp({ withTimezone: true }),
    decisionRationale: text(),
    decidedBy: integer().references(() => userAccount.id),
    /** The manager who agreed the decision. */
    agreedBy: integer().references(() => userAccount.id),
    recordedBy: integer().references(() => userAccount.id),
    version: integer().notNull().default(1),
  },
  (t) => [index('contact_person_idx').on(t.personId, t.receivedAt)],
)

/**
 * A referral to children's social care and everything that follows until the case closes: the CIN census
 * "CINdetails" episode. Whether it is a re-referral within 12 months is computed, never typed.
 */
export const referral = pgTable(
  'referral',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    contactId: integer().references(() => contact.id),
    referralDate: date().notNull(),
    /** DfE referral source code. */
    source: text().notNull(),
    /** DfE primary need code (N0–N9). */
    primaryNeed: text(),
    /** Referral led to no further action (CIN census ReferralNFA). */
    noFurtherAction: boolean().notNull().default(false),
    /** Closure: proposed with a reason and rationale, closed only when a manager signs it off. */
    closureProposedOn: date(),
    closureReason: text(),
    closureRationale: text(),
    closureProposedBy: integer().references(() => userAccount.id),
    closureDate: date(),
    closureSignedOffBy: integer().references(() => userAccount.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('referral_person_idx').on(t.personId, t.referralDate),
    index('referral_open_idx').on(t.personId).where(sql`${t.closureDate} is null`),
    check(
      'referral_closure_after_referral',
      sql`${t.closureDate} is null or ${t.closureDate} >= ${t.referralDate}`,
    ),
  ],
)

export const earlyHelpEpisode = pgTable(
  'early_help_episode',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    contactId: integer().references(() => contact.id),
    startedOn: date().notNull(),
    leadProfessional: text().notNull(),
    leadWorkerId: integer().references(() => worker.id),
    endedOn: date(),
    /** 'stepped-up' to social care, 'stepped-down' into early help from social care, 'completed'… */
    endReason: text().$type<'completed' | 'stepped-up' | 'declined' | 'moved-away' | 'other'>(),
    /** The referral this episode stepped up into, or stepped down from. */
    steppedUpTo: integer().references(() => referral.id),
    steppedDownFrom: integer().references(() => referral.id),
    version: integer().notNull().default(1),
  },
  (t) => [index('early_help_person_idx').on(t.personId)],
)

/** Single child and family assessment. */
export const assessment = pgTable(
  'assessment',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    referralId: integer()
      .notNull()
      .references(() => referral.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    startDate: date().notNull(),
    livedExperience: text(),
    identityAndCulture: text(),
    childsViews: text(),
    parentalCapacity: text(),
    historyAndRisks: text(),
    strengths: text(),
    analysis: text(),
    outcome: text().$type<
      'no-further-action' | 'early-help' | 'cin-plan' | 'strategy-discussion' | 'looked-after' | 'other'
    >(),
    nextSteps: text(),
    /** Completed by the worker; authorised by a manager (CIN census AssessmentAuthorisationDate). */
    completedOn: date(),
    authorisedOn: date(),
    authorisedBy: integer().references(() => userAccount.id),
    /** Paced to the child's needs beyond 45 working days, with the manager's agreement. */
    extensionReason: text(),
    extensionAgreedBy: integer().references(() => userAccount.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('assessment_referral_idx').on(t.referralId),
    index('assessment_person_idx').on(t.personId),
    check(
      'assessment_authorised_after_start',
      sql`${t.authorisedOn} is null or ${t.authorisedOn} >= ${t.startDate}`,
    ),
  ],
)

/** Factors identified at assessment (DfE assessment factor codes). */
export const assessmentFactor = pgTable(
  'assessment_factor',
  {
    assessmentId: integer()
      .notNull()
      .references(() => assessment.id),
    code: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
)

export const strategyDiscussion = pgTable(
  'strategy_discussion',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    referralId: integer()
      .notNull()
      .references(() => referral.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    heldOn: date().notNull(),
    /** Agencies present, e.g. ['social-care', 'police', 'health', 'education']. */
    agencies: text().array().notNull(),
    decision: text().$type<'section-47' | 'no-section-47' | 'single-agency-police'>().notNull(),
    rationale: text().notNull(),
    chairedBy: integer().references(() => userAccount.id),
    version: integer().notNull().default(1),
  },
  (t) => [index('strategy_referral_idx').on(t.referralId)],
)

/** Section 47 enquiry (CIN census Section47). */
export const section47 = pgTable(
  'section47',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    referralId: integer()
      .notNull()
      .references(() => referral.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    strategyDiscussionId: integer().references(() => strategyDiscussion.id),
    startDate: date().notNull(),
    outcome: text().$type<'icpc' | 'no-further-action' | 'cin-plan' | 'other'>(),
    outcomeDate: date(),
    /** CIN census ICPCnotRequired: concerns substantiated but no conference needed. */
    icpcNotRequired: boolean().notNull().default(false),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('section47_referral_idx').on(t.referralId),
    // Returns: a child's enquiries by date (CIN census, Annex A list 5's count in the last 12 months).
    index('section47_person_idx').on(t.personId, t.startDate),
  ],
)

/** Initial and review child protection conferences. */
export const cpConference = pgTable(
  'cp_conference',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    referralId: integer()
      .notNull()
      .references(() => referral.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<'initial' | 'review' | 'transfer-in'>().notNull(),
    section47Id: integer().references(() => section47.id),
    cpPlanId: integer(),
    heldOn: date().notNull(),
    chairWorkerId: integer().references(() => worker.id),
    /** Agencies and family members present. */
    participants: text().array().notNull(),
    childAttended: boolean().notNull().default(false),
    childsViews: text(),
    childContribution: text().$type<'attended' | 'views-shared-another-way' | 'not-sought'>().notNull(),
    childContributionNote: text(),
    decision: text().$type<'plan' | 'no-plan' | 'continue-plan' | 'end-plan'>().notNull(),
    category: text(),
    rationale: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('cp_conference_referral_idx').on(t.referralId),
    index('cp_conference_person_idx').on(t.personId, t.heldOn),
    // Returns: the ICPC of an enquiry (CIN census, Annex A list 5) and the reviews of a plan (list 7).
    index('cp_conference_section47_idx').on(t.section47Id),
    index('cp_conference_plan_idx').on(t.cpPlanId),
  ],
)

/** Child protection plan (CIN census ChildProtectionPlans). */
export const cpPlan = pgTable(
  'cp_plan',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    referralId: integer()
      .notNull()
      .references(() => referral.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    startDate: date().notNull(),
    initialCategory: text().notNull(),
    latestCategory: text().notNull(),
    endDate: date(),
    endReason: text().$type<
      'step-down-cin' | 'step-down-early-help' | 'looked-after' | 'moved-away' | 'no-longer-needed' | 'other'
    >(),
    endRationale: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('cp_plan_person_idx').on(t.personId, t.startDate),
    check('cp_plan_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

export const coreGroup = pgTable(
  'core_group',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cpPlanId: integer()
      .notNull()
      .references(() => cpPlan.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    heldOn: date().notNull(),
    attendees: text().array().notNull(),
    summary: text(),
  },
  (t) => [index('core_group_plan_idx').on(t.cpPlanId)],
)
