import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { hashPassword } from '../src/auth/passwords.ts'
import { bulkInsert, resetIdentity } from '../src/db/bulk-insert.ts'
import type { Db } from '../src/db/client.ts'
import {
  localAuthority,
  service,
  team,
  userAccount,
  userIdentity,
  userRole,
  worker,
} from '../src/db/schema/index.ts'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'
import { insertJourneys, type JourneyContext, type ScenarioChild, scenarioChildren } from './journeys.ts'
import { syntheticPerson } from './lib/names.ts'
import { createRandom } from './lib/random.ts'
import { type OrganisationPlan, planOrganisation, type SeedSize, type WorkerRow } from './organisation.ts'

export interface SeedOptions {
  size: SeedSize
  seed: number
}

export interface SeedSummary {
  size: SeedSize
  seed: number
  rows: Record<string, number>
  totalRows: number
  milliseconds: number
}

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: localAuthority.id }).from(localAuthority).limit(1)
  return rows.length === 0
}

/**
 * Writes a whole synthetic local authority into an empty database. Deterministic: the same size and seed
 * give the same rows. Synthetic only — no real person's data is used or produced.
 */
export async function seedAuthority(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now()
  const { plan, random } = planSeed(options)
  const rows: Record<string, number> = {}
  // Every demo account shares one hash: hashing is deliberately slow, and these are demo accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD)

  await db.transaction(async (tx) => {
    await bulkInsert(tx, localAuthority, [plan.localAuthority])
    await bulkInsert(tx, service, plan.services)
    await bulkInsert(tx, team, plan.teams)
    await bulkInsert(
      tx,
      worker,
      plan.workers.map(({ roles: _roles, ...w }) => w),
    )
    const accounts = planAccounts(plan, passwordHash)
    await bulkInsert(tx, userAccount, accounts.users)
    await bulkInsert(tx, userRole, accounts.roles)
    await bulkInsert(tx, userIdentity, accounts.identities)
    for (const table of [localAuthority, service, team, worker, userAccount, userIdentity])
      await resetIdentity(tx, table)
    rows.local_authority = 1
    rows.service = plan.services.length
    rows.team = plan.teams.length
    rows.worker = plan.workers.length
    rows.user_account = accounts.users.length
    rows.user_role = accounts.roles.length
    rows.user_identity = accounts.identities.length
    // The children's journeys, after the staff they are allocated to.
    await insertJourneys(tx, journeyContext(options, plan, accounts, random), rows)
  })
  await db.execute(sql`analyze`)
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0)
  return {
    size: options.size,
    seed: options.seed,
    rows,
    totalRows,
    milliseconds: Math.round(performance.now() - started),
  }
}

function planSeed(options: SeedOptions) {
  const random = createRandom(options.seed)
  const plan = planOrganisation(options.size, random.fork('organisation'), (r) => {
    const p = syntheticPerson(r, { birthYear: 1975 })
    return { givenName: p.firstName, familyName: p.lastName }
  })
  return { plan, random }
}

function journeyContext(
  options: SeedOptions,
  plan: OrganisationPlan,
  accounts: ReturnType<typeof planAccounts>,
  random: ReturnType<typeof createRandom>,
): JourneyContext {
  const userIdByWorkerId = new Map<number, number>()
  for (const u of accounts.users)
    if (u.workerId != null && u.id != null) userIdByWorkerId.set(u.workerId, u.id)
  return {
    size: options.size,
    plan,
    userIdByWorkerId,
    featuredWorkerId: findDemoWorker(plan, 'support-and-protect', 'practitioner')?.id ?? null,
    random: random.fork('journeys'),
  }
}

/** What seedAuthority hands the journey generator, for generating the same journeys in memory (tests). */
export function seedJourneyContext(options: SeedOptions): JourneyContext {
  const { plan, random } = planSeed(options)
  return journeyContext(options, plan, planAccounts(plan, ''), random)
}

/**
 * The children seeded on purpose with the practice faults inspectors find (seed/journeys/scenarios.ts), as
 * seedAuthority writes them for the same size and seed. Computed in memory, without a database.
 */
export function seededScenarioChildren(options: SeedOptions): ScenarioChild[] {
  return scenarioChildren(seedJourneyContext(options))
}

/** A sign-in for every member of staff, plus the named demonstration users of the README. */
function planAccounts(plan: OrganisationPlan, passwordHash: string) {
  const users: (typeof userAccount.$inferInsert)[] = []
  const roles: (typeof userRole.$inferInsert)[] = []
  const identities: (typeof userIdentity.$inferInsert)[] = []
  const demoFor = new Map<number, (typeof DEMO_USERS)[number]>()
  for (const demo of DEMO_USERS) {
    const chosen = demo.position ? findDemoWorker(plan, demo.teamKind, demo.position) : undefined
    if (chosen) demoFor.set(chosen.id, demo)
  }
  const taken = new Set<string>(DEMO_USERS.map((d) => d.username))
  let id = 1
  const add = (
    username: string,
    displayName: string,
    workerId: number | null,
    userRoles: readonly string[],
  ) => {
    users.push({ id, username, displayName, email: `${username}@hearth.example`, workerId })
    for (const role of userRoles) roles.push({ userId: id, role })
    identities.push({ id, userId: id, provider: 'local', subject: username, passwordHash })
    id++
  }
  for (const w of plan.workers) {
    const demo = demoFor.get(w.id)
    let username = demo?.username ?? `${w.givenName}.${w.familyName}`.toLowerCase().replace(/[^a-z.]/g, '')
    if (!demo) {
      const base = username
      for (let n = 2; taken.has(username); n++) username = `${base}${n}`
    }
    taken.add(username)
    add(
      username,
      `${w.givenName} ${w.familyName}`,
      w.id,
      demo ? [...new Set([demo.role, ...w.roles])] : w.roles,
    )
  }
  add('admin', 'Hearth Administrator', null, ['administrator'])
  return { users, roles, identities }
}

function findDemoWorker(
  plan: OrganisationPlan,
  teamKind: string | null,
  position: string,
): WorkerRow | undefined {
  if (position === 'director') return plan.workers.find((w) => w.roles.includes('senior-leader'))
  const teamIds = new Set(plan.teams.filter((t) => t.kind === teamKind).map((t) => t.id))
  const firstTeam = plan.teams.find((t) => t.kind === teamKind)
  if (!firstTeam) return undefined
  const manager = plan.workers.find(
    (w) =>
      w.teamId === firstTeam.id &&
      w.roles.some(
        (r) => r === 'team-manager' || r === 'cp-chair-iro' || r === 'auditor' || r === 'performance-analyst',
      ) &&
      plan.workers.some((p) => p.lineManagerId === w.id && p.teamId === firstTeam.id),
  )
  if (position === 'manager') return manager
  if (position === 'head-of-service') {
    const serviceId = firstTeam.serviceId
    const serviceTeams = new Set(plan.teams.filter((t) => t.serviceId === serviceId).map((t) => t.id))
    return plan.workers.find((w) => w.roles.includes('service-manager') && serviceTeams.has(w.teamId))
  }
  return plan.workers.find(
    (w) => teamIds.has(w.teamId) && w.lineManagerId === manager?.id && w.employmentType === 'permanent',
  )
}
