// Who does the work: the practitioners of each kind of team in each area, their managers and sign-ins,
// and a running count of each worker's open cases so children open at the reference date are spread to
// realistic caseloads (the least loaded worker per FTE takes the next family).

import type { TeamKind } from '../../src/db/schema/index.ts'
import type { Random } from '../lib/random.ts'
import type { OrganisationPlan, WorkerRow } from '../organisation.ts'
import { type Day, dayOf } from './dates.ts'

const AREA_WORDS = ['North', 'South', 'East', 'West', 'Central', 'Coastal']

export interface Pool {
  /** Practitioners sorted by start date, earliest first. */
  workers: WorkerRow[]
  starts: Day[]
}

export class Staff {
  readonly areaCount: number
  readonly featuredWorkerId: number | null
  private readonly pools = new Map<string, Pool>()
  private readonly byId = new Map<number, WorkerRow>()
  private readonly userIds: ReadonlyMap<number, number>
  private readonly managers = new Map<number, WorkerRow>()
  private readonly teamManager = new Map<number, WorkerRow>()
  private readonly open = new Map<number, number>()

  constructor(
    plan: OrganisationPlan,
    userIdByWorkerId: ReadonlyMap<number, number>,
    featured: number | null,
  ) {
    this.userIds = userIdByWorkerId
    this.featuredWorkerId = featured
    for (const w of plan.workers) this.byId.set(w.id, w)
    const areaOfTeam = new Map<number, number>()
    const areas = new Set<number>()
    for (const t of plan.teams) {
      const words = t.name.split(' ')
      const area = AREA_WORDS.findIndex((a) => words.includes(a))
      areaOfTeam.set(t.id, area)
      if (area >= 0) areas.add(area)
    }
    this.areaCount = Math.max(1, areas.size)
    const kindOfTeam = new Map(plan.teams.map((t) => [t.id, t.kind]))
    // A team's manager reports to the head of service (who sits in the service's first team).
    const senior = (w: WorkerRow | undefined) =>
      w !== undefined && (w.roles.includes('service-manager') || w.roles.includes('senior-leader'))
    for (const w of plan.workers) {
      if (senior(w)) continue
      if (senior(w.lineManagerId === null ? undefined : this.byId.get(w.lineManagerId)))
        this.teamManager.set(w.teamId, w)
    }
    for (const w of plan.workers) {
      const manager = w.lineManagerId === null ? undefined : this.byId.get(w.lineManagerId)
      if (manager) this.managers.set(w.id, manager)
      const tm = this.teamManager.get(w.teamId)
      if (!tm || tm.id === w.id || w.lineManagerId !== tm.id) continue
      const kind = kindOfTeam.get(w.teamId)!
      const area = Math.max(0, areaOfTeam.get(w.teamId) ?? 0)
      const key = `${kind}:${areas.size === 0 ? 0 : area}`
      let pool = this.pools.get(key)
      if (!pool) {
        pool = { workers: [], starts: [] }
        this.pools.set(key, pool)
      }
      pool.workers.push(w)
    }
    for (const pool of this.pools.values()) {
      pool.workers.sort((a, b) =>
        a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.id - b.id,
      )
      pool.starts = pool.workers.map((w) => dayOf(w.startedOn))
    }
  }

  pool(kind: TeamKind, area: number): Pool {
    const pool = this.pools.get(`${kind}:${area % this.areaCount}`) ?? this.pools.get(`${kind}:0`)
    if (!pool || pool.workers.length === 0) throw new Error(`No ${kind} practitioners in area ${area}`)
    return pool
  }

  /** A practitioner already in post on `day`, at random; null when nobody in the pool had started. */
  randomInPost(random: Random, kind: TeamKind, area: number, day: Day): WorkerRow | null {
    const pool = this.pool(kind, area)
    let n = 0
    while (n < pool.starts.length && pool.starts[n]! <= day) n++
    if (n === 0) return null
    return pool.workers[random.int(0, n - 1)]!
  }

  /** The practitioner with the fewest open cases per FTE, who then takes `children` more. */
  leastLoaded(kind: TeamKind, area: number, children: number, preferFeatured: boolean): WorkerRow {
    const pool = this.pool(kind, area)
    let best: WorkerRow | undefined
    if (preferFeatured && this.featuredWorkerId !== null)
      best = pool.workers.find((w) => w.id === this.featuredWorkerId)
    if (!best) {
      let bestLoad = Number.POSITIVE_INFINITY
      for (const w of pool.workers) {
        const load = ((this.open.get(w.id) ?? 0) + children) / w.fte
        if (load < bestLoad) {
          bestLoad = load
          best = w
        }
      }
    }
    this.open.set(best!.id, (this.open.get(best!.id) ?? 0) + children)
    return best!
  }

  worker(id: number): WorkerRow {
    return this.byId.get(id)!
  }

  userOf(workerId: number): number {
    const id = this.userIds.get(workerId)
    if (id === undefined) throw new Error(`Worker ${workerId} has no sign-in`)
    return id
  }

  /** The line manager's sign-in, for oversight and sign-off. */
  managerUserOf(workerId: number): number {
    const manager = this.managers.get(workerId)
    return this.userOf(manager?.id ?? workerId)
  }

  teamManagerOf(teamId: number): WorkerRow | undefined {
    return this.teamManager.get(teamId)
  }
}
