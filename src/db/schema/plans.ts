import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { userAccount } from './auth.ts'
import { earlyHelpEpisode, referral } from './case-record.ts'
import { worker } from './organisation.ts'
import { person } from './people.ts'

// Plans are recorded once and updated in place. Each save bumps `version` and writes a plan_version row
// holding the whole plan as it then stood (with its outcomes and actions), so the plan can be shown as it
// stood on any date; the current state stays relational for worklists, returns and rules.

export const PLAN_KINDS = ['early-help', 'child-in-need', 'child-protection', 'care', 'pathway'] as const
export type PlanKind = (typeof PLAN_KINDS)[number]

export const plan = pgTable(
  'plan',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<PlanKind>().notNull(),
    referralId: integer().references(() => referral.id),
    earlyHelpEpisodeId: integer().references(() => earlyHelpEpisode.id),
    /** The CP plan (cp_plan.id) this plan belongs to, for child-protection plans. */
    cpPlanId: integer(),
    startDate: date().notNull(),
    endDate: date(),
    /** What happens if progress is not made or not sustained. */
    contingency: text(),
    /** What the plan does when the child or family do not engage. */
    nonEngagementStrategy: text(),
    /** The plan this one continues (a CIN plan after a CP plan is stepped down). */
    previousPlanId: integer(),
    nextReviewDue: date(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => userAccount.id),
  },
  (t) => [
    index('plan_person_idx').on(t.personId, t.startDate),
    check('plan_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

/** What the plan is for: an outcome for the child, in plain words. */
export const planOutcome = pgTable(
  'plan_outcome',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plan.id),
    position: integer().notNull(),
    description: text().notNull(),
  },
  (t) => [index('plan_outcome_plan_idx').on(t.planId)],
)

export const ACTION_STATUSES = ['open', 'done', 'not-done', 'carried-over', 'handed-on'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

/** Who does what, by when, and how progress is measured. */
export const planAction = pgTable(
  'plan_action',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plan.id),
    outcomeId: integer().references(() => planOutcome.id),
    description: text().notNull(),
    /** Who: a named worker, or a person or agency in words ("Mother", "School – DSL"). */
    ownerWorkerId: integer().references(() => worker.id),
    ownerDescription: text().notNull(),
    dueDate: date().notNull(),
    measure: text().notNull(),
    status: text().$type<ActionStatus>().notNull().default('open'),
    completedOn: date(),
    /** The action of an earlier plan this continues (carried over at step-down). */
    carriedFromActionId: integer(),
  },
  (t) => [
    index('plan_action_plan_idx').on(t.planId),
    index('plan_action_open_idx').on(t.dueDate).where(sql`${t.status} = 'open'`),
  ],
)

/** Each saved version of a plan, whole, with what changed and why. */
export const planVersion = pgTable(
  'plan_version',
  {
    planId: integer()
      .notNull()
      .references(() => plan.id),
    version: integer().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    savedBy: integer().references(() => userAccount.id),
    reason: text().notNull(),
    snapshot: jsonb().notNull(),
  },
  (t) => [index('plan_version_idx').on(t.planId, t.version)],
)

/** A review of a plan (CIN review, core group review, early help review). */
export const planReview = pgTable(
  'plan_review',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => plan.id),
    personId: integer()
      .notNull()
      .references(() => person.id),
    heldOn: date().notNull(),
    /** Agencies present. */
    attendance: text().array().notNull(),
    childContribution: text().$type<'attended' | 'views-shared-another-way' | 'not-sought'>().notNull(),
    childContributionNote: text(),
    childsViews: text(),
    decisions: text().notNull(),
    /** Progress on each action: [{ actionId, progress: 'on-track' | 'some' | 'none' | 'done', note }]. */
    actionProgress: jsonb().$type<{ actionId: number; progress: string; note?: string }[]>().notNull(),
    recordedBy: integer().references(() => userAccount.id),
  },
  (t) => [
    index('plan_review_plan_idx').on(t.planId, t.heldOn),
    index('plan_review_person_idx').on(t.personId),
  ],
)
