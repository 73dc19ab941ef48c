import { addCalendarDays, addMonths, type IsoDate } from '../../domain/calendar/working-days.ts'

// How often a child in care must be visited: the Care Planning, Placement and Case Review (England)
// Regulations 2010, regulation 28, as summarised in /work/shared/domain/timescales.md §2:
//   28(2) standard: within 1 week of the start of any placement; then at intervals of not more than 6 weeks
//         in the first year of the placement; thereafter not more than 3 months if the placement is intended
//         to last until the child is 18 (long-term), otherwise not more than 6 weeks.
//   28(3) placed with a parent (P1) before the assessment is complete (reg 19): weekly until the first
//         review, then not more than 6 weeks.
//   28(4) placed with a connected person under temporary approval (reg 24), or living at home under an
//         interim care order (P1 with C1): weekly until the first review, then not more than 4 weeks.
//   28(5) a care order (C2) made while the child lives with a parent: within 1 week of the order, then not
//         more than 6 weeks.
// Short-break series (legal status V3/V4, reg 48) are not modelled: the standard rule is shown for them.
// Pure: callers pass what they know of the record.

export interface VisitPlacement {
  /** 903 PLACE. */
  placementType: string
  startDate: IsoDate
  /** Intended to last until the child is 18. */
  longTerm: boolean
}

export interface VisitLegalStatus {
  /** 903 LS. */
  code: string
  startDate: IsoDate
}

export interface VisitIntervalOptions {
  /** The date the rule is wanted for (the rule can change at the first review or a year into a placement). */
  on: IsoDate
  /** The first looked-after review of this period of care, if it has been held. */
  firstReviewOn?: IsoDate | null
  /** The carer is a connected person with regulation 24 temporary approval. */
  temporaryApproval?: boolean
}

export interface VisitInterval {
  regulation: '28(2)' | '28(3)' | '28(4)' | '28(5)'
  /** What the rule is, in plain English. */
  description: string
  /** The date the clock started: the placement, or for 28(5) the care order if later. */
  clockStart: IsoDate
  /** The first visit is due within a week of the clock start. */
  firstVisitBy: IsoDate
  /** The longest gap allowed between visits now: a number of days or of months. */
  interval: { days: number } | { months: number }
  /** The interval in words ("6 weeks"). */
  intervalText: string
}

const week = { days: 7 }
const weeks = (n: number) => ({ days: 7 * n })

/** The statutory visiting rule for a child's current placement and legal status on a date. */
export function statutoryVisitInterval(
  placement: VisitPlacement,
  legalStatus: VisitLegalStatus,
  options: VisitIntervalOptions,
): VisitInterval {
  const reviewed = !!options.firstReviewOn && options.firstReviewOn <= options.on
  const atHome = placement.placementType === 'P1'
  const make = (
    regulation: VisitInterval['regulation'],
    description: string,
    interval: VisitInterval['interval'],
    clockStart = placement.startDate,
  ): VisitInterval => ({
    regulation,
    description,
    clockStart,
    firstVisitBy: addCalendarDays(clockStart, 7),
    interval,
    intervalText: describeInterval(interval),
  })
  if (atHome && legalStatus.code === 'C2') {
    const orderOrPlacement =
      legalStatus.startDate > placement.startDate ? legalStatus.startDate : placement.startDate
    return make(
      '28(5)',
      'Care order while living with a parent: within 1 week of the order, then at least every 6 weeks',
      weeks(6),
      orderOrPlacement,
    )
  }
  if (options.temporaryApproval || (atHome && legalStatus.code === 'C1')) {
    const who = options.temporaryApproval
      ? 'Connected person with temporary approval (regulation 24)'
      : 'Living with a parent under an interim care order'
    return make(
      '28(4)',
      `${who}: every week until the first review, then at least every 4 weeks`,
      reviewed ? weeks(4) : week,
    )
  }
  if (atHome) {
    return make(
      '28(3)',
      'Placed with a parent before the assessment is complete: every week until the first review, then at least every 6 weeks',
      reviewed ? weeks(6) : week,
    )
  }
  const firstYear = options.on < addMonths(placement.startDate, 12)
  return make(
    '28(2)',
    placement.longTerm
      ? 'Within 1 week of the placement, at least every 6 weeks in its first year, then at least every 3 months (long-term placement)'
      : 'Within 1 week of the placement, then at least every 6 weeks',
    firstYear || !placement.longTerm ? weeks(6) : { months: 3 },
  )
}

function describeInterval(interval: VisitInterval['interval']): string {
  if ('months' in interval) return `${interval.months} months`
  return interval.days === 7 ? '1 week' : `${interval.days / 7} weeks`
}

export interface NextVisit {
  /** The date the next visit is due by. */
  due: IsoDate
  /** Why: the first visit after the placement (or order), or the interval after the last visit. */
  basis: string
  overdue: boolean
}

/**
 * When the next statutory visit is due. `visits` are the dates the child was seen on a statutory visit
 * (any order). Visits before the clock started do not count. After a visit, the interval is the one in
 * force on the day of that visit (the rule is read as applying to the gap that visit begins).
 */
export function nextStatutoryVisit(
  placement: VisitPlacement,
  legalStatus: VisitLegalStatus,
  visits: readonly IsoDate[],
  options: VisitIntervalOptions,
): NextVisit {
  const rule = statutoryVisitInterval(placement, legalStatus, options)
  const since = visits.filter((d) => d >= rule.clockStart && d <= options.on).sort()
  const last = since[since.length - 1]
  if (!last) {
    return {
      due: rule.firstVisitBy,
      basis:
        rule.regulation === '28(5)'
          ? 'First visit within 1 week of the care order'
          : 'First visit within 1 week of the placement',
      overdue: rule.firstVisitBy < options.on,
    }
  }
  const then = statutoryVisitInterval(placement, legalStatus, { ...options, on: last })
  const due =
    'months' in then.interval
      ? addMonths(last, then.interval.months)
      : addCalendarDays(last, then.interval.days)
  return { due, basis: `${then.intervalText} after the last visit`, overdue: due < options.on }
}
