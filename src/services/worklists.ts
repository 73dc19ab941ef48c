import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { visiblePersonCondition } from '../auth/record-access.ts'
import type { DbOrTx } from '../db/client.ts'
import { allocation, person, service, team, worker } from '../db/schema/index.ts'
import { addCalendarDays, dayOfWeek } from '../domain/calendar/iso-date.ts'
import {
  addWorkingDays,
  CALENDAR_FIRST_YEAR,
  type IsoDate,
  isIsoDate,
} from '../domain/calendar/working-days.ts'
import { RULES } from '../rules/catalogue/index.ts'
import { type Computing, cachedFlags, cacheGeneration, peekCachedFlags } from '../rules/engine/cache.ts'
import { evaluateRules } from '../rules/engine/evaluate.ts'
import { evaluateFlags } from '../rules/engine/flags-worker.ts'
import type { Flag, Severity } from '../rules/engine/types.ts'
import { today } from './dates.ts'
import { Checker, NotFoundError } from './errors.ts'
import { flagKey, latestReasons } from './recorded-reasons.ts'

// Worklists: the timescale engine's flags turned into each person's work. A practitioner sees what is
// theirs, a team manager their team's (with each worker's caseload), a service manager or senior leader
// the numbers by team and timescale and how they have moved week by week. Nothing here is stored: every
// list is worked out from the record as at a date, so "what was overdue on 1 March?" has an answer.

/** Working days ahead within which something counts as due soon ("this week"). */
export const DUE_SOON_WORKING_DAYS = 5

export const WORK_GROUPS = [
  { key: 'overdue', title: 'Overdue' },
  { key: 'due-today', title: 'Due today' },
  { key: 'due-this-week', title: 'Due this week' },
  // Rules with a longer warning (care proceedings: the last 4 weeks of 26) are due soon before this week.
  { key: 'due-later', title: 'Due in the coming weeks' },
  { key: 'query', title: 'To look at' },
] as const
export type WorkGroup = (typeof WORK_GROUPS)[number]['key']

export const SEVERITY_LABELS: Record<Severity, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  query: 'To look at',
}

export const SORTS = {
  overdue: 'Most overdue first',
  due: 'Due date, soonest first',
  child: 'Child’s name',
  rule: 'Timescale',
  worker: 'Worker',
} as const
export type SortKey = keyof typeof SORTS

export interface WorkReason {
  /** Null for a reason held on the record itself (e.g. an assessment's agreed extension). */
  id: number | null
  reason: string
  recordedBy: string | null
  recordedAt: Date | null
  agreedBy: string | null
  agreedOn: IsoDate | null
}

export interface WorkItem {
  personId: number
  childName: string
  subjectType: string
  subjectId: number
  startedOn: IsoDate
  dueOn: IsoDate
  what: string
  href: string
  ruleId: string
  ruleTitle: string
  ruleHref: string
  severity: Severity
  severityLabel: string
  group: WorkGroup
  /** Working days overdue; negative: working days left. */
  daysOverdue: number
  ownerWorkerId: number | null
  ownerWorkerName: string | null
  ownerTeamId: number | null
  ownerTeamName: string | null
  allowsRecordedReason: boolean
  reason: WorkReason | null
}

export interface WorkQuery {
  asAt: IsoDate
  ruleId: string | null
  severity: Severity | null
  teamId: number | null
  workerId: number | null
  sort: SortKey
}

export interface RawWorkQuery {
  asAt?: string
  rule?: string
  severity?: string
  team?: string | number
  worker?: string | number
  sort?: string
}

/**
 * Checks a worklist's date and filters (from a page's query string or the API); throws a ValidationError
 * naming every problem. The date must be a real date, today or earlier, within the working-day calendar.
 */
