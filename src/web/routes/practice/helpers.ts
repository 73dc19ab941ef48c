import { and, eq, isNull } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import type { DbOrTx } from '../../../db/client.ts'
import { allocation } from '../../../db/schema/index.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { workersInPost } from '../../../services/allocation.ts'
import { takeDraft } from '../../../services/drafts.ts'
import { textField } from '../../forms.ts'

/** A positive whole-number route parameter, or 404: an address that cannot name anything. */
export function idParam(request: FastifyRequest, name: string): number {
  const value = Number((request.params as Record<string, string>)[name])
  if (!Number.isInteger(value) || value <= 0) throw new HttpProblem(404, 'Page not found')
  return value
}

/** A yes/no radio: true, false, or null when not answered. */
export function yesNo(body: unknown, name: string): boolean | null {
  const value = textField(body, name)
  return value === 'yes' ? true : value === 'no' ? false : null
}

/** A number field from a select; null when empty or not a whole number. */
export function intField(body: unknown, name: string): number | null {
  const value = textField(body, name)
  return /^\d{1,9}$/.test(value) ? Number(value) : null
}

export const yesNoItems = (value: boolean | null | undefined) => [
  { value: 'yes', text: 'Yes', checked: value === true },
  { value: 'no', text: 'No', checked: value === false },
]

/** Radio items from a code → label map. */
export function radioItems(labels: Record<string, string>, selected: string | null | undefined) {
  return Object.entries(labels).map(([value, text]) => ({ value, text, checked: value === selected }))
}

/** Select items from a code → label map, with an empty first choice. */
export function selectItems(
  labels: Record<string, string>,
  selected: string | null | undefined,
  empty = 'Choose',
) {
  return [
    { value: '', text: empty },
    ...Object.entries(labels).map(([value, text]) => ({ value, text, selected: value === selected })),
  ]
}

/** The workers who could have visited the child or own an action: the child's teams and the user's own. */
export async function workerChoices(db: DbOrTx, personId: number, userTeamId: number | null) {
  const teams = await db
    .selectDistinct({ teamId: allocation.teamId })
    .from(allocation)
    .where(and(eq(allocation.personId, personId), isNull(allocation.endedOn)))
  const ids = new Set(teams.map((t) => t.teamId))
  if (userTeamId !== null) ids.add(userTeamId)
  return workersInPost(db, [...ids])
}

export function workerItems(
  workers: { id: number; name: string; teamName: string }[],
  selected: number | string | null | undefined,
  empty = 'Choose a worker',
) {
  return [
    { value: '', text: empty },
    ...workers.map((w) => ({
      value: String(w.id),
      text: `${w.name} (${w.teamName})`,
      selected: String(w.id) === String(selected ?? ''),
    })),
  ]
}

/**
 * The half-written form kept for this page when the user's session timed out (the same fields the form
 * posts), removed as it is handed back; null when there is none.
 */
export async function restoredDraft(
  db: DbOrTx,
  request: FastifyRequest,
): Promise<Record<string, unknown> | null> {
  return takeDraft(db, request.user!.id, request.url.split('?')[0] ?? request.url)
}
