import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  type AssessmentInput,
  type AssessmentView,
  agreeAssessmentExtension,
  authoriseAssessment,
  completeAssessment,
  correctAssessmentFactors,
  createAssessment,
  getAssessment,
  listAssessments,
  returnAssessment,
  updateAssessment,
} from '../../services/assessments.ts'
import { problemResponses } from './schemas.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Text = Type.Optional(Nullable(Type.String({ maxLength: 20000 })))
const Version = Type.Integer({ minimum: 1 })

const AssessmentFields = {
  startDate: IsoDate,
  factors: Type.Array(Type.String({ maxLength: 4 }), { maxItems: 60 }),
  livedExperience: Text,
  identityAndCulture: Text,
  childsViews: Text,
  parentalCapacity: Text,
  historyAndRisks: Text,
  strengths: Text,
  analysis: Text,
  outcome: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  nextSteps: Text,
  extensionReason: Text,
}

const Assessment = Type.Object({
  id: Type.Integer(),
  referralId: Type.Integer(),
  referralDate: Type.String(),
  startDate: Type.String(),
  factors: Type.Array(Type.String()),
  livedExperience: Nullable(Type.String()),
  identityAndCulture: Nullable(Type.String()),
  childsViews: Nullable(Type.String()),
  parentalCapacity: Nullable(Type.String()),
  historyAndRisks: Nullable(Type.String()),
  strengths: Nullable(Type.String()),
  analysis: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  nextSteps: Nullable(Type.String()),
  completedOn: Nullable(Type.String()),
  authorisedOn: Nullable(Type.String()),
  authorisedBy: Nullable(Type.Integer()),
  extensionReason: Nullable(Type.String()),
  extensionAgreedBy: Nullable(Type.Integer()),
  version: Type.Integer(),
  state: Type.String({ description: 'in-progress, completed or authorised: derived from the dates' }),
  workingDays: Nullable(
    Type.Integer({ description: 'Working days from the referral to authorisation, or to today' }),
  ),
  dueBy: Nullable(Type.String({ description: 'The 45th working day after the referral' })),
  warnings: Type.Array(
    Type.Object(
      { code: Type.String(), text: Type.String() },
      { description: 'What the CIN census would query' },
    ),
  ),
})

const Params = Type.Object({ personId: Type.Integer({ minimum: 1 }) })
const OneParams = Type.Object({
  personId: Type.Integer({ minimum: 1 }),
  assessmentId: Type.Integer({ minimum: 1 }),
})
const VersionResponse = Type.Object({ version: Type.Integer() })
const tags = ['Assessments']

const toApi = (a: AssessmentView) => ({ ...a, factors: a.factorCodes })

type One = { Params: { personId: number; assessmentId: number } }

export async function assessmentsApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { permission: 'child:view', record: { param: 'personId' } } as const
  const write = { permission: 'child:update', record: { param: 'personId' } } as const
  const authorise = { permission: 'child:authorise', record: { param: 'personId' } } as const
  const changed = { 200: VersionResponse, 409: Type.Ref('Problem'), ...problemResponses }

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/assessments',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's referrals, each with its assessments",
        params: Params,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              referralDate: Type.String(),
              closureDate: Nullable(Type.String()),
              open: Type.Boolean(),
              canStart: Type.Boolean({
                description: 'An assessment can start: the referral is open, none is open',
              }),
              assessments: Type.Array(Assessment),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      (await listAssessments(db, request.params.personId)).map((r) => ({
        ...r,
        assessments: r.assessments.map(toApi),
      })),
  )

  app.post<{ Params: { personId: number }; Body: AssessmentInput & { referralId: number } }>(
    '/children/:personId/assessments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start an assessment (or a re-assessment) on an open referral, as a draft',
        params: Params,
        body: Type.Object({ referralId: Type.Integer({ minimum: 1 }), ...AssessmentFields }),
        response: {
          201: Type.Object({ id: Type.Integer(), warnings: Assessment.properties.warnings }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { personId } = request.params
      const id = await createAssessment(db, request.actor(), personId, request.body.referralId, request.body)
      const created = await getAssessment(db, personId, id)
      return reply.code(201).send({ id, warnings: created.warnings })
    },
  )

  app.get<One>(
    '/children/:personId/assessments/:assessmentId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One assessment, with its status, working days and CIN census warnings',
        params: OneParams,
        response: { 200: Assessment, ...problemResponses },
      },
    },
    async (request) => toApi(await getAssessment(db, request.params.personId, request.params.assessmentId)),
  )

  app.put<One & { Body: AssessmentInput & { version: number } }>(
    '/children/:personId/assessments/:assessmentId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Save the draft (refused with 409 if someone else saved first, 400 once completed)',
        params: OneParams,
        body: Type.Object({ version: Version, ...AssessmentFields }),
        response: changed,
      },
    },
    async (request) => ({
      version: await updateAssessment(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.put<One & { Body: { version: number; factors: string[] } }>(
    '/children/:personId/assessments/:assessmentId/factors',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct the factors of a completed or authorised assessment',
        params: OneParams,
        body: Type.Object({ version: Version, factors: AssessmentFields.factors }),
        response: changed,
      },
    },
    async (request) => ({
      version: await correctAssessmentFactors(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
        request.body.factors,
      ),
    }),
  )

  app.post<One & { Body: { version: number; completedOn: string } }>(
    '/children/:personId/assessments/:assessmentId/complete',
    {
      config: write,
      schema: {
        tags,
        summary: 'The worker completes the assessment, ready for a manager to authorise',
        params: OneParams,
        body: Type.Object({ version: Version, completedOn: IsoDate }),
        response: changed,
      },
    },
    async (request) => ({
      version: await completeAssessment(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
        request.body.completedOn,
      ),
    }),
  )

  app.post<
    One & {
      Body: { version: number; authorisedOn: string; extensionReason?: string; agreeExtension?: boolean }
    }
  >(
    '/children/:personId/assessments/:assessmentId/authorise',
    {
      config: authorise,
      schema: {
        tags,
        summary: 'A manager authorises a completed assessment',
        description:
          'Beyond 45 working days from the referral, a reason must be recorded and the manager must agree it (agreeExtension).',
        params: OneParams,
        body: Type.Object({
          version: Version,
          authorisedOn: IsoDate,
          extensionReason: Type.Optional(Type.String({ maxLength: 20000 })),
          agreeExtension: Type.Optional(Type.Boolean()),
        }),
        response: changed,
      },
    },
    async (request) => ({
      version: await authoriseAssessment(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<One & { Body: { version: number; reason: string } }>(
    '/children/:personId/assessments/:assessmentId/return',
    {
      config: authorise,
      schema: {
        tags,
        summary: 'A manager returns a completed assessment to the worker for changes',
        params: OneParams,
        body: Type.Object({ version: Version, reason: Type.String({ maxLength: 20000 }) }),
        response: changed,
      },
    },
    async (request) => ({
      version: await returnAssessment(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
        request.body.reason,
      ),
    }),
  )

  app.post<One & { Body: { version: number } }>(
    '/children/:personId/assessments/:assessmentId/extension',
    {
      config: authorise,
      schema: {
        tags,
        summary:
          'A manager agrees the assessment taking longer than 45 working days, for the reason recorded',
        params: OneParams,
        body: Type.Object({ version: Version }),
        response: changed,
      },
    },
    async (request) => ({
      version: await agreeAssessmentExtension(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
      ),
    }),
  )
}