export function checkWorkQuery(raw: RawWorkQuery, now: IsoDate = today()): WorkQuery {
  const c = new Checker()
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim())
  let asAt = now
  const asAtRaw = text(raw.asAt)
  if (asAtRaw) {
    if (!isIsoDate(asAtRaw)) c.add('asAt', 'Enter the date as a real date, like 2026-03-01')
    else if (asAtRaw > now) c.add('asAt', 'The date must be today or in the past')
    else if (asAtRaw < `${CALENDAR_FIRST_YEAR}-01-01`)
      c.add('asAt', `The date must be in ${CALENDAR_FIRST_YEAR} or later`)
    else asAt = asAtRaw
  }
  const ruleId = text(raw.rule) || null
  c.check(ruleId === null || RULES.some((r) => r.id === ruleId), 'rule', 'Choose a timescale from the list')
  const severity = text(raw.severity) || null
  c.check(
    severity === null || severity in SEVERITY_LABELS,
    'severity',
    'Choose overdue, due soon or to look at',
  )
  const id = (field: string, v: unknown, message: string) => {
    const s = text(v)
    if (!s) return null
    if (!/^\d{1,9}$/.test(s) || Number(s) === 0) {
      c.add(field, message)
      return null
    }
    return Number(s)
  }
  const teamId = id('team', raw.team, 'Choose a team from the list')
  const workerId = id('worker', raw.worker, 'Choose a worker from the list')
  const sort = text(raw.sort) || 'overdue'
  c.check(sort in SORTS, 'sort', 'Choose how to sort the list')
  c.throwIfAny()
  return {
    asAt,
    ruleId,
    severity: severity as Severity | null,
    teamId,
    workerId,
    sort: sort as SortKey,
  }
}

export const defaultWorkQuery = (asAt: IsoDate = today()): WorkQuery => ({
  asAt,
  ruleId: null,
  severity: null,
  teamId: null,
  workerId: null,
  sort: 'overdue',
})

const workerName = sql<string>`${worker.givenName} || ' ' || ${worker.familyName}`

/** Allocations current at the end of `asAt`. */
const currentAt = (asAt: IsoDate) =>
  and(lte(allocation.startedOn, asAt), or(isNull(allocation.endedOn), sql`${allocation.endedOn} > ${asAt}`))

function evaluate(db: DbOrTx, asAt: IsoDate, ruleId: string | null, personIds?: readonly number[]) {
  return evaluateRules(db, {
    asAt,
    personIds,
    ruleIds: ruleId ? [ruleId] : undefined,
    dueSoonWorkingDays: DUE_SOON_WORKING_DAYS,
  })
}

function groupOf(flag: Flag, asAt: IsoDate): WorkGroup {
  if (flag.severity === 'query') return 'query'
  if (flag.severity === 'overdue') return 'overdue'
  if (flag.dueOn <= asAt) return 'due-today'
  return flag.dueOn <= addWorkingDays(asAt, DUE_SOON_WORKING_DAYS) ? 'due-this-week' : 'due-later'
}

/**
 * Flags as worklist items: the child's name (only children the user may see: the rest are counted, not
 * named), the owner's name and team, and the latest recorded reason as it stood at `asAt`.
 */
