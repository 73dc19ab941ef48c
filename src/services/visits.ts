import { and, desc, eq } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { diffFields, recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { userAccount, visit, worker } from '../db/schema/index.ts'
import { checkDate, today } from './dates.ts'
import { Checker, NotFoundError } from './errors.ts'

// Visits to the child: when, by whom, why, whether the child was seen (alone, and their bedroom), what
// they said about their wishes and feelings, the direct work done and what the worker made of it.
// A visit is written once; anything learned later goes in a case note, so the record shows what was
// known on the day.

export const VISIT_KINDS = [
  'cin',
  'cp',
  'statutory-looked-after',
  'assessment',
  'early-help',
  'other',
] as const
export type VisitKind = (typeof VISIT_KINDS)[number]

export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  cin: 'Child in need visit',
  cp: 'Child protection visit',
  'statutory-looked-after': 'Statutory visit to a child in care',
  assessment: 'Assessment visit',
  'early-help': 'Early help visit',
  other: 'Other visit',
}

/** Direct-work tools social workers use to hear the child; anything else is described in words. */
export const DIRECT_WORK_TOOLS = [
  'three-houses',
  'wishes-and-feelings-cards',
  'life-story',
  'all-about-me',
  'ecomap',
  'scaling',
  'drawing-and-play',
  'none',
] as const

export const DIRECT_WORK_TOOL_LABELS: Record<string, string> = {
  'three-houses': 'Three houses',
  'wishes-and-feelings-cards': 'Wishes and feelings cards',
  'life-story': 'Life story work',
  'all-about-me': 'All about me',
  ecomap: 'Ecomap',
  scaling: 'Scaling questions',
  'drawing-and-play': 'Drawing and play',
  none: 'No direct-work tool used',
}

/** The tool's name: a listed tool's label, or the worker's own words for another tool. */
export function directWorkToolLabel(tool: string | null | undefined): string | null {
  if (!tool) return null
  return DIRECT_WORK_TOOL_LABELS[tool] ?? tool
}

export interface VisitInput {
  visitedOn: string
  /** The worker who visited. */
  visitedBy: number | null
  kind: string
  /** null: the question was not answered. */
  childSeen: boolean | null
  childSeenAlone: boolean | null
  bedroomSeen: boolean | null
  wishesAndFeelings?: string | null
  /** A listed tool, 'other' with `directWorkToolOther`, or null. */
  directWorkTool?: string | null
  directWorkToolOther?: string | null
  observations?: string | null
  analysis?: string | null
}

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** Checks a visit; throws a ValidationError listing every problem. */
export async function checkVisitInput(db: DbOrTx, input: VisitInput, now = today()) {
  const c = new Checker()
  const visitedOn = checkDate(c, 'visitedOn', 'the date of the visit', input.visitedOn, {
    required: true,
    now,
  })
  if (input.visitedBy === null || !Number.isInteger(input.visitedBy)) {
    c.add('visitedBy', 'Choose who visited')
  } else {
    const [w] = await db
      .select({ startedOn: worker.startedOn, leftOn: worker.leftOn })
      .from(worker)
      .where(eq(worker.id, input.visitedBy))
    if (!w) c.add('visitedBy', 'Choose who visited')
    else if (visitedOn && (w.startedOn > visitedOn || (w.leftOn !== null && w.leftOn < visitedOn)))
      c.add('visitedBy', 'The worker you chose was not in post on the date of the visit')
  }
  c.check(
    (VISIT_KINDS as readonly string[]).includes(input.kind),
    'kind',
    'Choose what kind of visit this was',
  )
  c.check(input.childSeen !== null, 'childSeen', 'Say whether the child was seen')
  // A child who was not seen was not seen alone: only ask when they were seen.
  const childSeenAlone =
    input.childSeen === false && input.childSeenAlone === null ? false : input.childSeenAlone
  c.check(childSeenAlone !== null, 'childSeenAlone', 'Say whether the child was seen alone')
  c.check(input.bedroomSeen !== null, 'bedroomSeen', "Say whether the child's bedroom was seen")
  if (input.childSeen === false && childSeenAlone === true) {
    c.add(
      'childSeenAlone',
      'The child cannot have been seen alone if they were not seen. Change one of the answers',
    )
  }
  const wishesAndFeelings = clean(input.wishesAndFeelings)
  if (input.childSeen === true) {
    c.check(
      wishesAndFeelings !== null,
      'wishesAndFeelings',
      "Record the child's wishes and feelings: what they said, showed or did",
    )
  }
  let directWorkTool = clean(input.directWorkTool)
  if (directWorkTool === 'other') {
    directWorkTool = clean(input.directWorkToolOther)
    c.check(directWorkTool !== null, 'directWorkToolOther', 'Say which direct-work tool you used')
  } else if (directWorkTool !== null && !(DIRECT_WORK_TOOLS as readonly string[]).includes(directWorkTool)) {
    c.add('directWorkTool', 'Choose a direct-work tool from the list, or other')
  }
  const observations = clean(input.observations)
  c.check(observations !== null, 'observations', 'Record what you saw and heard on the visit')
  const analysis = clean(input.analysis)
  c.check(analysis !== null, 'analysis', 'Record your analysis: what the visit tells you about the child')
  c.throwIfAny()
  return {
    visitedOn: visitedOn!,
    visitedBy: input.visitedBy!,
    kind: input.kind as VisitKind,
    childSeen: input.childSeen!,
    childSeenAlone: childSeenAlone!,
    bedroomSeen: input.bedroomSeen!,
    wishesAndFeelings,
    directWorkTool,
    observations,
    analysis,
  }
}

