import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { AGENCY_TYPES, RELATIONSHIP_TYPES } from '../../db/schema/index.ts'
import { HttpProblem } from '../../plugins/authorisation.ts'
import { today } from '../../services/dates.ts'
import { ValidationError } from '../../services/errors.ts'
import {
  addProfessional,
  addRelationship,
  changeProfessional,
  changeRelationship,
  ENGAGEMENT_LEVELS,
  endProfessional,
  endRelationship,
  householdAsAt,
  householdHistory,
  listProfessionals,
  type ProfessionalInput,
  type RelationshipDetails,
  type RelationshipInput,
  relationshipsOf,
  siblingsOf,
} from '../../services/family.ts'
import { checkPersonInput, findPossibleDuplicates, type PersonInput } from '../../services/people.ts'
import {
  type AddressInput,
  addAddress,
  addName,
  addWarning,
  changeAddress,
  endAddress,
  endName,
  endWarning,
  getDisabilities,
  listAddresses,
  listNames,
  listWarnings,
  NAME_KINDS,
  type NameInput,
  removeName,
  setDisabilities,
  WARNING_KINDS,
  type WarningInput,
} from '../../services/person-details.ts'
import { PersonDetails } from './children.api.ts'
import { problemResponses } from './schemas.ts'

// The person's details beyond the basics and their family and network, as JSON: the same operations as
// the pages under /children/:personId/details/… and /children/:personId/family.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const OptionalDate = Type.Optional(Nullable(IsoDate))
const Version = Type.Integer({ minimum: 0 })
const Id = Type.Integer({ minimum: 1 })
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))

const PersonParams = Type.Object({ personId: Id })
const withId = (name: string) => Type.Object({ personId: Id, [name]: Id })

const Created = Type.Object({ id: Type.Integer() })
const Saved = Type.Object({ version: Type.Integer() })
const EndBody = Type.Object({ version: Version, endedOn: IsoDate }, { additionalProperties: false })
const conflict = { 409: Type.Ref('Problem') }

const Name = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
  version: Type.Integer(),
})

const AddressFields = {
  line1: Type.String({ maxLength: 200 }),
  line2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  town: Type.String({ maxLength: 100 }),
  postcode: Type.String({ maxLength: 10 }),
  startedOn: IsoDate,
  endedOn: OptionalDate,
}
const Address = Type.Object({
  id: Type.Integer(),
  line1: Type.String(),
  line2: Nullable(Type.String()),
  town: Type.String(),
  postcode: Type.String(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
  version: Type.Integer(),
})

const Warning = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  text: Type.String(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
  version: Type.Integer(),
})

const RelationshipFields = {
  type: Literals(RELATIONSHIP_TYPES),
  parentalResponsibility: Type.Optional(Type.Boolean()),
  sameHousehold: Type.Optional(Type.Boolean()),
  startedOn: OptionalDate,
  endedOn: OptionalDate,
}
const Related = Type.Object({
  relationshipId: Type.Integer(),
  version: Type.Integer(),
  personId: Type.Integer(),
  givenName: Nullable(Type.String()),
  familyName: Nullable(Type.String()),
  dateOfBirth: Nullable(Type.String()),
  type: Type.String({ description: 'What the other person is to this person' }),
  label: Type.String(),
  parentalResponsibility: Nullable(
    Type.String({ description: "'other': they hold it for this person; 'this-person': the reverse" }),
  ),
  sameHousehold: Type.Boolean(),
  startedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
  visible: Type.Boolean({ description: 'The user may open their record' }),
})
const Member = Type.Object({
  personId: Type.Integer(),
  givenName: Nullable(Type.String()),
  familyName: Nullable(Type.String()),
  dateOfBirth: Nullable(Type.String()),
  label: Nullable(Type.String()),
  visible: Type.Boolean(),
})
const Sibling = Type.Object({
  personId: Type.Integer(),
  givenName: Nullable(Type.String()),
  familyName: Nullable(Type.String()),
  dateOfBirth: Nullable(Type.String()),
  type: Type.String(),
  recorded: Type.Boolean(),
  sharedParentIds: Type.Array(Type.Integer()),
  visible: Nullable(Type.Boolean()),
})

