import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import {
  allocation,
  assessment,
  contact,
  coreGroup,
  cpConference,
  cpPlan,
  oversight,
  person,
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
  }
}

/** One rule's flags for one child, as things stood at the end of `asAt`. */
export function flagsOf(db: Db, ruleId: string, personId: number, asAt: IsoDate): Promise<Flag[]> {
  return evaluateRules(db, { asAt, ruleIds: [ruleId], personIds: [personId] })
}
