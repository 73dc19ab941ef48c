import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { setting, timescaleException, userAccount } from '../../db/schema/index.ts'
import { addCalendarDays, addWorkingDays, type IsoDate } from '../../domain/calendar/working-days.ts'
import { RULES } from '../catalogue/index.ts'
import { workingDaysOverdue } from './clock.ts'
import { endOfDay } from './sql.ts'
import type { Flag, Rule, RuleContext, Severity } from './types.ts'

export interface EvaluateOptions {
  asAt: IsoDate
  /** Only these children (a team's caseload, one child after a change); omitted: the whole authority. */
  personIds?: readonly number[]
  ruleIds?: readonly string[]
  /** Working days ahead within which a timescale counts as due soon. */
  dueSoonWorkingDays?: number
}

export async function loadSettings(
  db: DbOrTx,
  rules: readonly Rule[] = RULES,
): Promise<(key: string) => number> {
  const stored = new Map((await db.select().from(setting)).map((s) => [s.key, s.value]))
  const defaults = new Map(rules.flatMap((r) => r.settings ?? []).map((s) => [s.key, s.default]))
  return (key) => {
    const value = stored.get(key) ?? defaults.get(key)
    if (value === undefined) throw new Error(`No setting ${key}`)
    return value
  }
}

/**
 * Every flag as things stood at the end of `asAt`: each rule finds its clocks, then the engine decides
 * overdue / due soon / query and attaches any recorded reason for exceeding the timescale.
 */
export async function evaluateRules(db: DbOrTx, options: EvaluateOptions): Promise<Flag[]> {
  const rules = RULES.filter(
    (r) =>
      (!options.ruleIds || options.ruleIds.includes(r.id)) &&
      r.effectiveFrom <= options.asAt &&
      (!r.effectiveTo || options.asAt <= r.effectiveTo),
  )
  const ids = options.personIds
  if (ids && ids.length === 0) return []
  const dueSoon = options.dueSoonWorkingDays ?? 5
  const context: RuleContext = {
    db,
    asAt: options.asAt,
    dueBy: horizon(options.asAt, dueSoon),
    personFilter: ids
      ? (column) =>
          sql`${column} in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
      : undefined,
    setting: await loadSettings(db, rules),
  }
  // A rule may count as due soon earlier than the caller asks (its own window), never later.
  const windowOf = (rule: Rule) => Math.max(dueSoon, rule.dueSoonWorkingDays ?? 0)
  // Many clocks fall due on the same day: count each day's working days overdue once.
  const overdueBy = new Map<IsoDate, number>()
  const daysOverdueOf = (dueOn: IsoDate) => {
    let days = overdueBy.get(dueOn)
    if (days === undefined) {
      days = workingDaysOverdue(dueOn, options.asAt)
      overdueBy.set(dueOn, days)
    }
    return days
  }
  // Each rule's clocks become flags as soon as its query answers, while the other rules' queries run.
  const results = await Promise.all(
    rules.map(async (rule) => {
      const window = windowOf(rule)
      const items = await rule.evaluate(
        window === dueSoon ? context : { ...context, dueBy: horizon(options.asAt, window) },
      )
      const flags: Flag[] = []
      for (const item of items) {
        const daysOverdue = daysOverdueOf(item.dueOn)
        let severity: Severity | null
        if (rule.kind === 'query') severity = 'query'
        else if (daysOverdue > 0) severity = 'overdue'
        else if (-daysOverdue <= window) severity = 'due-soon'
        else severity = null
        if (severity) {
          flags.push({
            ...item,
            ruleId: rule.id,
            ruleTitle: rule.title,
            severity,
            daysOverdue,
            recordedReason: item.recordedReason ?? null,
          })
        }
      }
      return flags
    }),
  )
  const flags = results.flat()
  await attachRecordedReasons(db, flags, options.asAt)
  return flags.sort((a, b) => b.daysOverdue - a.daysOverdue || a.personId - b.personId)
}

/**
 * The last date a clock can fall due and still be flagged. Near the end of the bank-holiday table working
 * days cannot be counted, so a calendar bound that is never shorter stands in (the engine re-checks).
 */
function horizon(asAt: IsoDate, dueSoon: number): IsoDate {
  try {
    return addWorkingDays(asAt, dueSoon)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return addCalendarDays(asAt, dueSoon * 2 + 14)
  }
}

async function attachRecordedReasons(db: DbOrTx, flags: Flag[], asAt: IsoDate): Promise<void> {
  const candidates = flags.filter((f) => f.severity === 'overdue' && !f.recordedReason)
  if (candidates.length === 0) return
  const personIds = [...new Set(candidates.map((f) => f.personId))]
  const reasons = await db
    .select({
      ruleId: timescaleException.ruleId,
      subjectType: timescaleException.subjectType,
      subjectId: timescaleException.subjectId,
      reason: timescaleException.reason,
      agreedOn: timescaleException.agreedOn,
      agreedBy: userAccount.displayName,
    })
    .from(timescaleException)
    .leftJoin(userAccount, eq(userAccount.id, timescaleException.agreedBy))
    .where(
      and(
        // The children as one array parameter: a whole authority's overdue children are thousands.
        sql`${timescaleException.personId} = any(${`{${personIds.join(',')}}`}::int[])`,
        // Only reasons recorded by the end of asAt (a London day), so the past is shown as it stood.
        sql`${timescaleException.recordedAt} < ${endOfDay(asAt)}`,
      ),
    )
    // The latest reason for a subject wins: the map below keeps the last row of each key.
    .orderBy(timescaleException.recordedAt, timescaleException.id)
  const byKey = new Map(reasons.map((r) => [`${r.ruleId}|${r.subjectType}|${r.subjectId}`, r]))
  for (const flag of candidates) {
    const found = byKey.get(`${flag.ruleId}|${flag.subjectType}|${flag.subjectId}`)
    if (found)
      flag.recordedReason = { reason: found.reason, agreedBy: found.agreedBy, agreedOn: found.agreedOn }
  }
}
