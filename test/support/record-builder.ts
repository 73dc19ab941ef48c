import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import {
  adoptionCase,
  allocation,
  assessment,
  careLeaverContact,
  carerAssessment,
  contact,
  coreGroup,
  cpConference,
  cpPlan,
  fosteringPanel,
  healthRecord,
  iroEscalation,
  lacReview,
  legalStatus,
  missingEpisode,
  oversight,
  periodOfCare,
  permanencePlan,
  person,
  personalEducationPlan,
  placement,
  plan,
  planAction,
  planReview,
  planVersion,
  referral,
  relationship,
  section47,
  significantEvent,
  strategyDiscussion,
  timescaleException,
  userAccount,
  visit,
  worker,
} from '../../src/db/schema/index.ts'
import type { IsoDate } from '../../src/domain/calendar/working-days.ts'
import { evaluateRules } from '../../src/rules/engine/evaluate.ts'
import type { Flag } from '../../src/rules/engine/types.ts'

// Builds a child's record row by row with sensible defaults, straight into the tables (no services), so a
// rule's test says only what matters to the rule: "a strategy discussion on 2 March, an ICPC on 20 March".
// Dates are civil dates; timestamps are put at noon UTC, which is the same day in London all year.

type Person = typeof person.$inferSelect
type Referral = typeof referral.$inferSelect
type Plan = typeof plan.$inferSelect
type CpPlan = typeof cpPlan.$inferSelect
type PeriodOfCare = typeof periodOfCare.$inferSelect
type AdoptionCase = typeof adoptionCase.$inferSelect

export interface PeriodOfCareOptions extends Partial<typeof periodOfCare.$inferInsert> {
  startDate: IsoDate
  /** 903 LS of the first legal status; default C2 (care order). */
  legalStatus?: string
  /** The first placement; default in-house foster care (U6) from the start of care. */
  placement?: Partial<typeof placement.$inferInsert>
}

/** A timestamp for a missing episode: a civil date (noon) or an exact Date. */
type When = IsoDate | Date
const at = (when: When) => (typeof when === 'string' ? noon(when) : when)

/** A demo member of staff (seed/demo-users.ts): their account, worker, team and line manager. */
export interface Staff {
  userId: number
  workerId: number
  teamId: number
  lineManagerWorkerId: number | null
}

/** A timestamp on a civil date: noon UTC, which is that date in London whether GMT or BST. */
export function noon(date: IsoDate): Date {
  return new Date(`${date}T12:00:00Z`)
}

export interface ChildOptions extends Partial<typeof person.$inferInsert> {
  /** Demo username of the allocated social worker; null for none. Default 'socialworker'. */
  allocatedTo?: string | null
  /** Default 2025-01-06. */
  allocatedOn?: IsoDate
}

export interface PlanOptions extends Partial<typeof plan.$inferInsert> {
  /** When the first version was saved (plan_version 1); default the start date. */
  savedOn?: IsoDate
  actions?: Partial<typeof planAction.$inferInsert>[]
}

export type RecordBuilder = ReturnType<typeof recordBuilder>

