import { and, asc, desc, eq, isNull, lt, lte, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import { type Db, type DbOrTx, qualified } from '../db/client.ts'
import {
  type ActionStatus,
  cpPlan,
  earlyHelpEpisode,
  type PlanKind,
  person,
  plan,
  planAction,
  planOutcome,
  planReview,
  planVersion,
  referral,
  userAccount,
} from '../db/schema/index.ts'
import { addWorkingDays } from '../domain/calendar/working-days.ts'
import { checkDate, longDate, today } from './dates.ts'
import { Checker, ConflictError, type ConflictingChange, NotFoundError, ValidationError } from './errors.ts'

// Plans: recorded once, updated in place, every save a new version with a whole snapshot (plan_version).
// This file holds the core other areas call (create a plan, snapshot it), editing with conflict
// detection, the plan as it stood on a date, and the step-down from child protection to child in need.

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  'early-help': 'Early help plan',
  'child-in-need': 'Child in need plan',
  'child-protection': 'Child protection plan',
  care: 'Care plan',
  pathway: 'Pathway plan',
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  'not-done': 'Not done',
  'carried-over': 'Carried over to the next plan',
  'handed-on': 'Handed on',
}

/** Kinds of plan a worker makes from the record; the others are made by a conference or a care plan. */
export const RECORD_PLAN_KINDS = ['child-in-need', 'early-help'] as const
export type RecordPlanKind = (typeof RECORD_PLAN_KINDS)[number]

/** The statuses a worker may give an action: closed actions are never deleted. */
export const SETTABLE_ACTION_STATUSES = ['open', 'done', 'not-done'] as const
export type SettableActionStatus = (typeof SETTABLE_ACTION_STATUSES)[number]

/**
 * The first child in need review after a child protection plan is stepped down: 10 working days after the
 * step-down. Source: /work/shared/domain/timescales.md §1, "First CIN planning meeting — within 10 days
 * (local)" (seftoncs.proceduresonline.antser.com, CIN plans), read as working days like Hearth's other
 * local timescales (addWorkingDays: the step-down date is day 0). The same table's "CIN plan ≥3 months
 * after CP plan ends" is how long the child in need plan should last, not when it is first reviewed.
 * Local practice varies: change it here.
 */
export const FIRST_CIN_REVIEW_AFTER_STEP_DOWN_WORKING_DAYS = 10

export function firstCinReviewAfterStepDown(stepDownDate: string): string {
  return addWorkingDays(stepDownDate, FIRST_CIN_REVIEW_AFTER_STEP_DOWN_WORKING_DAYS)
}

export interface ActionInput {
  /** Index into `outcomes` of the outcome this action serves, if any. */
  outcome?: number | null
  description: string
  ownerWorkerId?: number | null
  ownerDescription: string
  dueDate: string
  measure: string
  carriedFromActionId?: number | null
  /** The action's position on the form the user filled in (for messages); defaults to its index. */
  ref?: number
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

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** SMART: who does what, by when, and how progress is measured. */
function checkAction(
  c: Checker,
  a: { description: string; ownerDescription: string; measure: string; dueDate: string },
  ref: number,
) {
  const n = ref + 1
  c.check((a.description ?? '').trim() !== '', `actions[${ref}].description`, `Say what action ${n} is`)
  c.check((a.ownerDescription ?? '').trim() !== '', `actions[${ref}].owner`, `Say who does action ${n}`)
  c.check(
    (a.measure ?? '').trim() !== '',
    `actions[${ref}].measure`,
    `Say how progress on action ${n} will be measured`,
  )
  checkDate(c, `actions[${ref}].dueDate`, `when action ${n} is due`, a.dueDate, {
    required: true,
    allowFuture: true,
  })
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
    const ref = a.ref ?? i
    checkAction(c, a, ref)
    if (a.outcome != null)
      c.check(
        a.outcome >= 0 && a.outcome < input.outcomes.length,
        `actions[${ref}].outcome`,
        `Choose an outcome for action ${ref + 1}`,
      )
  })
  c.throwIfAny()
}

const ACTION_FIELD_ORDER = ['description', 'owner', 'dueDate', 'measure', 'outcome', 'status', 'completedOn']

/**
 * Throws the checker's errors in the order the fields appear on the form (the error summary lists them in
 * that order): by the field's place in `order`, then row number, then the action field.
 */
function throwInFormOrder(c: Checker, order: string[]): void {
  const keyOf = (field: string) => {
    const m = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(field)
    const place = m ? order.indexOf(m[1]!) : -1
    return [
      place === -1 ? order.length : place,
      m?.[2] ? Number(m[2]) : -1,
      m?.[3] ? ACTION_FIELD_ORDER.indexOf(m[3]) : -1,
    ]
  }
  const sorted = Object.entries(c.errors).sort(([a], [b]) => {
    const ka = keyOf(a)
    const kb = keyOf(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!
    return 0
  })
  if (sorted.length > 0) throw new ValidationError(Object.fromEntries(sorted))
}

/** The current (not ended) plan of a kind for a child, if there is one. */
export async function currentPlanOfKind(db: DbOrTx, personId: number, kind: PlanKind) {
  const [found] = await db
    .select({ id: plan.id, startDate: plan.startDate })
    .from(plan)
    .where(and(eq(plan.personId, personId), eq(plan.kind, kind), isNull(plan.endDate)))
    .limit(1)
  return found ?? null
}

/**
 * Refuses a second current plan of the same kind for a child (inspectors found children with two CIN
 * plans at once). Locks the child's row so two people making a plan at the same moment are taken in turn.
 */
async function refuseSecondCurrentPlan(tx: DbOrTx, personId: number, kind: PlanKind, field = 'kind') {
  await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).for('update')
  const existing = await currentPlanOfKind(tx, personId, kind)
  if (existing) {
    throw new ValidationError({
      [field]: `This child already has a current ${PLAN_KIND_LABELS[kind].toLowerCase()}, started ${longDate(existing.startDate)}. Change that plan, or end it before making a new one.`,
    })
  }
}

