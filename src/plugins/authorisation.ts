import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { logAccess } from '../audit/access-log.ts'
import { canSeePerson } from '../auth/record-access.ts'
import { can } from '../auth/roles.ts'
import { saveDraft } from '../services/drafts.ts'
import type { RouteAccess } from './fastify-types.ts'

/** Files served as they are: no session, no permission. */
export const PUBLIC_ASSET_PREFIXES = ['/assets/', '/govuk/', '/public/'] as const

export class HttpProblem extends Error {
  readonly statusCode: number
  readonly detail: string | undefined
  constructor(statusCode: number, message: string, detail?: string) {
    super(message)
    this.statusCode = statusCode
    this.detail = detail
  }
}

/**
 * Every route must say who may reach it. A route registered without `config.permission` or
 * `config.public` stops the application from starting, so no handler can forget authorisation.
 * Then, before input is validated: no session → sign in; wrong role → 403; a record the user may not see → 404
 * (a 403 would confirm that the record exists); a record the user may see → written to the access log.
 */
export default fp(
  async (app) => {
    const registered: { method: string; url: string; access: RouteAccess }[] = []
    app.decorate('routeAccess', registered)
    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path
      if (PUBLIC_ASSET_PREFIXES.some((prefix) => url.startsWith(prefix))) {
        route.config = { ...(route.config ?? {}), public: true }
        return
      }
      const config = route.config
      if (!config?.permission && !config?.public) {
        throw new Error(
          `Route ${String(route.method)} ${url} declares neither config.permission nor config.public`,
        )
      }
      if (config.record && !url.includes(`:${config.record.param}`)) {
        throw new Error(`Route ${url} names record parameter "${config.record.param}" which it does not have`)
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') registered.push({ method, url, access: config })
      }
    })

    // preValidation, not preHandler: refuse before input is validated, so a caller without permission
    // learns nothing from validation messages. The body is already parsed here.
    app.addHook('preValidation', async (request, reply) => {
      const config = request.routeOptions.config
      // An unknown address is answered 404 to anyone: it reveals nothing about records.
      if (config.public || request.is404) return
      if (!request.user) return refuseAnonymous(request, reply)
      if (config.permission && !can(request.user.roles, config.permission)) {
        await logAccess(app.database.db, request.actor(), {
          action: 'denied',
          subjectType: 'route',
          subjectId: `${request.method} ${request.routeOptions.url}`,
          detail: { permission: config.permission },
        })
        throw new HttpProblem(
          403,
          'You do not have permission to do this',
          `Your role does not allow ${config.permission}.`,
        )
      }
      if (config.record) {
        const personId = Number((request.params as Record<string, string>)[config.record.param])
        if (
          !Number.isInteger(personId) ||
          personId <= 0 ||
          !(await canSeePerson(app.database.db, request.user, personId))
        ) {
          if (Number.isInteger(personId) && personId > 0) {
            await logAccess(app.database.db, request.actor(), {
              action: 'denied',
              subjectType: 'person',
              subjectId: personId,
              personId,
              detail: { route: request.routeOptions.url },
            })
          }
          throw new HttpProblem(404, 'Page not found')
        }
        if (request.method === 'GET') {
          await logAccess(app.database.db, request.actor(), {
            action: 'view',
            subjectType: 'person',
            subjectId: personId,
            personId,
            detail: { route: request.routeOptions.url },
          })
        }
      }
    })

    async function refuseAnonymous(request: FastifyRequest, reply: FastifyReply) {
      if (request.url.startsWith('/api/')) throw new HttpProblem(401, 'Sign in required')
      // A form posted after the session timed out is kept, so signing in again loses nothing.
      if (
        request.method === 'POST' &&
        request.expiredSession &&
        request.body &&
        typeof request.body === 'object'
      ) {
        await saveDraft(
          app.database.db,
          request.expiredSession.userId,
          request.url,
          request.body as Record<string, unknown>,
        )
      }
      const returnTo = request.method === 'GET' ? request.url : request.url.split('?')[0]
      const expired = request.expiredSession ? '&expired=1' : ''
      return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo ?? '/')}${expired}`, 303)
    }
  },
  { name: 'hearth-authorisation', dependencies: ['hearth-session'] },
)
