import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  allocateIro,
  type CeaseCareInput,
  type ChangeLegalStatusInput,
  type ChangePlacementInput,
  CONTACT_SUPERVISION,
  type ContactArrangementInput,
  ceaseCare,
  changeLegalStatus,
  changePlacement,
  contactArrangements,
  type DeprivationOfLibertyInput,
  deprivationsOfLiberty,
  ESCALATION_OUTCOMES,
  ESCALATION_STAGES,
  type EscalationInput,
  type EscalationResponseInput,
  endContactArrangement,
  endDeprivationOfLiberty,
  HEALTH_KINDS,
  type HealthInput,
  healthEducationRecord,
  IRO_CONTACT_KINDS,
  type IroContactInput,
  type LacReviewInput,
  lookedAfterRecord,
  lookedAfterSummary,
  MISSING_REASON_CATEGORIES,
  type MissingEpisodeInput,
  missingRecord,
  openEscalations,
  type PepInput,
  type PlacementDetailsInput,
  raiseEscalation,
  recordContactArrangement,
  recordDeprivationOfLiberty,
  recordHealth,
  recordIroContact,
  recordLacReview,
  recordMissingEpisode,
  recordPep,
  recordUascCeased,
  respondToEscalation,
  reviewsRecord,
  type StartCareInput,
  startPeriodOfCare,
  updateMissingEpisode,
  updatePlacement,
} from '../../services/looked-after.ts'
import { problemResponses } from './schemas.ts'

// Children in care as JSON: the same operations, checks and audit trails as the pages. Dates are ISO dates
// (YYYY-MM-DD); codes are the DfE SSDA903 codes. Episodes are derived, never sent.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Timestamp = Type.String({ format: 'date-time' })
const Text = (maxLength = 20_000) => Type.String({ maxLength })
const Code = (description: string) => Type.String({ maxLength: 8, description })
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))
const Open = <T extends Parameters<typeof Type.Object>[0]>(props: T) =>
  Type.Object(props, { additionalProperties: true })

const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) })
const withId = (name: string) =>
  Type.Object({ personId: Type.Integer({ minimum: 1 }), [name]: Type.Integer({ minimum: 1 }) })
const Created = Type.Object({ id: Type.Integer() })
const Version = Type.Object({ version: Type.Integer() })
const tags = ['Children in care']

const PlacementFields = {
  placementType: Code('903 PLACE'),
  provider: Code('903 PLACE_PROVIDER'),
  providerName: Type.Optional(Nullable(Text(200))),
  urn: Type.Optional(Nullable(Type.String({ maxLength: 12, description: 'Ofsted URN, or XXXXXXX' }))),
  carerPersonId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  addressLine: Type.Optional(Nullable(Text(300))),
  postcode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  confidential: Type.Optional(Type.Boolean()),
  distanceMiles: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 9999 }))),
  insideAuthority: Type.Boolean(),
  longTerm: Type.Optional(Type.Boolean()),
  placementPlanDate: Type.Optional(Nullable(IsoDate)),
}
const PlacementBody = Type.Object(PlacementFields, { additionalProperties: false })

const Ssda903Episode = Type.Object(
  {
    periodOfCareId: Type.Integer(),
    legalStatusId: Nullable(Type.Integer()),
    placementId: Nullable(Type.Integer()),
    DECOM: Type.String(),
    RNE: Type.String(),
    LS: Nullable(Type.String()),
    CIN: Type.String(),
    PLACE: Nullable(Type.String()),
    PLACE_PROVIDER: Nullable(Type.String()),
    DEC: Nullable(Type.String()),
    REC: Nullable(Type.String()),
    REASON_PLACE_CHANGE: Nullable(Type.String()),
    HOME_POST: Nullable(Type.String()),
    PL_POST: Nullable(Type.String()),
    URN: Nullable(Type.String()),
  },
  { description: 'An SSDA903 episode, derived from the legal statuses and placements' },
)

const NextVisit = Type.Object({ due: Type.String(), basis: Type.String(), overdue: Type.Boolean() })

