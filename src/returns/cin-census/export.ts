import { sql } from 'drizzle-orm'
import { XMLBuilder } from 'fast-xml-parser'
import { type DbOrTx, queryRows } from '../../db/client.ts'
import { addWorkingDays } from '../../domain/calendar/working-days.ts'
import type { CollectionYear } from '../shared/collection-year.ts'
import type { ChildInput, CinCensusInput } from './tables.ts'

// The CIN census from the record: every child with an episode of need open at any point in the
// collection year (1 April to 31 March), in schema order, with DfE codes. Nothing here is typed for the
// return: each item is read from the page where practice records it.

export interface CinCensusPeriod {
  year: CollectionYear
  start: string
  end: string
}

export function cinCensusPeriod(year: CollectionYear): CinCensusPeriod {
  const first = Number(year.slice(0, 4))
  return { year, start: `${first}-04-01`, end: `${first + 1}-03-31` }
}

const BATCH = 2_000

/** The ids of the children in the return, in order. */
export async function cinCensusChildIds(db: DbOrTx, period: CinCensusPeriod): Promise<number[]> {
  const rows = await queryRows<{ person_id: number }>(
    db,
    sql`select distinct r.person_id from referral r
        join person p on p.id = r.person_id
        where r.referral_date <= ${period.end} and (r.closure_date is null or r.closure_date >= ${period.start})
        order by r.person_id`,
  )
  return rows.map((r) => r.person_id)
}

const within = (date: string | null, end: string) => (date && date <= end ? date : null)

