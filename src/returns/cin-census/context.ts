import { type CollectionYear, collectionYearEnd } from '../shared/collection-year.ts'
import { addDays, addYears } from '../shared/dates.ts'
import type { CinCensusTables } from './tables.ts'
import type { RuleContext } from './types.ts'

/**
 * The census period ends on the header's ReferenceDate and starts the day after a year before it
 * (1 April for a 31 March reference date), as the validator does. A header without a readable
 * ReferenceDate falls back to 31 March of the collection year so that the date rules still run.
 */
export function makeContext(tables: CinCensusTables, collectionYear: CollectionYear): RuleContext {
  const referenceDate = tables.Header[0]?.ReferenceDate ?? collectionYearEnd(collectionYear)
  return { collectionYear, referenceDate, collectionStart: addDays(addYears(referenceDate, -1), 1) }
}
