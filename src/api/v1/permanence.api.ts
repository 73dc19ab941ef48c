import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { addMonths, isIsoDate } from '../../domain/calendar/working-days.ts'
import { HttpProblem } from '../../plugins/authorisation.ts'
import {
  ADOPTION_STEPS,
  type AdoptionStep,
  type AdoptionStepInput,
  adoptionRecord,
  adoptionTimeliness,
  FAMILY_FINDING_ACTIVITIES,
  type FamilyFindingInput,
  recordAdoptionStep,
  recordFamilyFinding,
  sealAtMatching,
  startAdoptionCase,
} from '../../services/adoption.ts'
import {
  allocatePersonalAdviser,
  careLeaverFeedback,
  careLeaverRecord,
  type KeepingInTouchInput,
  type PathwayPlanInput,
  recordKeepingInTouch,
  SERVICE_RATINGS,
  startPathwayPlan,
} from '../../services/care-leavers.ts'
import { today } from '../../services/dates.ts'
import {
  FOSTERING_PANEL_KINDS,
  type FosteringAssessmentInput,
  fosteringPanelEfficiency,
  getFosteringPanel,
  PANEL_DECISIONS,
  recordPanelDecision,
  recordPanelRecommendation,
  referConnectedPersonToPanel,
  startFosteringAssessment,
} from '../../services/fostering.ts'
import {
  CARER_ASSESSMENT_KINDS,
  CARER_OUTCOMES,
  type CarerAssessmentInput,
  type CarerAssessmentUpdate,
  completeDirectWork,
  createPermanencePlan,
  DIRECT_WORK_KINDS,
  type DirectWorkInput,
  PERMANENCE_OPTIONS,
  type PermanencePlanInput,
  type PreviousPermanenceInput,
  permanencePlanVersions,
  permanenceRecord,
  planDirectWork,
  recordPreviousPermanence,
  recordSiblingAssessment,
  recordSpecialGuardianshipOrder,
  type SiblingAssessmentInput,
  type SpecialGuardianshipOrderInput,
  startCarerAssessment,
  updateCarerAssessment,
  updatePermanencePlan,
} from '../../services/permanence.ts'
import { problemResponses } from './schemas.ts'

// Permanence, adoption, the fostering panel and leaving care as JSON: the same operations, checks and audit
// trails as the pages. Dates are ISO dates (YYYY-MM-DD); codes are the DfE SSDA903 codes. Statuses (care
// leaver status, scorecard intervals, deadlines) are worked out when read, never sent.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Text = (maxLength = 20_000) => Type.String({ maxLength })
const Code = (description: string) => Type.String({ maxLength: 8, description })
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))
const Body = <T extends Parameters<typeof Type.Object>[0]>(props: T) =>
  Type.Object(props, { additionalProperties: false })

const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) })
const withId = (name: string) =>
  Type.Object({ personId: Type.Integer({ minimum: 1 }), [name]: Type.Integer({ minimum: 1 }) })
const Created = Type.Object({ id: Type.Integer() })
const Version = Type.Object({ version: Type.Integer() })
const Range = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
)
const Anything = Type.Unknown({ description: 'See the page of the same name for what it holds' })

const NewCarer = Body({
  givenName: Type.String({ minLength: 1, maxLength: 100 }),
  familyName: Type.String({ minLength: 1, maxLength: 100 }),
  dateOfBirth: Type.Optional(Nullable(IsoDate)),
  sex: Type.Optional(Nullable(Type.String({ maxLength: 1 }))),
})

const PlanBody = {
  decidedOn: IsoDate,
  chosenOption: literals(PERMANENCE_OPTIONS),
  rationale: Text(),
  options: Type.Array(
    Body({ option: literals(PERMANENCE_OPTIONS), considered: Type.Boolean(), analysis: Text() }),
    {
      maxItems: PERMANENCE_OPTIONS.length,
      description: 'Every option, considered or not, with what was found',
    },
  ),
}

function range(query: { from?: string; to?: string }) {
  const to = query.to ?? today()
  const from = query.from ?? addMonths(to, -12)
  if (!isIsoDate(from) || !isIsoDate(to) || from > to)
    throw new HttpProblem(
      400,
      'There is a problem with your request',
      'The period must run from a date to a later one',
    )
  return { from, to }
}

