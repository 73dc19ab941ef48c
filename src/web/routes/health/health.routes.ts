import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  // For load balancers and monitoring: checks the database answers, says nothing else about the service.
  app.get('/health', { config: { public: true } }, async (_request, reply) => {
    try {
      await app.database.db.execute(sql`select 1`)
      return { status: 'ok', database: app.database.kind }
    } catch {
      return reply.code(503).send({ status: 'unavailable' })
    }
  })
}