async function toItems(db: DbOrTx, user: CurrentUser, flags: Flag[], asAt: IsoDate) {
  const personIds = [...new Set(flags.map((f) => f.personId))]
  const workerIds = [...new Set(flags.flatMap((f) => (f.ownerWorkerId === null ? [] : [f.ownerWorkerId])))]
  const teamIds = [...new Set(flags.flatMap((f) => (f.ownerTeamId === null ? [] : [f.ownerTeamId])))]
  const [people, workers, teams, reasons] = await Promise.all([
    personIds.length === 0
      ? []
      : db
          .select({
            id: person.id,
            givenName: person.givenName,
            familyName: person.familyName,
            visible: sql<boolean>`${visiblePersonCondition(user)}`,
          })
          .from(person)
          .where(inArray(person.id, personIds)),
    workerIds.length === 0
      ? []
      : db.select({ id: worker.id, name: workerName }).from(worker).where(inArray(worker.id, workerIds)),
    teamIds.length === 0
      ? []
      : db.select({ id: team.id, name: team.name }).from(team).where(inArray(team.id, teamIds)),
    latestReasons(db, personIds, asAt),
  ])
  const personById = new Map(people.map((p) => [p.id, p]))
  const workerById = new Map(workers.map((w) => [w.id, w.name]))
  const teamById = new Map(teams.map((t) => [t.id, t.name]))
  const ruleById = new Map(RULES.map((r) => [r.id, r]))
  const items: WorkItem[] = []
  let hiddenCount = 0
  for (const flag of flags) {
    const p = personById.get(flag.personId)
    if (!p?.visible) {
      hiddenCount++
      continue
    }
    const rule = ruleById.get(flag.ruleId)
    const stored = flag.severity === 'query' ? undefined : reasons.get(flagKey(flag))
    const reason: WorkReason | null = stored
      ? {
          id: stored.id,
          reason: stored.reason,
          recordedBy: stored.recordedBy,
          recordedAt: stored.recordedAt,
          agreedBy: stored.agreedBy,
          agreedOn: stored.agreedOn,
        }
      : flag.recordedReason
        ? { id: null, recordedBy: null, recordedAt: null, ...flag.recordedReason }
        : null
    items.push({
      personId: flag.personId,
      childName: `${p.givenName} ${p.familyName}`,
      subjectType: flag.subjectType,
      subjectId: flag.subjectId,
      startedOn: flag.startedOn,
      dueOn: flag.dueOn,
      what: flag.what,
      href: flag.href,
      ruleId: flag.ruleId,
      ruleTitle: flag.ruleTitle,
      ruleHref: `/timescales#${flag.ruleId}`,
      severity: flag.severity,
      severityLabel: SEVERITY_LABELS[flag.severity],
      group: groupOf(flag, asAt),
      daysOverdue: flag.daysOverdue,
      ownerWorkerId: flag.ownerWorkerId,
      ownerWorkerName: flag.ownerWorkerId === null ? null : (workerById.get(flag.ownerWorkerId) ?? null),
      ownerTeamId: flag.ownerTeamId,
      ownerTeamName: flag.ownerTeamId === null ? null : (teamById.get(flag.ownerTeamId) ?? null),
      allowsRecordedReason: (rule?.allowsRecordedReason ?? false) && flag.severity !== 'query',
      reason,
    })
  }
  return { items, hiddenCount }
}

function applyFilters(items: WorkItem[], query: WorkQuery): WorkItem[] {
  return items.filter(
    (i) =>
      (query.ruleId === null || i.ruleId === query.ruleId) &&
      (query.severity === null || i.severity === query.severity) &&
      (query.teamId === null || i.ownerTeamId === query.teamId) &&
      (query.workerId === null || i.ownerWorkerId === query.workerId),
  )
}

const byName = (a: string | null, b: string | null) => (a ?? '~').localeCompare(b ?? '~', 'en-GB')
const familyFirst = (name: string) => {
  const space = name.lastIndexOf(' ')
  return space < 0 ? name : `${name.slice(space + 1)} ${name.slice(0, space)}`
}

export function sortItems(items: WorkItem[], sort: SortKey): WorkItem[] {
  const mostOverdue = (a: WorkItem, b: WorkItem) =>
    b.daysOverdue - a.daysOverdue || a.dueOn.localeCompare(b.dueOn) || a.personId - b.personId
  const compare: Record<SortKey, (a: WorkItem, b: WorkItem) => number> = {
    overdue: mostOverdue,
    due: (a, b) => a.dueOn.localeCompare(b.dueOn) || mostOverdue(a, b),
    child: (a, b) => byName(familyFirst(a.childName), familyFirst(b.childName)) || mostOverdue(a, b),
    rule: (a, b) => byName(a.ruleTitle, b.ruleTitle) || mostOverdue(a, b),
    worker: (a, b) => byName(a.ownerWorkerName, b.ownerWorkerName) || mostOverdue(a, b),
  }
  return [...items].sort(compare[sort])
}

export interface WorkCounts {
  overdue: number
  dueToday: number
  dueThisWeek: number
  dueLater: number
  query: number
  total: number
}

export function countItems(items: readonly { group: WorkGroup }[]): WorkCounts {
  const n = (g: WorkGroup) => items.filter((i) => i.group === g).length
  return {
    overdue: n('overdue'),
    dueToday: n('due-today'),
    dueThisWeek: n('due-this-week'),
    dueLater: n('due-later'),
    query: n('query'),
    total: items.length,
  }
}

function groupItems(items: WorkItem[]) {
  return WORK_GROUPS.map((g) => ({ ...g, items: items.filter((i) => i.group === g.key) }))
}