const Summary = Type.Object({
  lookedAfter: Type.Boolean(),
  period: Nullable(Open({ id: Type.Integer(), startDate: Type.String(), categoryOfNeed: Type.String() })),
  legalStatus: Nullable(Open({ code: Type.String(), label: Type.String(), startDate: Type.String() })),
  placement: Nullable(Open({ id: Type.Integer(), placementType: Type.String(), startDate: Type.String() })),
  nextReviewDue: Nullable(Type.String()),
  reviewOverdue: Type.Boolean(),
  lastVisit: Nullable(Type.Object({ visitedOn: Type.String(), childSeenAlone: Type.Boolean() })),
  nextVisitDue: Nullable(NextVisit),
  iro: Nullable(Type.Object({ name: Nullable(Type.String()), since: Type.String() })),
})

const LegalStatus = Open({
  id: Type.Integer(),
  code: Type.String(),
  label: Type.String(),
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  version: Type.Integer(),
})
const Placement = Open({
  id: Type.Integer(),
  placementType: Type.String(),
  provider: Type.String(),
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  reasonForChange: Nullable(Type.String()),
  version: Type.Integer(),
})
const Period = Open({
  id: Type.Integer(),
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  categoryOfNeed: Type.String(),
  homePostcode: Nullable(Type.String()),
  reasonCeased: Nullable(Type.String()),
  destination: Nullable(Type.String()),
  supportPlan: Nullable(Type.String()),
  version: Type.Integer(),
  legalStatuses: Type.Array(LegalStatus),
  placements: Type.Array(Placement),
})

const Review = Open({
  id: Type.Integer(),
  heldOn: Type.String(),
  participation: Type.String(),
  participationLabel: Type.String(),
  childsViews: Nullable(Type.String()),
  attendees: Type.Array(Type.String()),
  decisions: Type.String(),
  iroName: Nullable(Type.String()),
})
const Escalation = Open({
  id: Type.Integer(),
  stage: Type.String(),
  raisedOn: Type.String(),
  issue: Type.String(),
  respondent: Type.String(),
  responseDue: Type.String(),
  response: Nullable(Type.String()),
  respondedOn: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  overdue: Type.Boolean(),
})
const MissingEpisode = Open({
  id: Type.Integer(),
  kind: Type.String(),
  startedAt: Timestamp,
  endedAt: Nullable(Timestamp),
  returnInterviewOfferedAt: Nullable(Timestamp),
  returnInterviewAccepted: Nullable(Type.Boolean()),
  returnInterviewHeldAt: Nullable(Timestamp),
  reasonsGiven: Nullable(Type.String()),
  reasonCategories: Type.Array(Type.String()),
  version: Type.Integer(),
})
const When = Type.String({
  maxLength: 40,
  description: 'UK local "YYYY-MM-DDTHH:MM", or an ISO timestamp with its offset',
})
const MissingBody = Type.Object(
  {
    kind: literals(['M', 'A']),
    startedAt: When,
    endedAt: Type.Optional(Nullable(When)),
    returnInterviewOfferedAt: Type.Optional(Nullable(When)),
    returnInterviewAccepted: Type.Optional(Nullable(Type.Boolean())),
    returnInterviewHeldAt: Type.Optional(Nullable(When)),
    reasonsGiven: Type.Optional(Nullable(Text())),
    reasonCategories: Type.Optional(Type.Array(literals(MISSING_REASON_CATEGORIES), { maxItems: 20 })),
  },
  { additionalProperties: false },
)

