import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { logAccess } from '../../audit/access-log.ts'
import { HttpProblem } from '../../plugins/authorisation.ts'
import { canViewTeamCaseload } from '../../services/allocation.ts'
import { agreeReason, recordReason } from '../../services/recorded-reasons.ts'
import { changeSetting, describeRules, listSettings, settingHistory } from '../../services/settings.ts'
import {
  checkWorkQuery,
  forgetOverdueCounts,
  getTeam,
  myWork,
  type RawWorkQuery,
  SORTS,
  serviceWork,
  teamWork,
} from '../../services/worklists.ts'
import { problemResponses } from './schemas.ts'

// Worklists, timescales and their local settings, and recorded reasons, as JSON: the same checks, audit
// trails and as-at dates as the pages. Dates are ISO dates (YYYY-MM-DD).

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Timestamp = Type.String({ format: 'date-time' })
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))
const Severity = literals(['overdue', 'due-soon', 'query'])

const Reason = Type.Object({
  id: Nullable(Type.Integer()),
  reason: Type.String(),
  recordedBy: Nullable(Type.String()),
  recordedAt: Nullable(Timestamp),
  agreedBy: Nullable(Type.String()),
  agreedOn: Nullable(Type.String()),
})

const WorkItem = Type.Object({
  personId: Type.Integer(),
  childName: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Integer(),
  startedOn: Type.String(),
  dueOn: Type.String(),
  what: Type.String(),
  href: Type.String(),
  ruleId: Type.String(),
  ruleTitle: Type.String(),
  ruleHref: Type.String(),
  severity: Severity,
  group: literals(['overdue', 'due-today', 'due-this-week', 'due-later', 'query']),
  daysOverdue: Type.Integer({ description: 'Working days overdue; negative: working days left' }),
  ownerWorkerId: Nullable(Type.Integer()),
  ownerWorkerName: Nullable(Type.String()),
  ownerTeamId: Nullable(Type.Integer()),
  ownerTeamName: Nullable(Type.String()),
  allowsRecordedReason: Type.Boolean(),
  reason: Nullable(Reason),
})

const Counts = Type.Object({
  overdue: Type.Integer(),
  dueToday: Type.Integer(),
  dueThisWeek: Type.Integer(),
  dueLater: Type.Integer(),
  query: Type.Integer(),
  total: Type.Integer(),
})

const RuleCount = Type.Object({
  ruleId: Type.String(),
  ruleTitle: Type.String(),
  overdue: Type.Integer(),
  dueSoon: Type.Integer(),
  query: Type.Integer(),
  total: Type.Integer(),
})

const filters = {
  asAt: Type.Optional(Type.String({ description: 'Evaluate as at this date (YYYY-MM-DD); default today' })),
  rule: Type.Optional(Type.String({ maxLength: 80 })),
  severity: Type.Optional(Severity),
  sort: Type.Optional(literals(Object.keys(SORTS))),
}
type Filters = RawWorkQuery

const TeamParams = Type.Object({ teamId: Type.Integer({ minimum: 1 }) })
const ReasonParams = Type.Object({
  personId: Type.Integer({ minimum: 1 }),
  reasonId: Type.Integer({ minimum: 1 }),
})

const RuleSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  area: Type.String(),
  kind: literals(['timescale', 'query']),
  source: Type.Object({
    kind: Type.String(),
    kindLabel: Type.String(),
    citation: Type.String(),
    quote: Type.String(),
  }),
  clockStart: Type.String(),
  unit: Type.String(),
  threshold: Type.String(),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  allowsRecordedReason: Type.Boolean(),
  settings: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      unit: Type.String(),
      value: Type.Number(),
      default: Type.Number(),
      isDefault: Type.Boolean(),
    }),
  ),
})

const SettingSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  value: Type.Number(),
  default: Type.Number(),
  isDefault: Type.Boolean(),
  min: Type.Integer(),
  max: Type.Integer(),
  version: Type.Integer({ description: 'Send this back when changing the setting' }),
  rules: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(Timestamp),
})

