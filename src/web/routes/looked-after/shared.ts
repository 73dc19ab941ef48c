import type { FastifyRequest } from 'fastify'
import type { Ssda903CodeListName } from '../../../domain/codes/codes.ts'
import { ssda903CodeItems } from '../../../domain/codes/codes.ts'
import { relationshipsOf } from '../../../services/family.ts'
import type { PlacementDetailsInput } from '../../../services/looked-after.ts'
import { booleanField, dateField, textField } from '../../forms.ts'
import { personIdOf } from '../../record-page.ts'
import { intField, yesNo } from '../practice/helpers.ts'

// Helpers the looked-after pages share: reading the placement fields, and the choices forms offer.

export const read = { config: { permission: 'child:view', record: { param: 'personId' } } } as const
export const write = { config: { permission: 'child:update', record: { param: 'personId' } } } as const

export const base = (request: FastifyRequest) => `/children/${personIdOf(request)}`

/** A select of a 903 code list, with an empty first choice. */
export function codeSelect(list: Ssda903CodeListName, selected: string | null | undefined, empty = 'Choose') {
  return [{ value: '', text: empty, selected: !selected }, ...ssda903CodeItems(list, selected)]
}

/** Radios of a 903 code list. */
export function codeRadios(list: Ssda903CodeListName, selected: string | null | undefined) {
  return ssda903CodeItems(list, selected).map(({ value, text }) => ({
    value,
    text,
    checked: value === selected,
  }))
}

/** Splits a textarea of one entry per line. */
export const perLine = (body: unknown, name: string) =>
  textField(body, name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

export type PlacementValues = Partial<PlacementDetailsInput> & Record<string, unknown>

export function placementFromForm(body: unknown): PlacementDetailsInput {
  return {
    placementType: textField(body, 'placementType'),
    provider: textField(body, 'provider'),
    providerName: textField(body, 'providerName'),
    urn: textField(body, 'urn'),
    carerPersonId: intField(body, 'carerPersonId'),
    addressLine: textField(body, 'addressLine'),
    postcode: textField(body, 'postcode'),
    confidential: booleanField(body, 'confidential'),
    distanceMiles: textField(body, 'distanceMiles'),
    insideAuthority: yesNo(body, 'insideAuthority'),
    longTerm: booleanField(body, 'longTerm'),
    placementPlanDate: dateField(body, 'placementPlanDate'),
  }
}

/** The people in the child's network a placement could be with (or contact be with), for a select. */
export async function networkItems(
  request: FastifyRequest,
  selected: number | null | undefined,
  empty: string,
) {
  const related = await relationshipsOf(request.server.database.db, personIdOf(request), request.user!)
  const items = related
    .filter((r) => r.current && r.visible)
    .map((r) => ({
      value: String(r.personId),
      text: `${r.givenName} ${r.familyName} (${r.label.toLowerCase()})`,
      selected: r.personId === selected,
    }))
  return [{ value: '', text: empty, selected: !selected }, ...items]
}

/** What the placement fields need: the code lists and the carers to choose from. */
export async function placementOptions(request: FastifyRequest, values: PlacementValues) {
  return {
    placementTypeItems: codeSelect('PLACE', values.placementType as string),
    providerItems: codeSelect('PLACE_PROVIDER', values.provider as string),
    carerItems: await networkItems(
      request,
      values.carerPersonId as number | null,
      'Not someone in the family and network (for example, a foster carer or a home)',
    ),
    insideAuthorityItems: [
      { value: 'yes', text: "Inside the authority's area", checked: values.insideAuthority === true },
      { value: 'no', text: "Outside the authority's area", checked: values.insideAuthority === false },
    ],
  }
}

/**
 * Some 903 labels carry the DfE guide's guidance after the name ("CARPL – Change to/Implementation of Care
 * Plan This code would be used where…"): the name for the radio, the guidance's first sentence as its hint.
 */
export function splitGuidance(text: string): { label: string; hint: string | null } {
  const at = text.search(/ (This code|These codes|Any other reason|APPRR Approval)/)
  if (at < 0) return { label: text, hint: null }
  const rest = text.slice(at + 1)
  const sentence = rest.split(/(?<=[a-z)])\.\s|\.$/)[0] ?? rest
  return { label: text.slice(0, at), hint: sentence.length > 240 ? `${sentence.slice(0, 237)}…` : sentence }
}
