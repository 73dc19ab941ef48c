import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { oversight, oversightAction, userAccount, worker } from '../db/schema/index.ts'
import { MIN_DECISION_WORDS, MIN_RATIONALE_WORDS, wordCount } from '../domain/practice/substance.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'

// Management oversight: a manager's dated entry on the child's record at a key point — the decision, why,
// the challenge or reflection offered to the worker, and the actions set with who does them by when.
// Inspectors read these to see whether oversight is real, so an entry that only says the case was
// reviewed is refused.

export const OVERSIGHT_KINDS = [
  'contact-decision',
  'assessment-sign-off',
  'plan-change',
  'case-review',
  'supervision',
  'closure',
  'other',
] as const
export type OversightKind = (typeof OVERSIGHT_KINDS)[number]

export const OVERSIGHT_KIND_LABELS: Record<OversightKind, string> = {
  'contact-decision': 'Contact decision',
  'assessment-sign-off': 'Assessment sign-off',
  'plan-change': 'Change of plan',
  'case-review': 'Case review',
  supervision: 'Case supervision',
  closure: 'Closure',
  other: 'Other',
}

export interface OversightActionInput {
  description: string
  ownerWorkerId: number | null
  dueDate: string
}

export interface OversightInput {
  kind: string
  recordedOn?: string | null
  decision: string
  rationale: string
  challenge?: string | null
  actions?: OversightActionInput[]
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

// Phrases that record that something was looked at without saying what was decided.
const BOILERPLATE =
  /^(case|file|record|plan|notes?)?\s*(has been |was )?(reviewed|read|noted|discussed|seen|checked|agreed|ok|okay)(\s+(and|&)\s+(noted|agreed|ok))?\s*[.!]*$/i

/** Checks that a decision and rationale say something: not empty, not "case reviewed", a few words each. */
export function checkSubstance(
  c: Checker,
  decision: string | null,
  rationale: string | null,
  fields = { decision: 'decision', rationale: 'rationale' },
): void {
  if (decision === null) c.add(fields.decision, 'Record the decision you made for the child')
  else if (BOILERPLATE.test(decision) || wordCount(decision) < MIN_DECISION_WORDS)
    c.add(
      fields.decision,
      `Say what you decided for the child, not only that the case was reviewed (at least ${MIN_DECISION_WORDS} words)`,
    )
  if (rationale === null) c.add(fields.rationale, 'Explain why you made this decision')
  else if (BOILERPLATE.test(rationale) || wordCount(rationale) < MIN_RATIONALE_WORDS)
    c.add(
      fields.rationale,
      `Explain why you made this decision: what you weighed up about the child's needs and risks (at least ${MIN_RATIONALE_WORDS} words)`,
    )
}

/** Checks an oversight entry; blank action rows are ignored, part-filled ones must be finished. */
export async function checkOversightInput(db: DbOrTx, input: OversightInput, now = today()) {
  const c = new Checker()
  c.check(
    (OVERSIGHT_KINDS as readonly string[]).includes(input.kind),
    'kind',
    'Choose what this oversight is about',
  )
  const recordedOn =
    checkDate(c, 'recordedOn', 'the date of the oversight', input.recordedOn || now, { now }) ?? now
  const decision = clean(input.decision)
  const rationale = clean(input.rationale)
  checkSubstance(c, decision, rationale)
  const challenge = clean(input.challenge)
  const actions: { description: string; ownerWorkerId: number; dueDate: string }[] = []
  const owners = (input.actions ?? [])
    .map((a) => a.ownerWorkerId)
    .filter((id): id is number => id !== null && Number.isInteger(id))
  const inPost = new Set(
    owners.length === 0
      ? []
      : (
          await db
            .select({ id: worker.id, leftOn: worker.leftOn })
            .from(worker)
            .where(inArray(worker.id, owners))
        )
          .filter((w) => w.leftOn === null)
          .map((w) => w.id),
  )
  for (const [i, a] of (input.actions ?? []).entries()) {
    const description = clean(a.description)
    if (description === null && a.ownerWorkerId === null && !clean(a.dueDate)) continue
    const n = i + 1
    c.check(description !== null, `actions[${i}].description`, `Say what action ${n} is`)
    c.check(
      a.ownerWorkerId !== null && inPost.has(a.ownerWorkerId),
      `actions[${i}].ownerWorkerId`,
      `Choose who will do action ${n}`,
    )
    const dueDate = checkDate(c, `actions[${i}].dueDate`, `when action ${n} is due`, a.dueDate, {
      required: true,
      allowFuture: true,
    })
    if (dueDate && dueDate < recordedOn)
      c.add(`actions[${i}].dueDate`, `Action ${n} must be due on or after the date of the oversight`)
    if (description && a.ownerWorkerId !== null && dueDate)
      actions.push({ description, ownerWorkerId: a.ownerWorkerId, dueDate })
  }
  c.throwIfAny()
  return {
    kind: input.kind as OversightKind,
    recordedOn,
    decision: decision!,
    rationale: rationale!,
    challenge,
    actions,
  }
}

/** Writes an oversight entry and its actions. Call inside the transaction that makes the decision. */
export async function writeOversight(
  tx: DbOrTx,
  actor: Actor,
  personId: number,
  input: Awaited<ReturnType<typeof checkOversightInput>>,
): Promise<number> {
  const { actions, ...entry } = input
  const [created] = await tx
    .insert(oversight)
    .values({ ...entry, personId, managerUserId: actor.user.id })
    .returning({ id: oversight.id })
  const id = created!.id
  if (actions.length > 0)
    await tx.insert(oversightAction).values(actions.map((a) => ({ ...a, oversightId: id })))
  await recordChanges(tx, actor, {
    entityType: 'oversight',
    entityId: id,
    personId,
    version: 1,
    changes: diffFields(null, input),
  })
  await logAccess(tx, actor, {
    action: 'create',
    subjectType: 'oversight',
    subjectId: id,
    personId,
    detail: { kind: entry.kind, actions: actions.length },
  })
  return id
}

/** Records a manager's oversight of the child's case. Routes allow it to managers only (child:authorise). */
export async function recordOversight(
  db: Db,
  actor: Actor,
  personId: number,
  raw: OversightInput,
): Promise<number> {
  const input = await checkOversightInput(db, raw)
  return db.transaction((tx) => writeOversight(tx, actor, personId, input))
}

/** The oversight entries on the child's record, newest first, each with its actions. */
export async function listOversight(db: DbOrTx, personId: number) {
  const entries = await db
    .select({
      id: oversight.id,
      kind: oversight.kind,
      recordedOn: oversight.recordedOn,
      decision: oversight.decision,
      rationale: oversight.rationale,
      challenge: oversight.challenge,
      manager: userAccount.displayName,
    })
    .from(oversight)
    .leftJoin(userAccount, eq(userAccount.id, oversight.managerUserId))
    .where(eq(oversight.personId, personId))
    .orderBy(desc(oversight.recordedOn), desc(oversight.id))
  const ids = entries.map((e) => e.id)
  const actions =
    ids.length === 0
      ? []
      : await db
          .select({
            id: oversightAction.id,
            oversightId: oversightAction.oversightId,
            description: oversightAction.description,
            ownerWorkerId: oversightAction.ownerWorkerId,
            owner: worker.givenName,
            ownerFamilyName: worker.familyName,
            dueDate: oversightAction.dueDate,
            completedOn: oversightAction.completedOn,
          })
          .from(oversightAction)
          .leftJoin(worker, eq(worker.id, oversightAction.ownerWorkerId))
          .where(inArray(oversightAction.oversightId, ids))
          .orderBy(asc(oversightAction.dueDate), asc(oversightAction.id))
  const now = today()
  return entries.map((e) => ({
    ...e,
    kindLabel: OVERSIGHT_KIND_LABELS[e.kind] ?? e.kind,
    actions: actions
      .filter((a) => a.oversightId === e.id)
      .map(({ owner, ownerFamilyName, ...a }) => ({
        ...a,
        owner: owner ? `${owner} ${ownerFamilyName}` : null,
        // Derived, never stored: done, overdue or open.
        status: a.completedOn ? 'done' : a.dueDate < now ? 'overdue' : 'open',
      })),
  }))
}

/** Marks an oversight action done. Refused if someone already did, so the first completion date stands. */
export async function completeOversightAction(
  db: Db,
  actor: Actor,
  personId: number,
  actionId: number,
  completedOnRaw?: string | null,
): Promise<void> {
  const c = new Checker()
  const completedOn = checkDate(c, 'completedOn', 'the date it was done', completedOnRaw || today()) ?? ''
  c.throwIfAny()
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        id: oversightAction.id,
        completedOn: oversightAction.completedOn,
        recordedOn: oversight.recordedOn,
      })
      .from(oversightAction)
      .innerJoin(oversight, eq(oversight.id, oversightAction.oversightId))
      .where(and(eq(oversightAction.id, actionId), eq(oversight.personId, personId)))
    if (!found) throw new NotFoundError(`No oversight action ${actionId} for person ${personId}`)
    const alreadyDone = (on: string | null) =>
      new ConflictError('Someone has already marked this action as done.', [
        { field: 'completedOn', theirValue: on, by: null, at: new Date() },
      ])
    if (found.completedOn !== null) throw alreadyDone(found.completedOn)
    if (completedOn < found.recordedOn) {
      c.add('completedOn', 'The action cannot be done before the oversight that set it')
      c.throwIfAny()
    }
    const updated = await tx
      .update(oversightAction)
      .set({ completedOn })
      .where(and(eq(oversightAction.id, actionId), isNull(oversightAction.completedOn)))
      .returning({ id: oversightAction.id })
    if (updated.length === 0) throw alreadyDone(null)
    await recordChanges(tx, actor, {
      entityType: 'oversight_action',
      entityId: actionId,
      personId,
      version: 2,
      changes: [{ field: 'completedOn', oldValue: null, newValue: completedOn }],
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'oversight_action',
      subjectId: actionId,
      personId,
    })
  })
}
