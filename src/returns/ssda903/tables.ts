import type { IsoDate } from '../shared/dates.ts'

// The SSDA903 (children looked after) return as the DfE validator reads it: one flat table per CSV file,
// columns named and ordered as in shared/specs/ssda903/ssda903_columns.csv. Values are the raw text of the
// file, except dates, which are ISO strings here (null when blank) and DD/MM/YYYY only in the CSV.

/** Collection years Hearth writes the 903 for. 2026-27 is the DfE's draft (it adds the DoLo table). */
export const SSDA903_YEARS = ['2024-25', '2025-26', '2026-27'] as const
export type Ssda903Year = (typeof SSDA903_YEARS)[number]

export function isSsda903Year(value: string): value is Ssda903Year {
  return (SSDA903_YEARS as readonly string[]).includes(value)
}

/** Every table with its columns in the DfE's order. */
export const SSDA903_COLUMNS = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
} as const

export type Ssda903TableName = keyof typeof SSDA903_COLUMNS

export const SSDA903_TABLE_NAMES = Object.keys(SSDA903_COLUMNS) as Ssda903TableName[]

/** What each file holds, in words, for the download page. */
export const SSDA903_TABLE_TITLES: Record<Ssda903TableName, string> = {
  Header: 'The children: sex, date of birth, ethnicity, UPN and motherhood',
  Episodes: 'Episodes of care: legal status and placement changes',
  Reviews: 'Looked-after reviews and how the child took part',
  UASC: 'Unaccompanied asylum-seeking children',
  OC2: 'Children looked after for 12 months: health, SDQ and convictions',
  OC3: 'Care leavers at their 17th to 21st birthdays',
  AD1: 'Children adopted in the year',
  PlacedAdoption: 'Decisions that a child should be placed for adoption',
  PrevPerm: 'Permanence before the period of care',
  Missing: 'Missing and away from placement without authorisation',
  SWEpisodes: 'Social worker episodes',
  DoLo: 'Deprivation of liberty orders (2026-27 draft)',
}

/** Columns holding dates: ISO in the tables, DD/MM/YYYY in the files. */
export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  'DOB',
  'MC_DOB',
  'DECOM',
  'DEC',
  'REVIEW',
  'DUC',
  'DATE_INT',
  'DATE_MATCH',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'DATE_PERM',
  'MIS_START',
  'MIS_END',
  'SW_DECOM',
  'SW_DEC',
  'DOLO_START',
  'DOLO_END',
])

type RowOf<C extends readonly string[]> = { [K in C[number]]: string | null }
type Columns = typeof SSDA903_COLUMNS

export type HeaderRow = RowOf<Columns['Header']>
export type EpisodesRow = RowOf<Columns['Episodes']>
export type ReviewsRow = RowOf<Columns['Reviews']>
export type UascRow = RowOf<Columns['UASC']>
export type Oc2Row = RowOf<Columns['OC2']>
export type Oc3Row = RowOf<Columns['OC3']>
export type Ad1Row = RowOf<Columns['AD1']>
export type PlacedAdoptionRow = RowOf<Columns['PlacedAdoption']>
export type PrevPermRow = RowOf<Columns['PrevPerm']>
export type MissingRow = RowOf<Columns['Missing']>
export type SwEpisodesRow = RowOf<Columns['SWEpisodes']>
export type DoLoRow = RowOf<Columns['DoLo']>

export type Ssda903Tables = { [N in Ssda903TableName]: RowOf<Columns[N]>[] }
export type Ssda903Row<N extends Ssda903TableName> = Ssda903Tables[N][number]

export function emptySsda903Tables(): Ssda903Tables {
  return {
    Header: [],
    Episodes: [],
    Reviews: [],
    UASC: [],
    OC2: [],
    OC3: [],
    AD1: [],
    PlacedAdoption: [],
    PrevPerm: [],
    Missing: [],
    SWEpisodes: [],
    DoLo: [],
  }
}

/** The files of a year's return: DoLo only from the 2026-27 draft. */
export function ssda903TablesFor(year: Ssda903Year): Ssda903TableName[] {
  return SSDA903_TABLE_NAMES.filter((name) => name !== 'DoLo' || year >= '2026-27')
}

/** A row with every column of its table, blanks where not given (for tests and readers). */
export function ssda903Row<N extends Ssda903TableName>(
  table: N,
  values: Partial<Ssda903Row<N>>,
): Ssda903Row<N> {
  const row: Record<string, string | null> = {}
  for (const column of SSDA903_COLUMNS[table])
    row[column] = (values as Record<string, string | null>)[column] ?? null
  return row as Ssda903Row<N>
}

/** Appends every row of `from` to `into`, table by table. */
export function appendSsda903Tables(into: Ssda903Tables, from: Ssda903Tables): void {
  for (const name of SSDA903_TABLE_NAMES) {
    const target = into[name] as unknown[]
    for (const row of from[name] as unknown[]) target.push(row)
  }
}

/** The collection year's first and last days: 1 April to 31 March. */
export interface Ssda903Period {
  year: Ssda903Year
  start: IsoDate
  end: IsoDate
}

export function ssda903Period(year: Ssda903Year): Ssda903Period {
  const first = Number(year.slice(0, 4))
  return { year, start: `${first}-04-01`, end: `${first + 1}-03-31` }
}
