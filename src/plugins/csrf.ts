import csrf from '@fastify/csrf-protection'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

/** What a token is bound to: the session (even one just timed out, so its form can be kept), or none. */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.activeSession?.idHash ?? request.expiredSession?.idHash ?? 'anonymous'
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Every state-changing request must carry a CSRF token: in the form body (`_csrf`) for pages, in the
 * `x-csrf-token` header for the JSON API. The token is bound to the session (or to its absence, before
 * signing in), so a token stolen from one session is useless in another.
 */
export default fp(
  async (app) => {
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'hearth_csrf',
      cookieOpts: {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.secureCookies,
        signed: true,
      },
      getUserInfo: (request) =>
        request.activeSession?.idHash ?? request.expiredSession?.idHash ?? 'anonymous',
      csrfOpts: { hmacKey: app.config.sessionSecret },
    })
    // preValidation, not onRequest: the token in a form body is only there once the body is parsed.
    app.addHook('preValidation', (request, reply, done) => {
      if (SAFE_METHODS.has(request.method)) {
        done()
        return
      }
      app.csrfProtection(request, reply, done)
    })
  },
  { name: 'hearth-csrf', dependencies: ['hearth-session'] },
)
