import { tracingChannel } from 'node:diagnostics_channel'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { logAccess } from '../../../audit/access-log.ts'
import { can } from '../../../auth/roles.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { cachedFlags, changeEnded, changeStarted } from '../../../rules/engine/cache.ts'
import { postgresUrl, stopFlagsWorker, useFlagsWorker } from '../../../rules/engine/flags-worker.ts'
import {
  canViewTeamCaseload,
  caseloadTeamIds,
  caseloadTeams,
  reallocate,
  workersInPost,
} from '../../../services/allocation.ts'
import { today } from '../../../services/dates.ts'
import { ValidationError } from '../../../services/errors.ts'
import {
  currentAllocationInTeam,
  defaultWorkQuery,
  exportWorklist,
  forgetOverdueCounts,
  getTeam,
  myWork,
  overdueCount,
  serviceWork,
  teamWork,
} from '../../../services/worklists.ts'
import { lineChartSvg } from '../../charts.ts'
import { dateField, errorSummary, type FieldErrors, textField } from '../../forms.ts'
import { navigationFor } from '../../navigation.ts'
import { idParam } from '../practice/helpers.ts'
import { reasonsRoutes } from './reasons.routes.ts'
import { abilities, errorView, filterOptions, parseQuery, pathOf, queryString, sendCsv } from './shared.ts'
import { timescalesRoutes } from './timescales.routes.ts'

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Posts that touch only the user's session or a form draft, never the record: fifty people signing in at
// nine o'clock should not each throw away the flags the others are reading.
const SESSION_ONLY = new Set(['/sign-in', '/sign-out', '/session/keep-alive', '/drafts'])
let watching = false

/**
 * Tells the flag cache about every request that can change the record, pages and API alike, in every app
 * in this process: Fastify publishes each route handler's start and end on a diagnostics channel, so no
 * route (wherever it is registered) can change the record without cached flags being dropped before its
 * answer is sent.
 */
function watchChanges() {
  if (watching) return
  watching = true
  const ended = new WeakSet<object>()
  const end = (store: object) => {
    if (ended.has(store)) return
    ended.add(store)
    changeEnded()
  }
  type Store = { request: FastifyRequest; reply: FastifyReply; async?: boolean }
  const changing = (message: unknown): message is Store => {
    const request = (message as Store | undefined)?.request
    return CHANGING.has(request?.method ?? '') && !SESSION_ONLY.has(request?.routeOptions.url ?? '')
  }
  tracingChannel('fastify.request.handler').subscribe({
    start(message) {
      if (!changing(message)) return
      changeStarted()
      // However the handler ends (answered, failed, or the client went away), the change is over.
      message.reply.raw.once('close', () => end(message))
    },
    end(message) {
      if (changing(message) && !message.async) end(message)
    },
    asyncStart() {},
    asyncEnd(message) {
      if (changing(message)) end(message)
    },
    error() {},
  })
}

/**
 * Worklists and timescale pages: My work, My team, My service, the rules and their local settings, and
 * recorded reasons. Not encapsulated, so that the count of overdue work in the navigation is added to every
 * page registered after it.
 */
export const worklistsRoutes = fp(
  async (app: FastifyInstance) => {
    const db = app.database.db
    watchChanges()
    // On a PostgreSQL server the authority's flags are worked out in a worker thread, off this event loop.
    const url = postgresUrl(app.database)
    if (url) {
      useFlagsWorker(db, url)
      app.addHook('onClose', () => stopFlagsWorker(db))
    }

    // "My work (3)": the user's own overdue items, on every page for practitioners who hold a caseload.
    app.addHook('preHandler', async (request, reply) => {
      const user = request.user
      if (!user || user.workerId === null || request.method !== 'GET') return
      if (!reply.locals?.navigation || !can(user.roles, 'worklist:view')) return
      try {
        const overdue = await overdueCount(db, user)
        reply.locals.navigation = navigationFor(user, pathOf(request), { overdue })
      } catch (error) {
        // The count is a convenience: a page must never fail for want of it.
        request.log.warn({ err: error }, 'overdue count unavailable')
      }
    })

    await app.register(workRoutes)
    await app.register(reasonsRoutes)
    await app.register(timescalesRoutes)
  },
  { name: 'hearth-worklists' },
)

