import cinCensus from './cin-census-code-lists.json' with { type: 'json' }

// DfE code lists held as data (copied from ../shared/specs/cin-census/cin_census_code_lists.json, the
// hand-built list checked against the DfE validation rules). Forms offer them, validation checks them and
// returns write them, so a code means the same thing everywhere.

export interface Code {
  code: string
  label: string
  deprecated?: boolean
}

type Lists = typeof cinCensus.lists
export type CinCodeListName = Exclude<
  keyof Lists,
  'UPN_format' | 'LAchildID_format' | 'Boolean (ReferralNFA, ICPCnotRequired)'
>

export function cinCodes(name: CinCodeListName): readonly Code[] {
  const list = cinCensus.lists[name] as {
    codes?: { code: string; label: string | null; deprecated?: boolean }[]
  }
  return (list.codes ?? []).map((c) => ({
    code: c.code,
    label: c.label ?? c.code,
    ...(c.deprecated ? { deprecated: true } : {}),
  }))
}

const index = new Map<CinCodeListName, Map<string, Code>>()
function lookup(name: CinCodeListName): Map<string, Code> {
  let map = index.get(name)
  if (!map) {
    map = new Map(cinCodes(name).map((c) => [c.code, c]))
    index.set(name, map)
  }
  return map
}

/** True when `code` is a current code of the list (deprecated codes are refused for new entries). */
export function isCinCode(name: CinCodeListName, code: string | null | undefined): boolean {
  if (!code) return false
  const found = lookup(name).get(code)
  return found !== undefined && !found.deprecated
}

export function cinLabel(name: CinCodeListName, code: string | null | undefined): string {
  if (!code) return ''
  return lookup(name).get(code)?.label ?? code
}

/** Items for a GOV.UK select or radios, current codes only. */
export function cinCodeItems(name: CinCodeListName, selected?: string | null) {
  return cinCodes(name)
    .filter((c) => !c.deprecated)
    .map((c) => ({ value: c.code, text: `${c.code} – ${c.label}`, selected: c.code === selected }))
}
