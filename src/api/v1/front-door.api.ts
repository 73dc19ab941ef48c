import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { CONTACT_DECISIONS } from '../../db/schema/index.ts'
import {
  END_REASONS,
  earlyHelpOf,
  endEarlyHelp,
  helpHistory,
  openEarlyHelp,
  stepUp,
} from '../../services/early-help.ts'
import {
  CONSENT_OPTIONS,
  type ContactInput,
  contactsAwaitingDecision,
  contactsOf,
  type DecisionInput,
  decideContact,
  decisionHistory,
  EARLY_HELP_TEAM_KINDS,
  getContact,
  managers,
  REFERRAL_TEAM_KINDS,
  recordContact,
  referralsOf,
  teamsWithWorkers,
} from '../../services/front-door.ts'
import { problemResponses } from './schemas.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Time = Type.String({ pattern: '^\\d{1,2}[:.]\\d{2}$', description: 'UK time on the 24-hour clock' })
const Id = Type.Integer({ minimum: 1 })
const Text = (maxLength: number) => Type.String({ maxLength })
const PersonParams = Type.Object({ personId: Id })
const ContactParams = Type.Object({ personId: Id, contactId: Id })
const EpisodeParams = Type.Object({ personId: Id, episodeId: Id })
const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }))

const Waiting = Type.Object({
  workingDays: Nullable(Type.Integer()),
  hours: Nullable(Type.Integer()),
  text: Type.String(),
  dueOn: Nullable(Type.String()),
  dueToday: Type.Boolean(),
  overdue: Type.Boolean(),
})

const Contact = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  receivedAt: DateTime,
  source: Type.String(),
  sourceLabel: Type.String(),
  contactName: Nullable(Type.String()),
  contactRole: Nullable(Type.String()),
  concerns: Type.Optional(Type.String()),
  consent: Type.String(),
  consentLabel: Type.String(),
  consentNote: Type.Optional(Nullable(Type.String())),
  decision: Nullable(Type.String()),
  decisionLabel: Nullable(Type.String()),
  decisionAt: Nullable(DateTime),
  decisionRationale: Type.Optional(Nullable(Type.String())),
  decidedBy: Type.Optional(Nullable(Type.String())),
  agreedBy: Type.Optional(Nullable(Type.String())),
  recordedBy: Type.Optional(Nullable(Type.String())),
  referralId: Type.Optional(Nullable(Type.Integer())),
  earlyHelpEpisodeId: Type.Optional(Nullable(Type.Integer())),
  version: Type.Optional(Type.Integer()),
  dueOn: Nullable(Type.String()),
  withinOneWorkingDay: Nullable(Type.Boolean()),
  waiting: Nullable(Waiting),
})

const Referral = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  contactId: Nullable(Type.Integer()),
  referralDate: Type.String(),
  source: Type.String(),
  sourceLabel: Type.String(),
  primaryNeed: Nullable(Type.String()),
  primaryNeedLabel: Nullable(Type.String()),
  noFurtherAction: Type.Boolean(),
  closureDate: Nullable(Type.String()),
  closureReason: Nullable(Type.String()),
  open: Type.Boolean(),
  reReferral: Type.Boolean({
    description: 'Within 12 months (365 days) of an earlier referral of the child',
  }),
  version: Type.Integer(),
})

const Episode = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  contactId: Nullable(Type.Integer()),
  startedOn: Type.String(),
  leadProfessional: Type.String(),
  leadWorkerId: Nullable(Type.Integer()),
  endedOn: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
  endReasonLabel: Nullable(Type.String()),
  steppedUpTo: Nullable(Type.Integer()),
  steppedDownFrom: Nullable(Type.Integer()),
  open: Type.Boolean(),
  version: Type.Integer(),
})

const HistoryItem = Type.Union([
  Type.Object({
    kind: Type.Literal('early-help'),
    startedOn: Type.String(),
    endedOn: Nullable(Type.String()),
    episode: Episode,
  }),
  Type.Object({
    kind: Type.Literal('referral'),
    startedOn: Type.String(),
    endedOn: Nullable(Type.String()),
    referral: Referral,
  }),
])