/**
 * Creates a plan with its outcomes and actions as version 1. Call inside the caller's transaction.
 * Refused (ValidationError on `kind`) if the child already has a current plan of the same kind.
 */
export async function createPlan(
  tx: DbOrTx,
  actor: Actor,
  input: PlanInput,
  reason = 'Plan made',
): Promise<number> {
  checkPlanInput(input)
  await refuseSecondCurrentPlan(tx, input.personId, input.kind)
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
      contingency: blank(input.contingency),
      nonEngagementStrategy: blank(input.nonEngagementStrategy),
      updatedBy: actor.user.id,
    })
    .returning({ id: plan.id })
  const planId = created!.id
  const outcomeIds: number[] = []
  for (const [position, description] of input.outcomes.entries()) {
    const [o] = await tx
      .insert(planOutcome)
      .values({ planId, position, description: description.trim() })
      .returning({ id: planOutcome.id })
    outcomeIds.push(o!.id)
  }
  if (input.actions.length > 0) {
    await tx.insert(planAction).values(
      input.actions.map((a) => ({
        planId,
        outcomeId: a.outcome == null ? null : (outcomeIds[a.outcome] ?? null),
        description: a.description.trim(),
        ownerWorkerId: a.ownerWorkerId ?? null,
        ownerDescription: a.ownerDescription.trim(),
        dueDate: a.dueDate,
        measure: a.measure.trim(),
        carriedFromActionId: a.carriedFromActionId ?? null,
      })),
    )
  }
  await savePlanVersion(tx, actor, planId, 1, reason)
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

/** A plan as stored in plan_version: the loaded plan as JSON (timestamps become strings). */
export type PlanSnapshot = Omit<LoadedPlan, 'updatedAt'> & { updatedAt: string }

const asSnapshot = (p: LoadedPlan): PlanSnapshot => JSON.parse(JSON.stringify(p)) as PlanSnapshot

/** A snapshot read back from plan_version; rows written by bulk loads may leave parts out. */
const stored = (snapshot: unknown): PlanSnapshot =>
  ({ outcomes: [], actions: [], ...(snapshot as object) }) as unknown as PlanSnapshot

/** Stores the plan as it now stands as `version`, with why it changed. */
export async function snapshotPlan(
  tx: DbOrTx,
  actor: Actor,
  planId: number,
  version: number,
  reason: string,
): Promise<void> {
  await writeVersion(tx, actor, planId, version, reason, false)
}

/**
 * Saves a version of a plan after a change: the snapshot (as snapshotPlan) and, in the change history, what
 * changed since the previous version, field by field. Call in the transaction that changed the plan, after
 * setting plan.version to `version`.
 */
export async function savePlanVersion(
  tx: DbOrTx,
  actor: Actor,
  planId: number,
  version: number,
  reason: string,
): Promise<void> {
  await writeVersion(tx, actor, planId, version, reason, true)
}

async function writeVersion(
  tx: DbOrTx,
  actor: Actor,
  planId: number,
  version: number,
  reason: string,
  withHistory: boolean,
) {
  const whole = await loadPlan(tx, planId)
  if (!whole) throw new NotFoundError(`No plan ${planId}`)
  const [previous] = withHistory
    ? await tx
        .select({ snapshot: planVersion.snapshot })
        .from(planVersion)
        .where(and(eq(planVersion.planId, planId), lt(planVersion.version, version)))
        .orderBy(desc(planVersion.version))
        .limit(1)
    : []
  await tx.insert(planVersion).values({ planId, version, savedBy: actor.user.id, reason, snapshot: whole })
  if (!withHistory) return
  const differences = planDifferences(previous ? stored(previous.snapshot) : null, asSnapshot(whole))
  await recordChanges(tx, actor, {
    entityType: 'plan',
    entityId: planId,
    personId: whole.personId,
    version,
    reason,
    changes: differences.map((d) => ({ field: d.key, oldValue: d.oldValue, newValue: d.newValue })),
  })
}

// ——— Differences between versions ———

export interface PlanDifference {
  /** A stable name for the change history, e.g. `contingency`, `action:12:dueDate`. */
  key: string
  /** What changed, in words. */
  label: string
  from: string | null
  to: string | null
  oldValue: unknown
  newValue: unknown
}

type SnapshotLike = Pick<
  PlanSnapshot,
  'startDate' | 'endDate' | 'nextReviewDue' | 'contingency' | 'nonEngagementStrategy'
> & {
  outcomes: { id: number; description: string }[]
  actions: {
    id: number
    outcomeId: number | null
    description: string
    ownerDescription: string
    dueDate: string
    measure: string
    status: string
    completedOn: string | null
    carriedFromActionId: number | null
  }[]
}

export { longDate }

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

function statusText(a: { status: string; completedOn: string | null }) {
  const label = ACTION_STATUS_LABELS[a.status as ActionStatus] ?? a.status
  return a.completedOn && a.status !== 'open' ? `${label} (${longDate(a.completedOn)})` : label
}

