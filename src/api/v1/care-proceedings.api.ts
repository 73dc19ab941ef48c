import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  CARE_PROCEEDINGS_OUTCOMES,
  type CareProceedingsChange,
  type CareProceedingsInput,
  careProceedingsRecord,
  type ExtensionInput,
  type OutcomeInput,
  recordCareProceedings,
  recordExtension,
  recordOutcome,
  updateCareProceedings,
} from '../../services/looked-after.ts'
import { problemResponses } from './schemas.ts'

// Care proceedings as JSON: the same operations, checks and audit trails as the pages. Dates are ISO dates
// (YYYY-MM-DD). The 26-week date, the end of the timetable with extensions and where the proceedings stand
// are derived, never sent.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Text = (maxLength: number) => Type.String({ maxLength })
const Open = <T extends Parameters<typeof Type.Object>[0]>(props: T) =>
  Type.Object(props, { additionalProperties: true })

const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) })
const ProceedingsParams = Type.Object({
  personId: Type.Integer({ minimum: 1 }),
  proceedingsId: Type.Integer({ minimum: 1 }),
})
const Version = Type.Object({ version: Type.Integer() })
const tags = ['Care proceedings']

const Details = {
  preProceedingsOn: Type.Optional(Nullable(IsoDate)),
  issuedOn: IsoDate,
  court: Text(200),
  caseNumber: Text(40),
  finalHearingOn: Type.Optional(Nullable(IsoDate)),
}

const Proceedings = Open({
  id: Type.Integer(),
  preProceedingsOn: Nullable(Type.String()),
  issuedOn: Type.String(),
  court: Type.String(),
  caseNumber: Type.String(),
  finalHearingOn: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  outcomeLabel: Nullable(Type.String()),
  concludedOn: Nullable(Type.String()),
  version: Type.Integer(),
  extensions: Type.Array(
    Open({ id: Type.Integer(), grantedOn: Type.String(), weeks: Type.Integer(), reason: Type.String() }),
  ),
  twentySixWeekDate: Type.String({
    description: 'The last day of the 26 weeks beginning with the day of issue',
  }),
  timetableEnd: Type.String({ description: 'The last day of the timetable with the extensions granted' }),
  extendedByWeeks: Type.Integer(),
  open: Type.Boolean(),
  week: Type.Integer({ description: 'The week of the proceedings (open) or the week they concluded in' }),
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  concludedInTime: Nullable(Type.Boolean()),
  ordersDuring: Type.Array(
    Open({
      code: Type.String(),
      label: Type.String(),
      startDate: Type.String(),
      endDate: Nullable(Type.String()),
    }),
    {
      description: "The child's legal statuses (903 LS) during the proceedings: the interim and final orders",
    },
  ),
})

export async function careProceedingsApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { permission: 'child:view', record: { param: 'personId' } } as const
  const write = { permission: 'child:update', record: { param: 'personId' } } as const

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/care-proceedings',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's care proceedings, newest first, with the 26-week date derived",
        params: PersonParams,
        response: { 200: Type.Array(Proceedings), ...problemResponses },
      },
    },
    async (request) => careProceedingsRecord(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: CareProceedingsInput }>(
    '/children/:personId/care-proceedings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record care proceedings: the application issued, the court and the case number',
        params: PersonParams,
        body: Type.Object(Details, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await recordCareProceedings(db, request.actor(), request.params.personId, request.body),
      }),
  )

  app.put<{ Params: { personId: number; proceedingsId: number }; Body: CareProceedingsChange }>(
    '/children/:personId/care-proceedings/:proceedingsId',
    {
      config: write,
      schema: {
        tags,
        summary: "Change the proceedings' details (refused with 409 if someone else changed them first)",
        params: ProceedingsParams,
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), ...Details },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await updateCareProceedings(
        db,
        request.actor(),
        request.params.personId,
        request.params.proceedingsId,
        request.body,
      ),
    }),
  )

  app.post<{ Params: { personId: number; proceedingsId: number }; Body: ExtensionInput }>(
    '/children/:personId/care-proceedings/:proceedingsId/extensions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an extension of the timetable granted by the court (1 to 8 weeks, with its reason)',
        params: ProceedingsParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            grantedOn: IsoDate,
            weeks: Type.Integer({ description: 'Whole weeks, 1 to 8 (checked by the service)' }),
            reason: Text(20_000),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.Integer(), version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordExtension(
            db,
            request.actor(),
            request.params.personId,
            request.params.proceedingsId,
            request.body,
          ),
        ),
  )

  app.post<{ Params: { personId: number; proceedingsId: number }; Body: OutcomeInput }>(
    '/children/:personId/care-proceedings/:proceedingsId/outcome',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record (or correct) the outcome of the proceedings and the day they concluded',
        params: ProceedingsParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            outcome: Type.String({ maxLength: 40, description: CARE_PROCEEDINGS_OUTCOMES.join(', ') }),
            concludedOn: IsoDate,
            finalHearingOn: Type.Optional(Nullable(IsoDate)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await recordOutcome(
        db,
        request.actor(),
        request.params.personId,
        request.params.proceedingsId,
        request.body,
      ),
    }),
  )
}
