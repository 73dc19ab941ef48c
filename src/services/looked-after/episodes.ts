// SSDA903 episodes, derived from the record — never typed, never stored. The 903 return describes a period
// of care as a run of "episodes": a new episode starts on every change of legal status or placement (or
// both), and ends the day the next one starts (the 903 continuation rule, validator rule 433). Hearth keeps
// periods of care, legal statuses and placements; this pure function turns them into the 903 rows.
//
// Meanings follow the DfE 903 guide, as quoted in the code lists (../shared/specs/ssda903):
//   RNE S  started to be looked after (the first episode of every period of care)
//       L  change of legal status only
//       P  change of placement and carer(s) only
//       T  change of placement, same carer(s), legal status unchanged
//       B  change of legal status and of placement and carer(s) on the same day
//       U  change of legal status and of placement on the same day, same carer(s)
//   REC  X1 for an episode that ends while care continues; the period's reason ceased for the last one
//   REASON_PLACE_CHANGE  on an episode that ends because the placement changed (next RNE P, T, B or U),
//        unless this or the next placement is temporary (T0–T4): validator rules 225, 226 and 233
//   PLACE_PROVIDER  not returned for temporary placements (rule 213)
//   PL_POST  suppressed for confidential placements; PL_POST and URN not returned for short-break legal
//        statuses V3 and V4 (rule 214)
//
// "Same carer(s)" is derived, not asked: the next placement is with the same carer when the previous
// placement ended with REASON_PLACE_CHANGE "PLACE" (the guide: "the child remains with the same carer"),
// when both placements name the same carer known to Hearth, or when the child is placed for adoption with
// their current foster carer(s) (PLACE A3 or A5, which rule 217 requires to be S, T or U).

export type IsoDate = string

/** A period of care (table period_of_care). */
export interface EpisodePeriodInput {
  id: number
  startDate: IsoDate
  endDate: IsoDate | null
  /** 903 CIN, N1–N8. */
  categoryOfNeed: string
  /** 903 HOME_POST. */
  homePostcode: string | null
  /** 903 REC for the period's last episode, once care has ended. */
  reasonCeased: string | null
}

/** A legal status (table legal_status). Only its start matters: it lasts until the next one starts. */
export interface EpisodeLegalStatusInput {
  id: number
  periodOfCareId: number
  /** 903 LS. */
  code: string
  startDate: IsoDate
}

/** A placement (table placement). Only its start matters: it lasts until the next one starts. */
export interface EpisodePlacementInput {
  id: number
  periodOfCareId: number
  /** 903 PLACE. */
  placementType: string
  /** 903 PLACE_PROVIDER. */
  provider: string | null
  urn: string | null
  postcode: string | null
  confidential: boolean
  carerPersonId: number | null
  startDate: IsoDate
  /** 903 REASON_PLACE_CHANGE: why this placement ended while care continued. */
  reasonForChange: string | null
}

export type Rne = 'S' | 'L' | 'P' | 'T' | 'B' | 'U'

/** One 903 episode. Keys are the 903 column names; the ids say which rows it came from. */
export interface Ssda903Episode {
  periodOfCareId: number
  legalStatusId: number | null
  placementId: number | null
  DECOM: IsoDate
  RNE: Rne
  /** Null only when the record is incomplete: no legal status in force on DECOM. */
  LS: string | null
  CIN: string
  /** Null only when the record is incomplete: no placement in force on DECOM. */
  PLACE: string | null
  PLACE_PROVIDER: string | null
  /** Null while the episode is open. */
  DEC: IsoDate | null
  /** 'X1' when care continued into another episode; the reason care ceased for the last; null if open. */
  REC: string | null
  REASON_PLACE_CHANGE: string | null
  HOME_POST: string | null
  PL_POST: string | null
  URN: string | null
}

export const TEMPORARY_PLACEMENTS: readonly string[] = ['T0', 'T1', 'T2', 'T3', 'T4']
export const SHORT_BREAK_LEGAL_STATUSES: readonly string[] = ['V3', 'V4']
/** Placed for adoption with the child's current foster carer(s). */
const WITH_CURRENT_FOSTER_CARERS: readonly string[] = ['A3', 'A5']