const PLAN_FIELDS = [
  { field: 'startDate', label: 'Start date', date: true },
  { field: 'endDate', label: 'End date', date: true },
  { field: 'nextReviewDue', label: 'Next review due', date: true },
  { field: 'contingency', label: 'Contingency plan', date: false },
  { field: 'nonEngagementStrategy', label: 'If the child or family do not engage', date: false },
] as const

/** What changed between two versions of a plan: fields, outcomes, and actions added or changed. */
export function planDifferences(before: SnapshotLike | null, after: SnapshotLike): PlanDifference[] {
  const out: PlanDifference[] = []
  for (const f of PLAN_FIELDS) {
    const oldValue = before ? (before[f.field] ?? null) : null
    const newValue = after[f.field] ?? null
    if (oldValue === newValue) continue
    const text = (v: string | null) => (v === null ? null : f.date ? longDate(v) : v)
    out.push({ key: f.field, label: f.label, from: text(oldValue), to: text(newValue), oldValue, newValue })
  }
  const outcomeText = (s: SnapshotLike, id: number | null) =>
    id === null ? null : (s.outcomes.find((o) => o.id === id)?.description ?? null)
  const beforeOutcomes = new Map((before?.outcomes ?? []).map((o) => [o.id, o]))
  for (const o of after.outcomes) {
    const old = beforeOutcomes.get(o.id)
    if (!old) {
      out.push({
        key: `outcome:${o.id}`,
        label: 'Outcome added',
        from: null,
        to: o.description,
        oldValue: null,
        newValue: o.description,
      })
    } else if (old.description !== o.description) {
      out.push({
        key: `outcome:${o.id}`,
        label: 'Outcome reworded',
        from: old.description,
        to: o.description,
        oldValue: old.description,
        newValue: o.description,
      })
    }
  }
  const afterOutcomeIds = new Set(after.outcomes.map((o) => o.id))
  for (const o of before?.outcomes ?? []) {
    if (!afterOutcomeIds.has(o.id))
      out.push({
        key: `outcome:${o.id}`,
        label: 'Outcome removed',
        from: o.description,
        to: null,
        oldValue: o.description,
        newValue: null,
      })
  }
  const beforeActions = new Map((before?.actions ?? []).map((a) => [a.id, a]))
  for (const a of after.actions) {
    const old = beforeActions.get(a.id)
    if (!old) {
      const summary = `${a.description} — ${a.ownerDescription}, by ${longDate(a.dueDate)}`
      out.push({
        key: `action:${a.id}`,
        label: a.carriedFromActionId ? 'Action carried over from the previous plan' : 'Action added',
        from: null,
        to: summary,
        oldValue: null,
        newValue: {
          description: a.description,
          ownerDescription: a.ownerDescription,
          dueDate: a.dueDate,
          measure: a.measure,
          outcome: outcomeText(after, a.outcomeId),
          status: a.status,
        },
      })
      continue
    }
    const name = `Action “${short(a.description)}”`
    const compare = (
      field: string,
      label: string,
      from: string | null,
      to: string | null,
      o: unknown,
      n: unknown,
    ) => {
      if (JSON.stringify(o ?? null) !== JSON.stringify(n ?? null))
        out.push({
          key: `action:${a.id}:${field}`,
          label: `${name}: ${label}`,
          from,
          to,
          oldValue: o,
          newValue: n,
        })
    }
    compare('description', 'what', old.description, a.description, old.description, a.description)
    compare(
      'owner',
      'who',
      old.ownerDescription,
      a.ownerDescription,
      old.ownerDescription,
      a.ownerDescription,
    )
    compare('dueDate', 'by when', longDate(old.dueDate), longDate(a.dueDate), old.dueDate, a.dueDate)
    compare('measure', 'how progress is measured', old.measure, a.measure, old.measure, a.measure)
    compare(
      'outcome',
      'outcome',
      before ? outcomeText(before, old.outcomeId) : null,
      outcomeText(after, a.outcomeId),
      old.outcomeId,
      a.outcomeId,
    )
    compare(
      'status',
      'status',
      statusText(old),
      statusText(a),
      { status: old.status, completedOn: old.completedOn },
      { status: a.status, completedOn: a.completedOn },
    )
  }
  const afterActionIds = new Set(after.actions.map((a) => a.id))
  for (const a of before?.actions ?? []) {
    if (!afterActionIds.has(a.id))
      out.push({
        key: `action:${a.id}`,
        label: 'Action removed',
        from: a.description,
        to: null,
        oldValue: a.description,
        newValue: null,
      })
  }
  return out
}

// ——— Reading plans ———

/** Whether an open action is past its due date on `on`. */
export const isOverdue = (a: { status: string; dueDate: string }, on = today()) =>
  a.status === 'open' && a.dueDate < on

/** The child's plans, current first, each with what a list needs to show (all derived). */
export async function listPlans(db: DbOrTx, personId: number, on = today()) {
  const rows = await db
    .select({
      id: plan.id,
      kind: plan.kind,
      startDate: plan.startDate,
      endDate: plan.endDate,
      nextReviewDue: plan.nextReviewDue,
      version: plan.version,
      openActions: sql<number>`(select count(*)::int from ${planAction} a where a.plan_id = ${qualified(plan.id)} and a.status = 'open')`,
      overdueActions: sql<number>`(select count(*)::int from ${planAction} a where a.plan_id = ${qualified(plan.id)} and a.status = 'open' and a.due_date < ${on})`,
      lastReview: sql<
        string | null
      >`(select max(r.held_on)::text from ${planReview} r where r.plan_id = ${plan.id})`,
    })
    .from(plan)
    .where(eq(plan.personId, personId))
    .orderBy(sql`${plan.endDate} is not null`, desc(plan.startDate), desc(plan.id))
  return rows.map((r) => ({
    ...r,
    label: PLAN_KIND_LABELS[r.kind],
    current: r.endDate === null,
    reviewOverdue: r.endDate === null && r.nextReviewDue !== null && r.nextReviewDue < on,
  }))
}

