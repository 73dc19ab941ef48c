import { and, eq, sql } from 'drizzle-orm'
import {
  allocation,
  legalStatus,
  periodOfCare,
  person,
  placement,
  type RelationshipType,
  relationship,
  team,
  userAccount,
  userRole,
  worker,
} from '../../../src/db/schema/index.ts'
import type { TestApp } from '../../support/app.ts'

// What the permanence, adoption and leaving care tests share: children in care known to the demo social
// worker's team, members of the permanence and adoption team to sign in as, and form date fields.

let made = 0

export async function workerOf(t: TestApp, username: string) {
  const [row] = await t.database.db
    .select({ userId: userAccount.id, workerId: userAccount.workerId, teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  if (!row?.workerId) throw new Error(`no worker for ${username}`)
  return { userId: row.userId, workerId: row.workerId, teamId: row.teamId }
}

/**
 * A member of the permanence and adoption team to sign in as: its manager, or a practitioner. The demo
 * users have none (seed/demo-users.ts), so tests find one of the seeded staff; every seeded account has
 * the demo password.
 */
export async function adoptionTeamUser(t: TestApp, position: 'manager' | 'practitioner') {
  const managerRole = sql`exists (select 1 from ${userRole} r where r.user_id = ${userAccount.id} and r.role = 'team-manager')`
  const [row] = await t.database.db
    .select({
      username: userAccount.username,
      userId: userAccount.id,
      workerId: worker.id,
      teamId: worker.teamId,
    })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(
      and(
        eq(team.kind, 'permanence-and-adoption'),
        sql`${worker.leftOn} is null`,
        position === 'manager' ? managerRole : sql`not ${managerRole}`,
        sql`not exists (select 1 from ${userRole} r where r.user_id = ${userAccount.id} and r.role in ('front-door-worker', 'senior-leader', 'auditor', 'performance-analyst', 'service-manager'))`,
      ),
    )
    .orderBy(userAccount.id)
    .limit(1)
  if (!row) throw new Error(`no ${position} in a permanence and adoption team`)
  return row
}

/** A child allocated to the demo social worker's team. */
export async function childInTeam(t: TestApp, values: Partial<typeof person.$inferInsert> = {}) {
  made++
  const sw = await workerOf(t, 'socialworker')
  const [created] = await t.database.db
    .insert(person)
    .values({
      givenName: `Perm${made}`,
      familyName: 'Testing',
      dateOfBirth: '2019-04-02',
      sex: 'F',
      ...values,
    })
    .returning({ id: person.id })
  await t.database.db.insert(allocation).values({
    personId: created!.id,
    teamId: sw.teamId,
    workerId: sw.workerId,
    kind: 'social-worker',
    startedOn: '2024-01-05',
  })
  return created!.id
}

/** A period of care (care order, foster placement), written straight to the tables the care area owns. */
export async function periodInCare(
  t: TestApp,
  personId: number,
  startDate: string,
  endDate: string | null = null,
  options: { legalStatus?: string; reasonCeased?: string } = {},
) {
  const [p] = await t.database.db
    .insert(periodOfCare)
    .values({
      personId,
      startDate,
      endDate,
      categoryOfNeed: 'N1',
      reasonCeased: endDate ? (options.reasonCeased ?? 'E8') : null,
    })
    .returning({ id: periodOfCare.id })
  await t.database.db.insert(legalStatus).values({
    periodOfCareId: p!.id,
    personId,
    code: options.legalStatus ?? 'C2',
    startDate,
    endDate,
  })
  await t.database.db.insert(placement).values({
    periodOfCareId: p!.id,
    personId,
    placementType: 'U6',
    provider: 'PR1',
    insideAuthority: true,
    startDate,
    endDate,
  })
  return p!.id
}

/** A person related to the child (a parent, grandparent, sibling…), recorded both ways as the family area does. */
export async function relative(
  t: TestApp,
  childId: number,
  type: RelationshipType,
  names: { givenName: string; familyName: string; dateOfBirth?: string },
) {
  const [p] = await t.database.db.insert(person).values(names).returning({ id: person.id })
  // Stored as "the related person is the child's <type>".
  await t.database.db
    .insert(relationship)
    .values({ personId: childId, relatedPersonId: p!.id, type, startedOn: '2020-01-01' })
  return p!.id
}

export const dateParts = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return {
    [`${prefix}-day`]: String(Number(d)),
    [`${prefix}-month`]: String(Number(m)),
    [`${prefix}-year`]: y!,
  }
}
