import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { HttpProblem } from '../../plugins/authorisation.ts'
import { childSummary } from '../../services/child-summary.ts'
import {
  checkPersonInput,
  createPerson,
  findPossibleDuplicates,
  getPerson,
  type PersonInput,
  searchPeople,
  updatePerson,
} from '../../services/people.ts'
import { recordHeader } from '../../services/record-header.ts'
import { problemResponses } from './schemas.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })

export const PersonDetails = Type.Object({
  givenName: Type.String({ minLength: 1, maxLength: 100 }),
  familyName: Type.String({ minLength: 1, maxLength: 100 }),
  preferredName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  dateOfBirth: Type.Optional(Nullable(IsoDate)),
  expectedDateOfBirth: Type.Optional(Nullable(IsoDate)),
  sex: Type.Optional(Nullable(Type.String({ maxLength: 1 }))),
  genderIdentity: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  ethnicity: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
  religion: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  firstLanguage: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  interpreterNeeded: Type.Optional(Type.Boolean()),
  immigrationStatus: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  uasc: Type.Optional(Type.Boolean()),
  nhsNumber: Type.Optional(Nullable(Type.String({ maxLength: 12 }))),
  upn: Type.Optional(Nullable(Type.String({ maxLength: 13 }))),
  formerUpn: Type.Optional(Nullable(Type.String({ maxLength: 13 }))),
  upnUnknown: Type.Optional(Nullable(Type.String({ maxLength: 3 }))),
  educationSetting: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  gpPractice: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
})

const Person = Type.Intersect([
  PersonDetails,
  Type.Object({ id: Type.Integer(), version: Type.Integer(), accessRestriction: Type.String() }),
])
const PersonIdParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) })

export async function childrenApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get<{ Querystring: { name?: string; dateOfBirth?: string; nhsNumber?: string; upn?: string } }>(
    '/children',
    {
      config: { permission: 'child:search' },
      schema: {
        tags: ['Children'],
        summary: 'Find children the user may see',
        querystring: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
            dateOfBirth: Type.Optional(IsoDate),
            nhsNumber: Type.Optional(Type.String({ maxLength: 12 })),
            upn: Type.Optional(Type.String({ maxLength: 13 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              givenName: Type.String(),
              familyName: Type.String(),
              dateOfBirth: Nullable(Type.String()),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => searchPeople(db, request.actor(), request.query),
  )

  app.post<{ Body: PersonInput & { confirmNotDuplicate?: boolean } }>(
    '/children',
    {
      config: { permission: 'child:create' },
      schema: {
        tags: ['Children'],
        summary: 'Record a new person, after a duplicate check',
        description: 'Refused with 409 and the possible duplicates unless confirmNotDuplicate is true.',
        body: Type.Intersect([
          PersonDetails,
          Type.Object({ confirmNotDuplicate: Type.Optional(Type.Boolean()) }),
        ]),
        response: { 201: Type.Object({ id: Type.Integer() }), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const input = checkPersonInput(request.body)
      if (!request.body.confirmNotDuplicate) {
        const duplicates = await findPossibleDuplicates(db, request.user!, input)
        if (duplicates.visible.length > 0 || duplicates.hiddenCount > 0) {
          throw new HttpProblem(
            409,
            'This person may already have a record',
            `Possible matches: ${duplicates.visible.map((d) => `Hearth ID ${d.id} (${d.reasons.join(', ')})`).join('; ') || 'none you can see'}${duplicates.hiddenCount ? `; ${duplicates.hiddenCount} you cannot see` : ''}. Send confirmNotDuplicate: true to record a new person anyway.`,
          )
        }
      }
      const id = await createPerson(db, request.actor(), input)
      return reply.code(201).send({ id })
    },
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId',
    {
      config: { permission: 'child:view', record: { param: 'personId' } },
      schema: {
        tags: ['Children'],
        summary: "A child's details, journey stage and summary",
        params: PersonIdParams,
        response: {
          200: Type.Object({
            person: Person,
            stage: Type.String(),
            warnings: Type.Array(Type.Object({ kind: Type.String(), text: Type.String() })),
            summary: Type.Unknown(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const [found, header, summary] = await Promise.all([
        getPerson(db, request.params.personId),
        recordHeader(db, request.params.personId),
        childSummary(db, request.params.personId),
      ])
      return { person: found, stage: header.stage, warnings: header.warnings, summary }
    },
  )

  app.put<{ Params: { personId: number }; Body: PersonInput & { version: number } }>(
    '/children/:personId',
    {
      config: { permission: 'child:update', record: { param: 'personId' } },
      schema: {
        tags: ['Children'],
        summary: "Change a person's details (refused with 409 if someone else saved first)",
        params: PersonIdParams,
        body: Type.Intersect([PersonDetails, Type.Object({ version: Type.Integer({ minimum: 1 }) })]),
        response: {
          200: Type.Object({ version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      version: await updatePerson(
        db,
        request.actor(),
        request.params.personId,
        request.body.version,
        request.body,
      ),
    }),
  )
}