/** Loads the children of one batch as the nested records the census describes. */
export async function loadCinCensusChildren(
  db: DbOrTx,
  period: CinCensusPeriod,
  ids: readonly number[],
): Promise<ChildInput[]> {
  if (ids.length === 0) return []
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
  const { start, end } = period
  const [people, disabilities, referrals, assessments, factors, cinPlans, s47s, cpPlans, reviews] =
    await Promise.all([
      queryRows<{
        id: number
        upn: string | null
        former_upn: string | null
        upn_unknown: string | null
        date_of_birth: string | null
        expected_date_of_birth: string | null
        sex: string | null
        ethnicity: string | null
        date_of_death: string | null
      }>(
        db,
        sql`select id, upn, former_upn, upn_unknown, date_of_birth::text, expected_date_of_birth::text, sex, ethnicity, date_of_death::text
          from person where id in (${idList}) order by id`,
      ),
      queryRows<{ person_id: number; code: string }>(
        db,
        sql`select person_id, code from person_disability where person_id in (${idList}) order by person_id, code`,
      ),
      queryRows<{
        id: number
        person_id: number
        referral_date: string
        source: string
        primary_need: string | null
        closure_date: string | null
        closure_reason: string | null
        no_further_action: boolean
        icpc: string | null
      }>(
        db,
        sql`select r.id, r.person_id, r.referral_date::text, r.source, r.primary_need, r.closure_date::text, r.closure_reason,
            r.no_further_action,
            (select min(c.held_on)::text from cp_conference c where c.referral_id = r.id and c.kind = 'initial' and c.held_on <= ${end}) as icpc
          from referral r
          where r.person_id in (${idList}) and r.referral_date <= ${end} and (r.closure_date is null or r.closure_date >= ${start})
          order by r.person_id, r.referral_date, r.id`,
      ),
      queryRows<{ id: number; referral_id: number; start_date: string; authorised_on: string | null }>(
        db,
        sql`select a.id, a.referral_id, a.start_date::text, a.authorised_on::text from assessment a
          where a.person_id in (${idList}) and a.start_date <= ${end} and (a.authorised_on is null or a.authorised_on >= ${start})
          order by a.referral_id, a.start_date, a.id`,
      ),
      queryRows<{ assessment_id: number; code: string }>(
        db,
        sql`select f.assessment_id, f.code from assessment_factor f join assessment a on a.id = f.assessment_id
          where a.person_id in (${idList}) order by f.assessment_id, f.code`,
      ),
      queryRows<{ referral_id: number; start_date: string; end_date: string | null }>(
        db,
        sql`select referral_id, start_date::text, end_date::text from plan
          where person_id in (${idList}) and kind = 'child-in-need' and referral_id is not null
            and start_date <= ${end} and (end_date is null or end_date >= ${start})
          order by referral_id, start_date`,
      ),
      queryRows<{
        referral_id: number
        start_date: string
        strategy_on: string | null
        icpc: string | null
        icpc_not_required: boolean
        concluded_without_icpc: boolean
      }>(
        db,
        sql`select s.referral_id, s.start_date::text, d.held_on::text as strategy_on, s.icpc_not_required,
            (s.outcome in ('no-further-action', 'cin-plan', 'other') and s.outcome_date <= ${end}) as concluded_without_icpc,
            (select min(c.held_on)::text from cp_conference c where c.section47_id = s.id and c.kind = 'initial' and c.held_on <= ${end}) as icpc
          from section47 s left join strategy_discussion d on d.id = s.strategy_discussion_id
          where s.person_id in (${idList}) and s.start_date <= ${end}
            and (s.outcome_date is null or s.outcome_date >= ${start})
          order by s.referral_id, s.start_date`,
      ),
      queryRows<{
        id: number
        referral_id: number
        start_date: string
        end_date: string | null
        initial_category: string
        latest_category: string
        previous: number
      }>(
        db,
        sql`select p.id, p.referral_id, p.start_date::text, p.end_date::text, p.initial_category, p.latest_category,
            (select count(*)::int from cp_plan e where e.person_id = p.person_id and e.start_date < p.start_date) as previous
          from cp_plan p
          where p.person_id in (${idList}) and p.start_date <= ${end} and (p.end_date is null or p.end_date >= ${start})
          order by p.referral_id, p.start_date`,
      ),
      queryRows<{ cp_plan_id: number; held_on: string }>(
        db,
        sql`select c.cp_plan_id, c.held_on::text from cp_conference c
          where c.person_id in (${idList}) and c.kind = 'review' and c.cp_plan_id is not null and c.held_on between ${start} and ${end}
          order by c.cp_plan_id, c.held_on`,
      ),
    ])
  const group = <T, K>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>()
    for (const row of rows) {
      const k = key(row)
      const list = map.get(k)
      if (list) list.push(row)
      else map.set(k, [row])
    }
    return map
  }
  const disabilitiesBy = group(disabilities, (d) => d.person_id)
  const referralsBy = group(referrals, (r) => r.person_id)
  const assessmentsBy = group(assessments, (a) => a.referral_id)
  const factorsBy = group(factors, (f) => f.assessment_id)
  const cinPlansBy = group(cinPlans, (p) => p.referral_id)
  const s47sBy = group(s47s, (s) => s.referral_id)
  const cpPlansBy = group(cpPlans, (p) => p.referral_id)
  const reviewsBy = group(reviews, (r) => r.cp_plan_id)

  return people.map((p): ChildInput => {
    const codes = disabilitiesBy.get(p.id)?.map((d) => d.code)
    // A child born after the reference date was unborn at it: expected date of birth, and sex U.
    const born = within(p.date_of_birth, end)
    return {
      LAchildID: String(p.id),
      UPN: p.upn,
      FormerUPN: p.former_upn,
      UPNunknown: p.upn ? null : p.upn_unknown,
      PersonBirthDate: born,
      ExpectedPersonBirthDate: born ? null : p.expected_date_of_birth,
      Sex: born || !p.expected_date_of_birth ? p.sex : 'U',
      PersonDeathDate: within(p.date_of_death, end),
      Ethnicity: p.ethnicity,
      disabilities: codes && codes.length > 0 ? codes : null,
      cinDetails: (referralsBy.get(p.id) ?? []).map((r) => {
        const closed = within(r.closure_date, end)
        const enquiries = s47sBy.get(r.id) ?? []
        return {
          CINreferralDate: r.referral_date,
          ReferralSource: r.source,
          PrimaryNeedCode: r.primary_need,
          CINclosureDate: closed,
          ReasonForClosure: closed ? r.closure_reason : null,
          // The ICPC is recorded once: on the s47 that led to it, or here when no s47 in the return did.
          DateOfInitialCPC: enquiries.some((s) => s.icpc) ? null : r.icpc,
          ReferralNFA: r.no_further_action ? 'true' : 'false',
          assessments: (assessmentsBy.get(r.id) ?? []).map((a) => {
            const authorised = within(a.authorised_on, end)
            const f = factorsBy.get(a.id)?.map((x) => x.code)
            return {
              AssessmentActualStartDate: a.start_date,
              AssessmentAuthorisationDate: authorised,
              factors: authorised && f && f.length > 0 ? f : null,
            }
          }),
          cinPlanDates: (cinPlansBy.get(r.id) ?? []).map((c) => ({
            CINPlanStartDate: c.start_date,
            CINPlanEndDate: within(c.end_date, end),
          })),
          section47: enquiries.map((s) => ({
            S47ActualStartDate: s.start_date,
            // The ICPC is due 15 working days after the strategy discussion that started the enquiry.
            InitialCPCtarget: addWorkingDays(s.strategy_on ?? s.start_date, 15),
            DateOfInitialCPC: s.icpc,
            // No conference was required when the enquiry concluded in the year with any outcome but an ICPC.
            ICPCnotRequired: s.icpc_not_required || s.concluded_without_icpc ? 'true' : 'false',
          })),
          childProtectionPlans: (cpPlansBy.get(r.id) ?? []).map((c) => ({
            CPPstartDate: c.start_date,
            CPPendDate: within(c.end_date, end),
            InitialCategoryOfAbuse: c.initial_category,
            LatestCategoryOfAbuse: c.latest_category,
            NumberOfPreviousCPP: String(c.previous),
            reviews: (reviewsBy.get(c.id) ?? []).map((v) => v.held_on),
          })),
        }
      }),
    }
  })
}

