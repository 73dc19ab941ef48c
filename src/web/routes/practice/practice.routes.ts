import type { FastifyInstance } from 'fastify'
import { allocationRoutes } from './allocation.routes.ts'
import { chronologyRoutes } from './chronology.routes.ts'
import { notesRoutes } from './notes.routes.ts'
import { oversightRoutes } from './oversight.routes.ts'
import { teamsRoutes } from './teams.routes.ts'
import { visitsRoutes } from './visits.routes.ts'

/**
 * Pages of the child's record for practice: visits, case notes and documents, the chronology, management
 * oversight, allocation and closure; and managers' team caseloads.
 */
export async function practiceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(visitsRoutes)
  await app.register(notesRoutes)
  await app.register(chronologyRoutes)
  await app.register(oversightRoutes)
  await app.register(allocationRoutes)
  await app.register(teamsRoutes)
}