/** A plan of this child (NotFoundError if the plan is another child's: the URL names both). */
export async function getPlan(db: DbOrTx, personId: number, planId: number): Promise<LoadedPlan> {
  const found = Number.isInteger(planId) && planId > 0 ? await loadPlan(db, planId) : null
  if (!found || found.personId !== personId) throw new NotFoundError(`No plan ${planId} for ${personId}`)
  return found
}

/** How a plan (current or as it stood) is shown: each action with whether it is overdue on `on`. */
export function describePlan<P extends SnapshotLike & { kind: PlanKind }>(p: P, on: string) {
  const outcomeNumber = new Map(p.outcomes.map((o, i) => [o.id, i + 1]))
  const actions = p.actions.map((a) => ({
    ...a,
    overdue: !p.endDate && isOverdue(a, on),
    statusLabel: statusText(a),
    outcomeNumber: a.outcomeId === null ? null : (outcomeNumber.get(a.outcomeId) ?? null),
  }))
  return {
    ...p,
    label: PLAN_KIND_LABELS[p.kind],
    current: !p.endDate,
    reviewOverdue: !p.endDate && !!p.nextReviewDue && p.nextReviewDue < on,
    actions,
    outcomeGroups: [
      ...p.outcomes.map((o, i) => ({
        number: i + 1,
        description: o.description,
        actions: actions.filter((a) => a.outcomeId === o.id),
      })),
      { number: null, description: null, actions: actions.filter((a) => a.outcomeId === null) },
    ].filter((g) => g.number !== null || g.actions.length > 0),
  }
}

/** Everything the plan page shows about the plan as it is now. */
export async function planPage(db: DbOrTx, personId: number, planId: number, on = today()) {
  const found = await getPlan(db, personId, planId)
  const [lastSaved, reviews, previous, next] = await Promise.all([
    db
      .select({
        version: planVersion.version,
        savedAt: planVersion.savedAt,
        reason: planVersion.reason,
        by: userAccount.displayName,
      })
      .from(planVersion)
      .leftJoin(userAccount, eq(userAccount.id, planVersion.savedBy))
      .where(eq(planVersion.planId, planId))
      .orderBy(desc(planVersion.version))
      .limit(1),
    db
      .select({
        id: planReview.id,
        heldOn: planReview.heldOn,
        childContribution: planReview.childContribution,
        decisions: planReview.decisions,
      })
      .from(planReview)
      .where(eq(planReview.planId, planId))
      .orderBy(desc(planReview.heldOn), desc(planReview.id)),
    found.previousPlanId
      ? db.select({ id: plan.id, kind: plan.kind }).from(plan).where(eq(plan.id, found.previousPlanId))
      : Promise.resolve([]),
    db.select({ id: plan.id, kind: plan.kind }).from(plan).where(eq(plan.previousPlanId, planId)),
  ])
  const link = (p: { id: number; kind: PlanKind } | undefined) =>
    p ? { id: p.id, label: PLAN_KIND_LABELS[p.kind] } : null
  return {
    plan: describePlan(found, on),
    lastSaved: lastSaved[0] ?? null,
    reviews,
    previous: link(previous[0]),
    next: link(next[0]),
  }
}

/**
 * The plan as it stood in the record on a date: the last version saved on or before that day (a UK date).
 * Null if the plan had not been made by then.
 */
export async function planAsAt(db: DbOrTx, personId: number, planId: number, date: string) {
  await getPlan(db, personId, planId)
  const [found] = await db
    .select({
      version: planVersion.version,
      savedAt: planVersion.savedAt,
      reason: planVersion.reason,
      by: userAccount.displayName,
      snapshot: planVersion.snapshot,
    })
    .from(planVersion)
    .leftJoin(userAccount, eq(userAccount.id, planVersion.savedBy))
    .where(
      and(
        eq(planVersion.planId, planId),
        lte(sql`(${planVersion.savedAt} at time zone 'Europe/London')::date`, sql`${date}::date`),
      ),
    )
    .orderBy(desc(planVersion.version))
    .limit(1)
  if (!found) return null
  const { snapshot, ...version } = found
  return { ...version, plan: stored(snapshot) }
}

/** One saved version of a plan. */
export async function planAtVersion(db: DbOrTx, personId: number, planId: number, version: number) {
  await getPlan(db, personId, planId)
  const [found] = await db
    .select({
      version: planVersion.version,
      savedAt: planVersion.savedAt,
      reason: planVersion.reason,
      by: userAccount.displayName,
      snapshot: planVersion.snapshot,
    })
    .from(planVersion)
    .leftJoin(userAccount, eq(userAccount.id, planVersion.savedBy))
    .where(and(eq(planVersion.planId, planId), eq(planVersion.version, version)))
  if (!found) return null
  const { snapshot, ...rest } = found
  return { ...rest, plan: stored(snapshot) }
}

