// Statutory returns are named by collection year: '2025-26' runs 1 April 2025 to 31 March 2026.

export const COLLECTION_YEARS = ['2022-23', '2023-24', '2024-25', '2025-26'] as const
export type CollectionYear = (typeof COLLECTION_YEARS)[number]

export const CURRENT_COLLECTION_YEAR: CollectionYear = '2025-26'

export function isCollectionYear(value: string): value is CollectionYear {
  return (COLLECTION_YEARS as readonly string[]).includes(value)
}

/** 31 March that ends the collection year, e.g. '2026-03-31' for '2025-26'. */
export function collectionYearEnd(year: CollectionYear): string {
  return `${Number(year.slice(0, 4)) + 1}-03-31`
}

/** Years from `from` onwards, for rules introduced part-way through the range. */
export function yearsFrom(from: CollectionYear): readonly CollectionYear[] {
  return COLLECTION_YEARS.slice(COLLECTION_YEARS.indexOf(from))
}