export const isTemporaryPlacement = (placementType: string | null | undefined) =>
  !!placementType && TEMPORARY_PLACEMENTS.includes(placementType)

const byStart = <T extends { startDate: IsoDate; id: number }>(a: T, b: T) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id

/** The row in force on a date: the latest to start on or before it. `rows` sorted by start. */
function inForce<T extends { startDate: IsoDate }>(rows: readonly T[], on: IsoDate): T | null {
  let found: T | null = null
  for (const row of rows) if (row.startDate <= on) found = row
  return found
}

/** True when the child stays with the same carer(s) moving from `from` to `to` (see the note above). */
export function sameCarer(from: EpisodePlacementInput, to: EpisodePlacementInput): boolean {
  if (WITH_CURRENT_FOSTER_CARERS.includes(to.placementType)) return true
  if (from.reasonForChange === 'PLACE') return true
  return from.carerPersonId !== null && from.carerPersonId === to.carerPersonId
}

/**
 * The 903 episodes of a child's periods of care, oldest first. Pass every period, legal status and
 * placement of one child (in any order); rows outside their period are ignored. Pure: no database, no clock.
 */
export function deriveEpisodes(
  periods: readonly EpisodePeriodInput[],
  legalStatuses: readonly EpisodeLegalStatusInput[],
  placements: readonly EpisodePlacementInput[],
): Ssda903Episode[] {
  const episodes: Ssda903Episode[] = []
  const sortedPeriods = [...periods].sort(byStart)
  for (const period of sortedPeriods) {
    const within = (d: IsoDate) => d >= period.startDate && (period.endDate === null || d <= period.endDate)
    const statuses = legalStatuses
      .filter((l) => l.periodOfCareId === period.id && within(l.startDate))
      .sort(byStart)
    const places = placements
      .filter((p) => p.periodOfCareId === period.id && within(p.startDate))
      .sort(byStart)
    // Every day something changed, from the day care began. A change on the day care ended starts nothing.
    const starts = [
      ...new Set([period.startDate, ...statuses.map((l) => l.startDate), ...places.map((p) => p.startDate)]),
    ]
      .filter((d) => period.endDate === null || d < period.endDate || d === period.startDate)
      .sort()
    const rows = starts.map((decom) => ({
      decom,
      status: inForce(statuses, decom),
      place: inForce(places, decom),
    }))
    rows.forEach((row, i) => {
      const previous = i > 0 ? rows[i - 1]! : null
      const next = rows[i + 1] ?? null
      let rne: Rne = 'S'
      if (previous) {
        const statusChanged = row.status?.id !== previous.status?.id
        const placeChanged = row.place?.id !== previous.place?.id
        const same = !!(placeChanged && previous.place && row.place && sameCarer(previous.place, row.place))
        if (statusChanged && placeChanged) rne = same ? 'U' : 'B'
        else if (placeChanged) rne = same ? 'T' : 'P'
        else rne = 'L'
      }
      const placeType = row.place?.placementType ?? null
      const shortBreak = SHORT_BREAK_LEGAL_STATUSES.includes(row.status?.code ?? '')
      const placeChangesNext =
        next !== null &&
        next.place?.id !== row.place?.id &&
        !isTemporaryPlacement(placeType) &&
        !isTemporaryPlacement(next.place?.placementType)
      episodes.push({
        periodOfCareId: period.id,
        legalStatusId: row.status?.id ?? null,
        placementId: row.place?.id ?? null,
        DECOM: row.decom,
        RNE: rne,
        LS: row.status?.code ?? null,
        CIN: period.categoryOfNeed,
        PLACE: placeType,
        PLACE_PROVIDER: isTemporaryPlacement(placeType) ? null : (row.place?.provider ?? null),
        DEC: next ? next.decom : period.endDate,
        REC: next ? 'X1' : period.endDate ? period.reasonCeased : null,
        REASON_PLACE_CHANGE: placeChangesNext ? (row.place?.reasonForChange ?? null) : null,
        HOME_POST: period.homePostcode,
        PL_POST: row.place && !row.place.confidential && !shortBreak ? row.place.postcode : null,
        URN: shortBreak ? null : (row.place?.urn ?? null),
      })
    })
  }
  return episodes
}
