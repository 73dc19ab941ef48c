import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { worker } from './organisation.ts'

// A user account is separate from the way it proves who it is (identity), so single sign-on through
// OpenID Connect (e.g. Microsoft Entra ID) is a new identity row with provider 'oidc:<issuer>' — no rework.

export const userAccount = pgTable(
  'user_account',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    workerId: integer().references(() => worker.id),
    /** Sign-in name for local accounts; the e-mail address for SSO accounts. */
    username: text().notNull(),
    displayName: text().notNull(),
    email: text().notNull(),
    disabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_account_username_idx').on(sql`lower(${t.username})`)],
)

export const userRole = pgTable(
  'user_role',
  {
    userId: integer()
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
)

export const userIdentity = pgTable(
  'user_identity',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    /** 'local' for a password; 'oidc:<issuer>' for single sign-on. */
    provider: text().notNull(),
    /** The username for 'local'; the OIDC `sub` claim otherwise. */
    subject: text().notNull(),
    /** argon2id hash; only for provider 'local'. */
    passwordHash: text(),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('user_identity_provider_subject_idx').on(t.provider, t.subject)],
)

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie value, so a leaked table cannot be replayed as cookies. */
    idHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, however active the user is. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
)

/** A half-written form kept when a session times out, restored after signing in again. */
export const formDraft = pgTable(
  'form_draft',
  {
    userId: integer()
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    path: text().notNull(),
    fields: jsonb().$type<Record<string, unknown>>().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.path] })],
)
