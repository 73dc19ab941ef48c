import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { HttpProblem } from '../../plugins/authorisation.ts'
import { getTeam, listTeams } from '../../services/organisation.ts'
import { problemResponses } from './schemas.ts'

const TeamSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  serviceName: Type.String(),
  workers: Type.Integer(),
  fte: Type.Number(),
  agencyFte: Type.Number(),
  caseHolding: Type.Integer(),
  children: Type.Integer(),
})

const TeamDetail = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  serviceName: Type.String(),
  workers: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      jobTitle: Type.String(),
      employmentType: Type.String(),
      fte: Type.Number(),
      caseHolding: Type.Boolean(),
      asye: Type.Boolean(),
      lineManager: Type.Union([Type.String(), Type.Null()]),
      caseload: Type.Integer(),
    }),
  ),
})

export async function organisationApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  app.get(
    '/teams',
    {
      config: { permission: 'organisation:view' },
      schema: {
        tags: ['Organisation'],
        summary: 'Teams with staffing',
        response: { 200: Type.Array(TeamSummary), ...problemResponses },
      },
    },
    async () => listTeams(db),
  )
  app.get<{ Params: { teamId: number } }>(
    '/teams/:teamId',
    {
      config: { permission: 'organisation:view' },
      schema: {
        tags: ['Organisation'],
        summary: 'A team and its staff',
        params: Type.Object({ teamId: Type.Integer({ minimum: 1 }) }),
        response: { 200: TeamDetail, ...problemResponses },
      },
    },
    async (request) => {
      const found = await getTeam(db, request.params.teamId)
      if (!found) throw new HttpProblem(404, 'Team not found')
      return found
    },
  )
}
