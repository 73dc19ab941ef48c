import { and, asc, desc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor, CurrentUser } from '../auth/current-user.ts'
import { type Db, type DbOrTx, qualified } from '../db/client.ts'
import { carerAssessment, fosteringPanel, person, userAccount } from '../db/schema/index.ts'
import type { IsoDate } from '../domain/calendar/working-days.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError, ValidationError } from './errors.ts'
import { addCarerPerson, type NewCarerInput } from './permanence.ts'
import { longDate } from './plans.ts'

// The fostering panel: foster carers and connected-person carers (people in Hearth) go from assessment to
// the panel's recommendation to the agency decision. How long that takes is the panel's efficiency, shown
// to managers per carer and on average over a period.

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

export const FOSTERING_PANEL_KINDS = ['mainstream', 'connected-person', 'review', 'termination'] as const
export type FosteringPanelKind = (typeof FOSTERING_PANEL_KINDS)[number]
export const FOSTERING_PANEL_KIND_LABELS: Record<FosteringPanelKind, string> = {
  mainstream: 'Approval as a foster carer',
  'connected-person': 'Approval as a connected person (family and friends) foster carer',
  review: 'Review of approval',
  termination: 'Ending approval',
}

export const PANEL_DECISIONS = ['approved', 'not-approved', 'deferred'] as const
export type PanelDecision = (typeof PANEL_DECISIONS)[number]
export const PANEL_DECISION_LABELS: Record<PanelDecision, string> = {
  approved: 'Approved',
  'not-approved': 'Not approved',
  deferred: 'Deferred for more information',
}

/** A carer's name shows only if their record is not restricted or sealed, or the user holds a grant. */
function carerVisible(user: CurrentUser): SQL {
  return sql`(${qualified(person.accessRestriction)} = 'none' or exists (select 1 from record_access_grant g where g.person_id = ${qualified(person.id)} and g.user_id = ${user.id}))`
}

export interface FosteringAssessmentInput {
  /** A person already in Hearth; or `newCarer` to add them. */
  carerPersonId?: number | null
  newCarer?: NewCarerInput | null
  kind: string
  assessmentStartedOn: string
}

/** Starts a carer's way to the fostering panel: an assessment (or a review, or ending approval). */
export async function startFosteringAssessment(db: Db, actor: Actor, input: FosteringAssessmentInput) {
  const c = new Checker()
  c.check(
    (FOSTERING_PANEL_KINDS as readonly string[]).includes(input.kind),
    'kind',
    'Choose what the panel is asked to consider',
  )
  const startedOn = checkDate(
    c,
    'assessmentStartedOn',
    'the date the assessment started',
    input.assessmentStartedOn,
    {
      required: true,
    },
  )
  const newCarer =
    input.newCarer && (clean(input.newCarer.givenName) || clean(input.newCarer.familyName))
      ? input.newCarer
      : null
  if (!input.carerPersonId && !newCarer) c.add('newCarer.givenName', "Enter the carer's name")
  c.throwIfAny()
  return db.transaction(async (tx) => {
    let carerPersonId = input.carerPersonId ?? null
    if (carerPersonId) {
      const [found] = await tx.select({ id: person.id }).from(person).where(eq(person.id, carerPersonId))
      if (!found) throw new ValidationError({ carerPersonId: 'Choose a carer known to Hearth' })
    } else carerPersonId = await addCarerPerson(tx, actor, newCarer!)
    return createPanelRow(tx, actor, {
      carerPersonId,
      kind: input.kind as FosteringPanelKind,
      assessmentStartedOn: startedOn!,
    })
  })
}

async function createPanelRow(
  tx: DbOrTx,
  actor: Actor,
  row: { carerPersonId: number; kind: FosteringPanelKind; assessmentStartedOn: IsoDate },
  childPersonId: number | null = null,
) {
  const [open] = await tx
    .select({ id: fosteringPanel.id })
    .from(fosteringPanel)
    .where(
      and(
        eq(fosteringPanel.carerPersonId, row.carerPersonId),
        eq(fosteringPanel.kind, row.kind),
        isNull(fosteringPanel.decisionOn),
      ),
    )
    .limit(1)
  if (open)
    throw new ValidationError({
      kind: 'This carer is already on their way to the panel for this: record its outcome first',
    })
  const [created] = await tx.insert(fosteringPanel).values(row).returning({ id: fosteringPanel.id })
  const id = created!.id
  await recordChanges(tx, actor, {
    entityType: 'fostering-panel',
    entityId: id,
    personId: row.carerPersonId,
    version: 1,
    changes: diffFields(null, row),
  })
  await logAccess(tx, actor, {
    action: 'create',
    subjectType: 'fostering-panel',
    subjectId: id,
    personId: childPersonId ?? row.carerPersonId,
    detail: { carerPersonId: row.carerPersonId, kind: row.kind },
  })
  return id
}

