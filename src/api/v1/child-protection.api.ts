import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  type CoreGroupInput,
  childProtectionRecord,
  type InitialConferenceInput,
  type ReviewConferenceInput,
  recordCoreGroup,
  recordInitialConference,
  recordReviewConference,
  recordStrategyDiscussion,
  type Section47Input,
  type StrategyDiscussionInput,
  startSection47,
  updateSection47,
  updateStrategyDiscussion,
} from '../../services/child-protection.ts'
import { ValidationError } from '../../services/errors.ts'
import { problemResponses } from './schemas.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Text = (maxLength = 20000) => Type.String({ maxLength })
const Id = Type.Integer({ minimum: 1 })
const Version = Type.Integer({ minimum: 1 })
const Names = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })
const Params = Type.Object({ personId: Id })
const tags = ['Child protection']

const StrategyFields = {
  heldOn: IsoDate,
  agencies: Type.Array(Type.String({ maxLength: 20 }), {
    maxItems: 10,
    description: 'social-care, police, health, education, other: social care and the police are required',
  }),
  decision: Type.String({ description: 'section-47, no-section-47 or single-agency-police' }),
  rationale: Text(),
}
const StrategyDiscussion = Type.Object({
  id: Type.Integer(),
  referralId: Type.Integer(),
  heldOn: Type.String(),
  agencies: Type.Array(Type.String()),
  decision: Type.String(),
  rationale: Type.String(),
  section47Id: Nullable(Type.Integer()),
  version: Type.Integer(),
})

const Section47Fields = {
  startDate: IsoDate,
  outcome: Type.Optional(
    Nullable(
      Type.String({ description: 'icpc, no-further-action, cin-plan or other; null until concluded' }),
    ),
  ),
  outcomeDate: Type.Optional(Nullable(IsoDate)),
  icpcNotRequired: Type.Optional(Type.Boolean()),
}
const Section47 = Type.Object({
  id: Type.Integer(),
  referralId: Type.Integer(),
  strategyDiscussionId: Nullable(Type.Integer()),
  startDate: Type.String(),
  outcome: Nullable(Type.String()),
  outcomeDate: Nullable(Type.String()),
  icpcNotRequired: Type.Boolean(),
  icpcTarget: Nullable(Type.String({ description: '15 working days from the strategy discussion' })),
  icpcHeldOn: Nullable(Type.String()),
  version: Type.Integer(),
})

const Conference = Type.Object({
  id: Type.Integer(),
  referralId: Type.Integer(),
  kind: Type.String(),
  section47Id: Nullable(Type.Integer()),
  cpPlanId: Nullable(Type.Integer()),
  heldOn: Type.String(),
  chairWorkerId: Nullable(Type.Integer()),
  chairName: Nullable(Type.String()),
  participants: Type.Array(Type.String()),
  childAttended: Type.Boolean(),
  childContribution: Type.String(),
  childContributionNote: Nullable(Type.String()),
  childsViews: Nullable(Type.String()),
  decision: Type.String(),
  category: Nullable(Type.String()),
  rationale: Nullable(Type.String()),
})

const CoreGroup = Type.Object({
  id: Type.Integer(),
  cpPlanId: Type.Integer(),
  heldOn: Type.String(),
  attendees: Type.Array(Type.String()),
  summary: Nullable(Type.String()),
})

const CpPlan = Type.Object({
  id: Type.Integer(),
  referralId: Type.Integer(),
  startDate: Type.String(),
  initialCategory: Type.String(),
  latestCategory: Type.String(),
  endDate: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
  endRationale: Nullable(Type.String()),
  version: Type.Integer(),
  previousPlans: Type.Integer({ description: 'Child protection plans the child had before this one' }),
  planDocumentId: Nullable(Type.Integer({ description: 'The plan (outcomes and actions) under /plans' })),
  nextReviewDue: Nullable(Type.String()),
  firstCoreGroupDue: Nullable(Type.String()),
  coreGroups: Type.Array(CoreGroup),
})

const ConferenceBody = Type.Object({
  kind: Type.Union([Type.Literal('initial'), Type.Literal('review')]),
  section47Id: Type.Optional(Id),
  cpPlanId: Type.Optional(Id),
  version: Type.Optional(Type.Integer({ minimum: 1, description: "For a review: the plan's version" })),
  heldOn: IsoDate,
  chairWorkerId: Id,
  participants: Names,
  childContribution: Type.String({ description: 'attended, views-shared-another-way or not-sought' }),
  childContributionNote: Type.Optional(Nullable(Text())),
  childsViews: Type.Optional(Nullable(Text())),
  decision: Type.String({ description: 'initial: plan or no-plan; review: continue-plan or end-plan' }),
  category: Type.Optional(Nullable(Type.String({ description: 'NEG, PHY, SAB, EMO or MUL' }))),
  rationale: Text(),
  endReason: Type.Optional(Nullable(Type.String())),
  firstOutcome: Type.Optional(Nullable(Text())),
  contingency: Type.Optional(Nullable(Text())),
  firstAction: Type.Optional(
    Nullable(
      Type.Object({
        description: Text(2000),
        owner: Text(200),
        dueDate: IsoDate,
        measure: Text(2000),
      }),
    ),
  ),
})
type ConferenceRequest = InitialConferenceInput &
  ReviewConferenceInput & { kind: 'initial' | 'review'; cpPlanId?: number; version?: number }

