import { sql } from 'drizzle-orm'
import { boolean, customType, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { userAccount } from './auth.ts'
import { worker } from './organisation.ts'
import { person } from './people.ts'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

export const visit = pgTable(
  'visit',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    visitedOn: date().notNull(),
    visitedBy: integer().references(() => worker.id),
    kind: text()
      .$type<'cin' | 'cp' | 'statutory-looked-after' | 'assessment' | 'early-help' | 'other'>()
      .notNull(),
    childSeen: boolean().notNull(),
    childSeenAlone: boolean().notNull(),
    bedroomSeen: boolean().notNull().default(false),
    wishesAndFeelings: text(),
    directWorkTool: text(),
    observations: text(),
    analysis: text(),
    recordedBy: integer().references(() => userAccount.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_person_idx').on(t.personId, t.visitedOn)],
)

export const CASE_NOTE_TYPES = [
  'visit',
  'phone-call',
  'meeting',
  'email',
  'letter',
  'management-direction',
  'supervision',
  'other',
] as const

export const caseNote = pgTable(
  'case_note',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    type: text().$type<(typeof CASE_NOTE_TYPES)[number]>().notNull(),
    occurredOn: date().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    significant: boolean().notNull().default(false),
    recordedBy: integer().references(() => userAccount.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_note_person_idx').on(t.personId, t.occurredOn),
    // The chronology lists only a child's significant notes, a few among many.
    index('case_note_significant_idx').on(t.personId, t.occurredOn).where(sql`${t.significant}`),
  ],
)

export const document = pgTable(
  'document',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    title: text().notNull(),
    filename: text().notNull(),
    mediaType: text().notNull(),
    size: integer().notNull(),
    content: bytea().notNull(),
    uploadedBy: integer().references(() => userAccount.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('document_person_idx').on(t.personId)],
)

/** A significant event a worker adds to the chronology, with what it meant for the child. */
export const significantEvent = pgTable(
  'significant_event',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    occurredOn: date().notNull(),
    category: text()
      .$type<'incident' | 'household-change' | 'health' | 'education' | 'police' | 'placement' | 'other'>()
      .notNull(),
    description: text().notNull(),
    impactOnChild: text().notNull(),
    /** Shared with siblings' chronologies (e.g. a domestic abuse incident in the household). */
    sharedWithSiblings: boolean().notNull().default(false),
    recordedBy: integer().references(() => userAccount.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('significant_event_person_idx').on(t.personId, t.occurredOn)],
)

/** Management oversight: a decision with its rationale, the challenge offered and the actions set. */
export const oversight = pgTable(
  'oversight',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    recordedOn: date().notNull(),
    managerUserId: integer()
      .notNull()
      .references(() => userAccount.id),
    kind: text()
      .$type<
        | 'contact-decision'
        | 'assessment-sign-off'
        | 'plan-change'
        | 'case-review'
        | 'supervision'
        | 'closure'
        | 'other'
      >()
      .notNull(),
    decision: text().notNull(),
    rationale: text().notNull(),
    challenge: text(),
  },
  (t) => [index('oversight_person_idx').on(t.personId, t.recordedOn)],
)

export const oversightAction = pgTable(
  'oversight_action',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    oversightId: integer()
      .notNull()
      .references(() => oversight.id),
    description: text().notNull(),
    ownerWorkerId: integer().references(() => worker.id),
    dueDate: date().notNull(),
    completedOn: date(),
  },
  (t) => [index('oversight_action_idx').on(t.oversightId)],
)
