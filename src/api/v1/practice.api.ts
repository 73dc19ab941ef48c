import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { logAccess } from '../../audit/access-log.ts'
import { ALLOCATION_KINDS } from '../../db/schema/index.ts'
import { HttpProblem } from '../../plugins/authorisation.ts'
import {
  allocationHistory,
  canViewTeamCaseload,
  reallocate,
  teamCaseload,
} from '../../services/allocation.ts'
import {
  addCaseNote,
  CASE_NOTE_TYPES,
  downloadDocument,
  getCaseNote,
  listCaseNotes,
  listDocuments,
  uploadDocument,
} from '../../services/case-notes.ts'
import {
  addSignificantEvent,
  CHRONOLOGY_TYPES,
  type ChronologyType,
  chronology,
  listSignificantEvents,
  SIGNIFICANT_EVENT_CATEGORIES,
} from '../../services/chronology.ts'
import {
  closureState,
  declineClosure,
  proposeClosure,
  resolvePlanAction,
  signOffClosure,
} from '../../services/closure.ts'
import {
  completeOversightAction,
  listOversight,
  OVERSIGHT_KINDS,
  type OversightInput,
  recordOversight,
} from '../../services/oversight.ts'
import { getVisit, listVisits, recordVisit, VISIT_KINDS, type VisitInput } from '../../services/visits.ts'
import { acceptMultipart, uploadedFile } from '../../web/routes/practice/multipart.ts'
import { sendDocument } from '../../web/routes/practice/notes.routes.ts'
import { problemResponses } from './schemas.ts'

// The practice area of the child's record as JSON: the same operations, checks and audit trails as the
// pages. Dates are ISO dates (YYYY-MM-DD).

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Timestamp = Type.String({ format: 'date-time' })
const Text = (maxLength = 20_000) => Type.String({ maxLength })
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))

const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) })
const withId = (name: string) =>
  Type.Object({ personId: Type.Integer({ minimum: 1 }), [name]: Type.Integer({ minimum: 1 }) })
const Created = Type.Object({ id: Type.Integer() })
const Version = Type.Object({ version: Type.Integer() })

const Visit = Type.Object({
  id: Type.Integer(),
  visitedOn: Type.String(),
  visitedBy: Nullable(Type.Integer()),
  visitor: Nullable(Type.String()),
  kind: Type.String(),
  kindLabel: Type.String(),
  childSeen: Type.Boolean(),
  childSeenAlone: Type.Boolean(),
  bedroomSeen: Type.Boolean(),
  wishesAndFeelings: Nullable(Type.String()),
  directWorkTool: Nullable(Type.String()),
  directWorkToolLabel: Nullable(Type.String()),
  observations: Nullable(Type.String()),
  analysis: Nullable(Type.String()),
  recordedAt: Timestamp,
  recordedByName: Nullable(Type.String()),
})

const VisitBody = Type.Object(
  {
    visitedOn: IsoDate,
    visitedBy: Type.Integer({ minimum: 1 }),
    kind: literals(VISIT_KINDS),
    childSeen: Type.Boolean(),
    childSeenAlone: Type.Boolean(),
    bedroomSeen: Type.Boolean(),
    wishesAndFeelings: Type.Optional(Nullable(Text())),
    directWorkTool: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: 'A listed tool, or the name of another' })),
    ),
    observations: Text(),
    analysis: Text(),
  },
  { additionalProperties: false },
)

const Note = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  typeLabel: Type.String(),
  occurredOn: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  significant: Type.Boolean(),
  recordedAt: Timestamp,
  recordedBy: Nullable(Type.String()),
})

const DocumentInfo = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  filename: Type.String(),
  mediaType: Type.String(),
  kindLabel: Type.String(),
  size: Type.Integer(),
  uploadedAt: Timestamp,
  uploadedBy: Nullable(Type.String()),
})

