import { and, desc, eq, sql } from 'drizzle-orm'
import { logAccess } from '../audit/access-log.ts'
import { recordChanges } from '../audit/change-history.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db, DbOrTx } from '../db/client.ts'
import { changeHistory, setting, userAccount } from '../db/schema/index.ts'
import { RULES } from '../rules/catalogue/index.ts'
import type { Rule, SettingUnit } from '../rules/engine/types.ts'
import { Checker, ConflictError, NotFoundError } from './errors.ts'

// Local timescale settings: the numbers a local authority chooses (e.g. how often a child on a child
// protection plan is visited). Statutory thresholds live in the rules and cannot be changed here. A setting
// has no row until it is first changed; its version is the number of changes in its change history, so two
// administrators changing the same setting at once cannot overwrite each other unseen.

const UNIT_WORDS: Record<SettingUnit, [singular: string, plural: string]> = {
  'working-days': ['working day', 'working days'],
  'calendar-days': ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  hours: ['hour', 'hours'],
  count: ['', ''],
  years: ['year', 'years'],
}

/** Sensible bounds for a local setting, by unit: whole numbers only. */
export const SETTING_RANGES: Record<SettingUnit, { min: number; max: number }> = {
  'working-days': { min: 1, max: 130 },
  'calendar-days': { min: 1, max: 365 },
  weeks: { min: 1, max: 52 },
  months: { min: 1, max: 24 },
  hours: { min: 1, max: 720 },
  count: { min: 1, max: 20 },
  years: { min: 0, max: 17 },
}

/** "10 working days", "3 visits" reads badly, so a count is just the number. */
export function formatSettingValue(value: number, unit: SettingUnit): string {
  const [one, many] = UNIT_WORDS[unit]
  if (!one) return String(value)
  return `${value} ${value === 1 ? one : many}`
}

export function unitWords(unit: SettingUnit): string {
  return UNIT_WORDS[unit][1] || 'number'
}

export interface SettingDeclaration {
  key: string
  label: string
  unit: SettingUnit
  default: number
  rules: { id: string; title: string }[]
}

/** Every local setting the rules declare, once each, with the rules that read it. */
export function settingDeclarations(rules: readonly Rule[] = RULES): SettingDeclaration[] {
  const byKey = new Map<string, SettingDeclaration>()
  for (const rule of rules) {
    for (const s of rule.settings ?? []) {
      const found = byKey.get(s.key)
      if (found) found.rules.push({ id: rule.id, title: rule.title })
      else
        byKey.set(s.key, {
          key: s.key,
          label: s.label,
          unit: s.unit,
          default: s.default,
          rules: [{ id: rule.id, title: rule.title }],
        })
    }
  }
  return [...byKey.values()]
}

export interface SettingView extends SettingDeclaration {
  value: number
  isDefault: boolean
  valueText: string
  defaultText: string
  min: number
  max: number
  version: number
  updatedBy: string | null
  updatedAt: Date | null
}

async function versions(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: changeHistory.entityId, version: sql<number>`max(${changeHistory.version})::int` })
    .from(changeHistory)
    .where(eq(changeHistory.entityType, 'setting'))
    .groupBy(changeHistory.entityId)
  return new Map(rows.map((r) => [r.key, r.version]))
}

/** The local settings with their current values, who last changed each and its version. */
export async function listSettings(db: DbOrTx): Promise<SettingView[]> {
  const [stored, versionOf] = await Promise.all([
    db
      .select({
        key: setting.key,
        value: setting.value,
        updatedAt: setting.updatedAt,
        updatedBy: userAccount.displayName,
      })
      .from(setting)
      .leftJoin(userAccount, eq(userAccount.id, setting.updatedBy)),
    versions(db),
  ])
  const byKey = new Map(stored.map((s) => [s.key, s]))
  return settingDeclarations().map((d) => {
    const row = byKey.get(d.key)
    const value = row ? Number(row.value) : d.default
    return {
      ...d,
      value,
      isDefault: !row,
      valueText: formatSettingValue(value, d.unit),
      defaultText: formatSettingValue(d.default, d.unit),
      ...SETTING_RANGES[d.unit],
      version: versionOf.get(d.key) ?? 0,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt ?? null,
    }
  })
}

export async function getSetting(db: DbOrTx, key: string): Promise<SettingView> {
  const found = (await listSettings(db)).find((s) => s.key === key)
  if (!found) throw new NotFoundError(`No local setting ${key}`)
  return found
}

export interface SettingChange {
  /** As typed: checked to be a whole number within the setting's range. */
  value: string | number
  /** The version the administrator started from (0 for a setting never changed). */
  version: number
  reason: string
}

/**
 * Changes a local setting. Refused (nothing written) unless the value is a whole number in range and
 * different from the current one, with a reason; refused with what the other person changed if the
 * setting moved on since `version`. The new value, its change history and the access log entry are
 * written together, and the rules use it from their next evaluation.
 */