export async function lookedAfterApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { permission: 'child:view', record: { param: 'personId' } } as const
  const write = { permission: 'child:update', record: { param: 'personId' } } as const
  const created = (id: number) => ({ id })

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's periods of care, legal statuses, placements and derived SSDA903 episodes",
        params: PersonParams,
        response: {
          200: Type.Object({
            summary: Summary,
            periods: Type.Array(Period),
            episodes: Type.Array(Ssda903Episode),
            visitRule: Nullable(
              Open({ regulation: Type.String(), description: Type.String(), intervalText: Type.String() }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const [record, summary] = await Promise.all([
        lookedAfterRecord(db, request.params.personId),
        lookedAfterSummary(db, request.params.personId),
      ])
      return { summary, periods: record.periods, episodes: record.episodes, visitRule: record.visitRule }
    },
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after/episodes',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's SSDA903 episodes, derived from legal statuses and placements",
        params: PersonParams,
        response: { 200: Type.Array(Ssda903Episode), ...problemResponses },
      },
    },
    async (request) => (await lookedAfterRecord(db, request.params.personId)).episodes,
  )

  app.post<{ Params: { personId: number }; Body: StartCareInput }>(
    '/children/:personId/looked-after/periods',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start a period of care: first legal status and placement, a care plan and the IRO',
        params: PersonParams,
        body: Type.Object(
          {
            startDate: IsoDate,
            categoryOfNeed: Code('903 CIN, N1–N8'),
            homePostcode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
            legalStatus: Code('903 LS'),
            placement: PlacementBody,
            iroWorkerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            periodOfCareId: Type.Integer(),
            legalStatusId: Type.Integer(),
            placementId: Type.Integer(),
            carePlanId: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await startPeriodOfCare(db, request.actor(), request.params.personId, request.body)),
  )

  app.post<{ Params: { personId: number }; Body: ChangeLegalStatusInput }>(
    '/children/:personId/looked-after/legal-statuses',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Change the legal status (the current one ends the day before); 409 if the care changed meanwhile',
        params: PersonParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, description: "The period of care's version" }),
            startDate: IsoDate,
            code: Code('903 LS'),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ legalStatusId: Type.Integer(), version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await changeLegalStatus(db, request.actor(), request.params.personId, request.body)),
  )

  app.post<{ Params: { personId: number }; Body: ChangePlacementInput }>(
    '/children/:personId/looked-after/placements',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record a move: the current placement ends the day before; 409 if the care changed meanwhile',
        params: PersonParams,
        body: Type.Object(
          {
            ...PlacementFields,
            version: Type.Integer({ minimum: 1, description: "The period of care's version" }),
            startDate: IsoDate,
            reasonForChange: Type.Optional(Nullable(Code('903 REASON_PLACE_CHANGE'))),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ placementId: Type.Integer(), version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await changePlacement(db, request.actor(), request.params.personId, request.body)),
  )

  app.put<{
    Params: { personId: number; placementId: number }
    Body: PlacementDetailsInput & { version: number }
  }>(
    '/children/:personId/looked-after/placements/:placementId',
    {
      config: write,
      schema: {
        tags,
        summary: "Correct or complete a placement's details (not a move)",
        params: withId('placementId'),
        body: Type.Object(
          { ...PlacementFields, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await updatePlacement(
        db,
        request.actor(),
        request.params.personId,
        request.params.placementId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<{ Params: { personId: number }; Body: CeaseCareInput }>(
    '/children/:personId/looked-after/cease',
    {
      config: write,
      schema: {
        tags,
        summary: 'End the period of care (903 REC), with where the child went and the support planned',
        params: PersonParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            endDate: IsoDate,
            reasonCeased: Code('903 REC'),
            destination: Text(2000),
            supportPlan: Text(),
          },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await ceaseCare(db, request.actor(), request.params.personId, request.body),
    }),
  )

  app.put<{ Params: { personId: number }; Body: { version: number; uascCeasedOn: string } }>(
    '/children/:personId/looked-after/uasc-ceased',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record when the child stopped being an unaccompanied asylum-seeking child (903 DUC)',
        params: PersonParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, description: "The person's version" }),
            uascCeasedOn: IsoDate,
          },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await recordUascCeased(db, request.actor(), request.params.personId, request.body),
    }),
  )

  app.post<{ Params: { personId: number }; Body: { workerId: number; startedOn: string } }>(
    '/children/:personId/looked-after/iro',
    {
      config: write,
      schema: {
        tags,
        summary: "Allocate the child's independent reviewing officer",
        params: PersonParams,
        body: Type.Object(
          { workerId: Type.Integer({ minimum: 1 }), startedOn: IsoDate },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(created(await allocateIro(db, request.actor(), request.params.personId, request.body))),
  )

  // Deprivation of liberty orders (903 DoLo) ------------------------------------------------------------------

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after/deprivations-of-liberty',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's deprivation of liberty orders (903 DOLO_START, DOLO_END)",
        params: PersonParams,
        response: {
          200: Type.Array(
            Open({
              id: Type.Integer(),
              startDate: Type.String(),
              endDate: Nullable(Type.String()),
              details: Nullable(Type.String()),
              version: Type.Integer(),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => deprivationsOfLiberty(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: DeprivationOfLibertyInput }>(
    '/children/:personId/looked-after/deprivations-of-liberty',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a deprivation of liberty order for a child in care',
        params: PersonParams,
        body: Type.Object(
          {
            startDate: IsoDate,
            endDate: Type.Optional(Nullable(IsoDate)),
            details: Type.Optional(Nullable(Text())),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          created(
            await recordDeprivationOfLiberty(db, request.actor(), request.params.personId, request.body),
          ),
        ),
  )

  app.post<{ Params: { personId: number; orderId: number }; Body: { version: number; endDate: string } }>(
    '/children/:personId/looked-after/deprivations-of-liberty/:orderId/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record the end of a deprivation of liberty order',
        params: withId('orderId'),
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), endDate: IsoDate },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await endDeprivationOfLiberty(
        db,
        request.actor(),
        request.params.personId,
        request.params.orderId,
        request.body,
      ),
    }),
  )

  // Reviews, IRO contact and escalations ------------------------------------------------------------------

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after/reviews',
    {
      config: read,
      schema: {
        tags,
        summary: 'Looked-after reviews, IRO contacts and escalations, with the next review due',
        params: PersonParams,
        response: {
          200: Type.Object({
            nextReviewDue: Nullable(Type.String()),
            reviewOverdue: Type.Boolean(),
            reviews: Type.Array(Review),
            contacts: Type.Array(
              Open({ id: Type.Integer(), contactedOn: Type.String(), kind: Type.String() }),
            ),
            escalations: Type.Array(Escalation),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => reviewsRecord(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: LacReviewInput }>(
    '/children/:personId/looked-after/reviews',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a looked-after review (903 REVIEW and REVIEW_CODE)',
        params: PersonParams,
        body: Type.Object(
          {
            heldOn: IsoDate,
            iroWorkerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            participation: Code('903 REVIEW_CODE, PN0–PN7'),
            childsViews: Type.Optional(Nullable(Text())),
            attendees: Type.Array(Text(200), { maxItems: 50 }),
            decisions: Text(),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(created(await recordLacReview(db, request.actor(), request.params.personId, request.body))),
  )

  app.post<{ Params: { personId: number }; Body: IroContactInput }>(
    '/children/:personId/looked-after/iro-contacts',
    {
      config: write,
      schema: {
        tags,
        summary: "Record the IRO's contact with the child between reviews",
        params: PersonParams,
        body: Type.Object(
          {
            contactedOn: IsoDate,
            kind: literals(IRO_CONTACT_KINDS),
            notes: Text(),
            iroWorkerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(created(await recordIroContact(db, request.actor(), request.params.personId, request.body))),
  )

  app.post<{ Params: { personId: number }; Body: EscalationInput }>(
    '/children/:personId/looked-after/escalations',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Raise an IRO escalation (dispute resolution); the response is due in 10 working days unless set',
        params: PersonParams,
        body: Type.Object(
          {
            stage: literals(ESCALATION_STAGES),
            raisedOn: IsoDate,
            issue: Text(),
            respondent: Text(200),
            responseDue: Type.Optional(Nullable(IsoDate)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(created(await raiseEscalation(db, request.actor(), request.params.personId, request.body))),
  )

  app.post<{ Params: { personId: number; escalationId: number }; Body: EscalationResponseInput }>(
    '/children/:personId/looked-after/escalations/:escalationId/response',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record the response and outcome; "escalated" raises the next stage',
        params: withId('escalationId'),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            response: Text(),
            respondedOn: IsoDate,
            outcome: literals(ESCALATION_OUTCOMES),
            nextRespondent: Type.Optional(Nullable(Text(200))),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ version: Type.Integer(), nextEscalationId: Nullable(Type.Integer()) }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      respondToEscalation(
        db,
        request.actor(),
        request.params.personId,
        request.params.escalationId,
        request.body,
      ),
  )

  app.get(
    '/looked-after/escalations',
    {
      config: { permission: 'escalations:view' },
      schema: {
        tags,
        summary: 'Open IRO escalations across the authority, for the children the user may see',
        response: {
          200: Type.Array(
            Open({
              ...Escalation.properties,
              personId: Type.Integer(),
              givenName: Type.String(),
              familyName: Type.String(),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => openEscalations(db, request.user!),
  )

  // Health and education ------------------------------------------------------------------------------------

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after/health-education',
    {
      config: read,
      schema: {
        tags,
        summary: 'Health records (903 OC2 items), personal education plans and what is due',
        params: PersonParams,
        response: {
          200: Type.Object({
            health: Type.Array(Open({ id: Type.Integer(), kind: Type.String(), recordedOn: Type.String() })),
            peps: Type.Array(Open({ id: Type.Integer(), heldOn: Type.String() })),
            summary: Open({ nextAssessmentDue: Nullable(Type.String()), assessmentOverdue: Type.Boolean() }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => healthEducationRecord(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: HealthInput }>(
    '/children/:personId/looked-after/health-records',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a health assessment, check, immunisations, SDQ, substance misuse or conviction',
        params: PersonParams,
        body: Type.Object(
          {
            kind: literals(HEALTH_KINDS),
            recordedOn: IsoDate,
            upToDate: Type.Optional(Nullable(Type.Boolean())),
            substanceMisuse: Type.Optional(Nullable(Type.Boolean())),
            interventionOffered: Type.Optional(Nullable(Type.Boolean())),
            interventionReceived: Type.Optional(Nullable(Type.Boolean())),
            sdqScore: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 40 }))),
            sdqReason: Type.Optional(Nullable(Code('903 SDQ_REASON'))),
            notes: Type.Optional(Nullable(Text())),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(created(await recordHealth(db, request.actor(), request.params.personId, request.body))),
  )

  app.post<{ Params: { personId: number }; Body: PepInput }>(
    '/children/:personId/looked-after/peps',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a personal education plan meeting',
        params: PersonParams,
        body: Type.Object(
          {
            heldOn: IsoDate,
            school: Text(200),
            designatedTeacher: Type.Optional(Nullable(Text(200))),
            virtualSchoolContact: Type.Optional(Nullable(Text(300))),
            targets: Text(),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(created(await recordPep(db, request.actor(), request.params.personId, request.body))),
  )

  // Missing episodes (any child) -----------------------------------------------------------------------------

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after/missing-episodes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Missing and away episodes, with the pattern of reasons the child gave',
        params: PersonParams,
        response: {
          200: Type.Object({
            episodes: Type.Array(MissingEpisode),
            reasonPattern: Type.Array(
              Type.Object({
                category: Type.String(),
                label: Type.String(),
                count: Type.Integer(),
                share: Type.Integer(),
                lastAt: Timestamp,
              }),
            ),
            totals: Open({ episodes: Type.Integer() }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => missingRecord(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: MissingEpisodeInput }>(
    '/children/:personId/looked-after/missing-episodes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a missing or away episode (903 MISSING M/A)',
        params: PersonParams,
        body: MissingBody,
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          created(await recordMissingEpisode(db, request.actor(), request.params.personId, request.body)),
        ),
  )

  app.put<{
    Params: { personId: number; episodeId: number }
    Body: MissingEpisodeInput & { version: number }
  }>(
    '/children/:personId/looked-after/missing-episodes/:episodeId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Complete or correct a missing episode (the return, the interview, the reasons)',
        params: withId('episodeId'),
        body: Type.Object(
          { ...MissingBody.properties, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await updateMissingEpisode(
        db,
        request.actor(),
        request.params.personId,
        request.params.episodeId,
        request.body.version,
        request.body,
      ),
    }),
  )

  // Contact arrangements ---------------------------------------------------------------------------------------

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/looked-after/contact-arrangements',
    {
      config: read,
      schema: {
        tags,
        summary: "The child's contact arrangements with family, current first",
        params: PersonParams,
        response: {
          200: Type.Array(
            Open({
              id: Type.Integer(),
              withDescription: Type.String(),
              frequency: Type.String(),
              supervision: Type.String(),
              childsWishes: Type.String(),
              startedOn: Type.String(),
              endedOn: Nullable(Type.String()),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => contactArrangements(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: ContactArrangementInput }>(
    '/children/:personId/looked-after/contact-arrangements',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a contact arrangement, with the child’s wishes',
        params: PersonParams,
        body: Type.Object(
          {
            withPersonId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            withDescription: Text(200),
            frequency: Text(200),
            supervision: literals(CONTACT_SUPERVISION),
            childsWishes: Text(),
            startedOn: IsoDate,
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          created(await recordContactArrangement(db, request.actor(), request.params.personId, request.body)),
        ),
  )

  app.post<{ Params: { personId: number; arrangementId: number }; Body: { endedOn: string } }>(
    '/children/:personId/looked-after/contact-arrangements/:arrangementId/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a contact arrangement',
        params: withId('arrangementId'),
        body: Type.Object({ endedOn: IsoDate }, { additionalProperties: false }),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await endContactArrangement(
        db,
        request.actor(),
        request.params.personId,
        request.params.arrangementId,
        request.body,
      )
      return reply.code(204).send()
    },
  )
}
