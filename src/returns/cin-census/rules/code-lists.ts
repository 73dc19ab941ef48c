// CIN census code lists as the validator rules accept them (shared/specs/cin-census/cin_census_code_lists.json).

export const REFERRAL_SOURCES: ReadonlySet<string> = new Set([
  '1A',
  '1B',
  '1C',
  '1D',
  '2A',
  '2B',
  '3A',
  '3B',
  '3C',
  '3D',
  '3E',
  '3F',
  '4',
  '5A',
  '5B',
  '5C',
  '5D',
  '6',
  '7',
  '8',
  '9',
  '10',
])

export const PRIMARY_NEED_CODES: ReadonlySet<string> = new Set([
  'N0',
  'N1',
  'N2',
  'N3',
  'N4',
  'N5',
  'N6',
  'N7',
  'N8',
  'N9',
])

export const REASONS_FOR_CLOSURE: ReadonlySet<string> = new Set([
  'RC1',
  'RC2',
  'RC3',
  'RC4',
  'RC5',
  'RC6',
  'RC7',
  'RC8',
  'RC9',
])

/** 18A and 19A are still accepted here; queries 8945Q/8950Q ask for 18B/18C and 19B/19C instead. */
export const ASSESSMENT_FACTORS: ReadonlySet<string> = new Set([
  '1A',
  '1B',
  '1C',
  '2A',
  '2B',
  '2C',
  '3A',
  '3B',
  '3C',
  '4A',
  '4B',
  '4C',
  '5A',
  '5B',
  '5C',
  '6A',
  '6B',
  '6C',
  '7A',
  '8B',
  '8C',
  '8D',
  '8E',
  '8F',
  '9A',
  '10A',
  '11A',
  '12A',
  '13A',
  '14A',
  '15A',
  '16A',
  '17A',
  '18A',
  '18B',
  '18C',
  '19A',
  '19B',
  '19C',
  '20',
  '21',
  '22A',
  '23A',
  '24A',
])

export const ETHNICITIES: ReadonlySet<string> = new Set([
  'ABAN',
  'AIND',
  'AOTH',
  'APKN',
  'BAFR',
  'BCRB',
  'BOTH',
  'CHNE',
  'MOTH',
  'MWAS',
  'MWBA',
  'MWBC',
  'NOBT',
  'OOTH',
  'REFU',
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
])

export const DISABILITIES: ReadonlySet<string> = new Set([
  'NONE',
  'MOB',
  'HAND',
  'PC',
  'INC',
  'COMM',
  'LD',
  'HEAR',
  'VIS',
  'BEH',
  'CON',
  'AUT',
  'DDA',
])

export const CATEGORIES_OF_ABUSE: ReadonlySet<string> = new Set(['NEG', 'PHY', 'SAB', 'EMO', 'MUL'])

/** Up to 2023-24. */
export const GENDER_CURRENT: ReadonlySet<string> = new Set(['0', '1', '2', '9'])

/** From 2024-25. */
export const SEX: ReadonlySet<string> = new Set(['M', 'F', 'U'])

/** UPN unknown reasons that explain a missing UPN for a school-age child (UN1 means "not of school age"). */
export const UPN_UNKNOWN_SCHOOL_AGE: ReadonlySet<string> = new Set(['UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'])

/** Census years that still used <GenderCurrent> instead of <Sex>. */
export function usesGenderCurrent(year: string): boolean {
  return year === '2022-23' || year === '2023-24'
}