export async function changeSetting(db: Db, actor: Actor, key: string, input: SettingChange) {
  const declared = settingDeclarations().find((d) => d.key === key)
  if (!declared) throw new NotFoundError(`No local setting ${key}`)
  const { min, max } = SETTING_RANGES[declared.unit]
  const c = new Checker()
  const raw = String(input.value).trim()
  const words = unitWords(declared.unit)
  let value: number | null = null
  if (raw === '') c.add('value', `Enter the ${declared.unit === 'count' ? 'number' : `number of ${words}`}`)
  else if (!/^-?\d+$/.test(raw))
    c.add(
      'value',
      `Enter a whole number${declared.unit === 'count' ? '' : ` of ${words}`}, like ${declared.default}`,
    )
  else {
    value = Number(raw)
    if (value < min || value > max) {
      c.add('value', `Enter a number between ${min} and ${max}`)
      value = null
    }
  }
  const reason = input.reason.trim()
  if (reason === '') c.add('reason', 'Enter why the setting is changing')
  else if (reason.length > 1000) c.add('reason', 'The reason must be 1,000 characters or fewer')
  c.throwIfAny()
  return db.transaction(async (tx) => {
    // Serialise changes to one setting, so the version check below cannot race.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`setting:${key}`}))`)
    const current = await getSetting(tx, key)
    if (current.version !== input.version) {
      throw new ConflictError(
        'Someone else changed this setting while you were changing it.',
        await settingChangesSince(tx, key, input.version),
      )
    }
    if (value === current.value) {
      c.add('value', `The setting is already ${current.valueText}: enter a different number`)
      c.throwIfAny()
    }
    const version = current.version + 1
    await tx
      .insert(setting)
      .values({ key, value: value!, updatedBy: actor.user.id, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: setting.key,
        set: { value: value!, updatedBy: actor.user.id, updatedAt: new Date() },
      })
    await recordChanges(tx, actor, {
      entityType: 'setting',
      entityId: key,
      version,
      changes: [{ field: 'value', oldValue: current.value, newValue: value }],
      reason,
    })
    await logAccess(tx, actor, {
      action: 'change',
      subjectType: 'setting',
      subjectId: key,
      detail: { from: current.value, to: value },
    })
    return version
  })
}

async function settingChangesSince(db: DbOrTx, key: string, version: number) {
  const rows = await db
    .select({
      newValue: changeHistory.newValue,
      at: changeHistory.at,
      by: userAccount.displayName,
    })
    .from(changeHistory)
    .leftJoin(userAccount, eq(userAccount.id, changeHistory.userId))
    .where(
      and(
        eq(changeHistory.entityType, 'setting'),
        eq(changeHistory.entityId, key),
        sql`${changeHistory.version} > ${version}`,
      ),
    )
    .orderBy(changeHistory.id)
  return rows.map((r) => ({ field: 'value', theirValue: r.newValue, by: r.by, at: r.at }))
}

export interface SettingHistoryEntry {
  key: string
  label: string
  from: number | null
  to: number | null
  fromText: string
  toText: string
  by: string | null
  at: Date
  reason: string | null
}

/** Every change to the local settings, newest first: who changed what, when and why. */
export async function settingHistory(db: DbOrTx, limit = 100): Promise<SettingHistoryEntry[]> {
  const declared = new Map(settingDeclarations().map((d) => [d.key, d]))
  const rows = await db
    .select({
      key: changeHistory.entityId,
      oldValue: changeHistory.oldValue,
      newValue: changeHistory.newValue,
      at: changeHistory.at,
      reason: changeHistory.reason,
      by: userAccount.displayName,
    })
    .from(changeHistory)
    .leftJoin(userAccount, eq(userAccount.id, changeHistory.userId))
    .where(eq(changeHistory.entityType, 'setting'))
    .orderBy(desc(changeHistory.at), desc(changeHistory.id))
    .limit(limit)
  return rows.map((r) => {
    const d = declared.get(r.key)
    const from = r.oldValue === null ? null : Number(r.oldValue)
    const to = r.newValue === null ? null : Number(r.newValue)
    const text = (v: number | null) => (v === null ? '–' : d ? formatSettingValue(v, d.unit) : String(v))
    return {
      key: r.key,
      label: d?.label ?? r.key,
      from,
      to,
      fromText: text(from),
      toText: text(to),
      by: r.by,
      at: r.at,
      reason: r.reason,
    }
  })
}

// --- The rules as people read them ---

export const SOURCE_KIND_LABELS: Record<Rule['source']['kind'], string> = {
  regulation: 'Regulation (law)',
  'statutory-guidance': 'Statutory guidance',
  'local-practice': 'Local practice standard',
  'dfe-measure': 'Department for Education measure',
  'inspection-finding': 'What Ofsted inspections look for',
}

export const AREA_LABELS: Record<Rule['area'], string> = {
  'front-door': 'Front door',
  assessment: 'Assessment',
  'child-protection': 'Child protection',
  'child-in-need': 'Child in need',
  'looked-after': 'Children in care',
  'care-leavers': 'Care leavers',
  permanence: 'Permanence',
  oversight: 'Drift, oversight and the child’s voice',
}

export const UNIT_LABELS: Record<Rule['unit'], string> = {
  'working-days': 'Working days',
  'calendar-days': 'Calendar days',
  weeks: 'Weeks',
  months: 'Months',
  hours: 'Hours',
}

/** The rules as the Timescales page and the API show them, with their local settings' current values. */
export function describeRules(settings: SettingView[]) {
  const byKey = new Map(settings.map((s) => [s.key, s]))
  return RULES.map((rule) => ({
    id: rule.id,
    title: rule.title,
    area: rule.area,
    areaLabel: AREA_LABELS[rule.area],
    kind: rule.kind,
    kindLabel: rule.kind === 'timescale' ? 'A timescale: due by a date' : 'A pattern to look at',
    source: { ...rule.source, kindLabel: SOURCE_KIND_LABELS[rule.source.kind] },
    clockStart: rule.clockStart,
    unit: rule.unit,
    unitLabel: UNIT_LABELS[rule.unit],
    threshold: rule.threshold,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo ?? null,
    allowsRecordedReason: rule.allowsRecordedReason,
    settings: (rule.settings ?? []).flatMap((s) => {
      const current = byKey.get(s.key)
      return current
        ? [
            {
              key: s.key,
              label: s.label,
              unit: s.unit,
              value: current.value,
              valueText: current.valueText,
              default: current.default,
              defaultText: current.defaultText,
              isDefault: current.isDefault,
            },
          ]
        : []
    }),
  }))
}
