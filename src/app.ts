import { randomUUID } from 'node:crypto'
import path from 'node:path'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import view from '@fastify/view'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import nunjucks from 'nunjucks'
import { apiV1 } from './api/v1/index.ts'
import type { Config } from './config/config.ts'
import type { Database } from './db/client.ts'
import authorisation from './plugins/authorisation.ts'
import csrf from './plugins/csrf.ts'
import { registerErrorHandlers } from './plugins/errors.ts'
import './plugins/fastify-types.ts'
import { lazySchemas } from './plugins/lazy-schemas.ts'
import security from './plugins/security.ts'
import session from './plugins/session.ts'
import { configureNunjucks, govukDist, viewsDir } from './web/nunjucks.ts'
import { setPageLocals } from './web/page-locals.ts'
import { webRoutes } from './web/routes/index.ts'

export interface AppDependencies {
  config: Config
  database: Database
  /** Requests per minute per client before 429; benchmarks raise it. */
  requestsPerMinute?: number
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/

/** Logs say what happened, never to whom: no query strings (they carry search terms), bodies or cookies. */
export function loggerOptions(level: Config['logLevel']): FastifyServerOptions['logger'] {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        correlationId: request.id,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  }
}

/** The composition root: the same function builds Hearth for the server, the tests and the benchmarks. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps
  // Route schemas compile on first use rather than all before listening (see lazy-schemas.ts).
  const schemas = lazySchemas()
  const app = Fastify({
    schemaController: { compilersFactory: schemas.compilersFactory },
    logger: loggerOptions(config.logLevel),
    trustProxy: false,
    bodyLimit: 2 * 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-correlation-id']
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID()
    },
  })
  app.decorate('config', config)
  app.decorate('database', database)
  app.decorate('compileSchemas', schemas.compileAll)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id)
  })

  await app.register(cookie, { secret: config.sessionSecret })
  await app.register(formbody)
  await app.register(session)
  await app.register(security, { requestsPerMinute: deps.requestsPerMinute ?? config.requestsPerMinute })
  await app.register(csrf)
  await app.register(authorisation)

  await app.register(view, {
    engine: { nunjucks },
    templates: [viewsDir, govukDist],
    options: { onConfigure: configureNunjucks },
  })
  // What every page needs: who is signed in, the navigation they may use, the CSP nonce and a CSRF token.
  app.addHook('preHandler', async (request, reply) => {
    if (
      request.url.startsWith('/api/') ||
      request.url === '/health' ||
      (request.routeOptions.config.public && request.method !== 'GET')
    )
      return
    setPageLocals(request, reply)
  })

  await app.register(fastifyStatic, {
    root: path.join(govukDist, 'govuk', 'assets'),
    prefix: '/assets/',
    maxAge: '1d',
  })
  await app.register(fastifyStatic, {
    root: path.join(govukDist, 'govuk'),
    prefix: '/govuk/',
    decorateReply: false,
    allowedPath: (pathName) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(pathName),
    maxAge: '1d',
  })
  await app.register(fastifyStatic, {
    root: path.join(viewsDir, '..', 'public'),
    prefix: '/public/',
    decorateReply: false,
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearth API',
        version: '1.0.0',
        description: "Hearth's JSON API for children's social care records.",
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' } } },
      security: [{ session: [] }],
    },
    hideUntagged: true,
  })

  registerErrorHandlers(app)
  await app.register(webRoutes)
  await app.register(apiV1, { prefix: '/api/v1' })
  app.get('/api/openapi.json', { config: { public: true } }, async () => app.swagger())
  return app
}