const ChronologyEntry = Type.Object({
  date: Type.String(),
  type: Type.String(),
  title: Type.String(),
  detail: Nullable(Type.String()),
  impact: Nullable(Type.String()),
  by: Nullable(Type.String()),
  href: Nullable(Type.String()),
  sharedFrom: Nullable(Type.Object({ personId: Type.Integer(), name: Type.String() })),
})

const SignificantEvent = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  occurredOn: Type.String(),
  category: Type.String(),
  categoryLabel: Type.String(),
  description: Type.String(),
  impactOnChild: Type.String(),
  sharedWithSiblings: Type.Boolean(),
  shared: Type.Boolean({ description: "True for a sibling's event shared with this child" }),
  recordedBy: Nullable(Type.String()),
  recordedAt: Timestamp,
})

const OversightEntry = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  recordedOn: Type.String(),
  decision: Type.String(),
  rationale: Type.String(),
  challenge: Nullable(Type.String()),
  manager: Nullable(Type.String()),
  actions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      description: Type.String(),
      ownerWorkerId: Nullable(Type.Integer()),
      owner: Nullable(Type.String()),
      dueDate: Type.String(),
      completedOn: Nullable(Type.String()),
      status: Type.String({ description: 'done, overdue or open (derived)' }),
    }),
  ),
})

const Allocation = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  teamId: Type.Integer(),
  teamName: Type.String(),
  workerId: Nullable(Type.Integer()),
  workerName: Nullable(Type.String()),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
})

const Episode = Type.Object({
  id: Type.Integer(),
  referralDate: Type.String(),
  closureProposedOn: Nullable(Type.String()),
  closureReason: Nullable(Type.String()),
  reasonLabel: Nullable(Type.String()),
  closureRationale: Nullable(Type.String()),
  proposedBy: Nullable(Type.String()),
  closureDate: Nullable(Type.String()),
  signedOffBy: Nullable(Type.String()),
  version: Type.Integer(),
})

const Closure = Type.Object({
  open: Nullable(Episode),
  closed: Type.Array(Episode),
  openActions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      planId: Type.Integer(),
      planLabel: Type.String(),
      description: Type.String(),
      owner: Type.String(),
      dueDate: Type.String(),
    }),
  ),
  openCpPlan: Nullable(Type.Object({ id: Type.Integer(), startDate: Type.String() })),
})

const EpisodeRef = { referralId: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) }

