import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { person } from './people.ts'

// Care proceedings on the child's record (Children Act 1989 Part IV, the Public Law Outline). The 26-week
// date is NOT stored: it is derived from the issue date and the court's extensions (s32(1)(a)(ii), (5)–(8)).
// Interim orders are the child's legal statuses (903 C1 and the rest), recorded once, on the looked-after
// record: nothing here repeats them.

export const CARE_PROCEEDINGS_OUTCOMES = [
  'care-order',
  'supervision-order',
  'placement-order',
  'special-guardianship-order',
  'child-arrangements-order',
  'no-order',
  'withdrawn',
] as const
export type CareProceedingsOutcome = (typeof CARE_PROCEEDINGS_OUTCOMES)[number]

/** One application for a care or supervision order, from issue to the final order. */
export const careProceedings = pgTable(
  'care_proceedings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => person.id),
    /** Pre-proceedings (PLO): the letter before proceedings or the pre-proceedings meeting, if there was one. */
    preProceedingsOn: date(),
    /** The day the application was issued: the 26 weeks begin with it. */
    issuedOn: date().notNull(),
    court: text().notNull(),
    caseNumber: text().notNull(),
    /** The final hearing, when listed or held. */
    finalHearingOn: date(),
    outcome: text().$type<CareProceedingsOutcome>(),
    concludedOn: date(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('care_proceedings_person_idx').on(t.personId, t.issuedOn),
    check('care_proceedings_dates', sql`${t.concludedOn} is null or ${t.concludedOn} >= ${t.issuedOn}`),
    check(
      'care_proceedings_pre_proceedings',
      sql`${t.preProceedingsOn} is null or ${t.preProceedingsOn} <= ${t.issuedOn}`,
    ),
    check('care_proceedings_concluded', sql`(${t.outcome} is null) = (${t.concludedOn} is null)`),
  ],
)

/** An extension of the timetable by the court (s32(5)): up to 8 weeks each, with the court's reason. */
export const careProceedingsExtension = pgTable(
  'care_proceedings_extension',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    careProceedingsId: integer()
      .notNull()
      .references(() => careProceedings.id),
    grantedOn: date().notNull(),
    weeks: integer().notNull(),
    /** Why the court found the extension necessary to resolve the proceedings justly. */
    reason: text().notNull(),
  },
  (t) => [
    index('care_proceedings_extension_proceedings_idx').on(t.careProceedingsId, t.grantedOn),
    check('care_proceedings_extension_weeks', sql`${t.weeks} between 1 and 8`),
  ],
)
