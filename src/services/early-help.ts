import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { allocation, earlyHelpEpisode, referral } from '../db/schema/index.ts'
import { checkDate, today } from './dates.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'
import {
  checkEarlyHelpStart,
  checkReferralStart,
  longDate,
  type Referral,
  referralsOf,
  startEarlyHelp,
  startReferral,
} from './front-door.ts'
import { changesSince } from './people.ts'

// Early help (Families First): episodes with a lead professional, ended when needs are met or the family
// moves on, stepped up to children's social care (ending the episode and starting a referral in one go) or
// started as a step-down from social care. The child's history of help reads as one list, in order.

export const END_REASONS = ['completed', 'declined', 'moved-away', 'other'] as const
export type EndReason = (typeof END_REASONS)[number]

export const END_REASON_LABELS: Record<string, string> = {
  completed: 'Needs met: early help completed',
  'stepped-up': 'Stepped up to children’s social care',
  declined: 'The family chose not to take up early help',
  'moved-away': 'Moved away',
  other: 'Other reason',
}

/** DfE referral source of a referral made from early help: LA services – early help. */
export const EARLY_HELP_SOURCE = '5D'

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null)

/** A child's early help episodes, newest first, with what is derived from them. */
export async function earlyHelpOf(db: DbOrTx, personId: number) {
  const rows = await db
    .select()
    .from(earlyHelpEpisode)
    .where(eq(earlyHelpEpisode.personId, personId))
    .orderBy(desc(earlyHelpEpisode.startedOn), desc(earlyHelpEpisode.id))
  return rows.map((r) => ({
    ...r,
    open: r.endedOn === null,
    endReasonLabel: r.endReason ? (END_REASON_LABELS[r.endReason] ?? r.endReason) : null,
  }))
}

export type EarlyHelpEpisode = Awaited<ReturnType<typeof earlyHelpOf>>[number]

async function getEpisode(db: DbOrTx, personId: number, episodeId: number) {
  const [found] = await db
    .select()
    .from(earlyHelpEpisode)
    .where(and(eq(earlyHelpEpisode.id, episodeId), eq(earlyHelpEpisode.personId, personId)))
  if (!found) throw new NotFoundError(`No early help episode ${episodeId} for person ${personId}`)
  return found
}

export type HistoryItem =
  | { kind: 'early-help'; startedOn: string; endedOn: string | null; episode: EarlyHelpEpisode }
  | { kind: 'referral'; startedOn: string; endedOn: string | null; referral: Referral }

/**
 * The child's early help and social care, oldest first, as one history: a step-up episode comes before the
 * referral it became, and a step-down episode after the referral it came from.
 */
export async function helpHistory(db: DbOrTx, personId: number): Promise<HistoryItem[]> {
  const [episodes, referrals] = await Promise.all([earlyHelpOf(db, personId), referralsOf(db, personId)])
  const items: HistoryItem[] = [
    ...episodes.map((e) => ({
      kind: 'early-help' as const,
      startedOn: e.startedOn,
      endedOn: e.endedOn,
      episode: e,
    })),
    ...referrals.map((r) => ({
      kind: 'referral' as const,
      startedOn: r.referralDate,
      endedOn: r.closureDate,
      referral: r,
    })),
  ]
  const rank = (a: HistoryItem, b: HistoryItem): number => {
    if (a.kind === b.kind) {
      const ida = a.kind === 'early-help' ? a.episode.id : a.referral.id
      const idb = b.kind === 'early-help' ? b.episode.id : b.referral.id
      return ida - idb
    }
    const eh =
      a.kind === 'early-help' ? a.episode : (b as Extract<HistoryItem, { kind: 'early-help' }>).episode
    const r = a.kind === 'referral' ? a.referral : (b as Extract<HistoryItem, { kind: 'referral' }>).referral
    // On the same day: stepped up → episode first; otherwise the referral first.
    const episodeFirst = eh.steppedUpTo === r.id
    return (a.kind === 'early-help') === episodeFirst ? -1 : 1
  }
  return items.sort((a, b) => a.startedOn.localeCompare(b.startedOn) || rank(a, b))
}

// ---------------------------------------------------------------------------------------------------------

export interface OpenEarlyHelpInput {
  startedOn: string
  /** A Families First team. */
  teamId: number | null
  leadWorkerId?: number | null
  leadProfessional?: string | null
  /** Step-down: the child's referral this early help follows. */
  steppedDownFrom?: number | null
}

/** Starts early help for a child, directly or as a step-down from a referral; returns the episode id. */
export async function openEarlyHelp(
  db: Db,
  actor: Actor,
  personId: number,
  raw: OpenEarlyHelpInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const c = new Checker()
    const startedOn = checkDate(c, 'startedOn', 'the date early help started', raw.startedOn, {
      required: true,
    })
    const steppedDownFrom = raw.steppedDownFrom ?? null
    if (steppedDownFrom !== null) {
      const [from] = await tx
        .select({ referralDate: referral.referralDate })
        .from(referral)
        .where(and(eq(referral.id, steppedDownFrom), eq(referral.personId, personId)))
      if (!from) c.add('steppedDownFrom', 'Choose one of the child’s referrals')
      else if (startedOn && startedOn < from.referralDate)
        c.add(
          'startedOn',
          `Early help stepping down from a referral cannot start before the referral, made on ${longDate(from.referralDate)}`,
        )
    }
    const start = {
      personId,
      contactId: null,
      startedOn: startedOn ?? '',
      teamId: raw.teamId,
      leadWorkerId: raw.leadWorkerId ?? null,
      leadProfessional: blank(raw.leadProfessional),
      steppedDownFrom,
    }
    await checkEarlyHelpStart(tx, c, start, {
      team: 'teamId',
      worker: 'leadWorkerId',
      lead: 'leadProfessional',
      open: 'startedOn',
    })
    c.throwIfAny()
    return startEarlyHelp(tx, actor, start)
  })
}

