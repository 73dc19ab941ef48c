import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { HttpProblem } from '../../plugins/authorisation.ts'
import { today } from '../../services/dates.ts'
import { listPlanReviews, type PlanReviewInput, recordPlanReview } from '../../services/plan-reviews.ts'
import {
  cpPlanPerson,
  createPlanFromRecord,
  describePlan,
  getPlan,
  listPlans,
  type NewPlanInput,
  type PlanUpdate,
  planAsAt,
  planVersions,
  stepDownToChildInNeed,
  updatePlan,
} from '../../services/plans.ts'
import { problemResponses } from './schemas.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Text = (maxLength = 4000) => Type.String({ maxLength })

const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) })
const PlanParams = Type.Object({
  personId: Type.Integer({ minimum: 1 }),
  planId: Type.Integer({ minimum: 1 }),
})

const NewAction = Type.Object(
  {
    outcome: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, description: 'Index into outcomes of the outcome it serves' })),
    ),
    description: Text(),
    ownerDescription: Text(200),
    dueDate: Type.String({ maxLength: 10 }),
    measure: Text(),
  },
  { additionalProperties: false },
)

const NewPlan = Type.Object(
  {
    kind: Type.Union([Type.Literal('child-in-need'), Type.Literal('early-help')]),
    startDate: Type.String({ maxLength: 10 }),
    nextReviewDue: Type.String({ maxLength: 10 }),
    contingency: Text(),
    nonEngagementStrategy: Text(),
    outcomes: Type.Array(Text(), { maxItems: 30 }),
    actions: Type.Array(NewAction, { maxItems: 60 }),
  },
  { additionalProperties: false },
)

const PlanChange = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the change was made from' }),
    reason: Text(),
    nextReviewDue: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    contingency: Type.Optional(Nullable(Text())),
    nonEngagementStrategy: Type.Optional(Nullable(Text())),
    endDate: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    outcomes: Type.Optional(
      Type.Array(
        Type.Object(
          { id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), description: Text() },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    ),
    actions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            outcome: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
            description: Text(),
            ownerDescription: Text(200),
            dueDate: Type.String({ maxLength: 10 }),
            measure: Text(),
            status: Type.Optional(
              Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('not-done')]),
            ),
            completedOn: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 60 },
      ),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Fields left out stay as they are; outcomes and actions not listed stay too (actions are closed, never deleted). An action names its outcome by index into this request’s outcomes.',
  },
)

const Action = Type.Object({
  id: Type.Integer(),
  outcomeId: Nullable(Type.Integer()),
  description: Type.String(),
  ownerDescription: Type.String(),
  dueDate: Type.String(),
  measure: Type.String(),
  status: Type.String(),
  completedOn: Nullable(Type.String()),
  carriedFromActionId: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
})

const Plan = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  kind: Type.String(),
  label: Type.String(),
  current: Type.Boolean(),
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  nextReviewDue: Nullable(Type.String()),
  reviewOverdue: Type.Boolean(),
  contingency: Nullable(Type.String()),
  nonEngagementStrategy: Nullable(Type.String()),
  previousPlanId: Nullable(Type.Integer()),
  cpPlanId: Nullable(Type.Integer()),
  referralId: Nullable(Type.Integer()),
  version: Type.Integer(),
  outcomes: Type.Array(Type.Object({ id: Type.Integer(), description: Type.String() })),
  actions: Type.Array(Action),
})

const Review = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The plan version the review was recorded against' }),
    heldOn: Type.String({ maxLength: 10 }),
    attendance: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
    childContribution: Type.Union([
      Type.Literal('attended'),
      Type.Literal('views-shared-another-way'),
      Type.Literal('not-sought'),
    ]),
    childContributionNote: Type.Optional(Nullable(Text())),
    childsViews: Type.Optional(Nullable(Text())),
    actionProgress: Type.Array(
      Type.Object(
        {
          actionId: Type.Integer({ minimum: 1 }),
          progress: Type.Union([
            Type.Literal('on-track'),
            Type.Literal('some'),
            Type.Literal('none'),
            Type.Literal('done'),
          ]),
          note: Type.Optional(Nullable(Text(1000))),
        },
        { additionalProperties: false },
      ),
      { maxItems: 60 },
    ),
    decisions: Text(),
    nextReviewDue: Type.String({ maxLength: 10 }),
  },
  { additionalProperties: false },
)

