import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ConflictError, NotFoundError, ValidationError } from '../services/errors.ts'
import { setPageLocals } from '../web/page-locals.ts'
import { HttpProblem } from './authorisation.ts'

const TITLES: Record<number, string> = {
  400: 'There is a problem with your request',
  401: 'Sign in required',
  403: 'You do not have permission to do this',
  404: 'Page not found',
  409: 'Someone else changed this record',
  413: 'The file or form is too large',
  429: 'Too many requests',
  500: 'Sorry, there is a problem with the service',
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/')

/**
 * Errors as GOV.UK pages on the web and RFC 9457 problem documents on the API. Server errors never show
 * their message: it could contain personal data or internals.
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (request, reply) =>
    sendProblem(request, reply, 404, TITLES[404]!, undefined),
  )

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    let status = error.statusCode ?? 500
    let title = TITLES[status] ?? TITLES[500]!
    let detail: string | undefined
    let errors: { pointer: string; detail: string }[] | undefined
    if (error instanceof ValidationError) {
      status = 400
      title = 'There is a problem with your request'
      errors = Object.entries(error.fields).map(([field, message]) => ({
        pointer: `/${field}`,
        detail: message,
      }))
      detail = error.message
    } else if (error instanceof ConflictError) {
      status = 409
      title = TITLES[409]!
      detail = `${error.message} ${error.changes.map((c) => `${c.field} is now ${JSON.stringify(c.theirValue)}${c.by ? ` (by ${c.by})` : ''}`).join('; ')}`
    } else if (error instanceof NotFoundError) {
      status = 404
      title = TITLES[404]!
    } else if (error instanceof HttpProblem) {
      title = error.message
      detail = error.detail
    } else if (error.validation) {
      status = 400
      errors = error.validation.map((v) => ({
        pointer: `${v.instancePath || ''}${v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : ''}`,
        detail: v.message ?? 'is not valid',
      }))
      detail = `The request ${error.validationContext ?? 'body'} is not valid: ${errors.map((e) => `${e.pointer || '(root)'} ${e.detail}`).join('; ')}`
    } else if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      status = 403
      title = 'This form could not be accepted'
      detail =
        'The form was not sent from this Hearth page, or it has expired. Go back, reload the page and try again.'
    } else if (status === 429) {
      detail = 'You have made too many requests. Wait a minute and try again.'
    } else if (status >= 500) {
      request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'request failed')
      status = 500
      title = TITLES[500]!
    } else {
      detail = error.message
    }
    return sendProblem(request, reply, status, title, detail, errors)
  })
}

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  detail: string | undefined,
  errors?: { pointer: string; detail: string }[],
) {
  reply.code(status)
  if (
    isApi(request) ||
    (!request.headers.accept?.includes('html') && request.headers['content-type']?.includes('json'))
  ) {
    return reply.type('application/problem+json').send({
      type: 'about:blank',
      title,
      status,
      ...(detail ? { detail } : {}),
      ...(errors ? { errors } : {}),
      instance: request.url.split('?')[0],
      correlationId: String(request.id),
    })
  }
  setPageLocals(request, reply)
  const template = [400, 403, 404].includes(status)
    ? `errors/${status}.njk`
    : status >= 500
      ? 'errors/500.njk'
      : 'errors/problem.njk'
  return reply.view(template, { title, detail, status, correlationId: String(request.id) })
}
