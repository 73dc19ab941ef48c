import type { FastifyInstance } from 'fastify'
import { isRole, ROLE_LABELS } from '../../../auth/roles.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { listUsers, unlockUser } from '../../../services/users.ts'

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get('/admin/users', { config: { permission: 'users:manage' } }, async (_request, reply) => {
    const users = (await listUsers(db)).map((u) => ({
      ...u,
      roleLabels: u.roles.filter(isRole).map((r) => ROLE_LABELS[r]),
    }))
    return reply.view('pages/admin/users.njk', { title: 'Users', users })
  })

  app.post<{ Params: { userId: string } }>(
    '/admin/users/:userId/unlock',
    { config: { permission: 'users:manage' } },
    async (request, reply) => {
      const userId = Number(request.params.userId)
      if (!Number.isInteger(userId) || !(await unlockUser(db, request.actor(), userId))) {
        throw new HttpProblem(404, 'Page not found')
      }
      return reply.redirect('/admin/users', 303)
    },
  )
}
