import { sql } from 'drizzle-orm'
import { type DbOrTx, queryRows } from '../../db/client.ts'
import { type CarePeriod, oc3Birthdays } from '../../services/care-leavers.ts'
import {
  deriveEpisodes,
  type EpisodeLegalStatusInput,
  type EpisodePeriodInput,
  type EpisodePlacementInput,
  SHORT_BREAK_LEGAL_STATUSES,
  type Ssda903Episode,
} from '../../services/looked-after/episodes.ts'
import { addDays, addYears, type IsoDate } from '../shared/dates.ts'
import {
  emptySsda903Tables,
  type Ssda903Period,
  type Ssda903Row,
  type Ssda903Tables,
  ssda903Row,
} from './tables.ts'

// The SSDA903 return from the record: every child looked after at any time in the collection year, and every
// care leaver whose 17th to 21st birthday falls in it. Nothing here is typed for the return: episodes are
// derived from the periods of care, legal statuses and placements (deriveEpisodes), OC2 from the health
// entries made through the year, OC3 from keeping-in-touch contact around the birthday, the social worker
// episodes from the allocation history. See README.md for each item's source.

export const SSDA903_BATCH = 1_000

const idsSql = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )

/**
 * The children in the return, in id order: looked after at some time in the year, or a care leaver who may
 * be due an OC3 row (looked after once, with a 17th to 21st birthday in the year; who is due is decided when
 * the batch is built).
 */