async function assertTeamVisible(request: FastifyRequest, teamId: number) {
  const db = request.server.database.db
  // 404 for no such team. Kept like the flags (until the record next changes): a team page is loaded often.
  await cachedFlags(db, `team-row:${teamId}`, () => getTeam(db, teamId))
  if (await canViewTeamCaseload(db, request.user!, teamId)) return
  await logAccess(db, request.actor(), {
    action: 'denied',
    subjectType: 'team',
    subjectId: teamId,
    detail: { route: request.routeOptions.url },
  })
  throw new HttpProblem(
    403,
    'You do not have permission to do this',
    "You can see the work of your own team, or your service's teams if you are a service manager.",
  )
}

async function workRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  // --- My work ---

  app.get('/my-work', { config: { permission: 'worklist:view' } }, async (request, reply) => {
    const { raw, query, errors } = parseQuery(request.query)
    const list = query ? await myWork(db, request.user!, query) : null
    if (!query) reply.code(400)
    return reply.view('pages/worklists/my-work.njk', {
      title: 'My work',
      raw,
      list,
      holdsCaseload: request.user!.workerId !== null,
      today: today(),
      exportHref: `/my-work/export.csv${queryString(raw)}`,
      returnTo: `/my-work${queryString(raw)}`,
      ...filterOptions(raw),
      ...abilities(request.user!),
      ...errorView(errors),
    })
  })

  app.get('/my-work/export.csv', { config: { permission: 'worklist:view' } }, async (request, reply) => {
    const { query, errors } = parseQuery(request.query)
    if (!query) throw new ValidationError(errors)
    const list = await myWork(db, request.user!, query)
    const csv = await exportWorklist(db, request.actor(), 'my-work', query, list.items)
    return sendCsv(reply, `my-work-${query.asAt}.csv`, csv)
  })

  // --- My team ---

  app.get('/my-team', { config: { permission: 'team:view' } }, async (request, reply) => {
    const user = request.user!
    const keep = queryString({ asAt: textField(request.query, 'asAt') })
    if (user.roles.includes('team-manager') && user.teamId !== null)
      return reply.redirect(`/teams/${user.teamId}/work${keep}`, 303)
    const teams = await caseloadTeams(db, user)
    if (teams.length === 1) return reply.redirect(`/teams/${teams[0]!.id}/work${keep}`, 303)
    return reply.view('pages/worklists/teams.njk', { title: 'My team', teams, keep })
  })

  app.get('/teams/:teamId/work', { config: { permission: 'team:view' } }, async (request, reply) => {
    const teamId = idParam(request, 'teamId')
    await assertTeamVisible(request, teamId)
    const { raw, query, errors } = parseQuery(request.query)
    const page = Number(textField(request.query, 'page')) || 1
    const work = await teamWork(db, request.user!, teamId, query ?? defaultWorkQuery(), page)
    if (!query) reply.code(400)
    await logAccess(db, request.actor(), { action: 'view', subjectType: 'team-work', subjectId: teamId })
    return reply.view('pages/worklists/team.njk', {
      title: `Work: ${work.team.name}`,
      raw,
      work,
      reassigned: /^\d{1,9}$/.test(textField(request.query, 'reassigned')),
      today: today(),
      exportHref: `/teams/${teamId}/work/export.csv${queryString(raw)}`,
      returnTo: `/teams/${teamId}/work${queryString(raw)}`,
      filterHref: (extra: Record<string, string | number>) =>
        `/teams/${teamId}/work${queryString({ asAt: raw.asAt, ...extra })}`,
      pageHref: (n: number) => `/teams/${teamId}/work${queryString({ ...raw, page: n })}`,
      ...filterOptions(raw, { workers: work.workers }),
      ...abilities(request.user!),
      ...errorView(errors),
    })
  })

  app.get(
    '/teams/:teamId/work/export.csv',
    { config: { permission: 'team:view' } },
    async (request, reply) => {
      const teamId = idParam(request, 'teamId')
      await assertTeamVisible(request, teamId)
      const { query, errors } = parseQuery(request.query)
      if (!query) throw new ValidationError(errors)
      const work = await teamWork(db, request.user!, teamId, query)
      const csv = await exportWorklist(db, request.actor(), `team:${teamId}`, query, work.items)
      return sendCsv(reply, `team-${teamId}-work-${query.asAt}.csv`, csv)
    },
  )

  // Reassign a child from the team's worklist: the current allocation ends, the new one starts, and the
  // history of who held the case is kept.
  const reassignView = async (request: FastifyRequest, teamId: number, personId: number) => {
    const user = request.user!
    const team = await getTeam(db, teamId)
    const current = await currentAllocationInTeam(db, personId, teamId)
    if (!current) throw new HttpProblem(404, 'This child is not allocated to this team')
    const teamIds = await caseloadTeamIds(db, user)
    const workers = (await workersInPost(db, teamIds ?? undefined)).filter((w) => w.id !== current.workerId)
    return { team, current, workers }
  }

  app.get(
    '/teams/:teamId/work/reassign/:personId',
    { config: { permission: 'allocation:manage', record: { param: 'personId' } } },
    async (request, reply) => {
      const teamId = idParam(request, 'teamId')
      const personId = idParam(request, 'personId')
      await assertTeamVisible(request, teamId)
      const view = await reassignView(request, teamId, personId)
      return reply.view('pages/worklists/reassign.njk', {
        title: `Reassign ${view.current.childName}`,
        ...view,
        values: { workerId: '', startedOn: today() },
        backLink: { href: `/teams/${teamId}/work`, text: 'Back to the team’s work' },
      })
    },
  )

  app.post(
    '/teams/:teamId/work/reassign/:personId',
    { config: { permission: 'allocation:manage', record: { param: 'personId' } } },
    async (request, reply) => {
      const teamId = idParam(request, 'teamId')
      const personId = idParam(request, 'personId')
      await assertTeamVisible(request, teamId)
      const view = await reassignView(request, teamId, personId)
      const values = {
        workerId: textField(request.body, 'workerId'),
        startedOn: dateField(request.body, 'startedOn'),
      }
      try {
        const workerId = Number(values.workerId)
        const errors: FieldErrors = {}
        if (!values.workerId) errors.workerId = 'Choose the worker who will hold the case'
        else if (!view.workers.some((w) => w.id === workerId))
          errors.workerId = 'Choose a worker from the list'
        if (!values.startedOn) errors.startedOn = 'Enter the date the new worker takes over'
        if (Object.keys(errors).length > 0) throw new ValidationError(errors)
        await reallocate(db, request.actor(), {
          personId,
          teamId: null,
          workerId,
          kind: view.current.kind,
          startedOn: values.startedOn,
        })
        forgetOverdueCounts(db)
        return reply.redirect(`/teams/${teamId}/work?reassigned=${personId}`, 303)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        reply.code(400)
        return reply.view('pages/worklists/reassign.njk', {
          title: `Reassign ${view.current.childName}`,
          ...view,
          values,
          errors: error.fields,
          errorList: errorSummary(error.fields),
          backLink: { href: `/teams/${teamId}/work`, text: 'Back to the team’s work' },
        })
      }
    },
  )

  // --- My service ---

  app.get('/my-service', { config: { permission: 'service:view' } }, async (request, reply) => {
    const { raw, query, errors } = parseQuery(request.query)
    const work = await serviceWork(db, request.user!, query ?? defaultWorkQuery())
    if (!query) reply.code(400)
    const chart = await lineChartSvg(
      work.trend.map((t) => ({ date: t.weekOf, value: t.overdue })),
      {
        title: 'Overdue items each Monday',
        description: `Overdue items as at each of the last ${work.trend.length} Mondays, from ${work.trend[0]?.overdue ?? 0} to ${work.trend.at(-1)?.overdue ?? 0}. The table below the chart gives the figures.`,
        yLabel: 'Overdue items',
      },
    )
    return reply.view('pages/worklists/service.njk', {
      title: 'My service',
      raw,
      work,
      chart,
      today: today(),
      exportHref: `/my-service/export.csv${queryString(raw)}`,
      teamHref: (teamId: number) => `/teams/${teamId}/work${queryString({ asAt: raw.asAt, rule: raw.rule })}`,
      ...filterOptions(raw, { teams: work.teams }),
      ...abilities(request.user!),
      ...errorView(errors),
    })
  })

  app.get('/my-service/export.csv', { config: { permission: 'service:view' } }, async (request, reply) => {
    const { query, errors } = parseQuery(request.query)
    if (!query) throw new ValidationError(errors)
    const work = await serviceWork(db, request.user!, query, 0)
    const csv = await exportWorklist(db, request.actor(), 'service', query, work.items)
    return sendCsv(reply, `service-work-${query.asAt}.csv`, csv)
  })
}