export interface Worklist {
  asAt: IsoDate
  items: WorkItem[]
  groups: { key: WorkGroup; title: string; items: WorkItem[] }[]
  counts: WorkCounts
  /** Flags about children whose records the user may not see (restricted): counted, never named. */
  hiddenCount: number
}

function worklist(asAt: IsoDate, all: WorkItem[], query: WorkQuery, hiddenCount: number): Worklist {
  const items = sortItems(applyFilters(all, query), query.sort)
  return { asAt, items, groups: groupItems(items), counts: countItems(items), hiddenCount }
}

// --- My work ---

/**
 * Each worker's children (any kind of allocation current at the end of `asAt`), for the whole authority in
 * one pass: a worker's allocations as at a date can only be found by reading the whole table (its index holds
 * open allocations only), so one read shared by every team's page and count, kept like the flags until the
 * record next changes, costs less than one read per worker per page.
 */
function allocatedChildren(db: DbOrTx, asAt: IsoDate): Promise<ReadonlyMap<number, readonly number[]>> {
  return cachedFlags(db, `allocated-children|${asAt}`, async () => {
    const rows = await db
      .select({
        workerId: sql<number>`${allocation.workerId}`,
        personIds: sql<number[]>`array_agg(distinct ${allocation.personId} order by ${allocation.personId})`,
      })
      .from(allocation)
      .where(and(sql`${allocation.workerId} is not null`, currentAt(asAt)))
      .groupBy(allocation.workerId)
    return new Map(rows.map((r) => [r.workerId, r.personIds]))
  })
}

/** The children allocated to a worker (in any role) at the end of `asAt`, read now. */
async function childrenOfWorker(db: DbOrTx, workerId: number, asAt: IsoDate): Promise<number[]> {
  const rows = await db
    .selectDistinct({ personId: allocation.personId })
    .from(allocation)
    .where(and(eq(allocation.workerId, workerId), currentAt(asAt)))
  return rows.map((r) => r.personId)
}

/** The user's own work: flags whose owner is their worker, about children allocated to them at `asAt`. */
export async function myWork(db: DbOrTx, user: CurrentUser, query: WorkQuery): Promise<Worklist> {
  if (user.workerId === null) return worklist(query.asAt, [], query, 0)
  const workerId = user.workerId
  const generation = cacheGeneration()
  const personIds = await childrenOfWorker(db, workerId, query.asAt)
  const flags = (await evaluate(db, query.asAt, query.ruleId, personIds)).filter(
    (f) => f.ownerWorkerId === workerId,
  )
  if (query.asAt === today() && query.ruleId === null)
    rememberCount(db, user.id, query.asAt, flags.filter((f) => f.severity === 'overdue').length, generation)
  const { items, hiddenCount } = await toItems(db, user, flags, query.asAt)
  return worklist(query.asAt, items, query, hiddenCount)
}

// --- My team ---

export async function getTeam(db: DbOrTx, teamId: number) {
  const [found] = await db
    .select({
      id: team.id,
      name: team.name,
      kind: team.kind,
      serviceId: team.serviceId,
      serviceName: service.name,
    })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .where(eq(team.id, teamId))
  if (!found) throw new NotFoundError(`No team ${teamId}`)
  return found
}

export interface TeamWorker {
  id: number
  name: string
  jobTitle: string
  caseload: number
  overdue: number
  dueSoon: number
  query: number
}

export interface RuleCount {
  ruleId: string
  ruleTitle: string
  ruleHref: string
  overdue: number
  dueSoon: number
  query: number
  total: number
}

function countByRule(items: readonly WorkItem[] | readonly Flag[]): RuleCount[] {
  const counts = new Map<string, RuleCount>()
  for (const item of items) {
    let c = counts.get(item.ruleId)
    if (!c) {
      c = {
        ruleId: item.ruleId,
        ruleTitle: item.ruleTitle,
        ruleHref: `/timescales#${item.ruleId}`,
        overdue: 0,
        dueSoon: 0,
        query: 0,
        total: 0,
      }
      counts.set(item.ruleId, c)
    }
    if (item.severity === 'overdue') c.overdue++
    else if (item.severity === 'due-soon') c.dueSoon++
    else c.query++
    c.total++
  }
  return [...counts.values()].sort(
    (a, b) => b.overdue - a.overdue || b.total - a.total || a.ruleTitle.localeCompare(b.ruleTitle),
  )
}

