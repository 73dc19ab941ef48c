import type { CollectionYear } from '../../shared/collection-year.ts'
import { makeContext } from '../context.ts'
import {
  buildCinCensusTables,
  type ChildInput,
  type CinCensusTables,
  type CinDetailsInput,
  type HeaderRow,
} from '../tables.ts'
import type { CinRule, Issue } from '../types.ts'

// Tiny CIN census returns for rule tests. The defaults make one valid child with one open episode
// in the 2024-25 census (period 1 April 2024 to 31 March 2025); tests override what they need.

export const HEADER: Partial<HeaderRow> = {
  Collection: 'CIN',
  Year: '2025',
  ReferenceDate: '2025-03-31',
  SourceLevel: 'L',
  LEA: '201',
}

export function episode(overrides: CinDetailsInput = {}): CinDetailsInput {
  return {
    CINreferralDate: '2024-06-03',
    ReferralSource: '1A',
    PrimaryNeedCode: 'N1',
    ReferralNFA: 'false',
    ...overrides,
  }
}

export function child(overrides: ChildInput = {}): ChildInput {
  return {
    LAchildID: 'C1',
    UPN: 'X201000000120',
    PersonBirthDate: '2015-05-14',
    Sex: 'F',
    Ethnicity: 'WBRI',
    disabilities: ['NONE'],
    cinDetails: [episode()],
    ...overrides,
  }
}

/** A child with one episode, built from the episode's overrides. */
export function childWith(episodeOverrides: CinDetailsInput, childOverrides: ChildInput = {}): ChildInput {
  return child({ cinDetails: [episode(episodeOverrides)], ...childOverrides })
}

export function tables(children: ChildInput[], header: Partial<HeaderRow> = {}): CinCensusTables {
  return buildCinCensusTables({ header: { ...HEADER, ...header }, children })
}

export function run(rule: CinRule, t: CinCensusTables, year: CollectionYear = '2024-25'): Issue[] {
  return rule.check(t, makeContext(t, year))
}

/** Each issue as 'Table:row:Field+Field', its locations joined by ' | '; 'return' for return-level issues. */
export function where(issues: readonly Issue[]): string[] {
  return issues.map((i) =>
    i.table === null
      ? 'return'
      : i.locations.map((l) => `${l.table}:${l.row}:${l.fields.join('+')}`).join(' | '),
  )
}
