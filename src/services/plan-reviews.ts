import { and, desc, eq } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { plan, planAction, planReview, userAccount } from '../db/schema/index.ts'
import { checkDate } from './dates.ts'
import { Checker, NotFoundError, ValidationError } from './errors.ts'
import { getPlan, lockPlanVersion, longDate, savePlanVersion } from './plans.ts'

// Reviews of a plan (a CIN review, an early help review, a core group review): who came, how the child
// contributed and what they said, progress on every open action, what was decided and when the next review
// is. Recording a review changes the plan (the next review date, actions found done): a new plan version.

export const CHILD_CONTRIBUTIONS = ['attended', 'views-shared-another-way', 'not-sought'] as const
export type ChildContribution = (typeof CHILD_CONTRIBUTIONS)[number]

export const CHILD_CONTRIBUTION_LABELS: Record<ChildContribution, string> = {
  attended: 'The child attended',
  'views-shared-another-way': 'The child shared their views another way',
  'not-sought': "The child's views were not sought",
}

export const ACTION_PROGRESS = ['on-track', 'some', 'none', 'done'] as const
export type ActionProgress = (typeof ACTION_PROGRESS)[number]

export const ACTION_PROGRESS_LABELS: Record<ActionProgress, string> = {
  'on-track': 'On track',
  some: 'Some progress',
  none: 'No progress',
  done: 'Done',
}

/** Who can attend a review, by agency. */
export const REVIEW_AGENCIES = [
  'parents-carers',
  'social-care',
  'health',
  'education',
  'police',
  'early-help',
  'housing',
  'youth-justice-probation',
  'voluntary-sector',
  'other',
] as const

export const REVIEW_AGENCY_LABELS: Record<(typeof REVIEW_AGENCIES)[number], string> = {
  'parents-carers': 'Parents or carers',
  'social-care': "Children's social care",
  health: 'Health',
  education: 'Education',
  police: 'Police',
  'early-help': 'Early help',
  housing: 'Housing',
  'youth-justice-probation': 'Youth justice or probation',
  'voluntary-sector': 'Voluntary sector',
  other: 'Other',
}

export interface PlanReviewInput {
  heldOn: string
  attendance: string[]
  childContribution: string
  /** Why the child's views were not sought (required then), or how they were shared. */
  childContributionNote?: string | null
  childsViews?: string | null
  /** Progress on every open action of the plan. */
  actionProgress: { actionId: number; progress: string; note?: string | null }[]
  decisions: string
  nextReviewDue: string
}

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/**
 * Records a review of a plan and updates the plan: the next review date, and the actions the review found
 * done. `expectedVersion` is the plan version the review form was opened on: if the plan changed since,
 * nothing is saved and a ConflictError says what changed. Returns the review and the plan's new version.
 */