/**
 * Items shown on one page of a team's work (the counts, the tables by worker and timescale, and the export
 * cover them all). 25 rows, most overdue first, is what a manager reads on arriving; at 50 the rows were
 * two thirds of a 95 KB page and of its rendering time (profiled on a mid authority).
 */
export const TEAM_PAGE_SIZE = 25

const authorityKey = (asAt: IsoDate, ruleId: string | null) => `authority|${asAt}|${ruleId ?? ''}`

/**
 * The whole authority's flags at `asAt`, kept until the record next changes (src/rules/engine/cache.ts) and
 * worked out off the main thread on a PostgreSQL server (src/rules/engine/flags-worker.ts): a refresh past
 * the time limit is answered from the old value meanwhile, and takes one database connection of its own.
 */
function authorityFlags(db: DbOrTx, asAt: IsoDate, ruleId: string | null): Promise<Flag[]> {
  return cachedFlags(db, authorityKey(asAt, ruleId), evaluateAuthority(db, asAt, ruleId))
}

const evaluateAuthority = (db: DbOrTx, asAt: IsoDate, ruleId: string | null) => (how: Computing) =>
  evaluateFlags(
    db,
    { asAt, ruleIds: ruleId ? [ruleId] : undefined, dueSoonWorkingDays: DUE_SOON_WORKING_DAYS },
    how,
  )

/**
 * The flags a team owns at `asAt` (by the team, or one of `memberIds`): the authority's flags at that date,
 * worked out once and shared by every team's page until the record next changes
 * (src/rules/engine/cache.ts). Evaluating only the children each team could own looked cheaper
 * for one team, but the children a team can own include every child its members ever chaired or reviewed,
 * so on a mid authority a team's evaluation took 60 to 1,070 ms against 450 to 520 ms for the whole
 * authority; and with 17 team managers at work, the 17 evaluations (5.4 s together) all fell due together
 * when the cache expired. One shared evaluation costs the first page of the minute about half a second
 * and every other team's page nothing.
 */
async function teamFlags(
  db: DbOrTx,
  teamId: number,
  memberIds: ReadonlySet<number>,
  asAt: IsoDate,
  ruleId: string | null,
): Promise<Flag[]> {
  const flags = await authorityFlags(db, asAt, ruleId)
  return flags.filter(
    (f) => f.ownerTeamId === teamId || (f.ownerWorkerId !== null && memberIds.has(f.ownerWorkerId)),
  )
}

/**
 * A team's work at `asAt`: every flag owned by the team or one of its workers, each worker's caseload and
 * counts, the counts by timescale, and reasons awaiting a manager's agreement. The list is shown a page at
 * a time (`page`, from 1); `items` holds the whole list, for export. The caller checks the user may see this
 * team (canViewTeamCaseload).
 */
export function teamWork(
  db: DbOrTx,
  user: CurrentUser,
  teamId: number,
  query: WorkQuery,
  page = 1,
  pageSize = TEAM_PAGE_SIZE,
) {
  // The whole answer is kept like the flags it is made of (names, visibility and reasons are part of the
  // record too), per user since what they may see differs, until the record next changes.
  const key = [
    'team-work',
    user.id,
    teamId,
    query.asAt,
    query.ruleId,
    query.severity,
    query.teamId,
    query.workerId,
    query.sort,
    page,
    pageSize,
  ].join('|')
  return cachedFlags(db, key, () => workOfTeam(db, user, teamId, query, page, pageSize))
}