const ContactBody = Type.Object(
  {
    receivedDate: IsoDate,
    receivedTime: Time,
    source: Text(3),
    contactName: Type.Optional(Nullable(Text(200))),
    contactRole: Type.Optional(Nullable(Text(200))),
    concerns: Text(20_000),
    consent: Type.Union(CONSENT_OPTIONS.map((o) => Type.Literal(o))),
    consentNote: Type.Optional(Nullable(Text(5_000))),
  },
  { additionalProperties: false },
)

const DecisionBody = Type.Object(
  {
    version: Id,
    decision: Type.Union(CONTACT_DECISIONS.map((d) => Type.Literal(d))),
    decisionDate: IsoDate,
    decisionTime: Time,
    rationale: Text(20_000),
    agreedBy: Type.Union([Id, Type.Null()], { description: 'User id of the team manager who agreed' }),
    primaryNeed: Type.Optional(Nullable(Text(3))),
    teamId: Type.Optional(Nullable(Id)),
    workerId: Type.Optional(Nullable(Id)),
    earlyHelpTeamId: Type.Optional(Nullable(Id)),
    leadWorkerId: Type.Optional(Nullable(Id)),
    leadProfessional: Type.Optional(Nullable(Text(300))),
  },
  { additionalProperties: false },
)

const SiblingHistory = Type.Object({
  id: Type.Integer(),
  givenName: Type.String(),
  familyName: Type.String(),
  dateOfBirth: Nullable(Type.String()),
  relationship: Type.String(),
  contacts: Type.Array(Contact),
  referrals: Type.Array(Referral),
})

const Team = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  workers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), jobTitle: Type.String() })),
})

