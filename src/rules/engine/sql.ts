import { type SQL, sql } from 'drizzle-orm'
import type { IsoDate } from '../../domain/calendar/working-days.ts'
import type { RuleContext, Unit } from './types.ts'

// Small SQL fragments the rules share, so "open case" or "the London day of a timestamp" means the same in
// every rule. Aliases are fixed strings written by rule authors, never user input.

/** `and <filter>` when the evaluation is limited to some children; nothing for the whole authority. */
export function andPeople(context: Pick<RuleContext, 'personFilter'>, personId: SQL): SQL {
  return context.personFilter ? sql`and ${context.personFilter(personId)}` : sql``
}

/** The civil (London) date of a timestamp, so "by the end of asAt" means the end of the day in England. */
export function londonDate(timestamp: SQL): SQL {
  return sql`(${timestamp} at time zone 'Europe/London')::date`
}

/**
 * The referral with this alias was an open case at the end of `asAt`: received by then, not a referral
 * that led to no further action, and not closed by then.
 */
export function openReferral(alias: string, asAt: IsoDate): SQL {
  const r = sql.raw(alias)
  return sql`(${r}.referral_date <= ${asAt} and not ${r}.no_further_action
    and (${r}.closure_date is null or ${r}.closure_date > ${asAt}))`
}

/** The row with this alias (start_date, end_date: a plan) was current at the end of `asAt`. */
export function currentOn(alias: string, asAt: IsoDate): SQL {
  const t = sql.raw(alias)
  return sql`(${t}.start_date <= ${asAt} and (${t}.end_date is null or ${t}.end_date > ${asAt}))`
}

/** No referral, or its case still open at the end of `asAt` (for rows that may hang off a referral). */
export function referralNotClosed(alias: string, asAt: IsoDate): SQL {
  const r = sql.raw(alias)
  return sql`(${r}.id is null or ${r}.closure_date is null or ${r}.closure_date > ${asAt})`
}

/**
 * `left join lateral (…) <alias> on true`: whether the referral with this id was closed by the end of `asAt`;
 * keep rows with `<alias>.found is null` (no referral, or its case still open). Probed by key for the rows
 * that reach it, where a join to referral lets the planner hash every referral.
 */
export function closedReferral(alias: string, referralId: SQL, asAt: IsoDate): SQL {
  return probe(alias, sql`from referral cr_r where cr_r.id = ${referralId} and cr_r.closure_date <= ${asAt}`)
}

/** Length of a text column with surrounding spaces, tabs and line breaks removed; 0 when null. */
export function trimmedLength(text: SQL): SQL<number> {
  return sql<number>`length(btrim(coalesce(${text}, ''), chr(32) || chr(9) || chr(10) || chr(13)))`
}

/**
 * Words with at least one letter in a text column, as wordCount() in domain/practice/substance.ts counts
 * them: runs of non-space characters holding a letter. One function call per row (no subquery), so the
 * planner charges it as cheap as it is.
 */
export function wordCount(text: SQL): SQL<number> {
  return sql<number>`regexp_count(coalesce(${text}, ''), '[^[:space:]]*[[:alpha:]][^[:space:]]*')`
}

/**
 * One row per child with an open case at the end of `asAt` (person_id, referral_date: the earliest open
 * referral's date, when the open case began), for use in a `with` clause.
 */
export function openCases(context: Pick<RuleContext, 'personFilter'>, asAt: IsoDate): SQL {
  return sql`select distinct on (oc_r.person_id) oc_r.person_id, oc_r.referral_date
    from referral oc_r
    where ${openReferral('oc_r', asAt)} ${andPeople(context, sql`oc_r.person_id`)}
    order by oc_r.person_id, oc_r.referral_date, oc_r.id`
}

/**
 * No row matches `from … where …`. Written as a scalar subquery rather than NOT EXISTS so that the planner
 * probes an index for each row still left, instead of hashing a whole large table (visits, oversight,
 * assessments) for an anti-join.
 */
export function noneOf(fromWhere: SQL): SQL {
  return sql`(select true ${fromWhere} limit 1) is null`
}

/**
 * `left join lateral (…) <alias> on true`: whether any row matches `from … where …`, as `<alias>.found` (true,
 * or null when none does). With `<alias>.found is null` in the where clause it keeps the rows with none, like
 * noneOf, but the planner charges the probe only to the rows that reach the join (after the cheap filters),
 * not to every row of the table scanned, so a plan's estimated cost stays near what it really costs.
 */
export function probe(alias: string, fromWhere: SQL): SQL {
  return sql`left join lateral (select true as found ${fromWhere} limit 1) ${sql.raw(alias)} on true`
}

/**
 * `join lateral (…) <alias> on true`: the person with this id (giving `<alias>.date_of_birth`), found by key for
 * each row that reaches it. A plain join lets the planner hash the whole person table instead.
 */
export function personJoin(alias: string, personId: SQL): SQL {
  return sql`join lateral (select pj.date_of_birth from person pj where pj.id = ${personId} limit 1) ${sql.raw(alias)} on true`
}

/**
 * A probe (see probe): management oversight recorded on the child's record on or after `from`, by the end of
 * `asAt`; keep rows with `<alias>.found is null` for none.
 */
export function oversightSince(alias: string, personId: SQL, from: SQL, asAt: IsoDate): SQL {
  return probe(
    alias,
    sql`from oversight os_o where os_o.person_id = ${personId}
      and os_o.recorded_on >= ${from} and os_o.recorded_on <= ${asAt}`,
  )
}

/** The end of the London day `asAt`, as a timestamp: compare raw timestamps with it (no per-row conversion). */
export function endOfDay(asAt: IsoDate): SQL {
  return sql`((${asAt}::date + 1)::timestamp at time zone 'Europe/London')`
}

/**
 * Keeps a clock only if it can fall due by `dueBy` (`start` + `amount` `unit`s on or before it), so rows that
 * cannot make a flag stay in the database. Working days are bounded by calendar days (each working day is
 * at least one day on), so no clock that matters is left out; months add as addMonths does (end-clamped).
 */
export function canBeDueBy(start: SQL, amount: number, unit: Unit, dueBy: IsoDate): SQL {
  switch (unit) {
    case 'months':
      return sql`(${start} + make_interval(months => ${amount}::int))::date <= ${dueBy}::date`
    case 'weeks':
      return sql`${start} <= ${dueBy}::date - ${amount * 7}::int`
    case 'hours':
      return sql`${start} <= ${dueBy}::date - ${Math.ceil(amount / 24)}::int`
    case 'working-days':
    case 'calendar-days':
      return sql`${start} <= ${dueBy}::date - ${amount}::int`
  }
}