/**
 * Streams the census children in batches, so memory stays flat whatever the size of the authority. The
 * next batch is read while the caller handles this one (writing XML is Node's work, reading the
 * database's), so only two batches are ever in memory. `ids` when the caller already has them.
 */
export async function* cinCensusBatches(
  db: DbOrTx,
  period: CinCensusPeriod,
  ids?: readonly number[],
  size = BATCH,
): AsyncGenerator<ChildInput[]> {
  const all = ids ?? (await cinCensusChildIds(db, period))
  const load = (i: number) => loadCinCensusChildren(db, period, all.slice(i, i + size))
  let next = all.length > 0 ? load(0) : null
  for (let i = 0; next; i += size) {
    const batch = await next
    next = i + size < all.length ? load(i + size) : null
    // A failed read-ahead surfaces when it is awaited, not as an unhandled rejection meanwhile.
    next?.catch(() => {})
    yield batch
  }
}

export interface CinCensusHeader {
  laCode: string
  softwareCode?: string
  release?: string
  serialNo?: string
  generatedAt?: Date
}

export function cinCensusHeader(period: CinCensusPeriod, header: CinCensusHeader): CinCensusInput['header'] {
  return {
    Collection: 'CIN',
    Year: period.end.slice(0, 4),
    ReferenceDate: period.end,
    SourceLevel: 'L',
    LEA: header.laCode,
    SoftwareCode: header.softwareCode ?? 'Hearth',
    Release: header.release ?? '1.0',
    SerialNo: header.serialNo ?? '001',
    DateTime: (header.generatedAt ?? new Date()).toISOString().slice(0, 19),
  }
}

// XML 1.0 forbids most control characters even when escaped: drop them rather than break the file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const clean = (value: string | null | undefined) => (value == null ? undefined : value.replace(FORBIDDEN, ''))

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true })

