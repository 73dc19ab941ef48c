import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import type { IsoDate } from '../../domain/calendar/working-days.ts'

// The statutory timescale engine's vocabulary. A rule knows one timescale or one drift pattern; the engine
// knows no rule in particular. Flags are derived from the record every time, never stored as the truth.

export type SourceKind =
  | 'regulation'
  | 'statutory-guidance'
  | 'local-practice'
  | 'dfe-measure'
  | 'inspection-finding'

export interface RuleSource {
  kind: SourceKind
  /** e.g. "Working Together to Safeguard Children 2023, chapter 4". */
  citation: string
  /** The statutory wording, briefly. */
  quote: string
}

/** 'timescale': something must happen by a date (overdue, or due soon). 'query': a pattern to look at now. */
export type RuleKind = 'timescale' | 'query'
export type Severity = 'overdue' | 'due-soon' | 'query'
export type Unit = 'working-days' | 'calendar-days' | 'weeks' | 'months' | 'hours'

/** A setting's unit: a span of time, or a plain count (e.g. visits) or age in years. */
export type SettingUnit = Unit | 'count' | 'years'

/** A local setting a rule reads (statutory thresholds are fixed in the rule; local ones are settings). */
export interface RuleSetting {
  /** Unique across the registry, e.g. 'cp-visit-interval-working-days'. */
  key: string
  label: string
  default: number
  unit: SettingUnit
}

/** One thing a rule found for one child: when its clock started and when it is (or was) due. */
export interface ClockItem {
  personId: number
  /** What it is about, e.g. 'referral' 42: used to match recorded reasons. */
  subjectType: string
  subjectId: number
  /** When the clock started (the event named by the rule). */
  startedOn: IsoDate
  /** When it must be done by; for queries, when the pattern began. */
  dueOn: IsoDate
  /** Plain words: what is due, e.g. "Assessment to be completed and authorised". */
  what: string
  /** The page where it is done. */
  href: string
  /** Whose action: a worker, or else a team (awaiting allocation). */
  ownerWorkerId: number | null
  ownerTeamId: number | null
  /** A reason recorded on the record itself (e.g. an assessment's agreed extension), if the rule has one. */
  recordedReason?: RecordedReason | null
}

export interface RecordedReason {
  reason: string
  agreedBy: string | null
  agreedOn: IsoDate | null
}

export interface RuleContext {
  db: DbOrTx
  /** Evaluate as things stood at the end of this day. */
  asAt: IsoDate
  /**
   * The latest due date that can still make a flag (asAt plus the due-soon window). A timescale rule may
   * leave out clocks due later, in SQL, so that only rows that matter leave the database; the engine
   * decides severity either way.
   */
  dueBy: IsoDate
  /** Limit to these people's records (a team's, one child's); undefined means the whole authority. */
  personFilter?: (personIdColumn: SQL) => SQL
  /** Local settings' current values. */
  setting(key: string): number
}

export interface Rule {
  /** Stable id, used in URLs, settings and recorded reasons; never renamed. */
  id: string
  title: string
  area:
    | 'front-door'
    | 'assessment'
    | 'child-protection'
    | 'child-in-need'
    | 'looked-after'
    | 'care-leavers'
    | 'permanence'
    | 'oversight'
  kind: RuleKind
  source: RuleSource
  /** The event that starts the clock, in words. */
  clockStart: string
  unit: Unit
  /** The threshold in `unit`, in words where it varies (e.g. "3 months, then every 6 months"). */
  threshold: string
  settings?: RuleSetting[]
  effectiveFrom: IsoDate
  effectiveTo?: IsoDate
  /** Whether guidance allows the timescale to be exceeded with a recorded, manager-agreed reason. */
  allowsRecordedReason: boolean
  /**
   * Working days before the due date from which this rule's clock counts as due soon, when longer than the
   * caller's window (e.g. the last 4 weeks of care proceedings' 26).
   */
  dueSoonWorkingDays?: number
  evaluate(context: RuleContext): Promise<ClockItem[]>
}

export interface Flag extends ClockItem {
  ruleId: string
  ruleTitle: string
  severity: Severity
  /** Working days overdue (negative: days left). */
  daysOverdue: number
  /** A reason recorded and agreed for exceeding the timescale: the flag shows it rather than vanishing. */
  recordedReason: RecordedReason | null
}
