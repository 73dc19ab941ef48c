import type { FastifyInstance } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { canViewTeamCaseload, caseloadTeams, teamCaseload } from '../../../services/allocation.ts'
import { idParam } from './helpers.ts'

// Managers' view of their teams' caseloads: a team manager sees their own team, a service manager the
// teams of their service, a senior leader any team.
export async function teamsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get('/teams', { config: { permission: 'team:view' } }, async (request, reply) => {
    const teams = await caseloadTeams(db, request.user!)
    if (teams.length === 1) return reply.redirect(`/teams/${teams[0]!.id}/caseloads`, 303)
    return reply.view('pages/practice/teams.njk', { title: 'My team', teams })
  })

  app.get('/teams/:teamId/caseloads', { config: { permission: 'caseload:view' } }, async (request, reply) => {
    const teamId = idParam(request, 'teamId')
    if (!(await canViewTeamCaseload(db, request.user!, teamId))) {
      await logAccess(db, request.actor(), {
        action: 'denied',
        subjectType: 'team',
        subjectId: teamId,
        detail: { route: request.routeOptions.url },
      })
      throw new HttpProblem(
        403,
        'You do not have permission to do this',
        "You can see the caseloads of your own team, or your service's teams if you are a service manager.",
      )
    }
    const caseload = await teamCaseload(db, request.user!, teamId)
    await logAccess(db, request.actor(), { action: 'view', subjectType: 'team-caseload', subjectId: teamId })
    return reply.view('pages/practice/caseloads.njk', {
      title: `Caseloads: ${caseload.team.name}`,
      ...caseload,
      backLink: { href: '/teams', text: 'Teams' },
    })
  })
}