/**
 * Takes a connected person assessed for a child to the fostering panel, from the child's record: the
 * panel's clock starts when their assessment started.
 */
export async function referConnectedPersonToPanel(
  db: Db,
  actor: Actor,
  childPersonId: number,
  assessmentId: number,
) {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(carerAssessment)
      .where(and(eq(carerAssessment.id, assessmentId), eq(carerAssessment.childPersonId, childPersonId)))
    if (!a) throw new NotFoundError(`No carer assessment ${assessmentId} for ${childPersonId}`)
    if (a.kind !== 'connected-person')
      throw new ValidationError({ kind: 'Only connected person foster carers go to the fostering panel' })
    if (a.outcome === 'negative' || a.outcome === 'withdrawn')
      throw new ValidationError({ kind: 'The assessment did not recommend this carer' })
    return createPanelRow(
      tx,
      actor,
      { carerPersonId: a.carerPersonId, kind: 'connected-person', assessmentStartedOn: a.startedOn },
      childPersonId,
    )
  })
}

async function loadPanel(db: DbOrTx, panelId: number) {
  const [found] = await db.select().from(fosteringPanel).where(eq(fosteringPanel.id, panelId))
  if (!found) throw new NotFoundError(`No fostering panel ${panelId}`)
  return found
}

/** Records the panel's date and recommendation. Refused if someone recorded it first. */
export async function recordPanelRecommendation(
  db: Db,
  actor: Actor,
  panelId: number,
  input: { panelOn: string; recommendation: string },
) {
  const c = new Checker()
  const panelOn = checkDate(c, 'panelOn', 'the date of the panel', input.panelOn, { required: true })
  const recommendation = clean(input.recommendation)
  c.check(recommendation !== null, 'recommendation', "Record the panel's recommendation")
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await loadPanel(tx, panelId)
    if (current.panelOn)
      throw new ConflictError('The panel has already been recorded.', [
        { field: 'panelOn', theirValue: current.panelOn, by: null, at: new Date() },
        { field: 'recommendation', theirValue: current.recommendation, by: null, at: new Date() },
      ])
    if (panelOn! < current.assessmentStartedOn)
      throw new ValidationError({
        panelOn: `The panel cannot be before the assessment started (${longDate(current.assessmentStartedOn)})`,
      })
    const after = { panelOn, recommendation }
    const updated = await tx
      .update(fosteringPanel)
      .set(after)
      .where(and(eq(fosteringPanel.id, panelId), isNull(fosteringPanel.panelOn)))
      .returning({ id: fosteringPanel.id })
    if (updated.length === 0) throw new ConflictError('The panel has already been recorded.', [])
    await recordChanges(tx, actor, {
      entityType: 'fostering-panel',
      entityId: panelId,
      personId: current.carerPersonId,
      version: 2,
      changes: diffFields({ panelOn: null, recommendation: null }, after),
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'fostering-panel',
      subjectId: panelId,
      personId: current.carerPersonId,
    })
  })
}

/** Records the agency decision after the panel. Refused if someone recorded it first. */
export async function recordPanelDecision(
  db: Db,
  actor: Actor,
  panelId: number,
  input: { decision: string; decisionOn: string },
) {
  const c = new Checker()
  c.check((PANEL_DECISIONS as readonly string[]).includes(input.decision), 'decision', 'Choose the decision')
  const decisionOn = checkDate(c, 'decisionOn', 'the date of the decision', input.decisionOn, {
    required: true,
  })
  c.throwIfAny()
  return db.transaction(async (tx) => {
    const current = await loadPanel(tx, panelId)
    if (current.decisionOn)
      throw new ConflictError('The decision has already been recorded.', [
        { field: 'decision', theirValue: current.decision, by: null, at: new Date() },
      ])
    if (!current.panelOn)
      throw new ValidationError({ decision: "Record the panel's recommendation before the decision" })
    if (decisionOn! < current.panelOn)
      throw new ValidationError({
        decisionOn: `The decision cannot be before the panel (${longDate(current.panelOn)})`,
      })
    const after = { decision: input.decision as PanelDecision, decisionOn, decidedBy: actor.user.id }
    const updated = await tx
      .update(fosteringPanel)
      .set(after)
      .where(and(eq(fosteringPanel.id, panelId), isNull(fosteringPanel.decisionOn)))
      .returning({ id: fosteringPanel.id })
    if (updated.length === 0) throw new ConflictError('The decision has already been recorded.', [])
    await recordChanges(tx, actor, {
      entityType: 'fostering-panel',
      entityId: panelId,
      personId: current.carerPersonId,
      version: 3,
      changes: diffFields({ decision: null, decisionOn: null, decidedBy: null }, after),
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'fostering-panel',
      subjectId: panelId,
      personId: current.carerPersonId,
      detail: { decision: after.decision },
    })
  })
}

