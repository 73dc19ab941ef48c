import type { FastifyInstance } from 'fastify'

/** JSON API for this area of the child's record. */
export async function familyApi(_app: FastifyInstance): Promise<void> {}
