import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type DbOrTx, qualified } from '../db/client.ts'
import { allocation, localAuthority, service, team, worker } from '../db/schema/index.ts'

export async function getLocalAuthority(db: DbOrTx) {
  const [la] = await db.select().from(localAuthority).limit(1)
  return la ?? null
}

const currentCaseload = sql<number>`(select count(distinct a.person_id)::int from ${allocation} a where a.worker_id = ${qualified(worker.id)} and a.ended_on is null and a.kind = 'social-worker')`

/** Each team with its staffing: the figures inspectors ask about (agency reliance, caseloads). */
export async function listTeams(db: DbOrTx) {
  return db
    .select({
      id: team.id,
      name: team.name,
      kind: team.kind,
      serviceName: service.name,
      workers: sql<number>`count(${worker.id})::int`,
      fte: sql<number>`coalesce(sum(${worker.fte}), 0)::float`,
      agencyFte: sql<number>`coalesce(sum(${worker.fte}) filter (where ${worker.employmentType} = 'agency'), 0)::float`,
      caseHolding: sql<number>`count(${worker.id}) filter (where ${worker.caseHolding})::int`,
      children: sql<number>`(select count(distinct a.person_id)::int from ${allocation} a where a.team_id = ${qualified(team.id)} and a.ended_on is null)`,
    })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .leftJoin(worker, and(eq(worker.teamId, team.id), isNull(worker.leftOn)))
    .groupBy(team.id, service.name)
    .orderBy(asc(service.name), asc(team.name))
}

export async function getTeam(db: DbOrTx, teamId: number) {
  const [found] = await db
    .select({ id: team.id, name: team.name, kind: team.kind, serviceName: service.name })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .where(eq(team.id, teamId))
  if (!found) return null
  const manager = alias(worker, 'manager')
  const workers = await db
    .select({
      id: worker.id,
      name: sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`,
      jobTitle: worker.jobTitle,
      employmentType: worker.employmentType,
      fte: worker.fte,
      caseHolding: worker.caseHolding,
      asye: worker.asye,
      lineManager: sql<string | null>`${manager.givenName} || ' ' || ${manager.familyName}`,
      caseload: currentCaseload,
    })
    .from(worker)
    .leftJoin(manager, eq(manager.id, worker.lineManagerId))
    .where(and(eq(worker.teamId, teamId), isNull(worker.leftOn)))
    .orderBy(asc(worker.familyName), asc(worker.givenName))
  return { ...found, workers }
}
