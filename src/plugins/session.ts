import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Actor } from '../auth/current-user.ts'
import { findSession } from '../auth/sessions.ts'

export const SESSION_COOKIE = 'hearth_session'

/** Reads the session cookie on every request and puts the signed-in user on the request. */
export default fp(
  async (app) => {
    const policy = { idleMinutes: app.config.sessionIdleMinutes, maxHours: app.config.sessionMaxHours }
    app.decorateRequest('user', null)
    app.decorateRequest('activeSession', null)
    app.decorateRequest('expiredSession', null)
    app.decorateRequest('actor', function (this: FastifyRequest): Actor {
      if (!this.user) throw new Error('actor() needs a signed-in user')
      return { user: this.user, ip: this.ip, correlationId: String(this.id) }
    })

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE]
      if (!token || request.url.startsWith('/assets/') || request.url.startsWith('/govuk/')) return
      const found = await findSession(app.database.db, token, policy)
      if (found.state === 'active') {
        request.user = found.session.user
        request.activeSession = found.session
      } else if (found.state === 'expired') {
        request.expiredSession = { idHash: found.idHash, userId: found.userId }
      }
    })
  },
  { name: 'hearth-session', dependencies: ['@fastify/cookie'] },
)

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: boolean,
  maxHours: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'lax',
    maxAge: maxHours * 3600,
  })
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'lax' })
}