export async function childProtectionApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { permission: 'child:view', record: { param: 'personId' } } as const
  const write = { permission: 'child:update', record: { param: 'personId' } } as const
  const created = (extra = {}) => ({
    201: Type.Object({ id: Type.Integer(), ...extra }),
    ...problemResponses,
  })
  const changed = {
    200: Type.Object({ version: Type.Integer() }),
    409: Type.Ref('Problem'),
    ...problemResponses,
  }
  type P = { Params: { personId: number } }

  app.get<P>(
    '/children/:personId/strategy-discussions',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's strategy discussions",
        params: Params,
        response: { 200: Type.Array(StrategyDiscussion), ...problemResponses },
      },
    },
    async (request) => (await childProtectionRecord(db, request.params.personId)).strategyDiscussions,
  )

  app.post<P & { Body: StrategyDiscussionInput & { referralId: number } }>(
    '/children/:personId/strategy-discussions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a strategy discussion on an open referral',
        params: Params,
        body: Type.Object({ referralId: Id, ...StrategyFields }),
        response: created(),
      },
    },
    async (request, reply) => {
      const id = await recordStrategyDiscussion(
        db,
        request.actor(),
        request.params.personId,
        request.body.referralId,
        request.body,
      )
      return reply.code(201).send({ id })
    },
  )

  app.put<{ Params: { personId: number; id: number }; Body: StrategyDiscussionInput & { version: number } }>(
    '/children/:personId/strategy-discussions/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a strategy discussion (409 if someone else saved first)',
        params: Type.Object({ personId: Id, id: Id }),
        body: Type.Object({ version: Version, ...StrategyFields }),
        response: changed,
      },
    },
    async (request) => ({
      version: await updateStrategyDiscussion(
        db,
        request.actor(),
        request.params.personId,
        request.params.id,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.get<P>(
    '/children/:personId/section47s',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's section 47 enquiries",
        params: Params,
        response: { 200: Type.Array(Section47), ...problemResponses },
      },
    },
    async (request) => (await childProtectionRecord(db, request.params.personId)).section47s,
  )

  app.post<P & { Body: Section47Input & { strategyDiscussionId: number } }>(
    '/children/:personId/section47s',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start a section 47 enquiry decided by a strategy discussion',
        params: Params,
        body: Type.Object({ strategyDiscussionId: Id, ...Section47Fields }),
        response: created(),
      },
    },
    async (request, reply) => {
      const id = await startSection47(
        db,
        request.actor(),
        request.params.personId,
        request.body.strategyDiscussionId,
        request.body,
      )
      return reply.code(201).send({ id })
    },
  )

  app.put<{ Params: { personId: number; id: number }; Body: Section47Input & { version: number } }>(
    '/children/:personId/section47s/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a section 47 enquiry, e.g. to record its outcome (409 if someone else saved first)',
        params: Type.Object({ personId: Id, id: Id }),
        body: Type.Object({ version: Version, ...Section47Fields }),
        response: changed,
      },
    },
    async (request) => ({
      version: await updateSection47(
        db,
        request.actor(),
        request.params.personId,
        request.params.id,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.get<P>(
    '/children/:personId/conferences',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's initial and review child protection conferences",
        params: Params,
        response: { 200: Type.Array(Conference), ...problemResponses },
      },
    },
    async (request) => (await childProtectionRecord(db, request.params.personId)).conferences,
  )

  app.post<P & { Body: ConferenceRequest }>(
    '/children/:personId/conferences',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an initial or review child protection conference',
        description:
          "An initial conference names its section47Id; a decision of 'plan' starts the child protection plan and its plan document and allocates the chair. A review names the cpPlanId and the plan's version, and continues or ends the plan.",
        params: Params,
        body: ConferenceBody,
        response: {
          201: Type.Object({
            id: Type.Integer(),
            cpPlanId: Nullable(Type.Integer()),
            planId: Nullable(Type.Integer()),
          }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { personId } = request.params
      const body = request.body
      if (body.kind === 'initial') {
        const result = await recordInitialConference(db, request.actor(), personId, {
          ...body,
          section47Id: body.section47Id ?? null,
        })
        return reply
          .code(201)
          .send({ id: result.conferenceId, cpPlanId: result.cpPlanId, planId: result.planId })
      }
      if (!body.cpPlanId || !body.version)
        throw new ValidationError({
          ...(body.cpPlanId ? {} : { cpPlanId: 'Name the child protection plan being reviewed' }),
          ...(body.version ? {} : { version: 'Give the version of the plan you started from' }),
        })
      const result = await recordReviewConference(
        db,
        request.actor(),
        personId,
        body.cpPlanId,
        body.version,
        body,
      )
      return reply.code(201).send({ id: result.conferenceId, cpPlanId: body.cpPlanId, planId: null })
    },
  )

  app.get<P>(
    '/children/:personId/cp-plans',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's child protection plans, with categories, core groups and what is due",
        params: Params,
        response: { 200: Type.Array(CpPlan), ...problemResponses },
      },
    },
    async (request) => (await childProtectionRecord(db, request.params.personId)).plans,
  )

  app.get<P>(
    '/children/:personId/core-groups',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's core group meetings",
        params: Params,
        response: { 200: Type.Array(CoreGroup), ...problemResponses },
      },
    },
    async (request) => (await childProtectionRecord(db, request.params.personId)).coreGroups,
  )

  app.post<P & { Body: CoreGroupInput & { cpPlanId: number } }>(
    '/children/:personId/core-groups',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a core group meeting on a child protection plan',
        params: Params,
        body: Type.Object({ cpPlanId: Id, heldOn: IsoDate, attendees: Names, summary: Text() }),
        response: created(),
      },
    },
    async (request, reply) => {
      const id = await recordCoreGroup(
        db,
        request.actor(),
        request.params.personId,
        request.body.cpPlanId,
        request.body,
      )
      return reply.code(201).send({ id })
    },
  )
}
