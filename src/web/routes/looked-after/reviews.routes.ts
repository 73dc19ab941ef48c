import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { today } from '../../../services/dates.ts'
import {
  ESCALATION_OUTCOME_LABELS,
  ESCALATION_STAGE_LABELS,
  escalationResponseDue,
  getEscalation,
  IRO_CONTACT_KIND_LABELS,
  irosInPost,
  openEscalations,
  raiseEscalation,
  recordIroContact,
  recordLacReview,
  respondToEscalation,
  reviewsRecord,
} from '../../../services/looked-after.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, intField, radioItems, workerItems } from '../practice/helpers.ts'
import { base, codeRadios, perLine, read, write } from './shared.ts'

const SECTION = 'lac-reviews'
const view = (name: string) => `pages/looked-after/${name}.njk`

/** The IRO's work: looked-after reviews, contact with the child, and dispute resolution. */
export async function reviewsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const page = (request: FastifyRequest) => `${base(request)}/looked-after/reviews`

  // Across the authority: open escalations for the children the user may see (managers, IROs, leaders).
  app.get(
    '/looked-after/escalations',
    { config: { permission: 'escalations:view' } },
    async (request, reply) =>
      reply.view(view('escalations'), {
        title: 'Open IRO escalations',
        escalations: await openEscalations(db, request.user!),
      }),
  )

  app.get('/children/:personId/looked-after/reviews', read, async (request, reply) => {
    const [context, reviews] = await Promise.all([
      recordContext(request, SECTION),
      reviewsRecord(db, personIdOf(request)),
    ])
    return reply.view(view('reviews'), {
      title: 'Reviews and IRO',
      ...context,
      r: reviews,
      canUpdate: can(request.user!.roles, 'child:update'),
    })
  })

  const reviewView = async (values: Record<string, unknown>) => ({
    title: 'Record a looked-after review',
    values,
    participationItems: codeRadios('REVIEW_CODE', values.participation as string),
    iroItems: workerItems(await irosInPost(db), values.iroWorkerId as number | null, "The child's IRO"),
  })

  app.get('/children/:personId/looked-after/reviews/new', write, async (request, reply) =>
    reply.view(view('review-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await reviewView({ heldOn: today() })),
    }),
  )

  app.post('/children/:personId/looked-after/reviews/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      heldOn: dateField(body, 'heldOn'),
      iroWorkerId: intField(body, 'iroWorkerId'),
      participation: textField(body, 'participation'),
      childsViews: textField(body, 'childsViews'),
      attendees: perLine(body, 'attendees'),
      attendeesText: textField(body, 'attendees'),
      decisions: textField(body, 'decisions'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('review-new'),
      view: await reviewView(values),
      save: async () => {
        await recordLacReview(db, request.actor(), personIdOf(request), values)
        return page(request)
      },
    })
  })

  const contactView = async (values: Record<string, unknown>) => ({
    title: 'Record IRO contact with the child',
    values,
    kindItems: radioItems(IRO_CONTACT_KIND_LABELS, values.kind as string),
    iroItems: workerItems(await irosInPost(db), values.iroWorkerId as number | null, "The child's IRO"),
  })

  app.get('/children/:personId/looked-after/iro-contacts/new', write, async (request, reply) =>
    reply.view(view('iro-contact-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await contactView({ contactedOn: today() })),
    }),
  )

  app.post('/children/:personId/looked-after/iro-contacts/new', write, async (request, reply) => {
    const values = {
      contactedOn: dateField(request.body, 'contactedOn'),
      kind: textField(request.body, 'kind'),
      notes: textField(request.body, 'notes'),
      iroWorkerId: intField(request.body, 'iroWorkerId'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('iro-contact-new'),
      view: await contactView(values),
      save: async () => {
        await recordIroContact(db, request.actor(), personIdOf(request), values)
        return page(request)
      },
    })
  })

  const escalationView = (values: Record<string, unknown>) => ({
    title: 'Raise an issue (IRO dispute resolution)',
    values,
    stageItems: radioItems(ESCALATION_STAGE_LABELS, values.stage as string),
    defaultDue: escalationResponseDue(today()),
  })

  app.get('/children/:personId/looked-after/escalations/new', write, async (request, reply) =>
    reply.view(view('escalation-new'), {
      ...(await recordContext(request, SECTION)),
      ...escalationView({ raisedOn: today(), stage: 'informal' }),
    }),
  )

  app.post('/children/:personId/looked-after/escalations/new', write, async (request, reply) => {
    const values = {
      stage: textField(request.body, 'stage'),
      raisedOn: dateField(request.body, 'raisedOn'),
      issue: textField(request.body, 'issue'),
      respondent: textField(request.body, 'respondent'),
      responseDue: dateField(request.body, 'responseDue'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('escalation-new'),
      view: escalationView(values),
      save: async () => {
        await raiseEscalation(db, request.actor(), personIdOf(request), values)
        return page(request)
      },
    })
  })

  const respondView = (
    escalation: Awaited<ReturnType<typeof getEscalation>>,
    values: Record<string, unknown>,
  ) => ({
    title: 'Record the response',
    escalation,
    values,
    outcomeItems: radioItems(ESCALATION_OUTCOME_LABELS, values.outcome as string),
  })

  app.get(
    '/children/:personId/looked-after/escalations/:escalationId/respond',
    write,
    async (request, reply) => {
      const escalation = await getEscalation(db, personIdOf(request), idParam(request, 'escalationId'))
      return reply.view(view('escalation-respond'), {
        ...(await recordContext(request, SECTION)),
        ...respondView(escalation, { version: escalation.version, respondedOn: today() }),
      })
    },
  )

  app.post(
    '/children/:personId/looked-after/escalations/:escalationId/respond',
    write,
    async (request, reply) => {
      const escalation = await getEscalation(db, personIdOf(request), idParam(request, 'escalationId'))
      const values = {
        version: textField(request.body, 'version'),
        response: textField(request.body, 'response'),
        respondedOn: dateField(request.body, 'respondedOn'),
        outcome: textField(request.body, 'outcome'),
        nextRespondent: textField(request.body, 'nextRespondent'),
      }
      return saveForm(request, reply, {
        section: SECTION,
        template: view('escalation-respond'),
        view: respondView(escalation, values),
        save: async () => {
          await respondToEscalation(db, request.actor(), personIdOf(request), escalation.id, {
            ...values,
            version: Number(values.version),
          })
          return page(request)
        },
      })
    },
  )
}
