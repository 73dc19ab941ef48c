import { eq } from 'drizzle-orm'
import type { Actor } from '../../../src/auth/current-user.ts'
import type { Role } from '../../../src/auth/roles.ts'
import { allocation, person, referral, userAccount, userRole, worker } from '../../../src/db/schema/index.ts'
import type { TestApp } from '../../support/app.ts'

// What the plans tests share: a child known to the social worker's team with an open referral, an actor
// for calling services directly, and the fields of the "make a plan" form.

let children = 0

/** A child allocated to the demo social worker's team (unless `allocated` is false), with an open referral. */
export async function childWithReferral(
  t: TestApp,
  options: { allocated?: boolean; referral?: boolean } = {},
) {
  const db = t.database.db
  children++
  const [child] = await db
    .insert(person)
    .values({ givenName: `Planchild${children}`, familyName: 'Testing', dateOfBirth: '2017-04-09', sex: 'F' })
    .returning({ id: person.id })
  const personId = child!.id
  if (options.allocated !== false) {
    const [sw] = await db
      .select({ workerId: userAccount.workerId, teamId: worker.teamId })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, 'socialworker'))
    await db.insert(allocation).values({
      personId,
      teamId: sw!.teamId,
      workerId: sw!.workerId,
      kind: 'social-worker',
      startedOn: '2026-08-01',
    })
  }
  let referralId: number | null = null
  if (options.referral !== false) {
    const [r] = await db
      .insert(referral)
      .values({ personId, referralDate: '2026-08-03', source: '2A', primaryNeed: 'N1' })
      .returning({ id: referral.id })
    referralId = r!.id
  }
  return { personId, referralId }
}

/** An actor for a demo user, for calling services as the conference engineer's code would. */
export async function actorFor(t: TestApp, username: string): Promise<Actor> {
  const db = t.database.db
  const [u] = await db
    .select({
      id: userAccount.id,
      username: userAccount.username,
      displayName: userAccount.displayName,
      workerId: userAccount.workerId,
      teamId: worker.teamId,
    })
    .from(userAccount)
    .leftJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  const roles = await db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, u!.id))
  return {
    user: { ...u!, teamId: u!.teamId ?? null, roles: roles.map((r) => r.role as Role) },
    ip: null,
    correlationId: 'plans-test',
  }
}

/** A GOV.UK date input's three fields. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! }
}

/** One action row of the plan forms. */
export function actionFields(
  i: number,
  a: {
    description?: string
    owner?: string
    dueDate?: string
    measure?: string
    outcome?: string
    id?: number
    status?: string
  },
): Record<string, string> {
  const p = `actions[${i}]`
  return {
    ...(a.id ? { [`${p}.id`]: String(a.id) } : {}),
    [`${p}.description`]: a.description ?? '',
    [`${p}.owner`]: a.owner ?? '',
    ...(a.dueDate
      ? dateFields(`${p}.dueDate`, a.dueDate)
      : { [`${p}.dueDate-day`]: '', [`${p}.dueDate-month`]: '', [`${p}.dueDate-year`]: '' }),
    [`${p}.measure`]: a.measure ?? '',
    [`${p}.outcome`]: a.outcome ?? '',
    ...(a.status ? { [`${p}.status`]: a.status } : {}),
  }
}

/** A complete child in need plan, as the "make a plan" form sends it. */
export function newPlanForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'child-in-need',
    ...dateFields('startDate', '2026-09-14'),
    ...dateFields('nextReviewDue', '2026-12-14'),
    'outcomes[0]': 'Amira goes to school every day and is ready to learn',
    'outcomes[1]': 'Amira feels safe at home in the evenings',
    'outcomes[2]': '',
    ...actionFields(0, {
      description: 'Walk Amira to the school gate each morning',
      owner: 'Mother',
      dueDate: '2026-11-02',
      measure: 'Attendance above 95% on the school register',
      outcome: '0',
    }),
    ...actionFields(1, {
      description: 'Complete the Freedom Programme',
      owner: 'Mother, with the family support worker',
      dueDate: '2027-01-29',
      measure: 'Certificate of completion; the worker’s report',
      outcome: '1',
    }),
    ...actionFields(2, {}),
    contingency: 'A strategy discussion if Amira reports feeling unsafe again.',
    nonEngagementStrategy:
      'The team manager writes to Mother and the plan is reviewed within 10 working days.',
    ...overrides,
  }
}