/** Every version of a plan, newest first, with who saved it, when, why, and what changed from the one before. */
export async function planVersions(db: DbOrTx, personId: number, planId: number) {
  await getPlan(db, personId, planId)
  const rows = await db
    .select({
      version: planVersion.version,
      savedAt: planVersion.savedAt,
      reason: planVersion.reason,
      by: userAccount.displayName,
      snapshot: planVersion.snapshot,
    })
    .from(planVersion)
    .leftJoin(userAccount, eq(userAccount.id, planVersion.savedBy))
    .where(eq(planVersion.planId, planId))
    .orderBy(asc(planVersion.version))
  const versions = rows.map((r, i) => ({
    version: r.version,
    savedAt: r.savedAt,
    savedOn: ukDate(r.savedAt),
    reason: r.reason,
    by: r.by,
    differences: planDifferences(i === 0 ? null : stored(rows[i - 1]!.snapshot), stored(r.snapshot)).map(
      ({ key, label, from, to }) => ({ key, label, from, to }),
    ),
  }))
  return versions.reverse()
}

const ukDate = (at: Date) => today(at)

/**
 * What others changed in a plan after `version` (the one the user started from), for the conflict
 * message: each difference between that version and the latest, then why they changed it.
 */
export async function planChangesSince(
  db: DbOrTx,
  planId: number,
  version: number,
): Promise<ConflictingChange[]> {
  const rows = await db
    .select({
      version: planVersion.version,
      savedAt: planVersion.savedAt,
      reason: planVersion.reason,
      by: userAccount.displayName,
      snapshot: planVersion.snapshot,
    })
    .from(planVersion)
    .leftJoin(userAccount, eq(userAccount.id, planVersion.savedBy))
    .where(and(eq(planVersion.planId, planId), sql`${planVersion.version} >= ${version}`))
    .orderBy(asc(planVersion.version))
  const start = rows.find((r) => r.version === version)
  const later = rows.filter((r) => r.version > version)
  const latest = later.at(-1)
  if (!start || !latest) return []
  const by = [...new Set(later.map((r) => r.by).filter(Boolean))].join(' and ') || null
  const changes: ConflictingChange[] = planDifferences(stored(start.snapshot), stored(latest.snapshot)).map(
    (d) => ({ field: d.label, theirValue: d.to ?? '(removed)', by, at: latest.savedAt }),
  )
  for (const r of later)
    changes.push({ field: 'Reason for the change', theirValue: r.reason, by: r.by, at: r.savedAt })
  return changes
}

const CONFLICT_MESSAGE = 'Someone else changed this plan while you were working on it.'

/** Locks the plan row and refuses if it has moved on from the version the user started from. */
export async function lockPlanVersion(tx: DbOrTx, personId: number, planId: number, expectedVersion: number) {
  const [row] = await tx
    .select({ id: plan.id, personId: plan.personId, version: plan.version, endDate: plan.endDate })
    .from(plan)
    .where(eq(plan.id, planId))
    .for('update')
  if (!row || row.personId !== personId) throw new NotFoundError(`No plan ${planId} for ${personId}`)
  if (row.version !== expectedVersion)
    throw new ConflictError(CONFLICT_MESSAGE, await planChangesSince(tx, planId, expectedVersion))
  return row
}

// ——— Making and changing plans ———

export interface NewPlanInput {
  kind: RecordPlanKind
  startDate: string
  nextReviewDue?: string | null
  contingency?: string | null
  nonEngagementStrategy?: string | null
  outcomes: string[]
  actions: ActionInput[]
}

/**
 * A child in need or early help plan made from the child's record. A CIN plan belongs to the child's open
 * referral (their episode of need); an early help plan to the current early help episode, if there is one.
 */
export async function createPlanFromRecord(
  db: Db,
  actor: Actor,
  personId: number,
  input: NewPlanInput,
): Promise<number> {
  const c = new Checker()
  c.check(
    (RECORD_PLAN_KINDS as readonly string[]).includes(input.kind),
    'kind',
    'Choose a child in need plan or an early help plan',
  )
  c.check(
    blank(input.contingency) !== null,
    'contingency',
    'Say what will happen if the plan does not make enough progress',
  )
  c.check(
    blank(input.nonEngagementStrategy) !== null,
    'nonEngagementStrategy',
    'Say what the plan does if the child or family do not engage',
  )
  c.check(input.outcomes.length > 0, 'outcomes[0]', 'Describe at least one outcome for the child')
  c.check(input.actions.length > 0, 'actions[0].description', 'Add at least one action')
  c.check(Boolean(input.nextReviewDue), 'nextReviewDue', 'Enter the date of the first review')
  try {
    checkPlanInput({ ...input, personId })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    for (const [field, message] of Object.entries(error.fields)) c.add(field, message)
  }
  throwInFormOrder(c, [
    'kind',
    'startDate',
    'nextReviewDue',
    'outcomes',
    'actions',
    'contingency',
    'nonEngagementStrategy',
  ])
  return db.transaction(async (tx) => {
    let referralId: number | null = null
    let earlyHelpEpisodeId: number | null = null
    if (input.kind === 'child-in-need') {
      const [open] = await tx
        .select({ id: referral.id, referralDate: referral.referralDate })
        .from(referral)
        .where(and(eq(referral.personId, personId), isNull(referral.closureDate)))
        .orderBy(desc(referral.referralDate))
        .limit(1)
      if (!open)
        throw new ValidationError({
          kind: 'A child in need plan belongs to an open referral. This child has no open referral: record the referral first.',
        })
      if (input.startDate < open.referralDate)
        throw new ValidationError({
          startDate: `The plan cannot start before the referral it belongs to (${longDate(open.referralDate)})`,
        })
      referralId = open.id
    } else {
      const [episode] = await tx
        .select({ id: earlyHelpEpisode.id })
        .from(earlyHelpEpisode)
        .where(and(eq(earlyHelpEpisode.personId, personId), isNull(earlyHelpEpisode.endedOn)))
        .orderBy(desc(earlyHelpEpisode.startedOn))
        .limit(1)
      earlyHelpEpisodeId = episode?.id ?? null
    }
    return createPlan(tx, actor, { ...input, personId, referralId, earlyHelpEpisodeId })
  })
}