export async function permanenceApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { permission: 'child:view', record: { param: 'personId' } } as const
  const write = { permission: 'child:update', record: { param: 'personId' } } as const
  const authorise = { permission: 'child:authorise', record: { param: 'personId' } } as const
  const managers = { permission: 'team:view' } as const

  // ——— Permanence ———

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/permanence',
    {
      config: read,
      schema: {
        tags: ['Permanence'],
        summary:
          'The permanence plan (when it is due, every option and the rationale), permanence before care, siblings, carer assessments with regulation 24 deadlines, special guardianship orders and direct work',
        params: PersonParams,
        response: { 200: Anything, ...problemResponses },
      },
    },
    async (request) => permanenceRecord(db, request.params.personId, request.user!),
  )

  app.post<{ Params: { personId: number }; Body: PermanencePlanInput }>(
    '/children/:personId/permanence/plans',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Record the permanence plan for the current period of care',
        params: PersonParams,
        body: Body(PlanBody),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await createPermanencePlan(db, request.actor(), request.params.personId, request.body) }),
  )

  app.put<{
    Params: { personId: number; planId: number }
    Body: PermanencePlanInput & { version: number; reason?: string }
  }>(
    '/children/:personId/permanence/plans/:planId',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Save a new version of the permanence plan (409 if someone saved since the version given)',
        params: withId('planId'),
        body: Body({ ...PlanBody, version: Type.Integer({ minimum: 1 }), reason: Type.Optional(Text(2000)) }),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await updatePermanencePlan(
        db,
        request.actor(),
        request.params.personId,
        request.params.planId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.get<{ Params: { personId: number; planId: number } }>(
    '/children/:personId/permanence/plans/:planId/versions',
    {
      config: read,
      schema: {
        tags: ['Permanence'],
        summary: 'Every saved version of the permanence plan: who changed what, when and why',
        params: withId('planId'),
        response: { 200: Anything, ...problemResponses },
      },
    },
    async (request) => permanencePlanVersions(db, request.params.personId, request.params.planId),
  )

  app.put<{ Params: { personId: number }; Body: PreviousPermanenceInput & { version: number } }>(
    '/children/:personId/permanence/previous',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Permanence before this period of care (903 PrevPerm), against the person version',
        params: PersonParams,
        body: Body({
          version: Type.Integer({ minimum: 1, description: "The person's version" }),
          previousPermanence: Code('903 PREV_PERM: P1–P4, Z1'),
          previousPermanenceLa: Type.Optional(Nullable(Code('903 LA_PERM'))),
          previousPermanenceOn: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await recordPreviousPermanence(
        db,
        request.actor(),
        request.params.personId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<{ Params: { personId: number }; Body: SiblingAssessmentInput }>(
    '/children/:personId/permanence/sibling-assessments',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Record whether the child should live with a brother or sister, and why',
        params: PersonParams,
        body: Body({
          siblingPersonId: Type.Integer({ minimum: 1 }),
          assessedOn: IsoDate,
          outcome: literals(['together', 'apart']),
          rationale: Text(),
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await recordSiblingAssessment(
          db,
          request.actor(),
          request.params.personId,
          request.body,
          request.user!,
        ),
      }),
  )

  app.post<{ Params: { personId: number }; Body: CarerAssessmentInput }>(
    '/children/:personId/permanence/carer-assessments',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Start assessing a family member or friend as a carer (an existing person, or a new one)',
        params: PersonParams,
        body: Body({
          carerPersonId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          newCarer: Type.Optional(Nullable(NewCarer)),
          kind: literals(CARER_ASSESSMENT_KINDS),
          startedOn: IsoDate,
          temporaryApprovalOn: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await startCarerAssessment(
          db,
          request.actor(),
          request.params.personId,
          request.body,
          request.user!,
        ),
      }),
  )

  app.put<{
    Params: { personId: number; assessmentId: number }
    Body: CarerAssessmentUpdate & { version: number }
  }>(
    '/children/:personId/permanence/carer-assessments/:assessmentId',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Temporary approval, its one extension (up to 8 weeks), completion and outcome',
        params: withId('assessmentId'),
        body: Body({
          version: Type.Integer({ minimum: 1 }),
          completedOn: Type.Optional(Nullable(IsoDate)),
          outcome: Type.Optional(Nullable(literals(CARER_OUTCOMES))),
          temporaryApprovalOn: Type.Optional(Nullable(IsoDate)),
          temporaryApprovalExtendedTo: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await updateCarerAssessment(
        db,
        request.actor(),
        request.params.personId,
        request.params.assessmentId,
        request.body.version,
        request.body,
      ),
    }),
  )

  app.post<{ Params: { personId: number; assessmentId: number } }>(
    '/children/:personId/permanence/carer-assessments/:assessmentId/fostering-panel',
    {
      config: write,
      schema: {
        tags: ['Fostering panel'],
        summary: 'Refer a connected person to the fostering panel (the clock starts at their assessment)',
        params: withId('assessmentId'),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await referConnectedPersonToPanel(
          db,
          request.actor(),
          request.params.personId,
          request.params.assessmentId,
        ),
      }),
  )

  app.post<{ Params: { personId: number }; Body: SpecialGuardianshipOrderInput }>(
    '/children/:personId/permanence/special-guardianship-orders',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Record a special guardianship order',
        params: PersonParams,
        body: Body({ guardianPersonId: Type.Integer({ minimum: 1 }), madeOn: IsoDate }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await recordSpecialGuardianshipOrder(
          db,
          request.actor(),
          request.params.personId,
          request.body,
          request.user!,
        ),
      }),
  )

  app.post<{ Params: { personId: number }; Body: DirectWorkInput }>(
    '/children/:personId/permanence/direct-work',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Plan life-story work, a later-life letter or other direct work, to be done by a date',
        params: PersonParams,
        body: Body({
          kind: literals(DIRECT_WORK_KINDS),
          plannedBy: IsoDate,
          notes: Type.Optional(Nullable(Text())),
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await planDirectWork(db, request.actor(), request.params.personId, request.body) }),
  )

  app.post<{
    Params: { personId: number; workId: number }
    Body: { completedOn: string; notes?: string | null }
  }>(
    '/children/:personId/permanence/direct-work/:workId/complete',
    {
      config: write,
      schema: {
        tags: ['Permanence'],
        summary: 'Record that planned direct work was done (409 if already recorded)',
        params: withId('workId'),
        body: Body({ completedOn: IsoDate, notes: Type.Optional(Nullable(Text())) }),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await completeDirectWork(
        db,
        request.actor(),
        request.params.personId,
        request.params.workId,
        request.body,
      )
      return reply.code(204).send()
    },
  )

  // ——— Adoption ———

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/adoption',
    {
      config: read,
      schema: {
        tags: ['Adoption'],
        summary:
          'The adoption cases (latest first) with family finding, the SSDA903 AD1 and PlacedAdoption items, scorecard intervals and whether the record is sealed',
        params: PersonParams,
        response: { 200: Anything, ...problemResponses },
      },
    },
    async (request) => adoptionRecord(db, request.params.personId, request.user!),
  )

  app.post<{ Params: { personId: number }; Body: { shouldBePlacedOn: string } }>(
    '/children/:personId/adoption',
    {
      config: write,
      schema: {
        tags: ['Adoption'],
        summary:
          "The agency decision maker's decision that the child should be placed for adoption (903 DATE_INT)",
        params: PersonParams,
        body: Body({ shouldBePlacedOn: IsoDate }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await startAdoptionCase(db, request.actor(), request.params.personId, request.body) }),
  )

  app.post<{
    Params: { personId: number; caseId: number; step: AdoptionStep }
    Body: AdoptionStepInput & { version: number }
  }>(
    '/children/:personId/adoption/:caseId/steps/:step',
    {
      config: write,
      schema: {
        tags: ['Adoption'],
        summary:
          'Record a step: placement-order, matching-panel, match (with the adopters: 903 DATE_MATCH, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR, FOSTER_CARE), placed, order (seals the record), or ceased (903 DATE_PLACED_CEASED, REASON_PLACED_CEASED)',
        params: Type.Object({
          personId: Type.Integer({ minimum: 1 }),
          caseId: Type.Integer({ minimum: 1 }),
          step: literals(ADOPTION_STEPS),
        }),
        body: Body({
          version: Type.Integer({ minimum: 1 }),
          placementOrderOn: Type.Optional(Nullable(IsoDate)),
          matchingPanelOn: Type.Optional(Nullable(IsoDate)),
          matchingRecommendation: Type.Optional(Nullable(Text())),
          matchedOn: Type.Optional(Nullable(IsoDate)),
          numberOfAdopters: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2 }))),
          sexOfAdopters: Type.Optional(Nullable(Code('903 SEX_ADOPTR'))),
          legalStatusOfAdopters: Type.Optional(Nullable(Code('903 LS_ADOPTR'))),
          byFosterCarers: Type.Optional(Nullable(Type.Boolean())),
          placedOn: Type.Optional(Nullable(IsoDate)),
          adoptionOrderOn: Type.Optional(Nullable(IsoDate)),
          decisionCeasedOn: Type.Optional(Nullable(IsoDate)),
          decisionCeasedReason: Type.Optional(Nullable(Code('903 REASON_PLACED_CEASED'))),
        }),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await recordAdoptionStep(
        db,
        request.actor(),
        request.params.personId,
        request.params.caseId,
        request.body.version,
        request.params.step,
        request.body,
      ),
    }),
  )

  app.post<{ Params: { personId: number; caseId: number }; Body: FamilyFindingInput }>(
    '/children/:personId/adoption/:caseId/family-finding',
    {
      config: write,
      schema: {
        tags: ['Adoption'],
        summary: 'Record family finding activity',
        params: withId('caseId'),
        body: Body({
          occurredOn: IsoDate,
          activity: literals(Object.keys(FAMILY_FINDING_ACTIVITIES)),
          notes: Type.Optional(Nullable(Text())),
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await recordFamilyFinding(
          db,
          request.actor(),
          request.params.personId,
          request.params.caseId,
          request.body,
        ),
      }),
  )

  app.post<{ Params: { personId: number; caseId: number }; Body: { version: number } }>(
    '/children/:personId/adoption/:caseId/seal',
    {
      config: authorise,
      schema: {
        tags: ['Adoption'],
        summary: 'Seal the adoption record at matching (an adoption manager only)',
        params: withId('caseId'),
        body: Body({ version: Type.Integer({ minimum: 1 }) }),
        response: { 200: Version, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => ({
      version: await sealAtMatching(
        db,
        request.actor(),
        request.params.personId,
        request.params.caseId,
        request.body.version,
      ),
    }),
  )

  app.get<{ Querystring: { waitingForMatch?: boolean; asAt?: string } }>(
    '/adoption/timeliness',
    {
      config: managers,
      schema: {
        tags: ['Adoption'],
        summary:
          'Adoption scorecard intervals for every child the user may see: A1 entry to care → placed (426 days), A2 placement order → match (121 days)',
        querystring: Type.Object(
          { waitingForMatch: Type.Optional(Type.Boolean()), asAt: Type.Optional(IsoDate) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              personId: Type.Integer(),
              givenName: Type.String(),
              familyName: Type.String(),
              adoptionCaseId: Type.Integer(),
              enteredCareOn: Nullable(Type.String()),
              shouldBePlacedOn: Type.String(),
              placementOrderOn: Nullable(Type.String()),
              matchedOn: Nullable(Type.String()),
              placedOn: Nullable(Type.String()),
              adoptionOrderOn: Nullable(Type.String()),
              decisionCeasedOn: Nullable(Type.String()),
              a1Days: Nullable(Type.Integer()),
              a1Complete: Type.Boolean(),
              a1Exceeded: Type.Boolean(),
              a2Days: Nullable(Type.Integer()),
              a2Complete: Type.Boolean(),
              a2Exceeded: Type.Boolean(),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const rows = await adoptionTimeliness(db, {
        user: request.user!,
        ...(request.query.asAt ? { asAt: request.query.asAt } : {}),
        ...(request.query.waitingForMatch ? { waitingForMatch: true } : {}),
      })
      return request.query.waitingForMatch
        ? [...rows].sort((a, b) => (b.a2Days ?? 0) - (a.a2Days ?? 0))
        : rows
    },
  )

  // ——— Leaving care ———

  app.get<{ Params: { personId: number } }>(
    '/children/:personId/care-leaver',
    {
      config: read,
      schema: {
        tags: ['Leaving care'],
        summary:
          'Eligible, relevant or former relevant status worked out from care history, personal adviser, pathway plans, contacts and which OC3 birthdays are due',
        params: PersonParams,
        response: { 200: Anything, ...problemResponses },
      },
    },
    async (request) => careLeaverRecord(db, request.params.personId),
  )

  app.post<{ Params: { personId: number }; Body: { workerId: number; startedOn: string } }>(
    '/children/:personId/care-leaver/personal-adviser',
    {
      config: write,
      schema: {
        tags: ['Leaving care'],
        summary: 'Allocate a personal adviser (the previous one ends)',
        params: PersonParams,
        body: Body({ workerId: Type.Integer({ minimum: 1 }), startedOn: IsoDate }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await allocatePersonalAdviser(db, request.actor(), request.params.personId, request.body),
      }),
  )

  app.post<{ Params: { personId: number }; Body: PathwayPlanInput }>(
    '/children/:personId/care-leaver/pathway-plans',
    {
      config: write,
      schema: {
        tags: ['Leaving care'],
        summary: 'Start the pathway plan (a plan of kind pathway, first reviewed within 6 months)',
        params: PersonParams,
        body: Body({
          startDate: IsoDate,
          nextReviewDue: IsoDate,
          outcomes: Type.Array(Text(2000), { minItems: 1, maxItems: 30 }),
          contingency: Text(),
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await startPathwayPlan(db, request.actor(), request.params.personId, request.body) }),
  )

  app.post<{ Params: { personId: number }; Body: KeepingInTouchInput }>(
    '/children/:personId/care-leaver/contacts',
    {
      config: write,
      schema: {
        tags: ['Leaving care'],
        summary: 'Record keeping in touch (903 IN_TOUCH, ACTIV, ACCOM) and the young person’s own feedback',
        params: PersonParams,
        body: Body({
          contactedOn: IsoDate,
          inTouch: Code('903 IN_TOUCH'),
          activity: Type.Optional(Nullable(Code('903 ACTIV'))),
          accommodation: Type.Optional(
            Nullable(Code('903 ACCOM: the last digit says whether it is suitable')),
          ),
          healthFeedback: Type.Optional(Nullable(Text())),
          healthServicesRating: Type.Optional(Nullable(literals(SERVICE_RATINGS))),
          wellbeingFeedback: Type.Optional(Nullable(Text())),
          wellbeingServicesRating: Type.Optional(Nullable(literals(SERVICE_RATINGS))),
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await recordKeepingInTouch(db, request.actor(), request.params.personId, request.body) }),
  )

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/care-leavers/feedback',
    {
      config: managers,
      schema: {
        tags: ['Leaving care'],
        summary:
          'Care leavers’ feedback on health and wellbeing services over a period (default: the last 12 months)',
        querystring: Range,
        response: { 200: Anything, ...problemResponses },
      },
    },
    async (request) => careLeaverFeedback(db, request.user!, range(request.query)),
  )

  // ——— Fostering panel ———

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/fostering/panels',
    {
      config: managers,
      schema: {
        tags: ['Fostering panel'],
        summary:
          'Carers on their way to the panel and decisions in a period, with days from assessment start to panel and decision, and the averages',
        querystring: Range,
        response: { 200: Anything, ...problemResponses },
      },
    },
    async (request) => fosteringPanelEfficiency(db, request.user!, range(request.query)),
  )

  app.post<{ Body: FosteringAssessmentInput }>(
    '/fostering/assessments',
    {
      config: managers,
      schema: {
        tags: ['Fostering panel'],
        summary: 'Start a carer on their way to the panel (an existing person, or a new one)',
        body: Body({
          carerPersonId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          newCarer: Type.Optional(Nullable(NewCarer)),
          kind: literals(FOSTERING_PANEL_KINDS),
          assessmentStartedOn: IsoDate,
        }),
        response: { 201: Created, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await startFosteringAssessment(db, request.actor(), request.body) }),
  )

  app.post<{ Params: { panelId: number }; Body: { panelOn: string; recommendation: string } }>(
    '/fostering/panels/:panelId/recommendation',
    {
      config: managers,
      schema: {
        tags: ['Fostering panel'],
        summary: "The panel's date and recommendation (409 if already recorded)",
        params: Type.Object({ panelId: Type.Integer({ minimum: 1 }) }),
        body: Body({ panelOn: IsoDate, recommendation: Text() }),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await getFosteringPanel(db, request.user!, request.params.panelId)
      await recordPanelRecommendation(db, request.actor(), request.params.panelId, request.body)
      return reply.code(204).send()
    },
  )

  app.post<{ Params: { panelId: number }; Body: { decision: string; decisionOn: string } }>(
    '/fostering/panels/:panelId/decision',
    {
      config: { permission: 'child:authorise' },
      schema: {
        tags: ['Fostering panel'],
        summary: 'The agency decision after the panel (409 if already recorded)',
        params: Type.Object({ panelId: Type.Integer({ minimum: 1 }) }),
        body: Body({ decision: literals(PANEL_DECISIONS), decisionOn: IsoDate }),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await getFosteringPanel(db, request.user!, request.params.panelId)
      await recordPanelDecision(db, request.actor(), request.params.panelId, request.body)
      return reply.code(204).send()
    },
  )
}