export function recordBuilder(db: Db) {
  const staffCache = new Map<string, Staff>()
  let childCount = 0

  async function staff(username: string): Promise<Staff> {
    const cached = staffCache.get(username)
    if (cached) return cached
    const [row] = await db
      .select({
        userId: userAccount.id,
        workerId: worker.id,
        teamId: worker.teamId,
        lineManagerWorkerId: worker.lineManagerId,
      })
      .from(userAccount)
      .innerJoin(worker, eq(worker.id, userAccount.workerId))
      .where(eq(userAccount.username, username))
    if (!row) throw new Error(`No demo user ${username} with a worker`)
    staffCache.set(username, row)
    return row
  }

  /** Another allocation (social worker by default; 'cp-chair', 'iro'… with `kind`). */
  async function allocate(
    child: Person,
    username: string,
    startedOn: IsoDate,
    kind: typeof allocation.$inferInsert.kind = 'social-worker',
    endedOn: IsoDate | null = null,
  ) {
    const s = await staff(username)
    const [row] = await db
      .insert(allocation)
      .values({ personId: child.id, teamId: s.teamId, workerId: s.workerId, kind, startedOn, endedOn })
      .returning()
    return row!
  }

  return {
    staff,

    /** A child, allocated to a demo social worker from `allocatedOn`. */
    async child(options: ChildOptions = {}): Promise<Person> {
      const { allocatedTo = 'socialworker', allocatedOn = '2025-01-06', ...values } = options
      childCount++
      const [row] = await db
        .insert(person)
        .values({
          givenName: `Child${childCount}`,
          familyName: 'Example',
          dateOfBirth: '2016-06-15',
          sex: 'F',
          ...values,
        })
        .returning()
      if (allocatedTo) await allocate(row!, allocatedTo, allocatedOn)
      return row!
    },

    allocate,

    async contact(
      child: Person,
      values: Partial<typeof contact.$inferInsert> & { receivedOn?: IsoDate } = {},
    ) {
      const { receivedOn = '2026-03-02', ...rest } = values
      const [row] = await db
        .insert(contact)
        .values({
          personId: child.id,
          receivedAt: noon(receivedOn),
          source: '1B',
          concerns: 'School reports bruising to the arm.',
          consent: 'not-sought-safeguarding',
          ...rest,
        })
        .returning()
      return row!
    },

    async referral(child: Person, values: Partial<typeof referral.$inferInsert> = {}): Promise<Referral> {
      const [row] = await db
        .insert(referral)
        .values({
          personId: child.id,
          referralDate: '2026-03-02',
          source: '1B',
          primaryNeed: 'N1',
          ...values,
        })
        .returning()
      return row!
    },

    /** Closes the case (the referral) on a date. */
    async close(ref: Referral, closureDate: IsoDate) {
      await db.update(referral).set({ closureDate }).where(eq(referral.id, ref.id))
    },

    async assessment(ref: Referral, values: Partial<typeof assessment.$inferInsert> = {}) {
      const [row] = await db
        .insert(assessment)
        .values({
          referralId: ref.id,
          personId: ref.personId,
          startDate: ref.referralDate,
          livedExperience: 'A day in her life, in her words.',
          identityAndCulture: 'Mixed White and Black Caribbean heritage; attends church with her nan.',
          childsViews: 'Wants to stay at home and see her dad at weekends.',
          analysis: 'Needs are met at home with support.',
          ...values,
        })
        .returning()
      return row!
    },

    async strategyDiscussion(ref: Referral, values: Partial<typeof strategyDiscussion.$inferInsert> = {}) {
      const [row] = await db
        .insert(strategyDiscussion)
        .values({
          referralId: ref.id,
          personId: ref.personId,
          heldOn: ref.referralDate,
          agencies: ['social-care', 'police', 'health'],
          decision: 'section-47',
          rationale: 'Reasonable cause to suspect significant harm.',
          ...values,
        })
        .returning()
      return row!
    },

    async section47(ref: Referral, values: Partial<typeof section47.$inferInsert> = {}) {
      const [row] = await db
        .insert(section47)
        .values({ referralId: ref.id, personId: ref.personId, startDate: ref.referralDate, ...values })
        .returning()
      return row!
    },

    /** An initial conference by default, chaired by the demo CP chair, deciding on a plan. */
    async conference(ref: Referral, values: Partial<typeof cpConference.$inferInsert> & { heldOn: IsoDate }) {
      const chair = await staff('iro')
      const [row] = await db
        .insert(cpConference)
        .values({
          referralId: ref.id,
          personId: ref.personId,
          kind: 'initial',
          chairWorkerId: chair.workerId,
          participants: ['social-care', 'police', 'health', 'mother'],
          childContribution: 'views-shared-another-way',
          childsViews: 'Drew a picture of home with her worker.',
          decision: 'plan',
          ...values,
        })
        .returning()
      return row!
    },

    async cpPlan(ref: Referral, values: Partial<typeof cpPlan.$inferInsert> & { startDate: IsoDate }) {
      const [row] = await db
        .insert(cpPlan)
        .values({
          referralId: ref.id,
          personId: ref.personId,
          initialCategory: 'NEG',
          latestCategory: 'NEG',
          ...values,
        })
        .returning()
      return row!
    },

    async endCpPlan(
      cp: CpPlan,
      endDate: IsoDate,
      endReason: typeof cpPlan.$inferInsert.endReason = 'step-down-cin',
    ) {
      await db.update(cpPlan).set({ endDate, endReason }).where(eq(cpPlan.id, cp.id))
    },

    async coreGroup(cp: CpPlan, heldOn: IsoDate) {
      const [row] = await db
        .insert(coreGroup)
        .values({ cpPlanId: cp.id, personId: cp.personId, heldOn, attendees: ['social-care', 'school'] })
        .returning()
      return row!
    },

    /** A plan (child in need by default) with its first saved version and any actions. */
    async plan(child: Person, options: PlanOptions = {}) {
      const { savedOn, actions = [], ...values } = options
      const [row] = await db
        .insert(plan)
        .values({
          personId: child.id,
          kind: 'child-in-need',
          startDate: '2026-03-02',
          contingency: 'Strategy discussion if concerns increase.',
          ...values,
        })
        .returning()
      const p = row!
      await db.insert(planVersion).values({
        planId: p.id,
        version: 1,
        savedAt: noon(savedOn ?? p.startDate),
        reason: 'Plan agreed',
        snapshot: {},
      })
      const actionRows = []
      for (const a of actions) {
        const [action] = await db
          .insert(planAction)
          .values({
            planId: p.id,
            description: 'Attend the parenting group',
            ownerDescription: 'Mother',
            dueDate: p.startDate,
            measure: 'Attends every week',
            ...a,
          })
          .returning()
        actionRows.push(action!)
      }
      return { ...p, actions: actionRows }
    },

    async endPlan(p: Plan, endDate: IsoDate) {
      await db.update(plan).set({ endDate }).where(eq(plan.id, p.id))
    },

    /** A later saved version of a plan, on a date. */
    async planVersion(p: Plan, savedOn: IsoDate) {
      const [updated] = await db
        .update(plan)
        .set({ version: sql`${plan.version} + 1`, updatedAt: noon(savedOn) })
        .where(eq(plan.id, p.id))
        .returning({ version: plan.version })
      await db.insert(planVersion).values({
        planId: p.id,
        version: updated!.version,
        savedAt: noon(savedOn),
        reason: 'Updated',
        snapshot: {},
      })
    },

    async planReview(p: Plan, values: Partial<typeof planReview.$inferInsert> & { heldOn: IsoDate }) {
      const [row] = await db
        .insert(planReview)
        .values({
          planId: p.id,
          personId: p.personId,
          attendance: ['social-care', 'school', 'health'],
          childContribution: 'attended',
          childsViews: 'Likes the new after-school club.',
          decisions: 'Continue the plan.',
          actionProgress: [],
          ...values,
        })
        .returning()
      return row!
    },

    /** A visit by the allocated worker, child seen and seen alone unless said otherwise. */
    async visit(child: Person, values: Partial<typeof visit.$inferInsert> & { visitedOn: IsoDate }) {
      const sw = await staff('socialworker')
      const [row] = await db
        .insert(visit)
        .values({
          personId: child.id,
          visitedBy: sw.workerId,
          kind: 'cin',
          childSeen: true,
          childSeenAlone: true,
          recordedAt: noon(values.visitedOn),
          ...values,
        })
        .returning()
      return row!
    },

    /** Management oversight by the demo team manager. */
    async oversight(child: Person, values: Partial<typeof oversight.$inferInsert> & { recordedOn: IsoDate }) {
      const manager = await staff('teammanager')
      const [row] = await db
        .insert(oversight)
        .values({
          personId: child.id,
          managerUserId: manager.userId,
          kind: 'case-review',
          decision: 'Continue the plan.',
          rationale: 'Progress at the last review.',
          ...values,
        })
        .returning()
      return row!
    },

    async significantEvent(
      child: Person,
      values: Partial<typeof significantEvent.$inferInsert> & { occurredOn: IsoDate },
    ) {
      const [row] = await db
        .insert(significantEvent)
        .values({
          personId: child.id,
          category: 'household-change',
          description: 'Mother’s new partner moved in.',
          impactOnChild: 'Unsettled; not sleeping well.',
          recordedAt: noon(values.occurredOn),
          ...values,
        })
        .returning()
      return row!
    },

    /**
     * Someone related to the child (a new adult unless `relatedPersonId` is given), living in the same
     * household unless said otherwise. `inverse` stores it from the other person's side ("the child is
     * their …"), as the relationship table allows.
     */
    async relationship(
      child: Person,
      values: Partial<typeof relationship.$inferInsert> & { inverse?: boolean } = {},
    ) {
      const { inverse = false, ...rest } = values
      let otherId = rest.relatedPersonId
      if (otherId === undefined) {
        const [other] = await db
          .insert(person)
          .values({ givenName: 'Adult', familyName: 'Example', dateOfBirth: '1990-01-01' })
          .returning()
        otherId = other!.id
      }
      const [row] = await db
        .insert(relationship)
        .values({
          type: 'household-member',
          sameHousehold: true,
          ...rest,
          personId: inverse ? otherId : child.id,
          relatedPersonId: inverse ? child.id : otherId,
        })
        .returning()
      return row!
    },

    /** A manager-agreed reason for exceeding a timescale, recorded on a date. */
    async recordedReason(
      child: Person,
      values: Omit<typeof timescaleException.$inferInsert, 'personId' | 'recordedAt'> & {
        recordedOn: IsoDate
      },
    ) {
      const { recordedOn, ...rest } = values
      const [row] = await db
        .insert(timescaleException)
        .values({ personId: child.id, recordedAt: noon(recordedOn), ...rest })
        .returning()
      return row!
    },

    // ——— Children in care, permanence and leaving care ———

    /**
     * A period of care from `startDate`, with its first legal status (care order unless said) and first
     * placement (in-house foster care unless said), both from the same day.
     */
    async periodOfCare(child: Person, options: PeriodOfCareOptions) {
      const { legalStatus: code = 'C2', placement: place = {}, ...values } = options
      const [period] = await db
        .insert(periodOfCare)
        .values({ personId: child.id, categoryOfNeed: 'N1', ...values })
        .returning()
      const p = period!
      const [status] = await db
        .insert(legalStatus)
        .values({ periodOfCareId: p.id, personId: child.id, code, startDate: p.startDate })
        .returning()
      const [placed] = await db
        .insert(placement)
        .values({
          periodOfCareId: p.id,
          personId: child.id,
          placementType: 'U6',
          provider: 'PR1',
          insideAuthority: true,
          startDate: p.startDate,
          ...place,
        })
        .returning()
      return { ...p, legalStatus: status!, placement: placed! }
    },

    /** A new legal status from `startDate`; the one open until then ends that day. */
    async legalStatus(period: PeriodOfCare, code: string, startDate: IsoDate) {
      await db
        .update(legalStatus)
        .set({ endDate: startDate })
        .where(sql`${legalStatus.periodOfCareId} = ${period.id} and ${legalStatus.endDate} is null`)
      const [row] = await db
        .insert(legalStatus)
        .values({ periodOfCareId: period.id, personId: period.personId, code, startDate })
        .returning()
      return row!
    },

    /** A move to a new placement from `startDate` (foster care unless said); the open one ends that day. */
    async placement(
      period: PeriodOfCare,
      values: Partial<typeof placement.$inferInsert> & { startDate: IsoDate },
    ) {
      await db
        .update(placement)
        .set({ endDate: values.startDate, reasonForChange: 'CARPL' })
        .where(sql`${placement.periodOfCareId} = ${period.id} and ${placement.endDate} is null`)
      const [row] = await db
        .insert(placement)
        .values({
          periodOfCareId: period.id,
          personId: period.personId,
          placementType: 'U6',
          provider: 'PR1',
          insideAuthority: true,
          ...values,
        })
        .returning()
      return row!
    },

    /** The child ceases to be looked after: the period, its legal status and placement end that day. */
    async ceaseCare(period: PeriodOfCare, endDate: IsoDate, reasonCeased = 'E11') {
      await db.update(periodOfCare).set({ endDate, reasonCeased }).where(eq(periodOfCare.id, period.id))
      for (const table of [legalStatus, placement])
        await db
          .update(table)
          .set({ endDate })
          .where(sql`${table.periodOfCareId} = ${period.id} and ${table.endDate} is null`)
    },

    /** A looked-after review chaired by the demo IRO unless said otherwise. */
    async lacReview(
      period: PeriodOfCare,
      values: Partial<typeof lacReview.$inferInsert> & { heldOn: IsoDate },
    ) {
      const iro = await staff('iro')
      const [row] = await db
        .insert(lacReview)
        .values({
          personId: period.personId,
          periodOfCareId: period.id,
          iroWorkerId: iro.workerId,
          participation: 'PN1',
          childsViews: 'Wants to stay with her foster carers and see her brother more.',
          attendees: ['child', 'social-worker', 'foster-carer'],
          decisions: 'The plan continues.',
          ...values,
        })
        .returning()
      return row!
    },

    /** A health record: an initial health assessment unless said otherwise. */
    async healthRecord(
      child: Person,
      values: Partial<typeof healthRecord.$inferInsert> & { recordedOn: IsoDate },
    ) {
      const [row] = await db
        .insert(healthRecord)
        .values({ personId: child.id, kind: 'initial-health-assessment', ...values })
        .returning()
      return row!
    },

    /** A personal education plan meeting. */
    async pep(
      child: Person,
      values: Partial<typeof personalEducationPlan.$inferInsert> & { heldOn: IsoDate },
    ) {
      const [row] = await db
        .insert(personalEducationPlan)
        .values({
          personId: child.id,
          school: 'Hillside Primary',
          designatedTeacher: 'Ms Okafor',
          targets: 'Reading at the expected level by the summer.',
          ...values,
        })
        .returning()
      return row!
    },

    /**
     * A missing episode (M) from `startedAt` to `endedAt` (still missing if null); dates are put at noon,
     * or pass exact Dates. Return interview times likewise.
     */
    async missingEpisode(
      child: Person,
      values: {
        kind?: 'M' | 'A'
        startedAt: When
        endedAt?: When | null
        returnInterviewOfferedAt?: When | null
        returnInterviewAccepted?: boolean | null
        returnInterviewHeldAt?: When | null
      },
    ) {
      const optional = (when: When | null | undefined) => (when ? at(when) : null)
      const [row] = await db
        .insert(missingEpisode)
        .values({
          personId: child.id,
          kind: values.kind ?? 'M',
          startedAt: at(values.startedAt),
          endedAt: optional(values.endedAt),
          returnInterviewOfferedAt: optional(values.returnInterviewOfferedAt),
          returnInterviewAccepted: values.returnInterviewAccepted ?? null,
          returnInterviewHeldAt: optional(values.returnInterviewHeldAt),
        })
        .returning()
      return row!
    },

    /** A permanence plan (long-term fostering unless said), decided on a date. */
    async permanencePlan(
      child: Person,
      values: Partial<typeof permanencePlan.$inferInsert> & { decidedOn: IsoDate },
    ) {
      const [row] = await db
        .insert(permanencePlan)
        .values({
          personId: child.id,
          chosenOption: 'long-term-fostering',
          rationale: 'Her foster carers can care for her until she is 18; she wants to stay.',
          ...values,
        })
        .returning()
      return row!
    },

    /** An adoption case from the agency decision that the child should be placed for adoption. */
    async adoptionCase(
      child: Person,
      values: Partial<typeof adoptionCase.$inferInsert> & { shouldBePlacedOn: IsoDate },
    ) {
      const [row] = await db
        .insert(adoptionCase)
        .values({ personId: child.id, ...values })
        .returning()
      return row!
    },

    /** Records a match (903 DATE_MATCH) on an adoption case. */
    async match(adoption: AdoptionCase, matchedOn: IsoDate) {
      await db.update(adoptionCase).set({ matchedOn }).where(eq(adoptionCase.id, adoption.id))
    },

    /**
     * A carer assessed for the child (a connected person unless said), a new adult unless `carerPersonId`
     * is given.
     */
    async carerAssessment(
      child: Person,
      values: Partial<typeof carerAssessment.$inferInsert> & { startedOn: IsoDate },
    ) {
      let carerPersonId = values.carerPersonId
      if (carerPersonId === undefined) {
        const [carer] = await db
          .insert(person)
          .values({ givenName: 'Aunt', familyName: 'Example', dateOfBirth: '1980-02-01' })
          .returning()
        carerPersonId = carer!.id
      }
      const [row] = await db
        .insert(carerAssessment)
        .values({ childPersonId: child.id, kind: 'connected-person', ...values, carerPersonId })
        .returning()
      return row!
    },

    /** A fostering panel for a carer (connected person unless said), with its decision if given. */
    async fosteringPanel(
      carerPersonId: number,
      values: Partial<typeof fosteringPanel.$inferInsert> & { assessmentStartedOn: IsoDate },
    ) {
      const [row] = await db
        .insert(fosteringPanel)
        .values({ carerPersonId, kind: 'connected-person', ...values })
        .returning()
      return row!
    },

    /** An IRO escalation (informal unless said), raised by the demo IRO. */
    async iroEscalation(
      child: Person,
      values: Partial<typeof iroEscalation.$inferInsert> & { raisedOn: IsoDate; responseDue: IsoDate },
    ) {
      const iro = await staff('iro')
      const [row] = await db
        .insert(iroEscalation)
        .values({
          personId: child.id,
          stage: 'informal',
          raisedBy: iro.workerId,
          issue: 'The life-story work agreed at the last review has not started.',
          respondent: 'Team manager',
          ...values,
        })
        .returning()
      return row!
    },

    /** A care leaver keeping-in-touch contact (903 OC3 codes), in touch unless said. */
    async careLeaverContact(
      child: Person,
      values: Partial<typeof careLeaverContact.$inferInsert> & { contactedOn: IsoDate },
    ) {
      const [row] = await db
        .insert(careLeaverContact)
        .values({ personId: child.id, inTouch: 'YES', activity: 'F1', accommodation: 'B1', ...values })
        .returning()
      return row!
    },
  }
}

/** One rule's flags for one child, as things stood at the end of `asAt`. */
export function flagsOf(db: Db, ruleId: string, personId: number, asAt: IsoDate): Promise<Flag[]> {
  return evaluateRules(db, { asAt, ruleIds: [ruleId], personIds: [personId] })
}
