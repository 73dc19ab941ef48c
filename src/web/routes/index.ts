import type { FastifyInstance } from 'fastify'
import { accessLogRoutes } from './admin/access-log.routes.ts'
import { userRoutes } from './admin/users.routes.ts'
import { assessmentsRoutes } from './assessments/assessments.routes.ts'
import { authRoutes } from './auth/auth.routes.ts'
import { childProtectionRoutes } from './child-protection/child-protection.routes.ts'
import { childrenRoutes } from './children/children.routes.ts'
import { familyRoutes } from './family/family.routes.ts'
import { frontDoorRoutes } from './front-door/front-door.routes.ts'
import { healthRoutes } from './health/health.routes.ts'
import { homeRoutes } from './home/home.routes.ts'
import { lookedAfterRoutes } from './looked-after/looked-after.routes.ts'
import { organisationRoutes } from './organisation/organisation.routes.ts'
import { permanenceRoutes } from './permanence/permanence.routes.ts'
import { plansRoutes } from './plans/plans.routes.ts'
import { practiceRoutes } from './practice/practice.routes.ts'
import { returnsRoutes } from './returns/returns.routes.ts'
import { worklistsRoutes } from './worklists/worklists.routes.ts'

/** The server-rendered pages, one folder per area. */
export async function webRoutes(app: FastifyInstance): Promise<void> {
  // First: it adds the count of overdue work to the navigation of every page registered after it.
  await app.register(worklistsRoutes)
  await app.register(healthRoutes)
  await app.register(authRoutes)
  await app.register(homeRoutes)
  await app.register(childrenRoutes)
  await app.register(familyRoutes)
  await app.register(frontDoorRoutes)
  await app.register(assessmentsRoutes)
  await app.register(childProtectionRoutes)
  await app.register(plansRoutes)
  await app.register(practiceRoutes)
  await app.register(lookedAfterRoutes)
  await app.register(permanenceRoutes)
  await app.register(organisationRoutes)
  await app.register(returnsRoutes)
  await app.register(accessLogRoutes)
  await app.register(userRoutes)
}
