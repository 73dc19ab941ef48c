import type { FastifyInstance } from 'fastify'
import { accessLogApi } from './access-log.api.ts'
import { assessmentsApi } from './assessments.api.ts'
import { careProceedingsApi } from './care-proceedings.api.ts'
import { childProtectionApi } from './child-protection.api.ts'
import { childrenApi } from './children.api.ts'
import { familyApi } from './family.api.ts'
import { frontDoorApi } from './front-door.api.ts'
import { lookedAfterApi } from './looked-after.api.ts'
import { meApi } from './me.api.ts'
import { organisationApi } from './organisation.api.ts'
import { permanenceApi } from './permanence.api.ts'
import { plansApi } from './plans.api.ts'
import { practiceApi } from './practice.api.ts'
import { returnsApi } from './returns.api.ts'
import { Problem } from './schemas.ts'
import { worklistsApi } from './worklists.api.ts'

/** The JSON API: each route declares request and response schemas, from which /api/openapi.json is built. */
export async function apiV1(app: FastifyInstance): Promise<void> {
  app.addSchema(Problem)
  await app.register(meApi)
  await app.register(organisationApi)
  await app.register(accessLogApi)
  await app.register(childrenApi)
  await app.register(returnsApi)
  await app.register(familyApi)
  await app.register(frontDoorApi)
  await app.register(assessmentsApi)
  await app.register(childProtectionApi)
  await app.register(plansApi)
  await app.register(lookedAfterApi)
  await app.register(careProceedingsApi)
  await app.register(permanenceApi)
  await app.register(worklistsApi)
  await app.register(practiceApi)
}