async function workOfTeam(
  db: DbOrTx,
  user: CurrentUser,
  teamId: number,
  query: WorkQuery,
  page: number,
  pageSize: number,
) {
  const asAt = query.asAt
  const [found, rows, allocated] = await Promise.all([
    getTeam(db, teamId),
    db
      .select({
        id: worker.id,
        name: workerName,
        jobTitle: worker.jobTitle,
        inPost: sql<boolean>`${worker.startedOn} <= ${asAt} and (${worker.leftOn} is null or ${worker.leftOn} > ${asAt})`,
      })
      .from(worker)
      .where(eq(worker.teamId, teamId))
      .orderBy(asc(worker.familyName), asc(worker.givenName)),
    // Each member's caseload from the authority's allocations, read once for every team's page (counting
    // them here, per member, read the whole allocation table once per member: 275 ms for a team of 9).
    allocatedChildren(db, asAt),
  ])
  const members = rows.map((m) => ({ ...m, caseload: allocated.get(m.id)?.length ?? 0 }))
  const memberIds = new Set(members.map((m) => m.id))
  const teamFlagList = await teamFlags(db, teamId, memberIds, asAt, query.ruleId)
  const { items: all, hiddenCount } = await toItems(db, user, teamFlagList, asAt)
  const count = (ownerWorkerId: number | null) => {
    const mine = teamFlagList.filter((f) =>
      ownerWorkerId === null
        ? f.ownerWorkerId === null || !memberIds.has(f.ownerWorkerId)
        : f.ownerWorkerId === ownerWorkerId,
    )
    return {
      overdue: mine.filter((f) => f.severity === 'overdue').length,
      dueSoon: mine.filter((f) => f.severity === 'due-soon').length,
      query: mine.filter((f) => f.severity === 'query').length,
    }
  }
  const workers: TeamWorker[] = members
    .filter((m) => m.inPost || teamFlagList.some((f) => f.ownerWorkerId === m.id))
    .map((m) => ({ id: m.id, name: m.name, jobTitle: m.jobTitle, caseload: m.caseload, ...count(m.id) }))
  const unowned = count(null)
  const list = worklist(asAt, all, query, hiddenCount)
  const pages = Math.max(1, Math.ceil(list.items.length / pageSize))
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  // Paged in the order the page reads: overdue first, then due today, this week and to look at.
  const ordered = WORK_GROUPS.flatMap((g) => list.items.filter((i) => i.group === g.key))
  const shown = ordered.slice((current - 1) * pageSize, current * pageSize)
  return {
    team: found,
    workers,
    /** Flags of the team's children awaiting a worker, or owned outside the team's workers. */
    unowned: { ...unowned, total: unowned.overdue + unowned.dueSoon + unowned.query },
    byRule: countByRule(teamFlagList),
    awaitingAgreement: all.filter((i) => i.reason?.id != null && i.reason.agreedOn === null),
    ...list,
    /** This page's items, grouped (overdue, due today, this week, to look at), with each group's total. */
    groups: groupItems(shown).map((g) => ({
      ...g,
      total: list.items.filter((i) => i.group === g.key).length,
    })),
    pagination: {
      page: current,
      pages,
      from: list.items.length === 0 ? 0 : (current - 1) * pageSize + 1,
      to: (current - 1) * pageSize + shown.length,
      total: list.items.length,
    },
  }
}

/**
 * The child's current allocation held in this team (by the team, or one of its workers), for reassigning
 * from the team's worklist: the social worker's allocation if there is one. Null when none.
 */
export async function currentAllocationInTeam(db: DbOrTx, personId: number, teamId: number) {
  const rows = await db
    .select({
      id: allocation.id,
      kind: allocation.kind,
      workerId: allocation.workerId,
      workerName: sql<string | null>`${worker.givenName} || ' ' || ${worker.familyName}`,
      startedOn: allocation.startedOn,
      childName: sql<string>`${person.givenName} || ' ' || ${person.familyName}`,
    })
    .from(allocation)
    .innerJoin(person, eq(person.id, allocation.personId))
    .leftJoin(worker, eq(worker.id, allocation.workerId))
    .where(
      and(
        eq(allocation.personId, personId),
        isNull(allocation.endedOn),
        or(eq(allocation.teamId, teamId), eq(worker.teamId, teamId)),
      ),
    )
    .orderBy(sql`${allocation.kind} = 'social-worker' desc`, asc(allocation.id))
  return rows[0] ?? null
}

// --- My service ---

/**
 * The teams whose numbers a user sees on My service: a service manager their service's teams; senior
 * leaders and performance analysts every team (null).
 */
export async function serviceTeamIds(db: DbOrTx, user: CurrentUser): Promise<number[] | null> {
  if (user.roles.includes('senior-leader') || user.roles.includes('performance-analyst')) return null
  if (user.roles.includes('service-manager') && user.teamId !== null) {
    const rows = await db
      .select({ id: team.id })
      .from(team)
      .where(eq(team.serviceId, sql`(select t.service_id from team t where t.id = ${user.teamId})`))
    return rows.map((r) => r.id)
  }
  return []
}