export interface OutcomeUpdate {
  /** An existing outcome of the plan; leave out for a new one. */
  id?: number | null
  description: string
}

export interface ActionUpdate {
  /** An existing action of the plan; leave out for a new one. */
  id?: number | null
  /** Index into PlanUpdate.outcomes of the outcome it serves; null for none; undefined leaves it as it is. */
  outcome?: number | null
  description: string
  ownerDescription: string
  dueDate: string
  measure: string
  /** Open, done or not done: actions are closed, never deleted. */
  status?: SettableActionStatus
  /** When it was done or found not done; today if not given. */
  completedOn?: string | null
  /** The action's position on the form (for messages); defaults to its index. */
  ref?: number
}

/** A change to a plan. Fields left undefined stay as they are; existing outcomes and actions not named stay too. */
export interface PlanUpdate {
  reason: string
  nextReviewDue?: string | null
  contingency?: string | null
  nonEngagementStrategy?: string | null
  /** The date the plan ended, to end it. */
  endDate?: string | null
  outcomes?: OutcomeUpdate[]
  actions?: ActionUpdate[]
}

class NothingChanged extends Error {}

/**
 * Saves a change to a plan as a new version, with the reason. `expectedVersion` is the version the user
 * started from: if someone saved in between, nothing is written and a ConflictError lists what they
 * changed. Returns the plan's version after the save.
 */
export async function updatePlan(
  db: Db,
  actor: Actor,
  personId: number,
  planId: number,
  expectedVersion: number,
  input: PlanUpdate,
): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      await lockPlanVersion(tx, personId, planId, expectedVersion)
      const current = await getPlan(tx, personId, planId)
      const checked = checkPlanUpdate(input, current)
      const before = asSnapshot(current)
      await tx
        .update(plan)
        .set({
          nextReviewDue: checked.nextReviewDue,
          contingency: checked.contingency,
          nonEngagementStrategy: checked.nonEngagementStrategy,
          endDate: checked.endDate,
        })
        .where(eq(plan.id, planId))
      const outcomeIds: (number | null)[] = []
      let position = Math.max(-1, ...current.outcomes.map((o) => o.position))
      for (const o of checked.outcomes) {
        if (o.id) {
          await tx.update(planOutcome).set({ description: o.description }).where(eq(planOutcome.id, o.id))
          outcomeIds.push(o.id)
        } else {
          position += 1
          const [created] = await tx
            .insert(planOutcome)
            .values({ planId, position, description: o.description })
            .returning({ id: planOutcome.id })
          outcomeIds.push(created!.id)
        }
      }
      const now = today()
      for (const a of checked.actions) {
        const existing = a.id ? current.actions.find((x) => x.id === a.id) : undefined
        const outcomeId =
          a.outcome === undefined
            ? (existing?.outcomeId ?? null)
            : a.outcome === null
              ? null
              : (outcomeIds[a.outcome] ?? null)
        const status = a.status ?? existing?.status ?? 'open'
        const completedOn =
          status === 'open'
            ? null
            : (a.completedOn ?? (existing && existing.status === status ? existing.completedOn : null) ?? now)
        const values = {
          outcomeId,
          description: a.description,
          ownerDescription: a.ownerDescription,
          dueDate: a.dueDate,
          measure: a.measure,
          status,
          completedOn,
        }
        if (existing) await tx.update(planAction).set(values).where(eq(planAction.id, existing.id))
        else await tx.insert(planAction).values({ planId, ...values })
      }
      const after = await loadPlan(tx, planId)
      if (planDifferences(before, asSnapshot(after!)).length === 0) throw new NothingChanged()
      const version = expectedVersion + 1
      await tx
        .update(plan)
        .set({ version, updatedAt: new Date(), updatedBy: actor.user.id })
        .where(eq(plan.id, planId))
      await savePlanVersion(tx, actor, planId, version, checked.reason)
      await logAccess(tx, actor, {
        action: 'change',
        subjectType: 'plan',
        subjectId: planId,
        personId,
        detail: { version, ended: checked.endDate !== null && current.endDate === null },
      })
      return version
    })
  } catch (error) {
    if (error instanceof NothingChanged) return expectedVersion
    throw error
  }
}