export async function getFosteringPanel(db: DbOrTx, user: CurrentUser, panelId: number) {
  const [found] = await db
    .select({ panel: fosteringPanel, givenName: person.givenName, familyName: person.familyName })
    .from(fosteringPanel)
    .innerJoin(person, eq(person.id, fosteringPanel.carerPersonId))
    .where(and(eq(fosteringPanel.id, panelId), carerVisible(user)))
  if (!found) throw new NotFoundError(`No fostering panel ${panelId}`)
  return { ...found.panel, carerName: `${found.givenName} ${found.familyName}` }
}

/**
 * The fostering panel for managers: every carer on the way to the panel, and those decided in the period,
 * each with the days from assessment start to panel and to decision; and the average for the period.
 */
export async function fosteringPanelEfficiency(
  db: DbOrTx,
  user: CurrentUser,
  range: { from: IsoDate; to: IsoDate },
  on = today(),
) {
  const rows = await db
    .select({
      id: fosteringPanel.id,
      carerPersonId: fosteringPanel.carerPersonId,
      givenName: person.givenName,
      familyName: person.familyName,
      kind: fosteringPanel.kind,
      assessmentStartedOn: fosteringPanel.assessmentStartedOn,
      panelOn: fosteringPanel.panelOn,
      recommendation: fosteringPanel.recommendation,
      decision: fosteringPanel.decision,
      decisionOn: fosteringPanel.decisionOn,
      decidedBy: userAccount.displayName,
      daysToPanel: sql<number | null>`(${fosteringPanel.panelOn} - ${fosteringPanel.assessmentStartedOn})`,
      daysToDecision: sql<
        number | null
      >`(${fosteringPanel.decisionOn} - ${fosteringPanel.assessmentStartedOn})`,
      daysSoFar: sql<number>`(${on}::date - ${fosteringPanel.assessmentStartedOn})`,
    })
    .from(fosteringPanel)
    .innerJoin(person, eq(person.id, fosteringPanel.carerPersonId))
    .leftJoin(userAccount, eq(userAccount.id, fosteringPanel.decidedBy))
    .where(
      and(
        carerVisible(user),
        or(
          isNull(fosteringPanel.decisionOn),
          and(gte(fosteringPanel.decisionOn, range.from), lte(fosteringPanel.decisionOn, range.to)),
        ),
      ),
    )
    .orderBy(
      sql`${fosteringPanel.decisionOn} is not null`,
      desc(fosteringPanel.decisionOn),
      asc(fosteringPanel.assessmentStartedOn),
    )
  const described = rows.map((r) => ({
    ...r,
    carerName: `${r.givenName} ${r.familyName}`,
    kindLabel: FOSTERING_PANEL_KIND_LABELS[r.kind],
    decisionLabel: r.decision ? PANEL_DECISION_LABELS[r.decision] : null,
    daysToPanel: r.daysToPanel === null ? null : Number(r.daysToPanel),
    daysToDecision: r.daysToDecision === null ? null : Number(r.daysToDecision),
    daysSoFar: Number(r.daysSoFar),
  }))
  const decided = described.filter((r) => r.decisionOn !== null)
  const average = (values: number[]) =>
    values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null
  return {
    range,
    inProgress: described.filter((r) => r.decisionOn === null),
    decided,
    averageDaysToDecision: average(decided.map((r) => r.daysToDecision!)),
    averageDaysToPanel: average(decided.filter((r) => r.daysToPanel !== null).map((r) => r.daysToPanel!)),
    averageDaysPanelToDecision: average(
      decided.filter((r) => r.daysToPanel !== null).map((r) => r.daysToDecision! - r.daysToPanel!),
    ),
  }
}

/** A carer's panel history (for the carer, or for a child whose connected person they are). */
export async function panelsForCarer(db: DbOrTx, carerPersonId: number) {
  const rows = await db
    .select()
    .from(fosteringPanel)
    .where(eq(fosteringPanel.carerPersonId, carerPersonId))
    .orderBy(desc(fosteringPanel.assessmentStartedOn), desc(fosteringPanel.id))
  return rows.map((r) => ({
    ...r,
    kindLabel: FOSTERING_PANEL_KIND_LABELS[r.kind],
    decisionLabel: r.decision ? PANEL_DECISION_LABELS[r.decision] : null,
  }))
}