/** The Monday on or before `asAt` and the `weeks - 1` Mondays before it, oldest first. */
export function lastMondays(asAt: IsoDate, weeks = 8): IsoDate[] {
  const monday = addCalendarDays(asAt, -((dayOfWeek(asAt) + 6) % 7))
  const mondays: IsoDate[] = []
  for (let k = weeks - 1; k >= 0; k--) {
    const d = addCalendarDays(monday, -7 * k)
    if (d >= `${CALENDAR_FIRST_YEAR}-01-01`) mondays.push(d)
  }
  return mondays
}

export interface TeamCount {
  id: number | null
  name: string
  serviceName: string | null
  caseload: number
  overdue: number
  dueSoon: number
  query: number
  total: number
}

export interface TrendPoint {
  weekOf: IsoDate
  overdue: number
  dueSoon: number
  query: number
  /** Overdue items by team id ('none' for work not held by a team). */
  overdueByTeam: Record<string, number>
}

/**
 * The service's work at `asAt`: counts by team and by timescale, and the number overdue as at each of the
 * last 8 Mondays. Counts include every child (numbers name no one); `items` lists only children the user
 * may see, for export and drilling down.
 */
export async function serviceWork(db: DbOrTx, user: CurrentUser, query: WorkQuery, weeks = 8) {
  const scope = await serviceTeamIds(db, user)
  const inScope = (f: Flag) =>
    scope === null ? true : f.ownerTeamId !== null && scope.includes(f.ownerTeamId)
  const teamFilter = (f: Flag) => query.teamId === null || f.ownerTeamId === query.teamId
  const asAt = query.asAt
  const teams = await db
    .select({
      id: team.id,
      name: team.name,
      serviceName: service.name,
      caseload: sql<number>`(select count(distinct a.person_id)::int from ${allocation} a
        where a.team_id = team.id and a.started_on <= ${asAt} and (a.ended_on is null or a.ended_on > ${asAt}))`,
    })
    .from(team)
    .innerJoin(service, eq(service.id, team.serviceId))
    .where(scope === null ? undefined : scope.length > 0 ? inArray(team.id, scope) : sql`false`)
    .orderBy(asc(service.name), asc(team.name))
  const flags = (await evaluateAuthority(db, asAt, query.ruleId)({ background: false })).filter(
    (f) => inScope(f) && teamFilter(f) && (query.severity === null || f.severity === query.severity),
  )
  const tally = (fs: Flag[]) => ({
    overdue: fs.filter((f) => f.severity === 'overdue').length,
    dueSoon: fs.filter((f) => f.severity === 'due-soon').length,
    query: fs.filter((f) => f.severity === 'query').length,
    total: fs.length,
  })
  const byTeam: TeamCount[] = teams
    .filter((t) => query.teamId === null || t.id === query.teamId)
    .map((t) => ({ ...t, ...tally(flags.filter((f) => f.ownerTeamId === t.id)) }))
  const noTeam = flags.filter((f) => f.ownerTeamId === null)
  if (noTeam.length > 0)
    byTeam.push({ id: null, name: 'Not held by a team', serviceName: null, caseload: 0, ...tally(noTeam) })
  const trend: TrendPoint[] = []
  // One at a time: each is a whole-authority evaluation, and the database is shared with everyone else.
  // Like the team pages', off the main thread on a PostgreSQL server.
  for (const weekOf of lastMondays(asAt, weeks)) {
    const week = (await evaluateAuthority(db, weekOf, query.ruleId)({ background: false })).filter(
      (f) => inScope(f) && teamFilter(f) && (query.severity === null || f.severity === query.severity),
    )
    const overdueByTeam: Record<string, number> = {}
    for (const f of week) {
      if (f.severity !== 'overdue') continue
      const key = f.ownerTeamId === null ? 'none' : String(f.ownerTeamId)
      overdueByTeam[key] = (overdueByTeam[key] ?? 0) + 1
    }
    trend.push({ weekOf, ...tally(week), overdueByTeam })
  }
  const { items, hiddenCount } = await toItems(db, user, flags, asAt)
  return {
    asAt,
    teams,
    byTeam,
    byRule: countByRule(flags),
    totals: tally(flags),
    trend,
    items: sortItems(items, query.sort),
    hiddenCount,
  }
}