export async function recordPlanReview(
  db: Db,
  actor: Actor,
  personId: number,
  planId: number,
  expectedVersion: number,
  input: PlanReviewInput,
): Promise<{ reviewId: number; version: number }> {
  return db.transaction(async (tx) => {
    await lockPlanVersion(tx, personId, planId, expectedVersion)
    const current = await getPlan(tx, personId, planId)
    const c = new Checker()
    if (current.endDate)
      throw new ValidationError({
        plan: `This plan ended on ${longDate(current.endDate)}. Reviews are recorded on current plans.`,
      })
    const heldOn = checkDate(c, 'heldOn', 'the date of the review', input.heldOn, { required: true })
    if (heldOn && heldOn < current.startDate)
      c.add('heldOn', `The review cannot be before the plan started (${longDate(current.startDate)})`)
    const attendance = [...new Set(input.attendance)]
    c.check(attendance.length > 0, 'attendance', 'Select who attended the review')
    c.check(
      attendance.every((a) => (REVIEW_AGENCIES as readonly string[]).includes(a)),
      'attendance',
      'Select who attended from the list',
    )
    const contribution = input.childContribution as ChildContribution
    const note = blank(input.childContributionNote)
    const views = blank(input.childsViews)
    if (!(CHILD_CONTRIBUTIONS as readonly string[]).includes(contribution)) {
      c.add('childContribution', 'Select how the child contributed to the review')
    } else if (contribution === 'not-sought') {
      c.check(note !== null, 'childContributionNote', "Say why the child's views were not sought")
    } else {
      c.check(views !== null, 'childsViews', "Record the child's views, in their words where you can")
    }
    const open = current.actions.filter((a) => a.status === 'open')
    const progress = new Map<number, { progress: ActionProgress; note: string | null }>()
    for (const p of input.actionProgress) {
      if (!open.some((a) => a.id === p.actionId)) {
        c.add(
          `actionProgress.${p.actionId}`,
          'Progress can only be recorded on the open actions of this plan',
        )
        continue
      }
      if ((ACTION_PROGRESS as readonly string[]).includes(p.progress))
        progress.set(p.actionId, { progress: p.progress as ActionProgress, note: blank(p.note) })
    }
    for (const [i, a] of open.entries())
      c.check(
        progress.has(a.id),
        `actionProgress.${a.id}`,
        `Select the progress on action ${i + 1}, “${a.description.length > 60 ? `${a.description.slice(0, 57)}…` : a.description}”`,
      )
    const decisions = blank(input.decisions)
    c.check(decisions !== null, 'decisions', 'Record what the review decided')
    const nextReviewDue = checkDate(c, 'nextReviewDue', 'the date of the next review', input.nextReviewDue, {
      required: true,
      allowFuture: true,
    })
    if (nextReviewDue && heldOn && nextReviewDue <= heldOn)
      c.add('nextReviewDue', 'The next review must be after this one')
    c.throwIfAny()

    const row = {
      planId,
      personId,
      heldOn: heldOn!,
      attendance,
      childContribution: contribution,
      childContributionNote: note,
      childsViews: views,
      decisions: decisions!,
      actionProgress: open.map((a) => ({
        actionId: a.id,
        progress: progress.get(a.id)!.progress,
        ...(progress.get(a.id)!.note ? { note: progress.get(a.id)!.note! } : {}),
      })),
      recordedBy: actor.user.id,
    }
    const [created] = await tx.insert(planReview).values(row).returning({ id: planReview.id })
    const reviewId = created!.id
    await recordChanges(tx, actor, {
      entityType: 'plan-review',
      entityId: reviewId,
      personId,
      version: 1,
      changes: diffFields(null, row),
    })
    for (const a of open)
      if (progress.get(a.id)!.progress === 'done')
        await tx
          .update(planAction)
          .set({ status: 'done', completedOn: heldOn })
          .where(eq(planAction.id, a.id))
    const version = expectedVersion + 1
    await tx
      .update(plan)
      .set({ nextReviewDue, version, updatedAt: new Date(), updatedBy: actor.user.id })
      .where(eq(plan.id, planId))
    await savePlanVersion(tx, actor, planId, version, `Reviewed on ${longDate(heldOn)}`)
    await logAccess(tx, actor, {
      action: 'create',
      subjectType: 'plan-review',
      subjectId: reviewId,
      personId,
      detail: { planId, version },
    })
    return { reviewId, version }
  })
}

/** The reviews of a plan, newest first. */
export async function listPlanReviews(db: DbOrTx, personId: number, planId: number) {
  await getPlan(db, personId, planId)
  return db
    .select()
    .from(planReview)
    .where(eq(planReview.planId, planId))
    .orderBy(desc(planReview.heldOn), desc(planReview.id))
}

/** One review of a plan, with who recorded it and each action's progress described. */
export async function getPlanReview(db: DbOrTx, personId: number, planId: number, reviewId: number) {
  const found = await getPlan(db, personId, planId)
  const [review] = await db
    .select({ review: planReview, recordedByName: userAccount.displayName })
    .from(planReview)
    .leftJoin(userAccount, eq(userAccount.id, planReview.recordedBy))
    .where(and(eq(planReview.id, reviewId), eq(planReview.planId, planId)))
  if (!review) throw new NotFoundError(`No review ${reviewId} of plan ${planId}`)
  const actions = new Map(found.actions.map((a) => [a.id, a]))
  return {
    ...review.review,
    recordedByName: review.recordedByName,
    contributionLabel: CHILD_CONTRIBUTION_LABELS[review.review.childContribution],
    attendanceLabels: review.review.attendance.map(
      (a) => REVIEW_AGENCY_LABELS[a as keyof typeof REVIEW_AGENCY_LABELS] ?? a,
    ),
    progress: review.review.actionProgress.map((p) => ({
      ...p,
      description: actions.get(p.actionId)?.description ?? `Action ${p.actionId}`,
      owner: actions.get(p.actionId)?.ownerDescription ?? '',
      label: ACTION_PROGRESS_LABELS[p.progress as ActionProgress] ?? p.progress,
    })),
  }
}
