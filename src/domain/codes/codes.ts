import cinCensus from './cin-census-code-lists.json' with { type: 'json' }
import ssda903 from './ssda903-code-lists.json' with { type: 'json' }

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
  // A code the DfE has withdrawn carries a status note in the list (e.g. 18A: "should not be used").
  const list = cinCensus.lists[name] as { codes?: { code: string; label: string | null; status?: string }[] }
  return (list.codes ?? []).map((c) => ({
    code: c.code,
    label: c.label ?? c.code,
    ...(c.status?.includes('should not be used') ? { deprecated: true } : {}),
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

// SSDA903 (children looked after) code lists, as accepted by the latest DfE validator ruleset
// (copied from ../shared/specs/ssda903/ssda903_code_lists.json).

export type Ssda903CodeListName = keyof typeof ssda903.lists

export function ssda903Codes(name: Ssda903CodeListName): readonly Code[] {
  const list = ssda903.lists[name] as { codes?: { code: string; label: string | null }[] }
  return (list.codes ?? []).map((c) => ({ code: c.code, label: c.label ?? c.code }))
}

export function isSsda903Code(name: Ssda903CodeListName, code: string | null | undefined): boolean {
  return !!code && ssda903Codes(name).some((c) => c.code === code)
}

export function ssda903Label(name: Ssda903CodeListName, code: string | null | undefined): string {
  if (!code) return ''
  return ssda903Codes(name).find((c) => c.code === code)?.label ?? code
}

export function ssda903CodeItems(name: Ssda903CodeListName, selected?: string | null) {
  return ssda903Codes(name).map((c) => ({
    value: c.code,
    text: c.label === c.code ? c.code : `${c.code} – ${c.label}`,
    selected: c.code === selected,
  }))
}