// --- The count in the navigation ---

interface CachedCount {
  asAt: IsoDate
  count: number
  expires: number
  /** The cache generation when it was worked out: a change to the record since makes it stale. */
  generation: number
}
const COUNT_TTL_MS = 60_000
const counts = new WeakMap<object, Map<number, CachedCount>>()

function rememberCount(db: DbOrTx, userId: number, asAt: IsoDate, count: number, generation: number) {
  let byUser = counts.get(db)
  if (!byUser) {
    byUser = new Map()
    counts.set(db, byUser)
  }
  byUser.set(userId, { asAt, count, expires: Date.now() + COUNT_TTL_MS, generation })
}

/** Forget the remembered counts (after a change that moves flags: a reallocation, a setting). */
export function forgetOverdueCounts(db: DbOrTx): void {
  counts.delete(db)
}

/**
 * How many of the user's own items are overdue today, for the navigation ("My work (3)"). Evaluated only
 * over the children allocated to them, and remembered for a minute, so a page costs at most one small
 * evaluation a minute. Null for a user who holds no caseload.
 */
export async function overdueCount(db: DbOrTx, user: CurrentUser): Promise<number | null> {
  if (user.workerId === null) return null
  const asAt = today()
  const cached = counts.get(db)?.get(user.id)
  if (
    cached &&
    cached.asAt === asAt &&
    cached.expires > Date.now() &&
    cached.generation === cacheGeneration()
  )
    return cached.count
  const generation = cacheGeneration()
  const workerId = user.workerId
  // The authority's flags, when a worklist has them and they still count, hold the answer: those owned by
  // the worker about the children allocated to them (read, like the flags, once for everyone) are what
  // evaluating those children would give. Else the worker's children alone are evaluated.
  const authority = peekCachedFlags(db, authorityKey(asAt, null), evaluateAuthority(db, asAt, null))
  let count: number
  if (authority) {
    const mine = new Set((await allocatedChildren(db, asAt)).get(workerId))
    count = authority.filter(
      (f) => f.severity === 'overdue' && f.ownerWorkerId === workerId && mine.has(f.personId),
    ).length
  } else {
    const personIds = await childrenOfWorker(db, workerId, asAt)
    const flags = await evaluate(db, asAt, null, personIds)
    count = flags.filter((f) => f.severity === 'overdue' && f.ownerWorkerId === workerId).length
  }
  rememberCount(db, user.id, asAt, count, generation)
  return count
}

// --- Export ---

const CSV_HEADER = [
  'Child',
  'Hearth ID',
  'What is due',
  'Timescale',
  'Status',
  'Clock started',
  'Due',
  'Working days overdue',
  'Worker',
  'Team',
  'Recorded reason',
  'Reason agreed by',
  'Reason agreed on',
]

/** A cell as CSV: quoted when needed, and never read by a spreadsheet as a formula. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function worklistCsv(items: readonly WorkItem[]): string {
  const rows = items.map((i) => [
    i.childName,
    i.personId,
    i.what,
    i.ruleTitle,
    i.severityLabel,
    i.startedOn,
    i.dueOn,
    i.severity === 'query' ? '' : Math.max(0, i.daysOverdue),
    i.ownerWorkerName ?? '',
    i.ownerTeamName ?? '',
    i.reason?.reason ?? '',
    i.reason?.agreedBy ?? '',
    i.reason?.agreedOn ?? '',
  ])
  return `${[CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/**
 * A list as CSV, written to the access log as an export: which list, as at when, with which filters, and
 * the children named in it.
 */
export async function exportWorklist(
  db: DbOrTx,
  actor: Actor,
  list: string,
  query: WorkQuery,
  items: readonly WorkItem[],
): Promise<string> {
  await logAccess(db, actor, {
    action: 'export',
    subjectType: 'worklist',
    subjectId: list,
    detail: {
      asAt: query.asAt,
      filters: {
        rule: query.ruleId,
        severity: query.severity,
        team: query.teamId,
        worker: query.workerId,
      },
      rows: items.length,
      personIds: [...new Set(items.map((i) => i.personId))],
    },
  })
  return worklistCsv(items)
}