/** Ends the child's current lead-professional allocation (early help has ended). */
async function endLeadProfessional(tx: DbOrTx, actor: Actor, personId: number, endedOn: string) {
  const ended = await tx
    .update(allocation)
    .set({ endedOn: sql`greatest(${allocation.startedOn}, ${endedOn}::date)` })
    .where(
      and(
        eq(allocation.personId, personId),
        eq(allocation.kind, 'lead-professional'),
        isNull(allocation.endedOn),
      ),
    )
    .returning({ id: allocation.id })
  if (ended.length > 0)
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'allocation',
      personId,
      detail: { ended: ended.map((e) => e.id), kind: 'lead-professional' },
    })
}

async function currentEpisode(tx: DbOrTx, personId: number, episodeId: number, version: number) {
  const episode = await getEpisode(tx, personId, episodeId)
  if (episode.version !== version || episode.endedOn !== null) {
    throw new ConflictError(
      episode.endedOn !== null
        ? 'This early help has already ended.'
        : 'Someone else changed this early help while you were working on it.',
      await changesSince(tx, 'early-help-episode', episodeId, version),
    )
  }
  return episode
}

export interface EndEarlyHelpInput {
  version: number
  endedOn: string
  endReason: string
}

/** Ends an early help episode (for a step-up to social care, use stepUp). */
export async function endEarlyHelp(
  db: Db,
  actor: Actor,
  personId: number,
  episodeId: number,
  raw: EndEarlyHelpInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const episode = await currentEpisode(tx, personId, episodeId, raw.version)
    const c = new Checker()
    const endedOn = checkDate(c, 'endedOn', 'the date early help ended', raw.endedOn, { required: true })
    if (endedOn && endedOn < episode.startedOn)
      c.add('endedOn', `Early help cannot end before it started, on ${longDate(episode.startedOn)}`)
    const endReason = blank(raw.endReason)
    c.check(
      (END_REASONS as readonly string[]).includes(endReason ?? ''),
      'endReason',
      'Choose why early help ended',
    )
    c.throwIfAny()
    const version = episode.version + 1
    await tx
      .update(earlyHelpEpisode)
      .set({ endedOn, endReason: endReason as EndReason, version })
      .where(eq(earlyHelpEpisode.id, episodeId))
    await recordChanges(tx, actor, {
      entityType: 'early-help-episode',
      entityId: episodeId,
      personId,
      version,
      changes: [
        { field: 'endedOn', oldValue: null, newValue: endedOn },
        { field: 'endReason', oldValue: null, newValue: endReason },
      ],
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'early-help-episode',
      subjectId: episodeId,
      personId,
      detail: { ended: endReason },
    })
    await endLeadProfessional(tx, actor, personId, endedOn!)
    return version
  })
}

export interface StepUpInput {
  version: number
  referralDate: string
  primaryNeed: string | null
  teamId: number | null
  workerId?: number | null
}

/**
 * Steps early help up to children's social care: the episode ends (stepped up) on the referral date and a
 * referral starts, linked to it, with the child allocated to the chosen team — all or nothing.
 */
export async function stepUp(
  db: Db,
  actor: Actor,
  personId: number,
  episodeId: number,
  raw: StepUpInput,
  now = new Date(),
): Promise<{ referralId: number; version: number }> {
  return db.transaction(async (tx) => {
    const episode = await currentEpisode(tx, personId, episodeId, raw.version)
    const c = new Checker()
    const referralDate = checkDate(c, 'referralDate', 'the date of the referral', raw.referralDate, {
      required: true,
      now: today(now),
    })
    if (referralDate && referralDate < episode.startedOn)
      c.add(
        'referralDate',
        `The referral cannot be before early help started, on ${longDate(episode.startedOn)}`,
      )
    const start = {
      personId,
      contactId: null,
      referralDate: referralDate ?? '',
      source: EARLY_HELP_SOURCE,
      primaryNeed: blank(raw.primaryNeed),
      teamId: raw.teamId,
      workerId: raw.workerId ?? null,
    }
    await checkReferralStart(tx, c, start, {
      primaryNeed: 'primaryNeed',
      team: 'teamId',
      worker: 'workerId',
      open: 'referralDate',
    })
    c.throwIfAny()
    const referralId = await startReferral(tx, actor, start)
    const version = episode.version + 1
    await tx
      .update(earlyHelpEpisode)
      .set({ endedOn: referralDate, endReason: 'stepped-up', steppedUpTo: referralId, version })
      .where(eq(earlyHelpEpisode.id, episodeId))
    await recordChanges(tx, actor, {
      entityType: 'early-help-episode',
      entityId: episodeId,
      personId,
      version,
      changes: [
        { field: 'endedOn', oldValue: null, newValue: referralDate },
        { field: 'endReason', oldValue: null, newValue: 'stepped-up' },
        { field: 'steppedUpTo', oldValue: null, newValue: referralId },
      ],
      reason: 'Stepped up to children’s social care',
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'early-help-episode',
      subjectId: episodeId,
      personId,
      detail: { steppedUpTo: referralId },
    })
    await endLeadProfessional(tx, actor, personId, referralDate!)
    return { referralId, version }
  })
}
