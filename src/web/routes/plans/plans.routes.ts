import type { FastifyInstance } from 'fastify'

/** Pages of the child's record for this area (see ARCHITECTURE.md). */
export async function plansRoutes(_app: FastifyInstance): Promise<void> {}