export async function practiceApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  acceptMultipart(app)
  const read = { permission: 'child:view', record: { param: 'personId' } } as const
  const write = { permission: 'child:update', record: { param: 'personId' } } as const
  const authorise = { permission: 'child:authorise', record: { param: 'personId' } } as const

  // --- Visits ---

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/visits',
    {
      config: read,
      schema: {
        tags: ['Visits'],
        summary: "The child's visits, newest first",
        params: PersonParams,
        response: { 200: Type.Array(Visit), ...problemResponses },
      },
    },
    async (request) => listVisits(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: VisitInput }>(
    '/children/:personId/visits',
    {
      config: write,
      schema: {
        tags: ['Visits'],
        summary: 'Record a visit (refused if in the future, or seen alone but not seen)',
        params: PersonParams,
        body: VisitBody,
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await recordVisit(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  app.get<{ Params: { personId: number; visitId: number } }>(
    '/children/:personId/visits/:visitId',
    {
      config: read,
      schema: {
        tags: ['Visits'],
        summary: 'One visit',
        params: withId('visitId'),
        response: { 200: Visit, ...problemResponses },
      },
    },
    async (request) => getVisit(db, request.params.personId, request.params.visitId),
  )

  // --- Case notes and documents ---

  app.get<{ Params: { personId: number }; Querystring: { type?: string; significant?: boolean } }>(
    '/children/:personId/notes',
    {
      config: read,
      schema: {
        tags: ['Case notes and documents'],
        summary: "The child's case notes, newest first",
        params: PersonParams,
        querystring: Type.Object(
          {
            type: Type.Optional(literals(CASE_NOTE_TYPES)),
            significant: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Note), ...problemResponses },
      },
    },
    async (request) =>
      listCaseNotes(db, request.params.personId, {
        type: request.query.type,
        significantOnly: request.query.significant,
      }),
  )

  app.post<{
    Params: { personId: number }
    Body: { type: string; occurredOn: string; subject: string; body: string; significant?: boolean }
  }>(
    '/children/:personId/notes',
    {
      config: write,
      schema: {
        tags: ['Case notes and documents'],
        summary: 'Add a case note',
        params: PersonParams,
        body: Type.Object(
          {
            type: literals(CASE_NOTE_TYPES),
            occurredOn: IsoDate,
            subject: Type.String({ maxLength: 200 }),
            body: Text(),
            significant: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await addCaseNote(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  app.get<{ Params: { personId: number; noteId: number } }>(
    '/children/:personId/notes/:noteId',
    {
      config: read,
      schema: {
        tags: ['Case notes and documents'],
        summary: 'One case note',
        params: withId('noteId'),
        response: { 200: Note, ...problemResponses },
      },
    },
    async (request) => getCaseNote(db, request.params.personId, request.params.noteId),
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/documents',
    {
      config: read,
      schema: {
        tags: ['Case notes and documents'],
        summary: 'The documents on the child’s record (without their content)',
        params: PersonParams,
        response: { 200: Type.Array(DocumentInfo), ...problemResponses },
      },
    },
    async (request) => listDocuments(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: { title?: string } }>(
    '/children/:personId/documents',
    {
      config: write,
      schema: {
        tags: ['Case notes and documents'],
        summary: 'Attach a document (multipart/form-data: title and file)',
        description:
          'PDF, Word (.doc, .docx), images (JPEG, PNG, GIF, WebP) or plain text, smaller than 10 MB; the type is recognised from the content.',
        consumes: ['multipart/form-data'],
        params: PersonParams,
        body: Type.Object({
          title: Type.Optional(Type.String({ maxLength: 200 })),
          file: Type.Optional(Type.String({ format: 'binary' })),
        }),
        response: { 201: Created, 413: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = uploadedFile(request.body, 'file')
      const id = await uploadDocument(db, request.actor(), request.params.personId, {
        title: request.body?.title ?? '',
        file: file ? { filename: file.filename, content: file.content } : null,
      })
      return reply.code(201).send({ id })
    },
  )

  app.get<{ Params: { personId: number; documentId: number } }>(
    '/children/:personId/documents/:documentId',
    {
      config: read,
      schema: {
        tags: ['Case notes and documents'],
        summary: "Download a document (written to the access log as an export of the child's record)",
        params: withId('documentId'),
        response: { 200: Type.String({ description: 'The file, as it was uploaded' }), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await downloadDocument(db, request.actor(), request.params.personId, request.params.documentId),
      ),
  )

  // --- Chronology and significant events ---

  app.get<{
    Params: { personId: number }
    Querystring: { type?: ChronologyType[]; from?: string; to?: string; order?: 'oldest' | 'newest' }
  }>(
    '/children/:personId/chronology',
    {
      config: read,
      schema: {
        tags: ['Chronology'],
        summary: "The child's chronology, built from the record with workers' significant events",
        params: PersonParams,
        querystring: Type.Object(
          {
            type: Type.Optional(Type.Array(literals(CHRONOLOGY_TYPES))),
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
            order: Type.Optional(literals(['oldest', 'newest'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ChronologyEntry), ...problemResponses },
      },
    },
    async (request) => {
      const { type, from, to, order } = request.query
      if (from && to && to < from)
        throw new HttpProblem(400, 'There is a problem with your request', 'to must be on or after from')
      return chronology(db, request.params.personId, { types: type, from, to, order })
    },
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/significant-events',
    {
      config: read,
      schema: {
        tags: ['Chronology'],
        summary: "Significant events workers added, with siblings' shared events",
        params: PersonParams,
        response: { 200: Type.Array(SignificantEvent), ...problemResponses },
      },
    },
    async (request) => listSignificantEvents(db, request.params.personId),
  )

  app.post<{
    Params: { personId: number }
    Body: {
      occurredOn: string
      category: string
      description: string
      impactOnChild: string
      sharedWithSiblings?: boolean
    }
  }>(
    '/children/:personId/significant-events',
    {
      config: write,
      schema: {
        tags: ['Chronology'],
        summary: 'Add a significant event with its impact on the child',
        params: PersonParams,
        body: Type.Object(
          {
            occurredOn: IsoDate,
            category: literals(SIGNIFICANT_EVENT_CATEGORIES),
            description: Text(),
            impactOnChild: Text(),
            sharedWithSiblings: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await addSignificantEvent(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  // --- Management oversight ---

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/oversight',
    {
      config: read,
      schema: {
        tags: ['Management oversight'],
        summary: 'Management oversight entries, newest first, with their actions',
        params: PersonParams,
        response: { 200: Type.Array(OversightEntry), ...problemResponses },
      },
    },
    async (request) => listOversight(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: OversightInput }>(
    '/children/:personId/oversight',
    {
      config: authorise,
      schema: {
        tags: ['Management oversight'],
        summary: 'Record management oversight (managers only; a decision and rationale of substance)',
        params: PersonParams,
        body: Type.Object(
          {
            kind: literals(OVERSIGHT_KINDS),
            recordedOn: Type.Optional(IsoDate),
            decision: Text(),
            rationale: Text(),
            challenge: Type.Optional(Nullable(Text())),
            actions: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    description: Type.String({ maxLength: 1000 }),
                    ownerWorkerId: Type.Integer({ minimum: 1 }),
                    dueDate: IsoDate,
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 50 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await recordOversight(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  app.post<{ Params: { personId: number; actionId: number }; Body: { completedOn?: string } }>(
    '/children/:personId/oversight/actions/:actionId/complete',
    {
      config: write,
      schema: {
        tags: ['Management oversight'],
        summary: 'Mark an oversight action done (409 if it already was)',
        params: withId('actionId'),
        body: Type.Object({ completedOn: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await completeOversightAction(
        db,
        request.actor(),
        request.params.personId,
        request.params.actionId,
        request.body?.completedOn,
      )
      return reply.code(204).send()
    },
  )

  // --- Allocation and closure ---

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/allocations',
    {
      config: read,
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Every allocation of the child, current first',
        params: PersonParams,
        response: { 200: Type.Array(Allocation), ...problemResponses },
      },
    },
    async (request) => allocationHistory(db, request.params.personId),
  )

  app.post<{
    Params: { personId: number }
    Body: { kind: string; teamId?: number | null; workerId?: number | null; startedOn: string }
  }>(
    '/children/:personId/allocations',
    {
      config: { permission: 'allocation:manage', record: { param: 'personId' } },
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Allocate or reallocate the child (the current allocation in the same role ends)',
        description: 'Give workerId (its team is implied), or teamId alone for a child awaiting a worker.',
        params: PersonParams,
        body: Type.Object(
          {
            kind: literals(ALLOCATION_KINDS),
            teamId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            workerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            startedOn: IsoDate,
          },
          { additionalProperties: false },
        ),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await reallocate(db, request.actor(), {
        personId: request.params.personId,
        kind: request.body.kind,
        teamId: request.body.teamId ?? null,
        workerId: request.body.workerId ?? null,
        startedOn: request.body.startedOn,
      })
      return reply.code(201).send({ id })
    },
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/closure',
    {
      config: read,
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Where closure stands: the open episode and proposal, open plan actions, earlier closures',
        params: PersonParams,
        response: { 200: Closure, ...problemResponses },
      },
    },
    async (request) => closureState(db, request.params.personId),
  )

  app.post<{
    Params: { personId: number }
    Body: { referralId: number; version: number; reason: string; rationale: string }
  }>(
    '/children/:personId/closure/proposal',
    {
      config: write,
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Propose closure with a DfE reason (RC1–RC9) and a rationale',
        params: PersonParams,
        body: Type.Object(
          { ...EpisodeRef, reason: Type.String({ maxLength: 4 }), rationale: Text() },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await proposeClosure(db, request.actor(), request.params.personId, request.body),
    }),
  )

  app.post<{
    Params: { personId: number }
    Body: { referralId: number; version: number; closureDate: string; rationale: string }
  }>(
    '/children/:personId/closure/sign-off',
    {
      config: authorise,
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Sign off closure (managers only): refused while plan actions are open',
        description: 'Closes the episode, ends open plans and current allocations on the closure date.',
        params: PersonParams,
        body: Type.Object(
          { ...EpisodeRef, closureDate: IsoDate, rationale: Text() },
          { additionalProperties: false },
        ),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await signOffClosure(db, request.actor(), request.params.personId, request.body),
    }),
  )

  app.post<{
    Params: { personId: number }
    Body: { referralId: number; version: number; rationale: string }
  }>(
    '/children/:personId/closure/decline',
    {
      config: authorise,
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Do not agree closure (managers only): the proposal is withdrawn with the reason',
        params: PersonParams,
        body: Type.Object({ ...EpisodeRef, rationale: Text() }, { additionalProperties: false }),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await declineClosure(db, request.actor(), request.params.personId, request.body),
    }),
  )

  app.post<{
    Params: { personId: number; actionId: number }
    Body: { status: string; handedOnTo?: string; completedOn?: string }
  }>(
    '/children/:personId/closure/actions/:actionId',
    {
      config: write,
      schema: {
        tags: ['Allocation and closure'],
        summary: 'Resolve an open plan action: done, not done, or handed on to someone',
        params: withId('actionId'),
        body: Type.Object(
          {
            status: literals(['done', 'not-done', 'handed-on']),
            handedOnTo: Type.Optional(Type.String({ maxLength: 200 })),
            completedOn: Type.Optional(IsoDate),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await resolvePlanAction(
        db,
        request.actor(),
        request.params.personId,
        request.params.actionId,
        request.body,
      )
      return reply.code(204).send()
    },
  )

  // --- Team caseloads ---

  app.get<{ Params: { teamId: number } }>(
    '/teams/:teamId/caseloads',
    {
      config: { permission: 'caseload:view' },
      schema: {
        tags: ['Allocation and closure'],
        summary: "A team's caseloads: each worker's children, per FTE, and children awaiting a worker",
        description:
          "A team manager may see their own team, a service manager their service's teams, a senior leader any.",
        params: Type.Object({ teamId: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({
            team: Type.Object({
              id: Type.Integer(),
              name: Type.String(),
              kind: Type.String(),
              serviceName: Type.String(),
            }),
            workers: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                jobTitle: Type.String(),
                employmentType: Type.String(),
                fte: Type.Number(),
                caseHolding: Type.Boolean(),
                asye: Type.Boolean(),
                children: Type.Integer(),
                perFte: Type.Number(),
              }),
            ),
            totals: Type.Object({
              children: Type.Integer(),
              caseHoldingFte: Type.Number(),
              perFte: Nullable(Type.Number()),
            }),
            awaiting: Type.Array(
              Type.Object({
                personId: Type.Integer(),
                givenName: Type.String(),
                familyName: Type.String(),
                kind: Type.String(),
                kindLabel: Type.String(),
                since: Type.String(),
              }),
            ),
            awaitingHidden: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const teamId = request.params.teamId
      if (!(await canViewTeamCaseload(db, request.user!, teamId))) {
        await logAccess(db, request.actor(), { action: 'denied', subjectType: 'team', subjectId: teamId })
        throw new HttpProblem(
          403,
          'You do not have permission to do this',
          "You can see the caseloads of your own team, or your service's teams if you are a service manager.",
        )
      }
      return teamCaseload(db, request.user!, teamId)
    },
  )
}
