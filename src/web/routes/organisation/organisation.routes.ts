import type { FastifyInstance } from 'fastify'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { getLocalAuthority, getTeam, listTeams } from '../../../services/organisation.ts'

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get('/organisation', { config: { permission: 'organisation:view' } }, async (_request, reply) => {
    const [authority, teams] = await Promise.all([getLocalAuthority(db), listTeams(db)])
    const totals = teams.reduce(
      (sum, t) => ({
        fte: sum.fte + t.fte,
        agencyFte: sum.agencyFte + t.agencyFte,
        workers: sum.workers + t.workers,
      }),
      { fte: 0, agencyFte: 0, workers: 0 },
    )
    return reply.view('pages/organisation/index.njk', { title: 'Teams and staff', authority, teams, totals })
  })

  app.get<{ Params: { teamId: string } }>(
    '/organisation/teams/:teamId',
    { config: { permission: 'organisation:view' } },
    async (request, reply) => {
      const teamId = Number(request.params.teamId)
      const found = Number.isInteger(teamId) && teamId > 0 ? await getTeam(db, teamId) : null
      if (!found) throw new HttpProblem(404, 'Page not found')
      return reply.view('pages/organisation/team.njk', {
        title: found.name,
        team: found,
        backLink: { href: '/organisation', text: 'All teams' },
      })
    },
  )
}