export async function ssda903ChildIds(db: DbOrTx, period: Ssda903Period): Promise<number[]> {
  const bornFrom = addYears(period.start, -21)
  const bornTo = addYears(period.end, -17)
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select person_id as id from period_of_care
          where start_date <= ${period.end} and (end_date is null or end_date >= ${period.start})
        union
        select c.person_id from period_of_care c join person p on p.id = c.person_id
          where c.start_date <= ${period.end} and p.date_of_birth between ${bornFrom} and ${bornTo}
        order by id`,
  )
  return rows.map((r) => r.id)
}

interface PersonRow {
  id: number
  date_of_birth: string | null
  sex: string | null
  ethnicity: string | null
  upn: string | null
  upn_unknown: string | null
  uasc: boolean
  uasc_ceased_on: string | null
  previous_permanence: string | null
  previous_permanence_la: string | null
  previous_permanence_on: string | null
  /** Earliest date of birth of the person's own children (relationships read both ways). */
  first_child_born: string[] | null
}

export interface HealthRow {
  person_id: number
  kind: string
  recorded_on: string
  up_to_date: boolean | null
  substance_misuse: boolean | null
  intervention_offered: boolean | null
  intervention_received: boolean | null
  sdq_score: number | null
  sdq_reason: string | null
}

interface AdoptionRow {
  person_id: number
  should_be_placed_on: string
  matched_on: string | null
  decision_ceased_on: string | null
  decision_ceased_reason: string | null
  adoption_order_on: string | null
  by_foster_carers: boolean | null
  number_of_adopters: number | null
  sex_of_adopters: string | null
  legal_status_of_adopters: string | null
}

export interface AllocationRow {
  person_id: number
  worker_id: number
  team_id: number
  started_on: string
  ended_on: string | null
  worker_left_on: string | null
}

function group<T extends { person_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const row of rows) {
    const list = map.get(row.person_id)
    if (list) list.push(row)
    else map.set(row.person_id, [row])
  }
  return map
}

const within = (date: string | null, end: IsoDate) => (date !== null && date <= end ? date : null)
const flag = (value: boolean | null) => (value === null ? null : value ? '1' : '0')

/** Loads one batch of children and builds their rows of every table. */
export async function loadSsda903Batch(
  db: DbOrTx,
  period: Ssda903Period,
  ids: readonly number[],
): Promise<Ssda903Tables> {
  const t = emptySsda903Tables()
  if (ids.length === 0) return t
  const idList = idsSql(ids)
  const { start, end } = period
  const swFrom = addYears(start, -1)
  const dolo = period.year >= '2026-27'
  const [
    people,
    periods,
    statuses,
    placements,
    reviews,
    health,
    contacts,
    adoptions,
    missing,
    allocations,
    orders,
  ] = await Promise.all([
    queryRows<PersonRow>(
      db,
      sql`select p.id, p.date_of_birth::text, p.sex, p.ethnicity, p.upn, p.upn_unknown, p.uasc,
              p.uasc_ceased_on::text, p.previous_permanence, p.previous_permanence_la, p.previous_permanence_on::text,
              (select array_agg(k.date_of_birth::text order by k.date_of_birth) from (
                  select c.date_of_birth from relationship r join person c on c.id = r.related_person_id
                    where r.person_id = p.id and r.type = 'child' and c.date_of_birth is not null
                  union all
                  select c.date_of_birth from relationship r join person c on c.id = r.person_id
                    where r.related_person_id = p.id and r.type = 'parent' and c.date_of_birth is not null
                ) k) as first_child_born
            from person p where p.id in (${idList}) order by p.id`,
    ),
    queryRows<{
      id: number
      person_id: number
      start_date: string
      end_date: string | null
      category_of_need: string
      home_postcode: string | null
      reason_ceased: string | null
    }>(
      db,
      sql`select id, person_id, start_date::text, end_date::text, category_of_need, home_postcode, reason_ceased
            from period_of_care where person_id in (${idList}) order by person_id, start_date, id`,
    ),
    queryRows<{ id: number; person_id: number; period_of_care_id: number; code: string; start_date: string }>(
      db,
      sql`select id, person_id, period_of_care_id, code, start_date::text
            from legal_status where person_id in (${idList}) order by person_id, start_date, id`,
    ),
    queryRows<{
      id: number
      person_id: number
      period_of_care_id: number
      placement_type: string
      provider: string
      urn: string | null
      postcode: string | null
      confidential: boolean
      carer_person_id: number | null
      start_date: string
      reason_for_change: string | null
    }>(
      db,
      sql`select id, person_id, period_of_care_id, placement_type, provider, urn, postcode, confidential,
              carer_person_id, start_date::text, reason_for_change
            from placement where person_id in (${idList}) order by person_id, start_date, id`,
    ),
    queryRows<{ person_id: number; held_on: string; participation: string }>(
      db,
      sql`select person_id, held_on::text, participation from lac_review
            where person_id in (${idList}) and held_on between ${start} and ${end}
            order by person_id, held_on, id`,
    ),
    queryRows<HealthRow>(
      db,
      sql`select person_id, kind, recorded_on::text, up_to_date, substance_misuse, intervention_offered,
              intervention_received, sdq_score, sdq_reason
            from health_record where person_id in (${idList}) and recorded_on <= ${end}
            order by person_id, recorded_on, id`,
    ),
    queryRows<{
      id: number
      person_id: number
      contacted_on: string
      in_touch: string
      activity: string | null
      accommodation: string | null
    }>(
      db,
      sql`select id, person_id, contacted_on::text, in_touch, activity, accommodation from care_leaver_contact
            where person_id in (${idList}) order by person_id, contacted_on, id`,
    ),
    queryRows<AdoptionRow>(
      db,
      sql`select person_id, should_be_placed_on::text, matched_on::text, decision_ceased_on::text,
              decision_ceased_reason, adoption_order_on::text, by_foster_carers, number_of_adopters, sex_of_adopters,
              legal_status_of_adopters
            from adoption_case where person_id in (${idList}) order by person_id, should_be_placed_on, id`,
    ),
    queryRows<{ person_id: number; kind: string; started_on: string; ended_on: string | null }>(
      db,
      sql`select person_id, kind,
              (started_at at time zone 'Europe/London')::date::text as started_on,
              (ended_at at time zone 'Europe/London')::date::text as ended_on
            from missing_episode where person_id in (${idList})
              and (started_at at time zone 'Europe/London')::date <= ${end}
              and (ended_at is null or (ended_at at time zone 'Europe/London')::date >= ${start})
            order by person_id, started_at, id`,
    ),
    queryRows<AllocationRow>(
      db,
      sql`select a.person_id, a.worker_id, a.team_id, a.started_on::text, a.ended_on::text,
              w.left_on::text as worker_left_on
            from allocation a join worker w on w.id = a.worker_id
            where a.person_id in (${idList}) and a.kind = 'social-worker'
            order by a.person_id, a.started_on, a.id`,
    ),
    dolo
      ? queryRows<{ person_id: number; start_date: string; end_date: string | null }>(
          db,
          sql`select person_id, start_date::text, end_date::text from deprivation_of_liberty
                where person_id in (${idList}) and start_date <= ${end} and (end_date is null or end_date >= ${start})
                order by person_id, start_date, id`,
        )
      : Promise.resolve([]),
  ])
  const periodsBy = group(periods)
  const statusesBy = group(statuses)
  const placementsBy = group(placements)
  const reviewsBy = group(reviews)
  const healthBy = group(health)
  const contactsBy = group(contacts)
  const adoptionsBy = group(adoptions)
  const missingBy = group(missing)
  const allocationsBy = group(allocations)
  const ordersBy = group(orders)

  for (const p of people) {
    const CHILD = String(p.id)
    const DOB = p.date_of_birth
    const ownPeriods = periodsBy.get(p.id) ?? []
    const ownStatuses = statusesBy.get(p.id) ?? []
    const episodes = deriveEpisodes(
      ownPeriods.map(
        (c): EpisodePeriodInput => ({
          id: c.id,
          startDate: c.start_date,
          endDate: c.end_date,
          categoryOfNeed: c.category_of_need,
          homePostcode: c.home_postcode,
          reasonCeased: c.reason_ceased,
        }),
      ),
      ownStatuses.map(
        (s): EpisodeLegalStatusInput => ({
          id: s.id,
          periodOfCareId: s.period_of_care_id,
          code: s.code,
          startDate: s.start_date,
        }),
      ),
      (placementsBy.get(p.id) ?? []).map(
        (x): EpisodePlacementInput => ({
          id: x.id,
          periodOfCareId: x.period_of_care_id,
          placementType: x.placement_type,
          provider: x.provider,
          urn: x.urn,
          postcode: x.postcode,
          confidential: x.confidential,
          carerPersonId: x.carer_person_id,
          startDate: x.start_date,
          reasonForChange: x.reason_for_change,
        }),
      ),
    )
    const inYear = episodes
      .filter((e) => e.DECOM <= end && (e.DEC === null || e.DEC >= start))
      .map((e) => asAtYearEnd(e, end))

    // OC3: a care leaver at a 17th to 21st birthday in the year, when the DfE asks about them.
    const carePeriods: CarePeriod[] = ownPeriods.map((c) => {
      const codes = ownStatuses.filter((s) => s.period_of_care_id === c.id).map((s) => s.code)
      return {
        startDate: c.start_date,
        endDate: c.end_date,
        shortBreaks: codes.length > 0 && codes.every((code) => SHORT_BREAK_LEGAL_STATUSES.includes(code)),
      }
    })
    const oc3 = oc3Birthdays(
      DOB,
      carePeriods,
      (contactsBy.get(p.id) ?? []).map((c) => ({
        id: c.id,
        contactedOn: c.contacted_on,
        inTouch: c.in_touch,
        activity: c.activity,
        accommodation: c.accommodation,
      })),
      end,
    ).find((b) => b.required && b.birthday >= start && b.birthday <= end)

    if (inYear.length === 0 && !oc3) continue
    const shortBreaksOnly =
      inYear.length > 0 && inYear.every((e) => SHORT_BREAK_LEGAL_STATUSES.includes(e.LS ?? ''))

    // Motherhood is asked of girls looked after in the year (not on short breaks only): the first child born by
    // the end of the year or the day care ended, whichever is earlier.
    let MOTHER: string | null = null
    let MC_DOB: string | null = null
    if (p.sex === 'F' && inYear.length > 0 && !shortBreaksOnly) {
      const open = inYear.some((e) => e.DEC === null)
      const limit = open ? end : inYear.reduce<IsoDate>((last, e) => (e.DEC! > last ? e.DEC! : last), start)
      MC_DOB = (p.first_child_born ?? []).find((d) => d <= limit) ?? null
      MOTHER = MC_DOB ? '1' : '0'
    }
    t.Header.push({
      CHILD,
      SEX: p.sex,
      DOB,
      ETHNIC: p.ethnicity,
      UPN: p.upn ?? p.upn_unknown,
      MOTHER,
      MC_DOB,
    })

    // Looked after for the 12 months to 31 March (as the DfE counts it, care ending on 31 March itself, say on an
    // 18th birthday that day): in the OC2 cohort, so no care leaver items (903 rule 187).
    const cla = continuouslyLookedAfter12Months(inYear, start, end)
    if (oc3 && !cla) {
      const c = oc3.contact
      // Not in touch (or died, or home for 6 months): activity and accommodation are 0, not blank (903 rule 344).
      const unknown = c !== null && c.inTouch !== 'YES'
      t.OC3.push({
        CHILD,
        DOB,
        IN_TOUCH: c?.inTouch ?? null,
        ACTIV: c ? (c.activity ?? (unknown ? '0' : null)) : null,
        ACCOM: c ? (c.accommodation ?? (unknown ? '0' : null)) : null,
      })
    }
    if (inYear.length === 0) continue

    for (const e of inYear) {
      t.Episodes.push({
        CHILD,
        DECOM: e.DECOM,
        RNE: e.RNE,
        LS: e.LS,
        CIN: e.CIN,
        PLACE: e.PLACE,
        PLACE_PROVIDER: e.PLACE_PROVIDER,
        DEC: e.DEC,
        REC: e.REC,
        REASON_PLACE_CHANGE: e.REASON_PLACE_CHANGE,
        HOME_POST: e.HOME_POST,
        PL_POST: e.PL_POST,
        URN: e.URN,
      })
    }

    if (!shortBreaksOnly)
      for (const r of reviewsBy.get(p.id) ?? [])
        t.Reviews.push({ CHILD, DOB, REVIEW: r.held_on, REVIEW_CODE: r.participation })

    // UASC status ends at 18 at the latest: the 18th birthday unless an earlier date is recorded.
    if (p.uasc || p.uasc_ceased_on)
      t.UASC.push({
        CHILD,
        SEX: p.sex,
        DOB,
        DUC: p.uasc_ceased_on ?? (DOB ? addYears(DOB, 18) : null),
      })

    if (cla) t.OC2.push(oc2Row(CHILD, DOB, healthBy.get(p.id) ?? [], start, end))

    const adopted = inYear.find(
      (e) => (e.REC === 'E11' || e.REC === 'E12') && e.DEC !== null && e.DEC >= start && e.DEC <= end,
    )
    const cases = adoptionsBy.get(p.id) ?? []
    if (adopted) {
      const c = [...cases].reverse().find((x) => x.adoption_order_on !== null) ?? cases.at(-1)
      if (c)
        t.AD1.push({
          CHILD,
          DOB,
          DATE_INT: c.should_be_placed_on,
          DATE_MATCH: c.matched_on,
          FOSTER_CARE: flag(c.by_foster_carers),
          NB_ADOPTR: c.number_of_adopters === null ? null : String(c.number_of_adopters),
          SEX_ADOPTR: c.sex_of_adopters,
          LS_ADOPTR: c.legal_status_of_adopters,
        })
    }
    // Decisions that the child should be placed for adoption in force at some time in the year.
    for (const c of cases) {
      if (c.should_be_placed_on > end) continue
      if (c.decision_ceased_on !== null && c.decision_ceased_on < start) continue
      if (c.adoption_order_on !== null && c.adoption_order_on < start) continue
      const ceased = within(c.decision_ceased_on, end)
      t.PlacedAdoption.push({
        CHILD,
        DOB,
        DATE_PLACED: c.should_be_placed_on,
        DATE_PLACED_CEASED: ceased,
        REASON_PLACED_CEASED: ceased ? c.decision_ceased_reason : null,
      })
    }

    if (inYear.some((e) => e.RNE === 'S' && e.DECOM >= start))
      t.PrevPerm.push({
        CHILD,
        DOB,
        PREV_PERM: p.previous_permanence,
        LA_PERM: p.previous_permanence_la,
        DATE_PERM: p.previous_permanence_on,
      })

    // Missing or away while looked after: episodes that began during a period of care.
    for (const m of missingBy.get(p.id) ?? []) {
      const duringCare = ownPeriods.some(
        (c) => c.start_date <= m.started_on && (c.end_date === null || m.started_on <= c.end_date),
      )
      if (!duringCare) continue
      t.Missing.push({
        CHILD,
        DOB,
        MISSING: m.kind,
        MIS_START: m.started_on,
        MIS_END: within(m.ended_on, end),
      })
    }

    t.SWEpisodes.push(...socialWorkerEpisodes(CHILD, DOB, allocationsBy.get(p.id) ?? [], swFrom, end))

    for (const o of ordersBy.get(p.id) ?? [])
      t.DoLo.push({ CHILD, DOB, DOLO_START: o.start_date, DOLO_END: within(o.end_date, end) })
  }
  return t
}

/** An episode as at 31 March: one that ends later is still open in this year's return. */
function asAtYearEnd(e: Ssda903Episode, end: IsoDate): Ssda903Episode {
  if (e.DEC === null || e.DEC <= end) return e
  return { ...e, DEC: null, REC: null, REASON_PLACE_CHANGE: null }
}

/**
 * Looked after continuously for 12 months at 31 March (the OC2 cohort, as the DfE defines it): in care on
 * 1 April and throughout, not on short breaks.
 */
export function continuouslyLookedAfter12Months(
  episodes: readonly Pick<Ssda903Episode, 'DECOM' | 'DEC' | 'RNE' | 'REC' | 'LS'>[],
  start: IsoDate,
  end: IsoDate,
): boolean {
  if (episodes.length === 0) return false
  return !episodes.some(
    (e) =>
      (e.RNE === 'S' && e.DECOM > start) ||
      (e.DEC !== null && e.REC !== 'X1' && e.DEC < end) ||
      SHORT_BREAK_LEGAL_STATUSES.includes(e.LS ?? ''),
  )
}

/**
 * The OC2 items from the health entries of the 12 months to 31 March. An item with no entry is 0 (no
 * assessment, check or conviction is recorded); age decides which items are asked: SDQ for 4 to 16, health
 * promotion checks under 5, convictions from 10.
 */
export function oc2Row(
  CHILD: string,
  DOB: IsoDate | null,
  health: readonly HealthRow[],
  start: IsoDate,
  end: IsoDate,
): Ssda903Row<'OC2'> {
  const inYear = health.filter((h) => h.recorded_on >= start && h.recorded_on <= end)
  const latest = (kind: string, rows: readonly HealthRow[] = inYear) =>
    rows.filter((h) => h.kind === kind).at(-1)
  const any = (...kinds: string[]) => (inYear.some((h) => kinds.includes(h.kind)) ? '1' : '0')
  const ageAtEnd = (years: number) => DOB !== null && addYears(DOB, years) <= end
  const sdqAge = DOB !== null && ageAtEnd(4) && addYears(DOB, 17) > start
  const sdq = sdqAge ? latest('sdq') : undefined
  const misuse = inYear.filter((h) => h.kind === 'substance-misuse')
  const problem = misuse.some((h) => h.substance_misuse === true)
  const received = misuse.some((h) => h.intervention_received === true)
  const offered = misuse.some((h) => h.intervention_offered === true)
  const immunisations = latest('immunisations', health)
  const surveillance = latest('health-surveillance')
  return ssda903Row('OC2', {
    CHILD,
    DOB,
    SDQ_SCORE: sdq && sdq.sdq_score !== null ? String(sdq.sdq_score) : null,
    SDQ_REASON: sdq?.sdq_reason ?? null,
    CONVICTED: ageAtEnd(10) ? any('conviction') : null,
    HEALTH_CHECK: DOB !== null && !ageAtEnd(5) ? (surveillance?.up_to_date ? '1' : '0') : null,
    IMMUNISATIONS: immunisations?.up_to_date ? '1' : '0',
    TEETH_CHECK: any('dental-check'),
    HEALTH_ASSESSMENT: any('initial-health-assessment', 'review-health-assessment'),
    SUBSTANCE_MISUSE: problem ? '1' : '0',
    INTERVENTION_RECEIVED: problem ? (received ? '1' : '0') : null,
    INTERVENTION_OFFERED: problem && !received ? (offered ? '1' : '0') : null,
  })
}

/**
 * Social worker episodes from the allocation history (kind social-worker, with a named worker), for the
 * social worker reporting period: a year before the collection year to its end. SW_ID is 'XX' and Hearth's
 * worker id (Hearth does not hold Social Work England numbers). SW_REASON is derived from the allocation
 * before it: none, or a gap of more than 7 days, is first contact or a re-referral (FCONTA); the previous
 * worker leaving the authority is LEFTRL; a move to another team is the standard transfer (TSPROC);
 * otherwise a re-allocation within the team to manage caseloads (MANAGE).
 */
export function socialWorkerEpisodes(
  CHILD: string,
  DOB: IsoDate | null,
  allocations: readonly AllocationRow[],
  from: IsoDate,
  end: IsoDate,
): Ssda903Row<'SWEpisodes'>[] {
  const rows: Ssda903Row<'SWEpisodes'>[] = []
  allocations.forEach((a, k) => {
    if (a.started_on > end || (a.ended_on !== null && a.ended_on < from)) return
    const previous = k > 0 ? allocations[k - 1]! : null
    let reason = 'FCONTA'
    if (previous && previous.ended_on !== null && previous.ended_on >= addDays(a.started_on, -7)) {
      if (previous.worker_left_on !== null && previous.worker_left_on <= addDays(a.started_on, 7))
        reason = 'LEFTRL'
      else if (previous.team_id !== a.team_id) reason = 'TSPROC'
      else reason = 'MANAGE'
    }
    rows.push({
      CHILD,
      DOB,
      SW_ID: `XX${a.worker_id}`,
      SW_DECOM: a.started_on,
      SW_DEC: within(a.ended_on, end),
      SW_REASON: reason,
    })
  })
  return rows
}
