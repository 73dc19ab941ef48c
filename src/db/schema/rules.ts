import { date, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { userAccount } from './auth.ts'
import { person } from './people.ts'

/** Local practice settings an administrator changes (e.g. CP visit interval); history in change_history. */
export const setting = pgTable('setting', {
  key: text().primaryKey(),
  value: numeric({ mode: 'number' }).notNull(),
  updatedBy: integer().references(() => userAccount.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * A reason, agreed by a manager, for going beyond a timescale that guidance lets be exceeded (e.g. an
 * assessment paced to the child's needs). The flag then shows the reason instead of disappearing.
 */
export const timescaleException = pgTable(
  'timescale_exception',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    ruleId: text().notNull(),
    subjectType: text().notNull(),
    subjectId: integer().notNull(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    reason: text().notNull(),
    recordedBy: integer().references(() => userAccount.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    agreedBy: integer().references(() => userAccount.id),
    agreedOn: date(),
  },
  (t) => [index('timescale_exception_subject_idx').on(t.ruleId, t.subjectType, t.subjectId)],
)
