import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import {
  allocation,
  assessment,
  cpPlan,
  person,
  plan,
  planAction,
  referral,
  userAccount,
} from '../db/schema/index.ts'
import { cinCodeItems, cinLabel, isCinCode } from '../domain/codes/codes.ts'
import { MIN_RATIONALE_WORDS, wordCount } from '../domain/practice/substance.ts'
import { endAllocations } from './allocation.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'
import { writeOversight } from './oversight.ts'
import { changesSince } from './people.ts'
import { savePlanVersion } from './plans.ts'

// Ending involvement (closing the CIN episode held on `referral`): the worker proposes closure with a DfE
// reason (RC1–RC9) and a rationale; a manager signs it off, which closes the episode, ends the plans and
// allocations, and records the manager's oversight. Nothing may be left hanging: every open plan action is
// first marked done, not done, or handed on to someone who will carry it.

export const closureReasonItems = (selected?: string | null) => cinCodeItems('ReasonForClosure', selected)

const PLAN_LABELS: Record<string, string> = {
  'early-help': 'Early help plan',
  'child-in-need': 'Child in need plan',
  'child-protection': 'Child protection plan',
  care: 'Care plan',
  pathway: 'Pathway plan',
}

/** Open actions on any of the child's plans: what must be resolved before the case can close. */
export async function openPlanActions(db: DbOrTx, personId: number) {
  const rows = await db
    .select({
      id: planAction.id,
      planId: planAction.planId,
      planKind: plan.kind,
      description: planAction.description,
      owner: planAction.ownerDescription,
      dueDate: planAction.dueDate,
    })
    .from(planAction)
    .innerJoin(plan, eq(plan.id, planAction.planId))
    .where(and(eq(plan.personId, personId), eq(planAction.status, 'open')))
    .orderBy(asc(planAction.dueDate), asc(planAction.id))
  return rows.map((r) => ({ ...r, planLabel: PLAN_LABELS[r.planKind] ?? r.planKind }))
}

/** Where closure stands for the child: the open episode and any proposal, what blocks it, past closures. */
export async function closureState(db: DbOrTx, personId: number) {
  const proposer = sql<
    string | null
  >`(select u.display_name from ${userAccount} u where u.id = referral.closure_proposed_by)`
  const signer = sql<
    string | null
  >`(select u.display_name from ${userAccount} u where u.id = referral.closure_signed_off_by)`
  const [episodes, openActions, openCp] = await Promise.all([
    db
      .select({
        id: referral.id,
        referralDate: referral.referralDate,
        closureProposedOn: referral.closureProposedOn,
        closureReason: referral.closureReason,
        closureRationale: referral.closureRationale,
        proposedBy: proposer,
        closureDate: referral.closureDate,
        signedOffBy: signer,
        version: referral.version,
      })
      .from(referral)
      .where(eq(referral.personId, personId))
      .orderBy(desc(referral.referralDate), desc(referral.id)),
    openPlanActions(db, personId),
    db
      .select({ id: cpPlan.id, startDate: cpPlan.startDate })
      .from(cpPlan)
      .where(and(eq(cpPlan.personId, personId), isNull(cpPlan.endDate))),
  ])
  const labelled = episodes.map((e) => ({
    ...e,
    reasonLabel: e.closureReason
      ? `${e.closureReason} – ${cinLabel('ReasonForClosure', e.closureReason)}`
      : null,
  }))
  return {
    open: labelled.find((e) => e.closureDate === null) ?? null,
    closed: labelled.filter((e) => e.closureDate !== null),
    openActions,
    openCpPlan: openCp[0] ?? null,
  }
}

export interface ClosureProposalInput {
  referralId: number
  /** The episode's version when the worker started. */
  version: number
  reason: string
  rationale: string
}

async function loadOpenEpisode(tx: DbOrTx, personId: number, referralId: number, version: number) {
  const [found] = await tx
    .select()
    .from(referral)
    .where(and(eq(referral.id, referralId), eq(referral.personId, personId)))
    .for('update')
  if (!found) throw new NotFoundError(`No referral ${referralId} for person ${personId}`)
  if (found.version !== version) {
    throw new ConflictError(
      'Someone else changed this episode while you were working on it.',
      await changesSince(tx, 'referral', referralId, version),
    )
  }
  if (found.closureDate !== null) throw new ValidationError({ referralId: 'This episode is already closed' })
  return found
}

async function saveEpisode(
  tx: DbOrTx,
  actor: Actor,
  current: typeof referral.$inferSelect,
  changes: Partial<typeof referral.$inferInsert>,
  reason: string,
) {
  const version = current.version + 1
  const updated = await tx
    .update(referral)
    .set({ ...changes, version })
    .where(and(eq(referral.id, current.id), eq(referral.version, current.version)))
    .returning({ id: referral.id })
  if (updated.length === 0)
    throw new ConflictError('Someone else changed this episode while you were working on it.', [])
  const before = Object.fromEntries(
    Object.keys(changes).map((k) => [k, current[k as keyof typeof current] ?? null]),
  )
  await recordChanges(tx, actor, {
    entityType: 'referral',
    entityId: current.id,
    personId: current.personId,
    version,
    changes: diffFields(before, changes),
    reason,
  })
  await logAccess(tx, actor, {
    action: 'change',
    subjectType: 'referral',
    subjectId: current.id,
    personId: current.personId,
    detail: { closure: reason },
  })
  return version
}

