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
import { team, worker } from './organisation.ts'

export const ACCESS_RESTRICTIONS = ['none', 'restricted', 'sealed'] as const
export type AccessRestriction = (typeof ACCESS_RESTRICTIONS)[number]

/** A person known to the service: a child, or a parent, carer or other family member. */
export const person = pgTable(
  'person',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    dateOfBirth: date(),
    /** For an unborn child. */
    expectedDateOfBirth: date(),
    /** CIN census / 903 sex code from 2024-25: M, F, U. */
    sex: text(),
    /** What the person likes to be called. */
    preferredName: text(),
    /** How the person describes their gender, in their words, where it differs from sex. */
    genderIdentity: text(),
    /** DfE ethnicity code (CIN census / SSDA903). */
    ethnicity: text(),
    religion: text(),
    firstLanguage: text(),
    interpreterNeeded: boolean().notNull().default(false),
    immigrationStatus: text(),
    /** Unaccompanied asylum-seeking child. */
    uasc: boolean().notNull().default(false),
    /** 903 DUC: the date the child stopped being an unaccompanied asylum-seeking child. */
    uascCeasedOn: date(),
    /** 903 PrevPerm: permanence before this period of care (P1–P4, Z1), where and when. */
    previousPermanence: text(),
    previousPermanenceLa: text(),
    previousPermanenceOn: date(),
    nhsNumber: text(),
    upn: text(),
    formerUpn: text(),
    /** Why there is no UPN (UN1–UN7), when there is none. */
    upnUnknown: text(),
    educationSetting: text(),
    gpPractice: text(),
    dateOfDeath: date(),
    /** 'restricted': only named users may see it; 'sealed': adoption — only authorised adoption staff. */
    accessRestriction: text().$type<AccessRestriction>().notNull().default('none'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency: every update bumps it; a save based on an older version is refused. */
    version: integer().notNull().default(1),
  },
  (t) => [
    index('person_family_name_idx').on(sql`lower(${t.familyName})`),
    index('person_dob_idx').on(t.dateOfBirth),
    // Search by date of birth reads the expected date too (an unborn child has only that).
    index('person_expected_dob_idx')
      .on(t.expectedDateOfBirth)
      .where(sql`${t.expectedDateOfBirth} is not null`),
    index('person_nhs_idx').on(t.nhsNumber),
    index('person_upn_idx').on(t.upn),
    check('person_access_restriction', sql`${t.accessRestriction} in ('none', 'restricted', 'sealed')`),
  ],
)

export const ALLOCATION_KINDS = [
  'social-worker',
  'lead-professional',
  'iro',
  'cp-chair',
  'personal-adviser',
  'family-finder',
] as const
export type AllocationKind = (typeof ALLOCATION_KINDS)[number]

/** Who is working with a child, over time. Relationships here decide who may see the record. */
export const allocation = pgTable(
  'allocation',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    teamId: integer()
      .notNull()
      .references(() => team.id),
    workerId: integer().references(() => worker.id),
    kind: text().$type<AllocationKind>().notNull(),
    startedOn: date().notNull(),
    endedOn: date(),
  },
  (t) => [
    index('allocation_person_idx').on(t.personId),
    index('allocation_worker_idx').on(t.workerId).where(sql`${t.endedOn} is null`),
    index('allocation_team_idx').on(t.teamId).where(sql`${t.endedOn} is null`),
    check('allocation_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
)

/** Named users allowed into a restricted or sealed record. */
export const recordAccessGrant = pgTable(
  'record_access_grant',
  {
    personId: integer()
      .notNull()
      .references(() => person.id),
    userId: integer()
      .notNull()
      .references(() => userAccount.id),
    grantedBy: integer().references(() => userAccount.id),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reason: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.userId] }),
    // The records a user holds grants to (personIdsInReach, for an ordinary worker's search).
    index('record_access_grant_user_idx').on(t.userId),
  ],
)
