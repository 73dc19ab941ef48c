import type { FastifyInstance } from 'fastify'
import { accessLogApi } from './access-log.api.ts'
import { meApi } from './me.api.ts'
import { organisationApi } from './organisation.api.ts'
import { Problem } from './schemas.ts'

/** The JSON API: each route declares request and response schemas, from which /api/openapi.json is built. */
export async function apiV1(app: FastifyInstance): Promise<void> {
  app.addSchema(Problem)
  await app.register(meApi)
  await app.register(organisationApi)
  await app.register(accessLogApi)
}
