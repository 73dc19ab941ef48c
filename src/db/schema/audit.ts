import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

// Two separate trails (see docs/adr/0003-audit-trails.md): the access log says who looked at, exported or
// changed which record; the change history says what each edit changed, field by field. Both are
// append-only: migration 0001 adds triggers that refuse UPDATE and DELETE.

export const ACCESS_ACTIONS = [
  'view',
  'search',
  'export',
  'create',
  'change',
  'sign-in',
  'sign-out',
  'denied',
] as const
export type AccessAction = (typeof ACCESS_ACTIONS)[number]

export const accessLog = pgTable(
  'access_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer(),
    /** Kept as text so the log still reads after an account is renamed or removed. */
    username: text(),
    action: text().$type<AccessAction>().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    /** The child whose record this touches, when there is one: the access log's main index. */
    personId: integer(),
    ip: text(),
    correlationId: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('access_log_at_idx').on(t.at),
    index('access_log_person_idx').on(t.personId, t.at),
    index('access_log_user_idx').on(t.userId, t.at),
  ],
)

export const changeHistory = pgTable(
  'change_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    personId: integer(),
    /** The entity's version after this change; groups the fields changed by one save. */
    version: integer().notNull(),
    field: text().notNull(),
    oldValue: jsonb(),
    newValue: jsonb(),
    reason: text(),
    correlationId: text(),
  },
  (t) => [
    index('change_history_entity_idx').on(t.entityType, t.entityId, t.version),
    index('change_history_person_idx').on(t.personId, t.at),
  ],
)
