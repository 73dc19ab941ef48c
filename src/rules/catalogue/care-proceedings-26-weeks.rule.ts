import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/client.ts'
import { addCalendarDays, type IsoDate } from '../../domain/calendar/working-days.ts'
import { inWords } from '../engine/clock.ts'
import { allocatedAt } from '../engine/owner.ts'
import { andPeople } from '../engine/sql.ts'
import type { ClockItem, Rule } from '../engine/types.ts'

const WEEKS = 26
/** Each extension is of up to 8 weeks (s32(8)). */
export const MAX_EXTENSION_WEEKS = 8

export interface TimetableExtension {
  grantedOn: IsoDate
  weeks: number
}

export interface Timetable {
  /** The last day of the 26 weeks beginning with the day the application was issued. */
  statutoryEnd: IsoDate
  /** The last day of the timetable with the court's extensions granted so far. */
  end: IsoDate
}

/**
 * The proceedings' timetable: 26 weeks beginning with the day of issue (so issued on a Monday, the 26th
 * week ends on a Sunday), and each extension, in the order granted, ending its weeks after the later of
 * the end of the period it extends and the day it was granted (s32(8)). Pure: the pages, the API and this
 * rule all use it, so the date is never stored.
 */
export function proceedingsTimetable(
  issuedOn: IsoDate,
  extensions: readonly TimetableExtension[] = [],
): Timetable {
  const statutoryEnd = addCalendarDays(issuedOn, WEEKS * 7 - 1)
  let end = statutoryEnd
  const inOrder = [...extensions].sort((a, b) =>
    a.grantedOn < b.grantedOn ? -1 : a.grantedOn > b.grantedOn ? 1 : 0,
  )
  for (const e of inOrder) end = addCalendarDays(e.grantedOn > end ? e.grantedOn : end, e.weeks * 7)
  return { statutoryEnd, end }
}

/**
 * Care or supervision proceedings not concluded within 26 weeks of issue, or by the end of the extensions
 * the court has granted (Children Act 1989 s32(1)(a)(ii), (5) and (8), inserted by the Children and
 * Families Act 2014 s14). Due soon in the last four weeks (20 working days); the allocated social worker's.
 */
export const careProceedings26WeeksRule: Rule = {
  id: 'care-proceedings-26-weeks',
  title: 'Care proceedings concluded within 26 weeks (or the court’s extension)',
  area: 'permanence',
  kind: 'timescale',
  source: {
    kind: 'regulation',
    citation:
      'Children Act 1989, section 32(1)(a)(ii), (5) and (8), as amended by the Children and Families Act 2014, section 14',
    quote:
      'The court shall draw up a timetable with a view to disposing of the application without delay, and in any event within twenty-six weeks beginning with the day on which the application was issued; it may extend that period only if necessary to resolve the proceedings justly, each extension ending no more than eight weeks after the later of the end of the period extended and the day it is granted.',
  },
  clockStart: 'The day the application for a care or supervision order was issued',
  unit: 'weeks',
  threshold: '26 weeks, plus each extension the court grants (up to 8 weeks each)',
  effectiveFrom: '2014-04-22',
  allowsRecordedReason: false,
  dueSoonWorkingDays: 20,
  async evaluate(context) {
    const { db, asAt } = context
    const rows = await queryRows<{
      id: number
      person_id: number
      issued_on: string
      extensions: TimetableExtension[] | null
      worker_id: number | null
      team_id: number | null
    }>(
      db,
      // Open at the end of asAt; the timetable is at least 26 weeks, so later issues cannot be due by dueBy.
      // Only extensions granted by asAt count, so the past is shown as it stood.
      sql`select cp.id, cp.person_id, cp.issued_on::text,
            (select json_agg(json_build_object('grantedOn', e.granted_on::text, 'weeks', e.weeks))
              from care_proceedings_extension e
              where e.care_proceedings_id = cp.id and e.granted_on <= ${asAt}) as extensions,
            sw.worker_id, sw.team_id
          from care_proceedings cp
          ${allocatedAt('sw', sql`cp.person_id`, asAt)}
          where cp.issued_on <= ${asAt}
            and cp.issued_on <= ${context.dueBy}::date - ${WEEKS * 7 - 1}::int
            and (cp.concluded_on is null or cp.concluded_on > ${asAt})
            ${andPeople(context, sql`cp.person_id`)}`,
    )
    const items: ClockItem[] = []
    for (const r of rows) {
      const extensions = r.extensions ?? []
      const { end } = proceedingsTimetable(r.issued_on, extensions)
      if (end > context.dueBy) continue
      const weeks = extensions.reduce((sum, e) => sum + e.weeks, 0)
      items.push({
        personId: r.person_id,
        subjectType: 'care-proceedings',
        subjectId: r.id,
        startedOn: r.issued_on,
        dueOn: end,
        what:
          extensions.length === 0
            ? `Care proceedings issued ${inWords(r.issued_on)} to conclude within 26 weeks`
            : `Care proceedings issued ${inWords(r.issued_on)} to conclude by the end of the court’s extension (${extensions.length === 1 ? 'one extension' : `${extensions.length} extensions`}, ${weeks} weeks)`,
        href: `/children/${r.person_id}/care-proceedings`,
        ownerWorkerId: r.worker_id,
        ownerTeamId: r.team_id,
      })
    }
    return items
  },
}