export async function frontDoorApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const record = { param: 'personId' }
  const tags = ['Front door and early help']

  app.get(
    '/front-door',
    {
      config: { permission: 'front-door:view' },
      schema: {
        tags,
        summary: 'Contacts awaiting a decision, oldest first, with how long each has waited',
        response: {
          200: Type.Array(
            Type.Intersect([
              Contact,
              Type.Object({
                givenName: Type.String(),
                familyName: Type.String(),
                dateOfBirth: Nullable(Type.String()),
                expectedDateOfBirth: Nullable(Type.String()),
              }),
            ]),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => contactsAwaitingDecision(db, request.user!),
  )

  app.get(
    '/front-door/choices',
    {
      config: { permission: 'child:update' },
      schema: {
        tags,
        summary: 'Who a decision can be agreed by, and the teams and workers a child can be allocated to',
        response: {
          200: Type.Object({
            managers: Type.Array(
              Type.Object({ id: Type.Integer(), name: Type.String(), teamName: Nullable(Type.String()) }),
            ),
            referralTeams: Type.Array(Team),
            earlyHelpTeams: Type.Array(Team),
          }),
          ...problemResponses,
        },
      },
    },
    async () => {
      const [managerList, referralTeams, earlyHelpTeams] = await Promise.all([
        managers(db),
        teamsWithWorkers(db, REFERRAL_TEAM_KINDS),
        teamsWithWorkers(db, EARLY_HELP_TEAM_KINDS),
      ])
      return { managers: managerList, referralTeams, earlyHelpTeams }
    },
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/contacts',
    {
      config: { permission: 'child:view', record },
      schema: {
        tags,
        summary: "A child's contacts, newest first",
        params: PersonParams,
        response: { 200: Type.Array(Contact), ...problemResponses },
      },
    },
    async (request) => contactsOf(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: ContactInput }>(
    '/children/:personId/contacts',
    {
      config: { permission: 'child:update', record },
      schema: {
        tags,
        summary: 'Record a contact about a child',
        description: 'receivedDate and receivedTime are UK local date and time.',
        params: PersonParams,
        body: ContactBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await recordContact(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  app.get<{ Params: { personId: number; contactId: number } }>(
    '/children/:personId/contacts/:contactId',
    {
      config: { permission: 'child:view', record },
      schema: {
        tags,
        summary: 'A contact, with the history a decision is made with: the child’s and their siblings’',
        params: ContactParams,
        response: {
          200: Type.Object({
            contact: Contact,
            history: Type.Object({
              contacts: Type.Array(Contact),
              referrals: Type.Array(Referral),
              siblings: Type.Array(SiblingHistory),
              hiddenSiblings: Type.Integer(),
            }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { personId, contactId } = request.params
      const found = await getContact(db, personId, contactId)
      const history = await decisionHistory(db, request.actor(), personId, contactId)
      return { contact: found, history }
    },
  )

  app.post<{ Params: { personId: number; contactId: number }; Body: DecisionInput }>(
    '/children/:personId/contacts/:contactId/decision',
    {
      config: { permission: 'child:update', record },
      schema: {
        tags,
        summary: 'Record the threshold decision on a contact (refused with 409 if it moved on)',
        description:
          'A referral or strategy discussion starts a referral (primaryNeed, teamId, optional workerId) and allocates the child; early help starts an episode (earlyHelpTeamId and leadWorkerId or leadProfessional). decisionDate and decisionTime are UK local date and time.',
        params: ContactParams,
        body: DecisionBody,
        response: {
          200: Type.Object({
            version: Type.Integer(),
            referralId: Nullable(Type.Integer()),
            earlyHelpEpisodeId: Nullable(Type.Integer()),
          }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      decideContact(db, request.actor(), request.params.personId, request.params.contactId, request.body),
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/referrals',
    {
      config: { permission: 'child:view', record },
      schema: {
        tags,
        summary: "A child's referrals, newest first, each with whether it is a re-referral within 12 months",
        params: PersonParams,
        response: { 200: Type.Array(Referral), ...problemResponses },
      },
    },
    async (request) => referralsOf(db, request.params.personId),
  )

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/early-help',
    {
      config: { permission: 'child:view', record },
      schema: {
        tags,
        summary: "A child's early help episodes, and their early help and social care as one history",
        params: PersonParams,
        response: {
          200: Type.Object({ episodes: Type.Array(Episode), history: Type.Array(HistoryItem) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const [episodes, history] = await Promise.all([
        earlyHelpOf(db, request.params.personId),
        helpHistory(db, request.params.personId),
      ])
      return { episodes, history }
    },
  )

  app.post<{
    Params: { personId: number }
    Body: {
      startedOn: string
      teamId: number
      leadWorkerId?: number | null
      leadProfessional?: string | null
      steppedDownFrom?: number | null
    }
  }>(
    '/children/:personId/early-help',
    {
      config: { permission: 'child:update', record },
      schema: {
        tags,
        summary: 'Start early help, or step down into it from a referral (steppedDownFrom)',
        params: PersonParams,
        body: Type.Object(
          {
            startedOn: IsoDate,
            teamId: Id,
            leadWorkerId: Type.Optional(Nullable(Id)),
            leadProfessional: Type.Optional(Nullable(Text(300))),
            steppedDownFrom: Type.Optional(Nullable(Id)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const id = await openEarlyHelp(db, request.actor(), request.params.personId, request.body)
      return reply.code(201).send({ id })
    },
  )

  app.post<{
    Params: { personId: number; episodeId: number }
    Body: { version: number; endedOn: string; endReason: string }
  }>(
    '/children/:personId/early-help/:episodeId/end',
    {
      config: { permission: 'child:update', record },
      schema: {
        tags,
        summary: 'End early help (to refer to social care, use step-up)',
        params: EpisodeParams,
        body: Type.Object(
          {
            version: Id,
            endedOn: IsoDate,
            endReason: Type.Union(END_REASONS.map((r) => Type.Literal(r))),
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
    async (request) => ({
      version: await endEarlyHelp(
        db,
        request.actor(),
        request.params.personId,
        request.params.episodeId,
        request.body,
      ),
    }),
  )

  app.post<{
    Params: { personId: number; episodeId: number }
    Body: {
      version: number
      referralDate: string
      primaryNeed: string
      teamId: number
      workerId?: number | null
    }
  }>(
    '/children/:personId/early-help/:episodeId/step-up',
    {
      config: { permission: 'child:update', record },
      schema: {
        tags,
        summary: 'Step up to children’s social care: ends early help and starts a referral, in one go',
        params: EpisodeParams,
        body: Type.Object(
          {
            version: Id,
            referralDate: IsoDate,
            primaryNeed: Text(3),
            teamId: Id,
            workerId: Type.Optional(Nullable(Id)),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ referralId: Type.Integer(), version: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      stepUp(db, request.actor(), request.params.personId, request.params.episodeId, request.body),
  )
}
