import type { FastifyReply, FastifyRequest } from 'fastify'
import { csrfUserInfo } from '../plugins/csrf.ts'
import { navigationFor } from './navigation.ts'

/** Puts on the reply what the layout needs. Called before handlers, and by the error pages if it was not. */
export function setPageLocals(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.locals?.pageLocals) return
  reply.locals = {
    ...reply.locals,
    pageLocals: true,
    user: request.user,
    session: request.activeSession,
    navigation: navigationFor(request.user, request.url.split('?')[0] ?? '/'),
    cspNonce: reply.cspNonce?.script,
    csrfToken: reply.generateCsrf({ userInfo: csrfUserInfo(request) }),
    demoBanner: request.server.config.seedDemo,
  }
}
