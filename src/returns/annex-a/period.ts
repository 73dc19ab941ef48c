import { addCalendarDays, addMonths, type IsoDate, isIsoDate } from '../../domain/calendar/iso-date.ts'

// Annex A covers the six months before the inspection for most lists ("All contacts received in the six
// months before the date of inspection"); some authorities send twelve. Lists 10 and 11 always look back
// twelve months, and the "in the last 12 months" counts are always twelve months, as Ofsted words them.

export type AnnexAMonths = 6 | 12

export interface AnnexAPeriod {
  /** The first day of the period. */
  start: IsoDate
  /** The inspection date: the last day of the period, and the date "at the point of inspection" means. */
  end: IsoDate
  months: AnnexAMonths
  /** The first day of the twelve months up to the inspection date. */
  yearStart: IsoDate
  /** The first day of the six months up to the inspection date. */
  sixMonthsStart: IsoDate
}

/** The first day of the period of `months` months that ends on `end`: 31 March 2026, 6 → 1 October 2025. */
export function periodStart(end: IsoDate, months: AnnexAMonths): IsoDate {
  return addCalendarDays(addMonths(end, -months), 1)
}

export function annexAPeriod(end: IsoDate, months: AnnexAMonths): AnnexAPeriod {
  return {
    start: periodStart(end, months),
    end,
    months,
    yearStart: periodStart(end, 12),
    sixMonthsStart: periodStart(end, 6),
  }
}

export type PeriodProblem =
  | { field: 'periodStart' | 'periodEnd'; kind: 'missing' | 'not-a-date' }
  | { field: 'periodEnd'; kind: 'future' }
  | { field: 'periodStart'; kind: 'backwards' }
  | { field: 'periodStart'; kind: 'length'; sixMonths: IsoDate; twelveMonths: IsoDate }

/**
 * Reads a period typed as two dates. The start may be the day after the same date six or twelve months
 * earlier (1 October 2025 to 31 March 2026) or that date itself (30 September 2025), as people write both;
 * anything else is refused with the two starts that would be right.
 */
export function readAnnexAPeriod(
  start: string,
  end: string,
  today: IsoDate,
): { period: AnnexAPeriod; problems: [] } | { period: null; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = []
  if (!start) problems.push({ field: 'periodStart', kind: 'missing' })
  else if (!isIsoDate(start)) problems.push({ field: 'periodStart', kind: 'not-a-date' })
  if (!end) problems.push({ field: 'periodEnd', kind: 'missing' })
  else if (!isIsoDate(end)) problems.push({ field: 'periodEnd', kind: 'not-a-date' })
  else if (end > today) problems.push({ field: 'periodEnd', kind: 'future' })
  if (problems.length > 0) return { period: null, problems }
  if (start >= end) return { period: null, problems: [{ field: 'periodStart', kind: 'backwards' }] }
  for (const months of [6, 12] as const) {
    const first = periodStart(end, months)
    if (start === first || start === addCalendarDays(first, -1))
      return { period: annexAPeriod(end, months), problems: [] }
  }
  return {
    period: null,
    problems: [
      {
        field: 'periodStart',
        kind: 'length',
        sixMonths: periodStart(end, 6),
        twelveMonths: periodStart(end, 12),
      },
    ],
  }
}
