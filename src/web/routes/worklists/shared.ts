import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CurrentUser } from '../../../auth/current-user.ts'
import { can } from '../../../auth/roles.ts'
import { RULES } from '../../../rules/catalogue/index.ts'
import { ValidationError } from '../../../services/errors.ts'
import {
  checkWorkQuery,
  type RawWorkQuery,
  SEVERITY_LABELS,
  SORTS,
  type WorkQuery,
} from '../../../services/worklists.ts'
import { errorSummary, type FieldErrors, textField } from '../../forms.ts'

/** The filter form's values as typed, to show back in the form and carry into links. */
export function rawQuery(query: unknown): Required<Record<keyof RawWorkQuery, string>> {
  return {
    asAt: textField(query, 'asAt'),
    rule: textField(query, 'rule'),
    severity: textField(query, 'severity'),
    team: textField(query, 'team'),
    worker: textField(query, 'worker'),
    sort: textField(query, 'sort'),
  }
}

/** The checked query, or the errors to show against the filter form's fields. */
export function parseQuery(query: unknown): {
  raw: ReturnType<typeof rawQuery>
  query: WorkQuery | null
  errors: FieldErrors
} {
  const raw = rawQuery(query)
  try {
    return { raw, query: checkWorkQuery(raw), errors: {} }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return { raw, query: null, errors: error.fields }
  }
}

/** A query string of the non-empty values, for links that keep the filters ("?asAt=…&rule=…"). */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The timescales by title, sorted once: the filter form is on every worklist page. */
const RULES_BY_TITLE = [...RULES].sort((a, b) => a.title.localeCompare(b.title))

/** Select items for the filter form. */
export function filterOptions(
  raw: ReturnType<typeof rawQuery>,
  lists: { workers?: { id: number; name: string }[]; teams?: { id: number; name: string }[] } = {},
) {
  return {
    ruleItems: [
      { value: '', text: 'All timescales' },
      ...RULES_BY_TITLE.map((r) => ({ value: r.id, text: r.title, selected: raw.rule === r.id })),
    ],
    severityItems: [
      { value: '', text: 'Everything' },
      ...Object.entries(SEVERITY_LABELS).map(([value, text]) => ({
        value,
        text,
        selected: raw.severity === value,
      })),
    ],
    sortItems: Object.entries(SORTS).map(([value, text]) => ({
      value,
      text,
      selected: (raw.sort || 'overdue') === value,
    })),
    workerItems: lists.workers
      ? [
          { value: '', text: 'Everyone' },
          ...lists.workers.map((w) => ({
            value: String(w.id),
            text: w.name,
            selected: raw.worker === String(w.id),
          })),
        ]
      : null,
    teamItems: lists.teams
      ? [
          { value: '', text: 'All teams' },
          ...lists.teams.map((t) => ({
            value: String(t.id),
            text: t.name,
            selected: raw.team === String(t.id),
          })),
        ]
      : null,
  }
}

export function errorView(errors: FieldErrors) {
  return { errors, errorList: errorSummary(errors) }
}

/** What the list templates may offer this user: recording a reason, agreeing one, reassigning a child. */
export function abilities(user: CurrentUser) {
  return {
    canRecordReason: can(user.roles, 'child:update'),
    canAgreeReason: can(user.roles, 'child:authorise'),
    canReassign: can(user.roles, 'allocation:manage'),
    canViewTeams: can(user.roles, 'team:view'),
  }
}

/** A return address from a form: a path on this site only, never another site. */
export function safeReturnTo(value: string, fallback: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback
}

/** Sends a list as a CSV download. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(`\ufeff${csv}`)
}

export const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/'
