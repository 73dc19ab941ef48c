import type { FastifyInstance } from 'fastify'
import { searchAccessLog } from '../../../audit/access-log.ts'
import { ACCESS_ACTIONS, type AccessAction } from '../../../db/schema/index.ts'
import { isIsoDate } from '../../../domain/calendar/iso-date.ts'
import { errorSummary, type FieldErrors, textField } from '../../forms.ts'

export interface AccessLogFilters {
  username: string
  personId: string
  action: string
  from: string
  to: string
}

/** Validates the search form; returns the query or the errors to show against each field. */
export function parseAccessLogFilters(query: unknown) {
  const filters: AccessLogFilters = {
    username: textField(query, 'username'),
    personId: textField(query, 'personId'),
    action: textField(query, 'action'),
    from: textField(query, 'from'),
    to: textField(query, 'to'),
  }
  const errors: FieldErrors = {}
  if (filters.personId && !/^\d{1,9}$/.test(filters.personId))
    errors.personId = 'Hearth ID must be a number, like 10234'
  if (filters.action && !(ACCESS_ACTIONS as readonly string[]).includes(filters.action))
    errors.action = 'Choose an action from the list'
  if (filters.from && !isIsoDate(filters.from)) errors.from = 'Date from must be a real date, like 2026-03-01'
  if (filters.to && !isIsoDate(filters.to)) errors.to = 'Date to must be a real date, like 2026-03-31'
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to)
    errors.to = 'Date to must be the same as or after date from'
  const page = Math.max(1, Number(textField(query, 'page')) || 1)
  return {
    filters,
    errors,
    query: {
      username: filters.username || undefined,
      personId: filters.personId && !errors.personId ? Number(filters.personId) : undefined,
      action: (filters.action && !errors.action ? filters.action : undefined) as AccessAction | undefined,
      from: filters.from && !errors.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      to: filters.to && !errors.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) : undefined,
      page,
    },
  }
}

export async function accessLogRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/access-log', { config: { permission: 'access-log:view' } }, async (request, reply) => {
    const { filters, errors, query } = parseAccessLogFilters(request.query)
    const hasErrors = Object.keys(errors).length > 0
    const result = hasErrors
      ? { rows: [], total: 0, page: 1, pageSize: 50 }
      : await searchAccessLog(app.database.db, query)
    const pages = Math.ceil(result.total / result.pageSize)
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])
    const pageHref = (page: number) =>
      `/admin/access-log?${new URLSearchParams([...params, ['page', String(page)]])}`
    if (hasErrors) reply.code(400)
    return reply.view('pages/admin/access-log.njk', {
      title: 'Access log',
      filters,
      errors,
      errorList: errorSummary(errors),
      actions: ACCESS_ACTIONS,
      result,
      pagination: {
        previous: result.page > 1 ? { href: pageHref(result.page - 1) } : undefined,
        next: result.page < pages ? { href: pageHref(result.page + 1) } : undefined,
      },
    })
  })
}
