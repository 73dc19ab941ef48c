import { eq } from 'drizzle-orm'
import { allocation, person, userAccount, worker } from '../../../src/db/schema/index.ts'
import type { TestApp } from '../../support/app.ts'

/** A person written straight to the database (their details are not what these tests are about). */
export async function newPerson(
  t: TestApp,
  givenName: string,
  familyName: string,
  dateOfBirth: string,
  extra: Partial<typeof person.$inferInsert> = {},
): Promise<number> {
  const [row] = await t.database.db
    .insert(person)
    .values({ givenName, familyName, dateOfBirth, ...extra })
    .returning({ id: person.id })
  return row!.id
}

/** Allocates a child to the demo social worker's team, so that team may see the record. */
export async function allocateToSocialWorker(t: TestApp, personId: number) {
  const [sw] = await t.database.db
    .select({ workerId: userAccount.workerId, teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, 'socialworker'))
  await t.database.db.insert(allocation).values({
    personId,
    teamId: sw!.teamId,
    workerId: sw!.workerId,
    kind: 'social-worker',
    startedOn: '2026-01-01',
  })
}

/** A GOV.UK date input's three fields. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-')
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  }
}

export function versionIn(body: string): string {
  return /name="version" value="(\d+)"/.exec(body)![1]!
}