/** The worker proposes closing the episode, with the DfE reason and why. */
export async function proposeClosure(db: Db, actor: Actor, personId: number, input: ClosureProposalInput) {
  const c = new Checker()
  const reason = input.reason?.trim() ?? ''
  c.check(isCinCode('ReasonForClosure', reason), 'reason', 'Choose a reason for closure from the list')
  const rationale = input.rationale?.trim() || null
  if (rationale === null) c.add('rationale', 'Explain why the case can close')
  else
    c.check(
      wordCount(rationale) >= MIN_RATIONALE_WORDS,
      'rationale',
      `Explain why the case can close: what has changed for the child and who will support them now (at least ${MIN_RATIONALE_WORDS} words)`,
    )
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await loadOpenEpisode(tx, personId, input.referralId, input.version)
    // The census reasons carry facts the record must hold (DfE rules 8825Q and 8585Q).
    if (reason === 'RC8' || reason === 'RC9') {
      const [a] = await tx
        .select({ id: assessment.id })
        .from(assessment)
        .where(eq(assessment.referralId, current.id))
        .limit(1)
      c.check(
        a !== undefined,
        'reason',
        'This reason means the case closed after an assessment, but no assessment is recorded for this episode',
      )
    }
    if (reason === 'RC2') {
      const [p] = await tx.select({ died: person.dateOfDeath }).from(person).where(eq(person.id, personId))
      c.check(
        p?.died != null,
        'reason',
        "Record the child's date of death in their personal details before closing for this reason",
      )
    }
    c.throwIfAny()
    return saveEpisode(
      tx,
      actor,
      current,
      {
        closureProposedOn: today(),
        closureReason: reason,
        closureRationale: rationale,
        closureProposedBy: actor.user.id,
      },
      'Closure proposed',
    )
  })
}

export interface ClosureSignOffInput {
  referralId: number
  version: number
  closureDate: string
  /** The manager's rationale for agreeing. */
  rationale: string
}

/**
 * A manager signs off closure: refused while plan actions are open or a CP plan continues. Closes the
 * episode, ends the open plans and every current allocation on the closure date, and records the
 * manager's oversight, all in one transaction.
 */
export async function signOffClosure(db: Db, actor: Actor, personId: number, input: ClosureSignOffInput) {
  const c = new Checker()
  const closureDate = checkDate(c, 'closureDate', 'the closure date', input.closureDate, { required: true })
  const rationale = input.rationale?.trim() || null
  if (rationale === null) c.add('rationale', 'Explain why you agree the case can close')
  else
    c.check(
      wordCount(rationale) >= MIN_RATIONALE_WORDS,
      'rationale',
      `Explain why you agree the case can close: what you weighed up about the child's needs and risks (at least ${MIN_RATIONALE_WORDS} words)`,
    )
  return db.transaction(async (tx) => {
    const current = await loadOpenEpisode(tx, personId, input.referralId, input.version)
    if (current.closureProposedOn === null || current.closureReason === null) {
      c.add('referralId', 'Closure has not been proposed: the worker must propose it with a reason first')
    }
    if (closureDate && closureDate < current.referralDate)
      c.add('closureDate', 'The closure date cannot be before the referral date')
    if (closureDate) {
      const [latest] = await tx
        .select({ startedOn: sql<string | null>`max(${allocation.startedOn})` })
        .from(allocation)
        .where(and(eq(allocation.personId, personId), isNull(allocation.endedOn)))
      if (latest?.startedOn && closureDate < latest.startedOn)
        c.add('closureDate', 'The closure date cannot be before the current allocation began')
    }
    const [openCp] = await tx
      .select({ id: cpPlan.id })
      .from(cpPlan)
      .where(and(eq(cpPlan.personId, personId), isNull(cpPlan.endDate)))
    if (openCp)
      c.add(
        'openCpPlan',
        'The child protection plan is still open: it must be ended at a review conference before the case closes',
      )
    const open = await openPlanActions(tx, personId)
    if (open.length > 0)
      c.add(
        'openActions',
        `Resolve ${open.length === 1 ? 'the open plan action' : `the ${open.length} open plan actions`} before closing – mark each done, not done or handed on: ${open.map((a) => `“${a.description}” (${a.owner})`).join('; ')}`,
      )
    c.throwIfAny()
    const version = await saveEpisode(
      tx,
      actor,
      current,
      { closureDate: closureDate!, closureSignedOffBy: actor.user.id },
      'Closure signed off',
    )
    // Plans end with the episode; each keeps a version as it stood when it ended.
    const plans = await tx
      .select({ id: plan.id, version: plan.version })
      .from(plan)
      .where(and(eq(plan.personId, personId), isNull(plan.endDate), lte(plan.startDate, closureDate!)))
    for (const p of plans) {
      await tx
        .update(plan)
        .set({
          endDate: closureDate!,
          version: p.version + 1,
          updatedAt: new Date(),
          updatedBy: actor.user.id,
        })
        .where(eq(plan.id, p.id))
      await savePlanVersion(tx, actor, p.id, p.version + 1, 'Case closed')
    }
    await endAllocations(tx, actor, personId, closureDate!)
    await writeOversight(tx, actor, personId, {
      kind: 'closure',
      recordedOn: today(),
      decision: `Closure agreed: ${cinLabel('ReasonForClosure', current.closureReason)}`,
      rationale: rationale!,
      challenge: null,
      actions: [],
    })
    return version
  })
}

