import { and, eq, ne, sql } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import {
  allocation,
  person,
  plan,
  planAction,
  referral,
  team,
  userAccount,
  userRole,
  worker,
} from '../../../src/db/schema/index.ts'
import type { TestApp, TestClient } from '../../support/app.ts'

// Helpers for the practice area's tests: children placed in a known team, referrals, plans, other
// users to sign in as, multipart uploads.

export interface DemoWorker {
  userId: number
  workerId: number
  teamId: number
}

export async function demoWorker(t: TestApp, username: string): Promise<DemoWorker> {
  const [row] = await t.database.db
    .select({ userId: userAccount.id, workerId: userAccount.workerId, teamId: worker.teamId })
    .from(userAccount)
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .where(eq(userAccount.username, username))
  if (!row?.workerId) throw new Error(`no worker for ${username}`)
  return { userId: row.userId, workerId: row.workerId, teamId: row.teamId }
}

/** A child allocated (social worker) to the demo social worker in their team. */
export async function childOfSocialWorker(
  t: TestApp,
  names: { givenName: string; familyName: string; dateOfBirth?: string } = {
    givenName: 'Amara',
    familyName: 'Okafor',
  },
): Promise<number> {
  const sw = await demoWorker(t, 'socialworker')
  const [created] = await t.database.db
    .insert(person)
    .values({ dateOfBirth: '2016-05-04', sex: 'F', ...names })
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

export async function openReferral(t: TestApp, personId: number, referralDate = '2026-01-05') {
  const [r] = await t.database.db
    .insert(referral)
    .values({ personId, referralDate, source: '2A', primaryNeed: 'N1' })
    .returning({ id: referral.id })
  return r!.id
}

/** A child in need plan with open actions. */
export async function planWithActions(t: TestApp, personId: number, referralId: number, actions: string[]) {
  const [p] = await t.database.db
    .insert(plan)
    .values({ personId, kind: 'child-in-need', referralId, startDate: '2026-02-01' })
    .returning({ id: plan.id })
  const ids: number[] = []
  for (const description of actions) {
    const [a] = await t.database.db
      .insert(planAction)
      .values({
        planId: p!.id,
        description,
        ownerDescription: 'Mother',
        dueDate: '2026-12-01',
        measure: 'Seen at the next review',
      })
      .returning({ id: planAction.id })
    ids.push(a!.id)
  }
  return { planId: p!.id, actionIds: ids }
}

/** The username of a user with a role, in (or not in) a team, to sign in as. */
export async function userWith(
  t: TestApp,
  role: string,
  where: { teamId?: number; notTeamId?: number; notServiceId?: number; serviceId?: number } = {},
): Promise<{ username: string; teamId: number; workerId: number }> {
  // Never someone whose other role lets them see every record (a front door manager).
  const conditions = [
    eq(userRole.role, role),
    sql`not exists (select 1 from user_role r where r.user_id = ${userAccount.id} and r.role in ('front-door-worker', 'senior-leader', 'auditor', 'performance-analyst'))`,
  ]
  if (where.serviceId !== undefined) conditions.push(eq(team.serviceId, where.serviceId))
  if (where.teamId !== undefined) conditions.push(eq(worker.teamId, where.teamId))
  if (where.notTeamId !== undefined) conditions.push(ne(worker.teamId, where.notTeamId))
  if (where.notServiceId !== undefined) conditions.push(ne(team.serviceId, where.notServiceId))
  const [row] = await t.database.db
    .select({ username: userAccount.username, teamId: worker.teamId, workerId: worker.id })
    .from(userAccount)
    .innerJoin(userRole, eq(userRole.userId, userAccount.id))
    .innerJoin(worker, eq(worker.id, userAccount.workerId))
    .innerJoin(team, eq(team.id, worker.teamId))
    .where(and(...conditions))
    .orderBy(sql`${userAccount.id}`)
    .limit(1)
  if (!row) throw new Error(`no ${role} user`)
  return row
}

export async function serviceOf(t: TestApp, teamId: number): Promise<number> {
  const [row] = await t.database.db
    .select({ serviceId: team.serviceId })
    .from(team)
    .where(eq(team.id, teamId))
  return row!.serviceId
}

/** Posts a multipart form (with the page's CSRF token) as a browser would, or to the API. */
export async function postMultipart(
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  file: { field: string; filename: string; content: Buffer; type?: string } | null,
  options: { api?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const form = new FormData()
  if (!options.api && client.csrfToken) form.append('_csrf', client.csrfToken)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file)
    form.append(
      file.field,
      new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }),
      file.filename,
    )
  const encoded = new Request('http://hearth.test/', { method: 'POST', body: form })
  const headers: Record<string, string> = {
    'content-type': encoded.headers.get('content-type')!,
    accept: options.api ? 'application/json' : 'text/html',
    cookie: client.cookieHeader,
  }
  if (options.api && client.csrfToken) headers['x-csrf-token'] = client.csrfToken
  return client.app.inject({
    method: 'POST',
    url,
    headers,
    payload: Buffer.from(await encoded.arrayBuffer()),
  })
}

export const dateParts = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return {
    [`${prefix}-day`]: String(Number(d)),
    [`${prefix}-month`]: String(Number(m)),
    [`${prefix}-year`]: y!,
  }
}
