import spec from './annex-a-lists.json' with { type: 'json' }

// Ofsted's Annex A lists as data (copied from ../shared/specs/annex-a/annex_a_lists.json, itself taken from
// the liia-tools schema that local authorities' data teams use to read Annex A workbooks). Each list
// module names its columns once, in order, and `listColumns` refuses to load if they differ from the
// specification by a single character, so the workbook's headers are always Ofsted's.

export interface AnnexAColumn {
  position: number
  column: string
  type: 'string' | 'category' | 'date' | 'integer'
  format: string
  required: boolean
  allowed_values?: readonly string[]
}

export interface AnnexAListSpec {
  list: string
  title: string
  scope: string
  columns: readonly AnnexAColumn[]
}

export const ANNEX_A_LISTS = spec.lists as readonly AnnexAListSpec[]

export function listSpec(sheet: string): AnnexAListSpec {
  const found = ANNEX_A_LISTS.find((l) => l.list === sheet)
  if (!found) throw new Error(`Annex A has no ${sheet}`)
  return found
}

/** The specification's columns of a list, checked against the names a module writes, in order. */
export function listColumns<const N extends readonly string[]>(
  sheet: string,
  names: N,
): readonly (AnnexAColumn & { column: N[number] })[] {
  const columns = listSpec(sheet).columns
  const specified = columns.map((c) => c.column)
  if (specified.length !== names.length || specified.some((name, i) => name !== names[i]))
    throw new Error(`${sheet} columns differ from the Annex A specification: ${JSON.stringify(specified)}`)
  return columns as readonly (AnnexAColumn & { column: N[number] })[]
}

/**
 * The code at the start of an allowed value, which is how Annex A spells DfE codes: "e) 2A: Schools" → 2A,
 * "N1 - Abuse or neglect" → N1, "a) WBRI" → WBRI, "E1: Placement order" → E1, "B: Parents/relatives" → B.
 */
export function codeOf(value: string): string | null {
  const m = /^(?:[a-z]{1,2}\d?\) )?([A-Z0-9]+)(?::| - |$)/.exec(value)
  return m ? m[1]! : null
}

/** Maps DfE codes to the exact Annex A text of one column, e.g. '2A' → 'e) 2A: Schools'. */
export function codeMap(sheet: string, column: string): ReadonlyMap<string, string> {
  const col = listSpec(sheet).columns.find((c) => c.column === column)
  if (!col?.allowed_values) throw new Error(`${sheet} "${column}" has no allowed values`)
  const map = new Map<string, string>()
  for (const value of col.allowed_values) {
    const code = codeOf(value)
    if (code && !map.has(code)) map.set(code, value)
  }
  return map
}