/** Checks a change against the plan as it stands; returns the merged values to write. */
function checkPlanUpdate(input: PlanUpdate, current: LoadedPlan) {
  const c = new Checker()
  if (current.endDate)
    throw new ValidationError({
      plan: `This plan ended on ${longDate(current.endDate)}. An ended plan is kept as it was and cannot be changed.`,
    })
  const reason = blank(input.reason)
  c.check(reason !== null, 'reason', 'Say why the plan is changing')
  const pick = <K extends 'nextReviewDue' | 'contingency' | 'nonEngagementStrategy' | 'endDate'>(k: K) =>
    input[k] === undefined ? current[k] : blank(input[k])
  const nextReviewDue = pick('nextReviewDue')
  const contingency = pick('contingency')
  const nonEngagementStrategy = pick('nonEngagementStrategy')
  const endDate = pick('endDate')
  if (checkDate(c, 'endDate', 'the date the plan ended', endDate) && endDate! < current.startDate)
    c.add('endDate', `The plan cannot end before it started (${longDate(current.startDate)})`)
  if (endDate === null) {
    c.check(nextReviewDue !== null, 'nextReviewDue', 'Enter the date of the next review')
  }
  if (
    nextReviewDue !== null &&
    checkDate(c, 'nextReviewDue', 'the next review date', nextReviewDue, { allowFuture: true }) &&
    nextReviewDue < current.startDate
  )
    c.add('nextReviewDue', 'The next review must be on or after the plan starts')
  c.check(
    contingency !== null,
    'contingency',
    'Say what will happen if the plan does not make enough progress',
  )
  c.check(
    nonEngagementStrategy !== null,
    'nonEngagementStrategy',
    'Say what the plan does if the child or family do not engage',
  )
  const outcomes = (input.outcomes ?? []).map((o, i) => {
    const description = blank(o.description)
    c.check(description !== null, `outcomes[${i}]`, `Describe outcome ${i + 1}`)
    if (o.id != null)
      c.check(
        current.outcomes.some((x) => x.id === o.id),
        `outcomes[${i}]`,
        `Outcome ${i + 1} is not part of this plan`,
      )
    return { id: o.id ?? null, description: description ?? '' }
  })
  const actions = (input.actions ?? []).map((a, i) => {
    const ref = a.ref ?? i
    const n = ref + 1
    const existing = a.id != null ? current.actions.find((x) => x.id === a.id) : undefined
    if (a.id != null && !existing)
      c.add(`actions[${ref}].description`, `Action ${n} is not part of this plan`)
    if (existing && (existing.status === 'carried-over' || existing.status === 'handed-on'))
      c.add(
        `actions[${ref}].description`,
        `Action ${n} was ${ACTION_STATUS_LABELS[existing.status].toLowerCase()} and can no longer be changed here`,
      )
    checkAction(c, a, ref)
    if (a.outcome != null)
      c.check(
        a.outcome >= 0 && a.outcome < outcomes.length,
        `actions[${ref}].outcome`,
        `Choose an outcome for action ${n}`,
      )
    if (a.status !== undefined)
      c.check(
        (SETTABLE_ACTION_STATUSES as readonly string[]).includes(a.status),
        `actions[${ref}].status`,
        `Choose open, done or not done for action ${n}`,
      )
    if (a.completedOn)
      checkDate(c, `actions[${ref}].completedOn`, `when action ${n} was closed`, a.completedOn)
    return {
      ...a,
      id: existing?.id ?? null,
      description: (a.description ?? '').trim(),
      ownerDescription: (a.ownerDescription ?? '').trim(),
      measure: (a.measure ?? '').trim(),
    }
  })
  // Nothing is left hanging when a plan ends: each action is closed as done or not done first.
  if (endDate !== null && !c.errors.endDate) {
    const stillOpen =
      current.actions.filter((a) => {
        const change = actions.find((x) => x.id === a.id)
        return (change?.status ?? a.status) === 'open'
      }).length + actions.filter((a) => a.id === null && (a.status ?? 'open') === 'open').length
    if (stillOpen > 0)
      c.add(
        'endDate',
        `Close ${stillOpen === 1 ? 'the open action' : `the ${stillOpen} open actions`} as done or not done before ending the plan`,
      )
  }
  throwInFormOrder(c, [
    'nextReviewDue',
    'outcomes',
    'actions',
    'contingency',
    'nonEngagementStrategy',
    'endDate',
    'reason',
  ])
  return { reason: reason!, nextReviewDue, contingency, nonEngagementStrategy, endDate, outcomes, actions }
}

// ——— Step-down from child protection to child in need ———

/** The child's current child protection plan (cp_plan), if any. */
export async function currentCpPlan(db: DbOrTx, personId: number) {
  const [found] = await db
    .select()
    .from(cpPlan)
    .where(and(eq(cpPlan.personId, personId), isNull(cpPlan.endDate)))
    .orderBy(desc(cpPlan.startDate))
    .limit(1)
  return found ?? null
}

/** What the step-down page shows before anything is changed: the CP plan and the actions that would carry over. */
export async function stepDownPreview(db: DbOrTx, personId: number) {
  const cp = await currentCpPlan(db, personId)
  if (!cp) return null
  const [document] = await db
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.cpPlanId, cp.id), isNull(plan.endDate)))
    .limit(1)
  const loaded = document ? await loadPlan(db, document.id) : null
  const actions = loaded ? describePlan(loaded, today()).actions : []
  const cin = await currentPlanOfKind(db, personId, 'child-in-need')
  return {
    cpPlan: cp,
    planId: loaded?.id ?? null,
    openActions: actions.filter((a) => a.status === 'open'),
    closedActions: actions.filter((a) => a.status !== 'open'),
    currentCinPlanId: cin?.id ?? null,
  }
}

/** The child a CP plan belongs to (NotFoundError if none). */
export async function cpPlanPerson(db: DbOrTx, cpPlanId: number): Promise<number> {
  const [found] = await db.select({ personId: cpPlan.personId }).from(cpPlan).where(eq(cpPlan.id, cpPlanId))
  if (!found) throw new NotFoundError(`No child protection plan ${cpPlanId}`)
  return found.personId
}

