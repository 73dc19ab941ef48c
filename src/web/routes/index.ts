import type { FastifyInstance } from 'fastify'
import { accessLogRoutes } from './admin/access-log.routes.ts'
import { userRoutes } from './admin/users.routes.ts'
import { authRoutes } from './auth/auth.routes.ts'
import { healthRoutes } from './health/health.routes.ts'
import { homeRoutes } from './home/home.routes.ts'
import { organisationRoutes } from './organisation/organisation.routes.ts'

/** The server-rendered pages, one folder per area. */
export async function webRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes)
  await app.register(authRoutes)
  await app.register(homeRoutes)
  await app.register(organisationRoutes)
  await app.register(accessLogRoutes)
  await app.register(userRoutes)
}
