import { eq } from 'drizzle-orm'
import { allocation, person, team, userAccount, worker } from '../../../src/db/schema/index.ts'
import type { TestApp } from '../../support/app.ts'

// What the looked-after tests share: a child known to the social worker's team, the IRO's worker, and
// the fields of the "start a period of care" form.

let children = 0

export async function workerOf(t: TestApp, username: string) {
  const [row] = await t.database.db
    .select({ workerId: userAccount.workerId, teamId: worker.teamId, teamKind: team.kind })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(eq(userAccount.username, username))
  if (!row?.workerId) throw new Error(`no worker for ${username}`)
  return { workerId: row.workerId, teamId: row.teamId, teamKind: row.teamKind }
}

/** A child allocated to the demo social worker's team. */
export async function childInTeam(t: TestApp, values: Partial<typeof person.$inferInsert> = {}) {
  children++
  const sw = await workerOf(t, 'socialworker')
  const [created] = await t.database.db
    .insert(person)
    .values({
      givenName: `Carechild${children}`,
      familyName: 'Testing',
      dateOfBirth: '2014-02-11',
      sex: 'M',
      ...values,
    })
    .returning({ id: person.id })
  await t.database.db.insert(allocation).values({
    personId: created!.id,
    teamId: sw.teamId,
    workerId: sw.workerId,
    kind: 'social-worker',
    startedOn: '2026-01-05',
  })
  return created!.id
}

export const dateParts = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return {
    [`${prefix}-day`]: String(Number(d)),
    [`${prefix}-month`]: String(Number(m)),
    [`${prefix}-year`]: y!,
  }
}

/** A foster placement's form fields. */
export const fosterPlacement = (over: Record<string, string> = {}) => ({
  placementType: 'U6',
  provider: 'PR1',
  providerName: 'Mr and Mrs Ahmed',
  urn: 'SC123456',
  addressLine: '4 Elm Road, Stockport',
  postcode: 'sk4 2bt',
  distanceMiles: '6',
  insideAuthority: 'yes',
  ...over,
})

/** The "start a period of care" form: section 20, foster care. */
export const startForm = (startDate: string, over: Record<string, string> = {}) => ({
  ...dateParts('startDate', startDate),
  categoryOfNeed: 'N1',
  homePostcode: 'M14 5RB',
  legalStatus: 'V2',
  ...fosterPlacement(),
  ...over,
})
