import type { FastifyInstance } from 'fastify'
import { ROLE_LABELS } from '../../../auth/roles.ts'
import { myCaseload } from '../../../services/caseloads.ts'

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { permission: 'home:view' } }, async (request, reply) => {
    const user = request.user!
    const caseload = await myCaseload(app.database.db, user)
    return reply.view('pages/home/index.njk', {
      title: 'Home',
      roleLabels: user.roles.map((role) => ROLE_LABELS[role]),
      caseload,
    })
  })
}