export async function plansApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const view = { permission: 'child:view', record: { param: 'personId' } } as const
  const update = { permission: 'child:update', record: { param: 'personId' } } as const

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/plans',
    {
      config: view,
      schema: {
        tags: ['Plans'],
        summary: "The child's plans, current first",
        params: PersonParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              kind: Type.String(),
              label: Type.String(),
              current: Type.Boolean(),
              startDate: Type.String(),
              endDate: Nullable(Type.String()),
              nextReviewDue: Nullable(Type.String()),
              reviewOverdue: Type.Boolean(),
              lastReview: Nullable(Type.String()),
              openActions: Type.Integer(),
              overdueActions: Type.Integer(),
              version: Type.Integer(),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => listPlans(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: NewPlanInput }>(
    '/children/:personId/plans',
    {
      config: update,
      schema: {
        tags: ['Plans'],
        summary: 'Make a child in need or early help plan',
        description:
          'Refused (400) if the child already has a current plan of that kind, or (for a CIN plan) no open referral. Every action needs who, what, by when and how progress is measured.',
        params: PersonParams,
        body: NewPlan,
        response: { 201: Type.Object({ id: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await createPlanFromRecord(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  // Steps down a child protection plan (the same as the manager's page). Registered before /:planId.
  app.post<{ Params: { personId: number }; Body: { cpPlanId: number; date: string; rationale: string } }>(
    '/children/:personId/plans/step-down',
    {
      config: { permission: 'child:authorise', record: { param: 'personId' } },
      schema: {
        tags: ['Plans'],
        summary: 'End the child protection plan and step down to a child in need plan',
        description:
          'The open actions of the child protection plan are carried over into the new child in need plan, whose first review is scheduled. Refused if the plan has already ended.',
        params: PersonParams,
        body: Type.Object(
          {
            cpPlanId: Type.Integer({ minimum: 1 }),
            date: Type.String({ maxLength: 10 }),
            rationale: Text(),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ cinPlanId: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      if ((await cpPlanPerson(db, request.body.cpPlanId)) !== request.params.personId)
        throw new HttpProblem(404, 'Page not found', 'No such child protection plan for this child.')
      const result = await db.transaction((tx) => stepDownToChildInNeed(tx, request.actor(), request.body))
      return reply.code(201).send(result)
    },
  )

  app.get<{ Params: { personId: number; planId: number }; Querystring: { asAt?: string } }>(
    '/children/:personId/plans/:planId',
    {
      config: view,
      schema: {
        tags: ['Plans'],
        summary: 'A plan as it is now, or as it stood on a date (?asAt=YYYY-MM-DD)',
        params: PlanParams,
        querystring: Type.Object({ asAt: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            asAt: Nullable(Type.String()),
            version: Type.Integer(),
            savedAt: Type.Optional(Type.String({ format: 'date-time' })),
            savedBy: Type.Optional(Nullable(Type.String())),
            reason: Type.Optional(Type.String()),
            plan: Plan,
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { personId, planId } = request.params
      const asAt = request.query.asAt
      if (asAt) {
        const then = await planAsAt(db, personId, planId, asAt)
        if (!then) throw new HttpProblem(404, 'Page not found', `The plan had not been made by ${asAt}.`)
        return {
          asAt,
          version: then.version,
          savedAt: then.savedAt,
          savedBy: then.by,
          reason: then.reason,
          plan: describePlan(then.plan, asAt),
        }
      }
      const found = await getPlan(db, personId, planId)
      return { asAt: null, version: found.version, plan: describePlan(found, today()) }
    },
  )

  app.put<{ Params: { personId: number; planId: number }; Body: PlanUpdate & { version: number } }>(
    '/children/:personId/plans/:planId',
    {
      config: update,
      schema: {
        tags: ['Plans'],
        summary: 'Change a plan: a new version with the reason (409 if someone else saved first)',
        params: PlanParams,
        body: PlanChange,
        response: {
          200: Type.Object({ version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { version, ...change } = request.body
      return {
        version: await updatePlan(
          db,
          request.actor(),
          request.params.personId,
          request.params.planId,
          version,
          change,
        ),
      }
    },
  )

  app.get<{ Params: { personId: number; planId: number } }>(
    '/children/:personId/plans/:planId/versions',
    {
      config: view,
      schema: {
        tags: ['Plans'],
        summary: 'Every version of a plan, newest first: who, when, why and what changed',
        params: PlanParams,
        response: {
          200: Type.Array(
            Type.Object({
              version: Type.Integer(),
              savedAt: Type.String({ format: 'date-time' }),
              by: Nullable(Type.String()),
              reason: Type.String(),
              differences: Type.Array(
                Type.Object({
                  key: Type.String(),
                  label: Type.String(),
                  from: Nullable(Type.String()),
                  to: Nullable(Type.String()),
                }),
              ),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => planVersions(db, request.params.personId, request.params.planId),
  )

  app.get<{ Params: { personId: number; planId: number } }>(
    '/children/:personId/plans/:planId/reviews',
    {
      config: view,
      schema: {
        tags: ['Plans'],
        summary: 'The reviews of a plan, newest first',
        params: PlanParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              heldOn: Type.String(),
              attendance: Type.Array(Type.String()),
              childContribution: Type.String(),
              childContributionNote: Nullable(Type.String()),
              childsViews: Nullable(Type.String()),
              decisions: Type.String(),
              actionProgress: Type.Array(
                Type.Object({
                  actionId: Type.Integer(),
                  progress: Type.String(),
                  note: Type.Optional(Type.String()),
                }),
              ),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => listPlanReviews(db, request.params.personId, request.params.planId),
  )

  app.post<{ Params: { personId: number; planId: number }; Body: PlanReviewInput & { version: number } }>(
    '/children/:personId/plans/:planId/reviews',
    {
      config: update,
      schema: {
        tags: ['Plans'],
        summary: 'Record a review of a plan; updates the plan’s next review (a new version)',
        description:
          "Progress is needed on every open action. When the child's views were not sought, say why. 409 if the plan changed since `version`.",
        params: PlanParams,
        body: Review,
        response: {
          201: Type.Object({ id: Type.Integer(), version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { version, ...review } = request.body
      const saved = await recordPlanReview(
        db,
        request.actor(),
        request.params.personId,
        request.params.planId,
        version,
        review,
      )
      return reply.code(201).send({ id: saved.reviewId, version: saved.version })
    },
  )
}
