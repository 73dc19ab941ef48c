import { addMonths, addWorkingDays, type IsoDate } from '../../domain/calendar/working-days.ts'
import { ageOn } from '../record-header.ts'

// Looked-after timescales from /work/shared/domain/timescales.md §2, as pure functions of dates.
// Working days use Hearth's convention (addWorkingDays: the start date is day 0).

/** CPPCR 2010 reg 33: first review within 20 working days of becoming looked after. */
export const FIRST_REVIEW_WORKING_DAYS = 20
/** Reg 7 and statutory guidance: initial health assessment before the first review (20 working days). */
export const INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS = 20

/**
 * When the next looked-after review is due (reg 33): within 20 working days of care starting, the second
 * within 3 months of the first, then at most 6 months apart. `reviews` are the dates of the reviews held
 * in this period of care.
 */
export function nextLacReviewDue(periodStart: IsoDate, reviews: readonly IsoDate[]): IsoDate {
  const held = reviews.filter((d) => d >= periodStart).sort()
  const last = held[held.length - 1]
  if (!last) return addWorkingDays(periodStart, FIRST_REVIEW_WORKING_DAYS)
  return addMonths(last, held.length === 1 ? 3 : 6)
}

export function initialHealthAssessmentDue(periodStart: IsoDate): IsoDate {
  return addWorkingDays(periodStart, INITIAL_HEALTH_ASSESSMENT_WORKING_DAYS)
}

/**
 * Review health assessments: at least every 6 months for a child under 5, every 12 months from 5. Counted
 * from the last health assessment (initial or review); the child's age on that date decides.
 */
export function reviewHealthAssessmentDue(lastAssessment: IsoDate, dateOfBirth: IsoDate | null): IsoDate {
  const age = ageOn(dateOfBirth, lastAssessment)
  return addMonths(lastAssessment, age !== null && age < 5 ? 6 : 12)
}

/** The IRO handbook's local standard: a response to each stage of dispute resolution in 10 working days. */
export function escalationResponseDue(raisedOn: IsoDate, workingDays = 10): IsoDate {
  return addWorkingDays(raisedOn, workingDays)
}
