import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core'

// Local authority → services → teams → workers. A worker is a member of staff; a user account (auth.ts)
// is how a worker signs in, so a worker can exist without an account (e.g. an agency worker not yet set up).

export const localAuthority = pgTable('local_authority', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  name: text().notNull(),
  /** Old three-digit DfE LA number, used in returns and UPNs. */
  dfeCode: text().notNull(),
  /** ONS nine-character code. */
  onsCode: text().notNull(),
})

export const service = pgTable('service', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  localAuthorityId: integer()
    .notNull()
    .references(() => localAuthority.id),
  name: text().notNull(),
})

export const TEAM_KINDS = [
  'front-door',
  'early-help',
  'assessment',
  'support-and-protect',
  'disabled-children',
  'children-in-care',
  'permanence-and-adoption',
  'care-leavers',
  'independent-reviewing',
  'quality-assurance',
  'performance',
  'leadership',
] as const
export type TeamKind = (typeof TEAM_KINDS)[number]

export const team = pgTable(
  'team',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    serviceId: integer()
      .notNull()
      .references(() => service.id),
    name: text().notNull(),
    kind: text().$type<TeamKind>().notNull(),
  },
  (t) => [index('team_service_idx').on(t.serviceId)],
)

export const EMPLOYMENT_TYPES = ['permanent', 'agency', 'student'] as const
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number]

export const worker = pgTable(
  'worker',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    teamId: integer()
      .notNull()
      .references(() => team.id),
    givenName: text().notNull(),
    familyName: text().notNull(),
    jobTitle: text().notNull(),
    employmentType: text().$type<EmploymentType>().notNull(),
    fte: numeric({ precision: 3, scale: 2, mode: 'number' }).notNull(),
    lineManagerId: integer(),
    /** Holds a caseload of children (social workers, personal advisers) rather than only managing or reviewing. */
    caseHolding: boolean().notNull().default(false),
    /** Newly qualified (ASYE): supervised fortnightly at first. */
    asye: boolean().notNull().default(false),
    startedOn: date().notNull(),
    leftOn: date(),
  },
  (t) => [
    index('worker_team_idx').on(t.teamId),
    index('worker_line_manager_idx').on(t.lineManagerId),
    check('worker_fte_range', sql`${t.fte} > 0 and ${t.fte} <= 1`),
    check('worker_employment_type', sql`${t.employmentType} in ('permanent', 'agency', 'student')`),
  ],
)