/** A manager does not agree closure: the proposal is withdrawn and the reason recorded as oversight. */
export async function declineClosure(
  db: Db,
  actor: Actor,
  personId: number,
  input: { referralId: number; version: number; rationale: string },
) {
  const c = new Checker()
  const rationale = input.rationale?.trim() || null
  if (rationale === null) c.add('declineRationale', 'Explain why the case should stay open')
  else
    c.check(
      wordCount(rationale) >= MIN_RATIONALE_WORDS,
      'declineRationale',
      `Explain why the case should stay open and what needs to happen first (at least ${MIN_RATIONALE_WORDS} words)`,
    )
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await loadOpenEpisode(tx, personId, input.referralId, input.version)
    if (current.closureProposedOn === null)
      throw new ValidationError({ referralId: 'Closure has not been proposed' })
    const version = await saveEpisode(
      tx,
      actor,
      current,
      { closureProposedOn: null, closureReason: null, closureRationale: null, closureProposedBy: null },
      'Closure not agreed',
    )
    await writeOversight(tx, actor, personId, {
      kind: 'closure',
      recordedOn: today(),
      decision: 'Closure not agreed: the case stays open',
      rationale: rationale!,
      challenge: null,
      actions: [],
    })
    return version
  })
}

export const ACTION_RESOLUTIONS = ['done', 'not-done', 'handed-on'] as const
export type ActionResolution = (typeof ACTION_RESOLUTIONS)[number]

/**
 * Resolves an open plan action: done (on a date), not done, or handed on to someone who will carry it.
 * The plan gets a new version with the change, like any other change to a plan.
 */
export async function resolvePlanAction(
  db: Db,
  actor: Actor,
  personId: number,
  actionId: number,
  input: { status: string; handedOnTo?: string | null; completedOn?: string | null },
) {
  const c = new Checker()
  c.check(
    (ACTION_RESOLUTIONS as readonly string[]).includes(input.status),
    `action-${actionId}-status`,
    'Choose whether the action was done, not done or handed on',
  )
  const status = input.status as ActionResolution
  const handedOnTo = input.handedOnTo?.trim() || null
  if (status === 'handed-on')
    c.check(handedOnTo !== null, `action-${actionId}-handedOnTo`, 'Say who the action is handed on to')
  const completedOn =
    status === 'done'
      ? checkDate(c, `action-${actionId}-completedOn`, 'the date it was done', input.completedOn || today())
      : null
  c.throwIfAny()
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        id: planAction.id,
        planId: planAction.planId,
        status: planAction.status,
        owner: planAction.ownerDescription,
        planVersion: plan.version,
      })
      .from(planAction)
      .innerJoin(plan, eq(plan.id, planAction.planId))
      .where(and(eq(planAction.id, actionId), eq(plan.personId, personId)))
      .for('update')
    if (!found) throw new NotFoundError(`No plan action ${actionId} for person ${personId}`)
    if (found.status !== 'open') {
      throw new ConflictError('Someone has already resolved this action.', [
        { field: 'status', theirValue: found.status, by: null, at: new Date() },
      ])
    }
    const changes: Partial<typeof planAction.$inferInsert> = { status, completedOn }
    if (status === 'handed-on') changes.ownerDescription = handedOnTo!
    await tx.update(planAction).set(changes).where(eq(planAction.id, actionId))
    const version = found.planVersion + 1
    await tx
      .update(plan)
      .set({ version, updatedAt: new Date(), updatedBy: actor.user.id })
      .where(eq(plan.id, found.planId))
    const reason =
      status === 'handed-on'
        ? `Action handed on to ${handedOnTo}`
        : status === 'done'
          ? 'Action done'
          : 'Action not done'
    // The plan's new version records the action's change in the plan's history, like any plan edit.
    await savePlanVersion(tx, actor, found.planId, version, reason)
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'plan_action',
      subjectId: actionId,
      personId,
      detail: { status },
    })
  })
}