async function assertTeamVisible(request: FastifyRequest, teamId: number) {
  const db = request.server.database.db
  await getTeam(db, teamId)
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

export async function worklistsApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get<{ Querystring: Filters }>(
    '/worklists/me',
    {
      config: { permission: 'worklist:view' },
      schema: {
        tags: ['Worklists'],
        summary: 'My work: timescales and queries for the children allocated to me',
        querystring: Type.Object(filters, { additionalProperties: false }),
        response: {
          200: Type.Object({
            asAt: IsoDate,
            counts: Counts,
            items: Type.Array(WorkItem),
            hiddenCount: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const list = await myWork(db, request.user!, checkWorkQuery(request.query))
      return { asAt: list.asAt, counts: list.counts, items: list.items, hiddenCount: list.hiddenCount }
    },
  )

  app.get<{ Params: { teamId: number }; Querystring: Filters }>(
    '/worklists/teams/:teamId',
    {
      config: { permission: 'team:view' },
      schema: {
        tags: ['Worklists'],
        summary: "A team's work: per worker with caseloads, by timescale, and every item",
        params: TeamParams,
        querystring: Type.Object(
          { ...filters, worker: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            asAt: IsoDate,
            team: Type.Object({ id: Type.Integer(), name: Type.String(), serviceName: Type.String() }),
            workers: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                jobTitle: Type.String(),
                caseload: Type.Integer(),
                overdue: Type.Integer(),
                dueSoon: Type.Integer(),
                query: Type.Integer(),
              }),
            ),
            byRule: Type.Array(RuleCount),
            counts: Counts,
            items: Type.Array(WorkItem),
            hiddenCount: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      await assertTeamVisible(request, request.params.teamId)
      const work = await teamWork(db, request.user!, request.params.teamId, checkWorkQuery(request.query))
      await logAccess(db, request.actor(), {
        action: 'view',
        subjectType: 'team-work',
        subjectId: request.params.teamId,
      })
      return {
        asAt: work.asAt,
        team: work.team,
        workers: work.workers,
        byRule: work.byRule,
        counts: work.counts,
        items: work.items,
        hiddenCount: work.hiddenCount,
      }
    },
  )

  app.get<{ Querystring: Filters & { weeks?: number } }>(
    '/worklists/service',
    {
      config: { permission: 'service:view' },
      schema: {
        tags: ['Worklists'],
        summary: 'My service: counts by team and timescale, and the number overdue each Monday',
        querystring: Type.Object(
          {
            ...filters,
            team: Type.Optional(Type.Integer({ minimum: 1 })),
            weeks: Type.Optional(Type.Integer({ minimum: 0, maximum: 26, default: 8 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            asAt: IsoDate,
            totals: Type.Object({
              overdue: Type.Integer(),
              dueSoon: Type.Integer(),
              query: Type.Integer(),
              total: Type.Integer(),
            }),
            byTeam: Type.Array(
              Type.Object({
                id: Nullable(Type.Integer()),
                name: Type.String(),
                serviceName: Nullable(Type.String()),
                caseload: Type.Integer(),
                overdue: Type.Integer(),
                dueSoon: Type.Integer(),
                query: Type.Integer(),
                total: Type.Integer(),
              }),
            ),
            byRule: Type.Array(RuleCount),
            trend: Type.Array(
              Type.Object({
                weekOf: IsoDate,
                overdue: Type.Integer(),
                dueSoon: Type.Integer(),
                query: Type.Integer(),
                overdueByTeam: Type.Record(Type.String(), Type.Integer()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const work = await serviceWork(
        db,
        request.user!,
        checkWorkQuery(request.query),
        request.query.weeks ?? 8,
      )
      return {
        asAt: work.asAt,
        totals: work.totals,
        byTeam: work.byTeam,
        byRule: work.byRule,
        trend: work.trend,
      }
    },
  )

  app.get(
    '/timescales',
    {
      config: { permission: 'home:view' },
      schema: {
        tags: ['Timescales'],
        summary: 'Every timescale and drift rule, with its source and current local settings',
        response: { 200: Type.Array(RuleSchema), ...problemResponses },
      },
    },
    async () => describeRules(await listSettings(db)),
  )

  app.get(
    '/timescale-settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['Timescales'],
        summary: 'Local timescale settings and every change to them',
        response: {
          200: Type.Object({
            settings: Type.Array(SettingSchema),
            history: Type.Array(
              Type.Object({
                key: Type.String(),
                label: Type.String(),
                from: Nullable(Type.Number()),
                to: Nullable(Type.Number()),
                by: Nullable(Type.String()),
                at: Timestamp,
                reason: Nullable(Type.String()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async () => {
      const [settings, history] = await Promise.all([listSettings(db), settingHistory(db)])
      return { settings, history }
    },
  )

  app.put<{ Params: { key: string }; Body: { value: number; version: number; reason: string } }>(
    '/timescale-settings/:key',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['Timescales'],
        summary: 'Change a local setting (refused with 409 if someone else changed it first)',
        params: Type.Object({ key: Type.String({ maxLength: 100 }) }),
        body: Type.Object(
          {
            value: Type.Integer(),
            version: Type.Integer({ minimum: 0 }),
            reason: Type.String({ maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const version = await changeSetting(db, request.actor(), request.params.key, request.body)
      forgetOverdueCounts(db)
      return { version }
    },
  )

  app.post<{
    Params: { personId: number }
    Body: {
      ruleId: string
      subjectType: string
      subjectId: number
      reason: string
      replacesId: number | null
    }
  }>(
    '/children/:personId/timescale-reasons',
    {
      config: { permission: 'child:update', record: { param: 'personId' } },
      schema: {
        tags: ['Timescales'],
        summary: 'Record why a timescale will be, or was, exceeded (a manager then agrees it)',
        description:
          'replacesId names the latest reason for this flag when you started (null for none); a newer one gives 409.',
        params: Type.Object({ personId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          {
            ruleId: Type.String({ maxLength: 80 }),
            subjectType: Type.String({ maxLength: 80 }),
            subjectId: Type.Integer({ minimum: 1 }),
            reason: Type.String({ maxLength: 2000 }),
            replacesId: Nullable(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await recordReason(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  app.post<{ Params: { personId: number; reasonId: number } }>(
    '/children/:personId/timescale-reasons/:reasonId/agree',
    {
      config: { permission: 'child:authorise', record: { param: 'personId' } },
      schema: {
        tags: ['Timescales'],
        summary: 'A manager agrees a recorded reason (not one they recorded themselves)',
        params: ReasonParams,
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await agreeReason(db, request.actor(), request.params.personId, request.params.reasonId)
      return reply.code(204).send()
    },
  )
}
