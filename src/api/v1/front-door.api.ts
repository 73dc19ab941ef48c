import type { FastifyInstance } from 'fastify'

/** JSON API for this area of the child's record. */
export async function frontDoorApi(_app: FastifyInstance): Promise<void> {}
