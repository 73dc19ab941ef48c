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
import { person } from './people.ts'

// What is known about a person besides their name and identifiers: each a table of its own, dated where
// the fact changes over time, so history is kept rather than overwritten.

/** Other names: aliases, former names, names used by the family. */
export const personName = pgTable(
  'person_name',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<'alias' | 'former' | 'known-as'>().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    /** The last day the name was used; still searchable afterwards. */
    endedOn: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('person_name_person_idx').on(t.personId),
    index('person_name_family_idx').on(sql`lower(${t.familyName})`),
  ],
)

/** DfE disability codes (CIN census Disabilities). */
export const personDisability = pgTable(
  'person_disability',
  {
    personId: integer()
      .notNull()
      .references(() => person.id),
    code: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.code] })],
)

export const personAddress = pgTable(
  'person_address',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    line1: text().notNull(),
    line2: text(),
    town: text().notNull(),
    postcode: text().notNull(),
    startedOn: date().notNull(),
    endedOn: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('person_address_person_idx').on(t.personId),
    check('person_address_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
)

/** Shown on every page of the record: risk to staff, allergies, legal restrictions. */
export const personWarning = pgTable(
  'person_warning',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    kind: text().$type<'risk-to-staff' | 'health' | 'legal' | 'communication' | 'other'>().notNull(),
    text: text().notNull(),
    startedOn: date().notNull(),
    endedOn: date(),
    recordedBy: integer().references(() => userAccount.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('person_warning_person_idx').on(t.personId),
    check('person_warning_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
)

export const RELATIONSHIP_TYPES = [
  'parent',
  'child',
  'sibling',
  'half-sibling',
  'step-parent',
  'step-child',
  'grandparent',
  'grandchild',
  'aunt-or-uncle',
  'niece-or-nephew',
  'partner',
  'household-member',
  'friend',
  'carer',
  /** The inverse of carer: someone the person cares for. */
  'cared-for',
] as const
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number]

/** A relationship from one person to another ("A is B's parent"); stored once, read both ways. */
export const relationship = pgTable(
  'relationship',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    relatedPersonId: integer()
      .notNull()
      .references(() => person.id),
    /** What relatedPerson is to person. */
    type: text().$type<RelationshipType>().notNull(),
    /** Lives in the same household as the person, over these dates. */
    sameHousehold: boolean().notNull().default(false),
    parentalResponsibility: boolean().notNull().default(false),
    startedOn: date(),
    endedOn: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('relationship_person_idx').on(t.personId),
    index('relationship_related_idx').on(t.relatedPersonId),
    check('relationship_not_self', sql`${t.personId} <> ${t.relatedPersonId}`),
    check(
      'relationship_dates',
      sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`,
    ),
  ],
)

export const AGENCY_TYPES = [
  'school',
  'early-years',
  'gp',
  'health-visitor',
  'school-nurse',
  'midwife',
  'hospital',
  'camhs',
  'police',
  'youth-justice',
  'probation',
  'housing',
  'adult-social-care',
  'substance-misuse',
  'domestic-abuse-service',
  'voluntary-sector',
  'other',
] as const
export type AgencyType = (typeof AGENCY_TYPES)[number]

/** The professionals around the child, and how engaged each agency is. */
export const professionalContact = pgTable(
  'professional_contact',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    agency: text().$type<AgencyType>().notNull(),
    organisation: text().notNull(),
    name: text(),
    role: text(),
    phone: text(),
    email: text(),
    engagement: text()
      .$type<'engaged' | 'partly-engaged' | 'not-engaged' | 'not-known'>()
      .notNull()
      .default('not-known'),
    startedOn: date().notNull(),
    endedOn: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('professional_contact_person_idx').on(t.personId),
    check('professional_contact_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
)
