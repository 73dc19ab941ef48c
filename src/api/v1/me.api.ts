import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { problemResponses } from './schemas.ts'

export async function meApi(app: FastifyInstance): Promise<void> {
  app.get(
    '/me',
    {
      config: { permission: 'home:view' },
      schema: {
        tags: ['Users'],
        summary: 'The signed-in user',
        response: {
          200: Type.Object({
            id: Type.Integer(),
            username: Type.String(),
            displayName: Type.String(),
            roles: Type.Array(Type.String()),
            teamId: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const user = request.user!
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: [...user.roles],
        teamId: user.teamId,
      }
    },
  )
}
