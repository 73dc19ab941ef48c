import type { FastifyInstance } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { createSession, endSession, keepSessionAlive } from '../../../auth/sessions.ts'
import { signInWithPassword } from '../../../auth/sign-in.ts'
import { clearSessionCookie, setSessionCookie } from '../../../plugins/session.ts'
import { saveDraft } from '../../../services/drafts.ts'
import { errorSummary, type FieldErrors, textField } from '../../forms.ts'

/** Only paths inside Hearth: an open redirect would let a phishing link send people elsewhere. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && !value.startsWith('/sign-in')
    ? value
    : '/'
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app
  const db = app.database.db

  app.get<{ Querystring: { returnTo?: string; expired?: string } }>(
    '/sign-in',
    { config: { public: true } },
    async (request, reply) => {
      if (request.user) return reply.redirect(safeReturnTo(request.query.returnTo), 303)
      return reply.view('pages/auth/sign-in.njk', {
        title: 'Sign in to Hearth',
        returnTo: safeReturnTo(request.query.returnTo),
        expired: request.query.expired === '1',
      })
    },
  )

  app.post(
    '/sign-in',
    { config: { public: true, rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const username = textField(request.body, 'username')
      const password = textField(request.body, 'password')
      const returnTo = safeReturnTo(textField(request.body, 'returnTo'))
      const errors: FieldErrors = {}
      if (!username) errors.username = 'Enter your username'
      if (!password) errors.password = 'Enter your password'
      if (Object.keys(errors).length === 0) {
        const result = await signInWithPassword(db, username, password, config.signInLockout, {
          ip: request.ip,
          correlationId: String(request.id),
        })
        if (result.outcome === 'signed-in') {
          const token = await createSession(
            db,
            result.userId,
            { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
            {
              ip: request.ip,
              userAgent: request.headers['user-agent'] ?? null,
            },
          )
          setSessionCookie(reply, token, config.secureCookies, config.sessionMaxHours)
          return reply.redirect(returnTo, 303)
        }
        if (result.outcome === 'locked') {
          errors.username = `This account is locked after too many wrong passwords. Try again after ${result.lockedUntil.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}, or ask your administrator to unlock it.`
        } else {
          errors.username = 'Enter a correct username and password'
        }
      }
      reply.code(errors.username?.startsWith('This account is locked') ? 403 : 400)
      return reply.view('pages/auth/sign-in.njk', {
        title: 'Sign in to Hearth',
        returnTo,
        username,
        errors,
        errorList: errorSummary(errors),
      })
    },
  )

  app.post('/sign-out', { config: { permission: 'home:view' } }, async (request, reply) => {
    if (request.activeSession) {
      await logAccess(db, request.actor(), {
        action: 'sign-out',
        subjectType: 'user',
        subjectId: request.user?.id,
      })
      await endSession(db, request.activeSession.idHash)
    }
    clearSessionCookie(reply, config.secureCookies)
    return reply.view('pages/auth/signed-out.njk', {
      title: 'You have signed out',
      user: null,
      navigation: [],
      session: null,
    })
  })

  // "Stay signed in": from the timeout warning, by script (JSON) or as a plain form.
  app.post('/session/keep-alive', { config: { permission: 'home:view' } }, async (request, reply) => {
    const session = request.activeSession!
    await keepSessionAlive(db, session.idHash)
    const idleExpiresAt = new Date(
      Math.min(Date.now() + config.sessionIdleMinutes * 60_000, session.expiresAt.getTime()),
    )
    if (request.headers.accept?.includes('application/json'))
      return { idleExpiresAt: idleExpiresAt.toISOString() }
    return reply.redirect(
      safeReturnTo(request.headers.referer ? new URL(request.headers.referer).pathname : '/'),
      303,
    )
  })

  // The timeout warning keeps what is typed in any form marked data-draft.
  app.post<{ Body: { path: string; fields: Record<string, string> } }>(
    '/drafts',
    {
      config: { permission: 'home:view' },
      schema: {
        body: {
          type: 'object',
          required: ['path', 'fields'],
          additionalProperties: false,
          properties: {
            path: { type: 'string', pattern: '^/[^/]', maxLength: 300 },
            fields: {
              type: 'object',
              additionalProperties: { type: 'string', maxLength: 100_000 },
              maxProperties: 200,
            },
          },
        },
      },
    },
    async (request, reply) => {
      await saveDraft(db, request.user!.id, request.body.path, request.body.fields)
      return reply.code(204).send()
    },
  )
}
