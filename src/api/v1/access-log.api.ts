import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { searchAccessLog } from '../../audit/access-log.ts'
import { ACCESS_ACTIONS, type AccessAction } from '../../db/schema/index.ts'
import { problemResponses } from './schemas.ts'

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  personId: Type.Union([Type.Integer(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  correlationId: Type.Union([Type.String(), Type.Null()]),
})

export async function accessLogApi(app: FastifyInstance): Promise<void> {
  app.get<{
    Querystring: {
      username?: string
      personId?: number
      action?: AccessAction
      from?: string
      to?: string
      page?: number
    }
  }>(
    '/access-log',
    {
      config: { permission: 'access-log:view' },
      schema: {
        tags: ['Audit'],
        summary: 'Search the access log',
        querystring: Type.Object(
          {
            username: Type.Optional(Type.String({ maxLength: 100 })),
            personId: Type.Optional(Type.Integer({ minimum: 1 })),
            action: Type.Optional(Type.Union(ACCESS_ACTIONS.map((a) => Type.Literal(a)))),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
            page: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            entries: Type.Array(Entry),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const q = request.query
      const result = await searchAccessLog(app.database.db, {
        username: q.username,
        personId: q.personId,
        action: q.action,
        from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
        to: q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : undefined,
        page: q.page,
      })
      return {
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        entries: result.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      }
    },
  )
}