/**
 * Ends a child protection plan by stepping down to child in need, in the caller's transaction: the cp_plan
 * ends (reason 'step-down-cin', with the rationale) and so does its plan document (a new version, its open
 * actions marked carried over); a child in need plan continues it, holding those open actions (and the
 * outcomes they serve), with the first review scheduled (firstCinReviewAfterStepDown). Refused if the CP
 * plan has already ended, or the child already has a current child in need plan.
 */
export async function stepDownToChildInNeed(
  tx: DbOrTx,
  actor: Actor,
  input: { cpPlanId: number; date: string; rationale: string },
): Promise<{ cinPlanId: number }> {
  const c = new Checker()
  const date = checkDate(c, 'date', 'the date the child protection plan ends', input.date, { required: true })
  const rationale = blank(input.rationale)
  c.check(rationale !== null, 'rationale', 'Say why the child no longer needs a child protection plan')
  c.throwIfAny()
  const [cp] = await tx.select().from(cpPlan).where(eq(cpPlan.id, input.cpPlanId)).for('update')
  if (!cp) throw new NotFoundError(`No child protection plan ${input.cpPlanId}`)
  if (cp.endDate)
    throw new ValidationError({
      cpPlanId: `This child protection plan already ended on ${longDate(cp.endDate)}. It cannot be stepped down again.`,
    })
  if (date! < cp.startDate)
    throw new ValidationError({
      date: `The plan cannot end before it started (${longDate(cp.startDate)})`,
    })
  const cin = await currentPlanOfKind(tx, cp.personId, 'child-in-need')
  if (cin)
    throw new ValidationError({
      cpPlanId: `This child already has a current child in need plan, started ${longDate(cin.startDate)}. Change that plan instead, or end it first.`,
    })

  const cpVersion = cp.version + 1
  await tx
    .update(cpPlan)
    .set({ endDate: date, endReason: 'step-down-cin', endRationale: rationale, version: cpVersion })
    .where(eq(cpPlan.id, cp.id))
  await recordChanges(tx, actor, {
    entityType: 'cp-plan',
    entityId: cp.id,
    personId: cp.personId,
    version: cpVersion,
    reason: 'Stepped down to child in need',
    changes: [
      { field: 'endDate', oldValue: null, newValue: date },
      { field: 'endReason', oldValue: null, newValue: 'step-down-cin' },
      { field: 'endRationale', oldValue: null, newValue: rationale },
    ],
  })

  // The CP plan document: end it, marking its open actions as carried over (never deleted).
  const [document] = await tx
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.cpPlanId, cp.id), isNull(plan.endDate)))
    .orderBy(desc(plan.startDate))
    .limit(1)
    .for('update')
  const cpDocument = document ? await loadPlan(tx, document.id) : null
  const carried = cpDocument ? cpDocument.actions.filter((a) => a.status === 'open') : []
  if (cpDocument) {
    if (date! < cpDocument.startDate)
      throw new ValidationError({
        date: `The plan cannot end before it started (${longDate(cpDocument.startDate)})`,
      })
    const version = cpDocument.version + 1
    await tx
      .update(plan)
      .set({ endDate: date, version, updatedAt: new Date(), updatedBy: actor.user.id })
      .where(eq(plan.id, cpDocument.id))
    for (const a of carried)
      await tx
        .update(planAction)
        .set({ status: 'carried-over', completedOn: date })
        .where(eq(planAction.id, a.id))
    await savePlanVersion(
      tx,
      actor,
      cpDocument.id,
      version,
      `Ended on ${longDate(date)}: stepped down to a child in need plan. ${rationale}`,
    )
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'plan',
      subjectId: cpDocument.id,
      personId: cp.personId,
      detail: { version, ended: true },
    })
  }

  // The child in need plan: the open actions carried over by the system, with the outcomes they serve.
  const outcomeIds = [...new Set(carried.map((a) => a.outcomeId).filter((id): id is number => id !== null))]
  const outcomes = (cpDocument?.outcomes ?? []).filter((o) => outcomeIds.includes(o.id))
  const cinPlanId = await createPlan(
    tx,
    actor,
    {
      personId: cp.personId,
      kind: 'child-in-need',
      referralId: cp.referralId,
      previousPlanId: cpDocument?.id ?? null,
      startDate: date!,
      nextReviewDue: firstCinReviewAfterStepDown(date!),
      contingency: cpDocument?.contingency ?? null,
      nonEngagementStrategy: cpDocument?.nonEngagementStrategy ?? null,
      outcomes: outcomes.map((o) => o.description),
      actions: carried.map((a) => ({
        outcome: a.outcomeId === null ? null : outcomes.findIndex((o) => o.id === a.outcomeId),
        description: a.description,
        ownerWorkerId: a.ownerWorkerId,
        ownerDescription: a.ownerDescription,
        dueDate: a.dueDate,
        measure: a.measure,
        carriedFromActionId: a.id,
      })),
    },
    `Stepped down from the child protection plan on ${longDate(date)}: ${carried.length} open ${carried.length === 1 ? 'action' : 'actions'} carried over`,
  )
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'cp-plan',
    subjectId: cp.id,
    personId: cp.personId,
    detail: { ended: date, endReason: 'step-down-cin', cinPlanId },
  })
  return { cinPlanId }
}
