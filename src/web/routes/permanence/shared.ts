import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../services/errors.ts'
import { errorSummary, textField } from '../../forms.ts'
import type { RecordSection } from '../../record-navigation.ts'
import { personIdOf, recordContext } from '../../record-page.ts'

// What the permanence, adoption and leaving care pages share.

export const read = { config: { permission: 'child:view', record: { param: 'personId' } } } as const
export const write = { config: { permission: 'child:update', record: { param: 'personId' } } } as const
export const authorise = { config: { permission: 'child:authorise', record: { param: 'personId' } } } as const

export const view = (name: string) => `pages/permanence/${name}.njk`
export const childPath = (request: FastifyRequest, rest = '') => `/children/${personIdOf(request)}${rest}`

/** A positive whole-number route parameter, or 404. */
export function idOf(request: FastifyRequest, name: string): number {
  const value = Number((request.params as Record<string, string>)[name])
  if (!Number.isInteger(value) || value <= 0) throw new HttpProblem(404, 'Page not found')
  return value
}

/** Services say NotFound when an id in the address is not this child's: the page does not exist. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof NotFoundError) throw new HttpProblem(404, 'Page not found')
    throw error
  }
}

/** A version number from a hidden field (0 when missing, which never matches). */
export const versionField = (body: unknown) => Number(textField(body, 'version')) || 0

/** Radio items from a key → label map. */
export function radios(labels: Record<string, string>, selected: string | null | undefined) {
  return Object.entries(labels).map(([value, text]) => ({ value, text, checked: value === selected }))
}

/** Select items from a key → label map, with an empty first choice. */
export function options(
  labels: Record<string, string>,
  selected: string | null | undefined,
  empty = 'Choose',
) {
  return [
    { value: '', text: empty, selected: !selected },
    ...Object.entries(labels).map(([value, text]) => ({ value, text, selected: value === selected })),
  ]
}

/** Code list items (value, text) as select items with an empty first choice. */
export function codeOptions(
  items: { value: string; text: string }[],
  selected: string | null | undefined,
  empty = 'Choose',
) {
  return [
    { value: '', text: empty, selected: !selected },
    ...items.map((i) => ({ value: i.value, text: i.text, selected: i.value === selected })),
  ]
}

export const yesNoRadios = (value: boolean | null | undefined) => [
  { value: 'yes', text: 'Yes', checked: value === true },
  { value: 'no', text: 'No', checked: value === false },
]

/** A yes/no radio: true, false or null when not answered. */
export function yesNo(body: unknown, name: string): boolean | null {
  const value = textField(body, name)
  return value === 'yes' ? true : value === 'no' ? false : null
}

/** A select of ids: a whole number, or null. */
export function idField(body: unknown, name: string): number | null {
  const value = textField(body, name)
  return /^\d{1,9}$/.test(value) ? Number(value) : null
}

/**
 * For actions posted from a page that is not a form of its own (a button): on refusal the page is shown
 * again with the message; on success, redirected.
 */
export async function actOrShow(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    section: RecordSection
    template: string
    view: () => Promise<Record<string, unknown>>
    act: () => Promise<string>
  },
) {
  try {
    return reply.redirect(await options.act(), 303)
  } catch (error) {
    if (!(error instanceof ValidationError) && !(error instanceof ConflictError)) throw error
    const errors = error instanceof ValidationError ? error.fields : { conflict: error.message }
    reply.code(error instanceof ValidationError ? 400 : 409)
    return reply.view(options.template, {
      ...(await recordContext(request, options.section)),
      ...(await options.view()),
      errors,
      errorList: errorSummary(errors),
    })
  }
}