/** One child's <Child> element, in schema order, with absent items left out. */
export function childXml(child: ChildInput, year: CollectionYear): string {
  const sexElement =
    year >= '2024-25'
      ? { Sex: clean(child.Sex) }
      : { GenderCurrent: { M: '1', F: '2', U: '9' }[child.Sex ?? 'U'] ?? '9' }
  const element = {
    Child: {
      ChildIdentifiers: {
        LAchildID: clean(child.LAchildID),
        UPN: clean(child.UPN),
        FormerUPN: clean(child.FormerUPN),
        UPNunknown: clean(child.UPNunknown),
        PersonBirthDate: clean(child.PersonBirthDate),
        ExpectedPersonBirthDate: clean(child.ExpectedPersonBirthDate),
        ...sexElement,
        PersonDeathDate: clean(child.PersonDeathDate),
      },
      ChildCharacteristics: {
        Ethnicity: clean(child.Ethnicity),
        ...(child.disabilities ? { Disabilities: { Disability: child.disabilities.map(clean) } } : {}),
      },
      CINdetails: (child.cinDetails ?? []).map((d) => ({
        CINreferralDate: clean(d.CINreferralDate),
        ReferralSource: clean(d.ReferralSource),
        PrimaryNeedCode: clean(d.PrimaryNeedCode),
        CINclosureDate: clean(d.CINclosureDate),
        ReasonForClosure: clean(d.ReasonForClosure),
        DateOfInitialCPC: clean(d.DateOfInitialCPC),
        Assessments: (d.assessments ?? []).map((a) => ({
          AssessmentActualStartDate: clean(a.AssessmentActualStartDate),
          AssessmentInternalReviewDate: clean(a.AssessmentInternalReviewDate),
          AssessmentAuthorisationDate: clean(a.AssessmentAuthorisationDate),
          ...(a.factors
            ? { FactorsIdentifiedAtAssessment: { AssessmentFactors: a.factors.map(clean) } }
            : {}),
        })),
        CINPlanDates: (d.cinPlanDates ?? []).map((p) => ({
          CINPlanStartDate: clean(p.CINPlanStartDate),
          CINPlanEndDate: clean(p.CINPlanEndDate),
        })),
        Section47: (d.section47 ?? []).map((s) => ({
          S47ActualStartDate: clean(s.S47ActualStartDate),
          InitialCPCtarget: clean(s.InitialCPCtarget),
          DateOfInitialCPC: clean(s.DateOfInitialCPC),
          ICPCnotRequired: clean(s.ICPCnotRequired),
        })),
        ReferralNFA: clean(d.ReferralNFA),
        ChildProtectionPlans: (d.childProtectionPlans ?? []).map((c) => ({
          CPPstartDate: clean(c.CPPstartDate),
          CPPendDate: clean(c.CPPendDate),
          InitialCategoryOfAbuse: clean(c.InitialCategoryOfAbuse),
          LatestCategoryOfAbuse: clean(c.LatestCategoryOfAbuse),
          NumberOfPreviousCPP: clean(c.NumberOfPreviousCPP),
          ...(c.reviews && c.reviews.length > 0 ? { Reviews: { CPPreviewDate: c.reviews.map(clean) } } : {}),
        })),
      })),
    },
  }
  return builder.build(element) as string
}

export function headerXml(header: NonNullable<CinCensusInput['header']>): string {
  return builder.build({
    Header: {
      CollectionDetails: {
        Collection: header.Collection,
        Year: header.Year,
        ReferenceDate: header.ReferenceDate,
      },
      Source: {
        SourceLevel: header.SourceLevel,
        LEA: header.LEA,
        SoftwareCode: clean(header.SoftwareCode),
        Release: clean(header.Release),
        SerialNo: clean(header.SerialNo),
        DateTime: header.DateTime,
      },
    },
  }) as string
}
