import {
  emptySsda903Tables,
  SSDA903_TABLE_NAMES,
  type Ssda903Row,
  type Ssda903TableName,
  type Ssda903Tables,
  type Ssda903Year,
  ssda903Period,
  ssda903Row,
} from '../tables.ts'
import type { RuleContext, Ssda903Issue, Ssda903Rule } from '../types.ts'

// Tiny 903 returns for rule tests, in the 2025-26 collection year (1 April 2025 to 31 March 2026). Header and
// Episodes rows start from a valid child (a girl born 2012 in care under a care order in foster care);
// other tables start blank but for CHILD '1'. Tests override what they need.

export const HEADER: Partial<Ssda903Row<'Header'>> = {
  CHILD: '1',
  SEX: 'F',
  DOB: '2012-06-15',
  ETHNIC: 'WBRI',
  UPN: 'A123456789012',
  MOTHER: '0',
}

export const EPISODE: Partial<Ssda903Row<'Episodes'>> = {
  CHILD: '1',
  DECOM: '2025-05-01',
  RNE: 'S',
  LS: 'C2',
  CIN: 'N1',
  PLACE: 'U1',
  PLACE_PROVIDER: 'PR1',
  HOME_POST: 'M1 1AA',
  PL_POST: 'M2 2BB',
}

const DEFAULTS: Partial<Record<Ssda903TableName, Record<string, string | null>>> = {
  Header: HEADER,
  Episodes: EPISODE,
}

export type TableParts = { [N in Ssda903TableName]?: Partial<Ssda903Row<N>>[] }

export function tables(parts: TableParts): Ssda903Tables {
  const t = emptySsda903Tables()
  for (const name of SSDA903_TABLE_NAMES) {
    const rows = (parts[name] ?? []) as Record<string, string | null>[]
    ;(t[name] as unknown[]).push(
      ...rows.map((r) => ssda903Row(name, { CHILD: '1', ...DEFAULTS[name], ...r } as never)),
    )
  }
  return t
}

export function context(year: Ssda903Year = '2025-26'): RuleContext {
  const period = ssda903Period(year)
  return { collectionYear: year, collectionStart: period.start, collectionEnd: period.end }
}

export function run(rule: Ssda903Rule, t: Ssda903Tables, year: Ssda903Year = '2025-26'): Ssda903Issue[] {
  return rule.check(t, context(year))
}

/** Each issue as 'Table:row:Field+Field', its locations joined by ' | '. */
export function where(issues: readonly Ssda903Issue[]): string[] {
  return issues.map((i) => i.locations.map((l) => `${l.table}:${l.row}:${l.fields.join('+')}`).join(' | '))
}
