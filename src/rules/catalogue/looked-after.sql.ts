import { type SQL, sql } from 'drizzle-orm'
import type { IsoDate } from '../../domain/calendar/working-days.ts'
import { currentOn } from '../engine/sql.ts'

// SQL the looked-after rules share, so "in care now" and "this period of care's records" mean the same in
// each. Aliases are fixed strings written by rule authors, never user input.

/**
 * The period of care with this alias is not, at the end of `asAt`, a series of short breaks (legal status
 * V3 or V4): those follow the short-breaks arrangements of CPPCR 2010 regulation 48 (reviews, visits and
 * plans modified), which these rules do not model.
 */
export function notShortBreaks(periodAlias: string, asAt: IsoDate): SQL {
  const p = sql.raw(periodAlias)
  // NOT EXISTS (an anti-join) rather than noneOf: short breaks are few, so the planner hashes them once
  // instead of probing legal_status for every period of care (and charging each probe to the plan).
  return sql`not exists (select 1 from legal_status sb_l where sb_l.period_of_care_id = ${p}.id
    and ${currentOn('sb_l', asAt)} and sb_l.code in ('V3', 'V4'))`
}

/**
 * A dated record (`date`) belongs to the care that the period with this alias began: made on or after the
 * period's start, or before it (planned ahead of the child coming into care) but after any earlier period
 * of care ended. So a health assessment or PEP from an earlier time in care does not count for this one.
 */
export function forThisCare(periodAlias: string, date: SQL): SQL {
  const p = sql.raw(periodAlias)
  return sql`(${date} >= ${p}.start_date or ${date} > coalesce((select max(pc_q.end_date) from period_of_care pc_q
    where pc_q.person_id = ${p}.person_id and pc_q.id <> ${p}.id and pc_q.end_date <= ${p}.start_date),
    '-infinity'::date))`
}
