import { asc, eq } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import type { Actor } from '../auth/current-user.ts'
import type { DbOrTx } from '../db/client.ts'
import { type PlanKind, plan, planAction, planOutcome, planVersion } from '../db/schema/index.ts'
import { checkDate } from './dates.ts'
import { Checker } from './errors.ts'

// Plans: recorded once, updated in place, every save a new version with a whole snapshot (plan_version).
// This file holds the core other areas call (create a plan, snapshot it); the plans area adds editing,
// reviews, step-down and history.

export interface ActionInput {
  /** Index into `outcomes` of the outcome this action serves, if any. */
  outcome?: number | null
  description: string
  ownerWorkerId?: number | null
  ownerDescription: string
  dueDate: string
  measure: string
  carriedFromActionId?: number | null
}

export interface PlanInput {
  personId: number
  kind: PlanKind
  referralId?: number | null
  earlyHelpEpisodeId?: number | null
  cpPlanId?: number | null
  previousPlanId?: number | null
  startDate: string
  nextReviewDue?: string | null
  contingency?: string | null
  nonEngagementStrategy?: string | null
  outcomes: string[]
  actions: ActionInput[]
}

/** Checks a plan's content: SMART actions need who, what, by when and how progress is measured. */
export function checkPlanInput(input: PlanInput): void {
  const c = new Checker()
  checkDate(c, 'startDate', 'the plan start date', input.startDate, { required: true })
  if (input.nextReviewDue) {
    checkDate(c, 'nextReviewDue', 'the next review date', input.nextReviewDue, { allowFuture: true })
    if (!c.errors.nextReviewDue && !c.errors.startDate && input.nextReviewDue < input.startDate) {
      c.add('nextReviewDue', 'The next review must be on or after the plan starts')
    }
  }
  for (const [i, o] of input.outcomes.entries())
    c.check(o.trim() !== '', `outcomes[${i}]`, `Describe outcome ${i + 1}`)
  input.actions.forEach((a, i) => {
    const n = i + 1
    c.check(a.description.trim() !== '', `actions[${i}].description`, `Say what action ${n} is`)
    c.check(a.ownerDescription.trim() !== '', `actions[${i}].owner`, `Say who does action ${n}`)
    c.check(
      a.measure.trim() !== '',
      `actions[${i}].measure`,
      `Say how progress on action ${n} will be measured`,
    )
    checkDate(c, `actions[${i}].dueDate`, `when action ${n} is due`, a.dueDate, {
      required: true,
      allowFuture: true,
    })
    if (a.outcome != null)
      c.check(
        a.outcome >= 0 && a.outcome < input.outcomes.length,
        `actions[${i}].outcome`,
        `Choose an outcome for action ${n}`,
      )
  })
  c.throwIfAny()
}

/** Creates a plan with its outcomes and actions as version 1. Call inside the caller's transaction. */
export async function createPlan(
  tx: DbOrTx,
  actor: Actor,
  input: PlanInput,
  reason = 'Plan made',
): Promise<number> {
  checkPlanInput(input)
  const [created] = await tx
    .insert(plan)
    .values({
      personId: input.personId,
      kind: input.kind,
      referralId: input.referralId ?? null,
      earlyHelpEpisodeId: input.earlyHelpEpisodeId ?? null,
      cpPlanId: input.cpPlanId ?? null,
      previousPlanId: input.previousPlanId ?? null,
      startDate: input.startDate,
      nextReviewDue: input.nextReviewDue ?? null,
      contingency: input.contingency ?? null,
      nonEngagementStrategy: input.nonEngagementStrategy ?? null,
      updatedBy: actor.user.id,
    })
    .returning({ id: plan.id })
  const planId = created!.id
  const outcomeIds: number[] = []
  for (const [position, description] of input.outcomes.entries()) {
    const [o] = await tx
      .insert(planOutcome)
      .values({ planId, position, description })
      .returning({ id: planOutcome.id })
    outcomeIds.push(o!.id)
  }
  if (input.actions.length > 0) {
    await tx.insert(planAction).values(
      input.actions.map((a) => ({
        planId,
        outcomeId: a.outcome == null ? null : (outcomeIds[a.outcome] ?? null),
        description: a.description,
        ownerWorkerId: a.ownerWorkerId ?? null,
        ownerDescription: a.ownerDescription,
        dueDate: a.dueDate,
        measure: a.measure,
        carriedFromActionId: a.carriedFromActionId ?? null,
      })),
    )
  }
  await snapshotPlan(tx, actor, planId, 1, reason)
  await logAccess(tx, actor, {
    action: 'create',
    subjectType: 'plan',
    subjectId: planId,
    personId: input.personId,
    detail: { kind: input.kind },
  })
  return planId
}

/** The plan as it stands now, whole: what a version snapshot holds. */
export async function loadPlan(db: DbOrTx, planId: number) {
  const [p] = await db.select().from(plan).where(eq(plan.id, planId))
  if (!p) return null
  const [outcomes, actions] = await Promise.all([
    db.select().from(planOutcome).where(eq(planOutcome.planId, planId)).orderBy(asc(planOutcome.position)),
    db
      .select()
      .from(planAction)
      .where(eq(planAction.planId, planId))
      .orderBy(asc(planAction.dueDate), asc(planAction.id)),
  ])
  return { ...p, outcomes, actions }
}

export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>

/** Stores the plan as it now stands as `version`, with why it changed. */
export async function snapshotPlan(
  tx: DbOrTx,
  actor: Actor,
  planId: number,
  version: number,
  reason: string,
): Promise<void> {
  const whole = await loadPlan(tx, planId)
  await tx.insert(planVersion).values({ planId, version, savedBy: actor.user.id, reason, snapshot: whole })
}