const ProfessionalFields = {
  agency: Literals(AGENCY_TYPES),
  organisation: Type.String({ maxLength: 200 }),
  name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  role: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  engagement: Type.Optional(Literals(ENGAGEMENT_LEVELS)),
  startedOn: IsoDate,
  endedOn: OptionalDate,
}
const Professional = Type.Object({
  id: Type.Integer(),
  agency: Type.String(),
  agencyLabel: Type.String(),
  organisation: Type.String(),
  name: Nullable(Type.String()),
  role: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  engagement: Type.String(),
  engagementLabel: Type.String(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
  version: Type.Integer(),
})

type P = { personId: number }

// Problems with a new relative's own details point into newPerson (/newPerson/givenName).
const RELATIONSHIP_KEYS = new Set([
  'type',
  'parentalResponsibility',
  'sameHousehold',
  'startedOn',
  'endedOn',
  'relatedPersonId',
])
const pointIntoNewPerson = (error: ValidationError) =>
  new ValidationError(
    Object.fromEntries(
      Object.entries(error.fields).map(([k, v]) => [RELATIONSHIP_KEYS.has(k) ? k : `newPerson/${k}`, v]),
    ),
  )
function validOrNull(input: PersonInput) {
  try {
    return checkPersonInput(input)
  } catch (error) {
    if (error instanceof ValidationError) return null
    throw error
  }
}
const VIEW = { permission: 'child:view', record: { param: 'personId' } } as const
const UPDATE = { permission: 'child:update', record: { param: 'personId' } } as const
const DETAILS = ['Personal details']
const FAMILY = ['Family and network']

export async function familyApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  // Other names --------------------------------------------------------------------------------------

  app.get<{ Params: P }>(
    '/children/:personId/names',
    {
      config: VIEW,
      schema: {
        tags: DETAILS,
        summary: 'Other names: aliases, former names and names the family uses',
        params: PersonParams,
        response: { 200: Type.Array(Name), ...problemResponses },
      },
    },
    async (request) => listNames(db, request.params.personId),
  )

  app.post<{ Params: P; Body: NameInput }>(
    '/children/:personId/names',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Add another name',
        params: PersonParams,
        body: Type.Object(
          {
            kind: Literals(NAME_KINDS),
            givenName: Type.Optional(Type.String({ maxLength: 100 })),
            familyName: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await addName(db, request.actor(), request.params.personId, request.body) }),
  )

  app.post<{ Params: P & { nameId: number }; Body: { version: number; endedOn: string } }>(
    '/children/:personId/names/:nameId/end',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Record that a name is no longer used (it stays searchable)',
        params: withId('nameId'),
        body: EndBody,
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await endName(
        db,
        request.actor(),
        request.params.personId,
        request.params.nameId,
        request.body.version,
        request.body.endedOn,
      ),
    }),
  )

  app.delete<{ Params: P & { nameId: number }; Querystring: { version: number } }>(
    '/children/:personId/names/:nameId',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Remove a name recorded in error (the change history keeps it)',
        params: withId('nameId'),
        querystring: Type.Object({ version: Version }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...conflict, ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeName(
        db,
        request.actor(),
        request.params.personId,
        request.params.nameId,
        request.query.version,
      )
      return reply.code(204).send()
    },
  )

  // Disabilities -------------------------------------------------------------------------------------

  const Disabilities = Type.Object({
    codes: Type.Array(Type.String(), { description: 'DfE CIN census disability codes; NONE stands alone' }),
    version: Type.Integer(),
  })

  app.get<{ Params: P }>(
    '/children/:personId/disabilities',
    {
      config: VIEW,
      schema: {
        tags: DETAILS,
        summary: 'Disabilities (DfE codes)',
        params: PersonParams,
        response: { 200: Disabilities, ...problemResponses },
      },
    },
    async (request) => getDisabilities(db, request.params.personId),
  )

  app.put<{ Params: P; Body: { codes: string[]; version: number } }>(
    '/children/:personId/disabilities',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Replace the disabilities (refused with 409 if someone else saved first)',
        params: PersonParams,
        body: Type.Object(
          { codes: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20 }), version: Version },
          { additionalProperties: false },
        ),
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await setDisabilities(
        db,
        request.actor(),
        request.params.personId,
        request.body.version,
        request.body.codes,
      ),
    }),
  )

  // Addresses ----------------------------------------------------------------------------------------

  app.get<{ Params: P }>(
    '/children/:personId/addresses',
    {
      config: VIEW,
      schema: {
        tags: DETAILS,
        summary: 'Addresses, most recent first',
        params: PersonParams,
        response: { 200: Type.Array(Address), ...problemResponses },
      },
    },
    async (request) => listAddresses(db, request.params.personId),
  )

  app.post<{ Params: P; Body: AddressInput }>(
    '/children/:personId/addresses',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Add an address; a new current address ends the current one the day before',
        params: PersonParams,
        body: Type.Object(AddressFields, { additionalProperties: false }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await addAddress(db, request.actor(), request.params.personId, request.body) }),
  )

  app.put<{ Params: P & { addressId: number }; Body: AddressInput & { version: number } }>(
    '/children/:personId/addresses/:addressId',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Correct an address or its dates',
        params: withId('addressId'),
        body: Type.Object({ ...AddressFields, version: Version }, { additionalProperties: false }),
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await changeAddress(
        db,
        request.actor(),
        request.params.personId,
        request.params.addressId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<{ Params: P & { addressId: number }; Body: { version: number; endedOn: string } }>(
    '/children/:personId/addresses/:addressId/end',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Record a move out of an address',
        params: withId('addressId'),
        body: EndBody,
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await endAddress(
        db,
        request.actor(),
        request.params.personId,
        request.params.addressId,
        request.body.version,
        request.body.endedOn,
      ),
    }),
  )

  // Warnings -----------------------------------------------------------------------------------------

  app.get<{ Params: P }>(
    '/children/:personId/warnings',
    {
      config: VIEW,
      schema: {
        tags: DETAILS,
        summary: 'Warnings and alerts, current and past',
        params: PersonParams,
        response: { 200: Type.Array(Warning), ...problemResponses },
      },
    },
    async (request) => listWarnings(db, request.params.personId),
  )

  app.post<{ Params: P; Body: WarningInput }>(
    '/children/:personId/warnings',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'Add a warning, shown on every page of the record while it applies',
        params: PersonParams,
        body: Type.Object(
          {
            kind: Literals(WARNING_KINDS),
            text: Type.String({ maxLength: 500 }),
            startedOn: Type.Optional(IsoDate),
            endedOn: OptionalDate,
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await addWarning(db, request.actor(), request.params.personId, request.body) }),
  )

  app.post<{ Params: P & { warningId: number }; Body: { version: number; endedOn: string } }>(
    '/children/:personId/warnings/:warningId/end',
    {
      config: UPDATE,
      schema: {
        tags: DETAILS,
        summary: 'End a warning (it shows up to and including its last day)',
        params: withId('warningId'),
        body: EndBody,
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await endWarning(
        db,
        request.actor(),
        request.params.personId,
        request.params.warningId,
        request.body.version,
        request.body.endedOn,
      ),
    }),
  )

  // Relationships, household and siblings ------------------------------------------------------------

  app.get<{ Params: P }>(
    '/children/:personId/relationships',
    {
      config: VIEW,
      schema: {
        tags: FAMILY,
        summary: 'Everyone related to the person, read from their side whichever way it was recorded',
        params: PersonParams,
        response: { 200: Type.Array(Related), ...problemResponses },
      },
    },
    async (request) => relationshipsOf(db, request.params.personId, request.user!),
  )

  app.post<{
    Params: P
    Body: RelationshipDetails & {
      relatedPersonId?: number
      newPerson?: PersonInput
      confirmNotDuplicate?: boolean
    }
  }>(
    '/children/:personId/relationships',
    {
      config: UPDATE,
      schema: {
        tags: FAMILY,
        summary: 'Add a relative or friend: someone with a record (relatedPersonId) or a new person',
        description:
          'type is what the other person is to this person. A new person is refused with 409 and the possible duplicates unless confirmNotDuplicate is true.',
        params: PersonParams,
        body: Type.Object(
          {
            ...RelationshipFields,
            relatedPersonId: Type.Optional(Id),
            newPerson: Type.Optional(PersonDetails),
            confirmNotDuplicate: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.Integer(), relatedPersonId: Type.Integer() }),
          ...conflict,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { confirmNotDuplicate, newPerson, relatedPersonId, ...details } = request.body
      if (newPerson && relatedPersonId) {
        throw new HttpProblem(
          400,
          'There is a problem with your request',
          'Send relatedPersonId or newPerson, not both.',
        )
      }
      // The duplicate check needs good details; if they are not, addRelationship lists every problem.
      const checked = newPerson && !confirmNotDuplicate ? validOrNull(newPerson) : null
      if (checked) {
        const duplicates = await findPossibleDuplicates(db, request.user!, checked)
        if (duplicates.visible.length > 0 || duplicates.hiddenCount > 0) {
          throw new HttpProblem(
            409,
            'This person may already have a record',
            `Possible matches: ${duplicates.visible.map((d) => `Hearth ID ${d.id} (${d.reasons.join(', ')})`).join('; ') || 'none you can see'}${duplicates.hiddenCount ? `; ${duplicates.hiddenCount} you cannot see` : ''}. Send relatedPersonId to use an existing record, or confirmNotDuplicate: true to record a new person anyway.`,
          )
        }
      }
      const input: RelationshipInput = newPerson ? { ...details, newPerson } : { ...details, relatedPersonId }
      try {
        return reply
          .code(201)
          .send(await addRelationship(db, request.actor(), request.params.personId, input))
      } catch (error) {
        throw error instanceof ValidationError ? pointIntoNewPerson(error) : error
      }
    },
  )

  app.put<{ Params: P & { relationshipId: number }; Body: RelationshipDetails & { version: number } }>(
    '/children/:personId/relationships/:relationshipId',
    {
      config: UPDATE,
      schema: {
        tags: FAMILY,
        summary: 'Change a relationship, described from this person’s side',
        params: withId('relationshipId'),
        body: Type.Object({ ...RelationshipFields, version: Version }, { additionalProperties: false }),
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await changeRelationship(
        db,
        request.actor(),
        request.params.personId,
        request.params.relationshipId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<{
    Params: P & { relationshipId: number }
    Body: { version: number; endedOn: string; stillRelated?: boolean }
  }>(
    '/children/:personId/relationships/:relationshipId/end',
    {
      config: UPDATE,
      schema: {
        tags: FAMILY,
        summary: 'End a relationship, or with stillRelated only living together',
        params: withId('relationshipId'),
        body: Type.Object(
          { version: Version, endedOn: IsoDate, stillRelated: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await endRelationship(
        db,
        request.actor(),
        request.params.personId,
        request.params.relationshipId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.get<{ Params: P; Querystring: { asAt?: string } }>(
    '/children/:personId/household',
    {
      config: VIEW,
      schema: {
        tags: FAMILY,
        summary: 'Who lived with the person on a date (today unless asAt is given)',
        params: PersonParams,
        querystring: Type.Object({ asAt: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ asAt: Type.String(), members: Type.Array(Member) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const asAt = request.query.asAt ?? today()
      return { asAt, members: await householdAsAt(db, request.params.personId, asAt, request.user!) }
    },
  )

  app.get<{ Params: P }>(
    '/children/:personId/household/history',
    {
      config: VIEW,
      schema: {
        tags: FAMILY,
        summary: 'The household over time, most recent period first',
        params: PersonParams,
        response: {
          200: Type.Array(
            Type.Object({
              from: Nullable(Type.String()),
              to: Nullable(Type.String()),
              members: Type.Array(Member),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => householdHistory(db, request.params.personId, request.user!),
  )

  app.get<{ Params: P }>(
    '/children/:personId/siblings',
    {
      config: VIEW,
      schema: {
        tags: FAMILY,
        summary: 'Brothers and sisters: recorded, or sharing a recorded parent',
        params: PersonParams,
        response: { 200: Type.Array(Sibling), ...problemResponses },
      },
    },
    async (request) => siblingsOf(db, request.params.personId, request.user!),
  )

  // Professional network -----------------------------------------------------------------------------

  app.get<{ Params: P }>(
    '/children/:personId/professionals',
    {
      config: VIEW,
      schema: {
        tags: FAMILY,
        summary: 'The professionals working (or who worked) with the child',
        params: PersonParams,
        response: { 200: Type.Array(Professional), ...problemResponses },
      },
    },
    async (request) => listProfessionals(db, request.params.personId),
  )

  app.post<{ Params: P; Body: ProfessionalInput }>(
    '/children/:personId/professionals',
    {
      config: UPDATE,
      schema: {
        tags: FAMILY,
        summary: 'Add a professional to the network',
        params: PersonParams,
        body: Type.Object(ProfessionalFields, { additionalProperties: false }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await addProfessional(db, request.actor(), request.params.personId, request.body) }),
  )

  app.put<{ Params: P & { professionalId: number }; Body: ProfessionalInput & { version: number } }>(
    '/children/:personId/professionals/:professionalId',
    {
      config: UPDATE,
      schema: {
        tags: FAMILY,
        summary: 'Change a professional’s details or engagement',
        params: withId('professionalId'),
        body: Type.Object({ ...ProfessionalFields, version: Version }, { additionalProperties: false }),
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await changeProfessional(
        db,
        request.actor(),
        request.params.personId,
        request.params.professionalId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<{ Params: P & { professionalId: number }; Body: { version: number; endedOn: string } }>(
    '/children/:personId/professionals/:professionalId/end',
    {
      config: UPDATE,
      schema: {
        tags: FAMILY,
        summary: 'Record that a professional stopped working with the child',
        params: withId('professionalId'),
        body: EndBody,
        response: { 200: Saved, ...conflict, ...problemResponses },
      },
    },
    async (request) => ({
      version: await endProfessional(
        db,
        request.actor(),
        request.params.personId,
        request.params.professionalId,
        request.body.version,
        request.body.endedOn,
      ),
    }),
  )
}