/** Records a visit, with its change history and access-log entry, in one transaction. */
export async function recordVisit(db: Db, actor: Actor, personId: number, raw: VisitInput): Promise<number> {
  const input = await checkVisitInput(db, raw)
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(visit)
      .values({ ...input, personId, recordedBy: actor.user.id })
      .returning({ id: visit.id })
    const id = created!.id
    await recordChanges(tx, actor, {
      entityType: 'visit',
      entityId: id,
      personId,
      version: 1,
      changes: diffFields(null, input),
    })
    await logAccess(tx, actor, { action: 'create', subjectType: 'visit', subjectId: id, personId })
    return id
  })
}

const visitColumns = {
  id: visit.id,
  personId: visit.personId,
  visitedOn: visit.visitedOn,
  visitedBy: visit.visitedBy,
  kind: visit.kind,
  childSeen: visit.childSeen,
  childSeenAlone: visit.childSeenAlone,
  bedroomSeen: visit.bedroomSeen,
  wishesAndFeelings: visit.wishesAndFeelings,
  directWorkTool: visit.directWorkTool,
  observations: visit.observations,
  analysis: visit.analysis,
  recordedAt: visit.recordedAt,
  visitorName: worker.givenName,
  visitorFamilyName: worker.familyName,
  recordedByName: userAccount.displayName,
}

function present<
  T extends {
    kind: VisitKind
    directWorkTool: string | null
    visitorName: string | null
    visitorFamilyName: string | null
  },
>(row: T) {
  const { visitorName, visitorFamilyName, ...rest } = row
  return {
    ...rest,
    kindLabel: VISIT_KIND_LABELS[row.kind] ?? row.kind,
    directWorkToolLabel: directWorkToolLabel(row.directWorkTool),
    visitor: visitorName ? `${visitorName} ${visitorFamilyName}` : null,
  }
}

/** The child's visits, newest first. */
export async function listVisits(db: DbOrTx, personId: number) {
  const rows = await db
    .select(visitColumns)
    .from(visit)
    .leftJoin(worker, eq(worker.id, visit.visitedBy))
    .leftJoin(userAccount, eq(userAccount.id, visit.recordedBy))
    .where(eq(visit.personId, personId))
    .orderBy(desc(visit.visitedOn), desc(visit.id))
  return rows.map(present)
}

export async function getVisit(db: DbOrTx, personId: number, visitId: number) {
  const [row] = await db
    .select(visitColumns)
    .from(visit)
    .leftJoin(worker, eq(worker.id, visit.visitedBy))
    .leftJoin(userAccount, eq(userAccount.id, visit.recordedBy))
    .where(and(eq(visit.personId, personId), eq(visit.id, visitId)))
  if (!row) throw new NotFoundError(`No visit ${visitId} for person ${personId}`)
  return present(row)
}
