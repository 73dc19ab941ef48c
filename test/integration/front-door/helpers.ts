import { and, asc, eq, isNull } from 'drizzle-orm'
import { expect } from 'vitest'
import {
  contact,
  person,
  relationship,
  team,
  userAccount,
  userRole,
  worker,
} from '../../../src/db/schema/index.ts'
import { addCalendarDays } from '../../../src/domain/calendar/working-days.ts'
import { today } from '../../../src/services/dates.ts'
import { londonInstant } from '../../../src/services/front-door.ts'
import type { TestApp } from '../../support/app.ts'

/** A UK date `offset` days from today. */
export const day = (offset: number) => addCalendarDays(today(), offset)

/** GOV.UK date input fields for an ISO date. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day_] = iso.split('-')
  return { [`${name}-day`]: day_!, [`${name}-month`]: month!, [`${name}-year`]: year! }
}

let counter = 0

/** A child (or any person) inserted directly, as the family area would have recorded them. */
export async function addPerson(
  t: TestApp,
  values: Partial<typeof person.$inferInsert> = {},
): Promise<number> {
  counter++
  const [row] = await t.database.db
    .insert(person)
    .values({
      givenName: `Child${counter}`,
      familyName: 'Frontdoortest',
      dateOfBirth: '2016-05-01',
      ...values,
    })
    .returning({ id: person.id })
  return row!.id
}

export async function relate(
  t: TestApp,
  personId: number,
  relatedPersonId: number,
  type: 'sibling' | 'half-sibling',
) {
  await t.database.db.insert(relationship).values({ personId, relatedPersonId, type })
}

/** A contact inserted directly (for lists and histories), received at a UK date and time. */
export async function addContact(
  t: TestApp,
  personId: number,
  receivedDate: string,
  receivedTime = '10:00',
  values: Partial<typeof contact.$inferInsert> = {},
): Promise<number> {
  const [row] = await t.database.db
    .insert(contact)
    .values({
      personId,
      receivedAt: londonInstant(receivedDate, receivedTime),
      source: '2A',
      contactName: 'Sam Teacher',
      concerns: 'Came to school hungry three days running.',
      consent: 'given',
      ...values,
    })
    .returning({ id: contact.id })
  return row!.id
}

export async function userIdOf(t: TestApp, username: string): Promise<number> {
  const [u] = await t.database.db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(eq(userAccount.username, username))
  return u!.id
}

/** The demo team manager's user id (a manager who can agree decisions). */
export const managerId = (t: TestApp) => userIdOf(t, 'teammanager')

/** The team of a demo user. */
export async function teamOf(t: TestApp, username: string): Promise<number> {
  const [row] = await t.database.db
    .select({ teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  return row!.teamId
}

/** A Families First team and one of its workers. */
export async function earlyHelpTeam(t: TestApp): Promise<{ teamId: number; workerId: number }> {
  const [row] = await t.database.db
    .select({ teamId: team.id, workerId: worker.id })
    .from(team)
    .innerJoin(worker, and(eq(worker.teamId, team.id), isNull(worker.leftOn), eq(worker.caseHolding, true)))
    .where(eq(team.kind, 'early-help'))
    .orderBy(asc(team.id), asc(worker.id))
    .limit(1)
  return row!
}

/** A user who is not a team manager (to refuse as the agreeing manager). */
export async function notAManager(t: TestApp): Promise<number> {
  const id = await userIdOf(t, 'socialworker')
  const roles = await t.database.db.select().from(userRole).where(eq(userRole.userId, id))
  expect(roles.map((r) => r.role)).not.toContain('team-manager')
  return id
}

export async function contactRow(t: TestApp, id: number) {
  const [row] = await t.database.db.select().from(contact).where(eq(contact.id, id))
  return row!
}
