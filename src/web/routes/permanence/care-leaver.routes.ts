import type { FastifyInstance, FastifyRequest } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { can } from '../../../auth/roles.ts'
import { addMonths, isIsoDate } from '../../../domain/calendar/working-days.ts'
import { ssda903CodeItems } from '../../../domain/codes/codes.ts'
import {
  allocatePersonalAdviser,
  careLeaverFeedback,
  careLeaverRecord,
  PATHWAY_REVIEW_MONTHS,
  personalAdvisersInPost,
  recordKeepingInTouch,
  SERVICE_RATING_LABELS,
  startPathwayPlan,
} from '../../../services/care-leavers.ts'
import { today } from '../../../services/dates.ts'
import { dateField, errorSummary, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { childPath, codeOptions, idField, radios, read, write } from './shared.ts'

const SECTION = 'care-leaver'
const page = (name: string) => `pages/permanence/${name}.njk`

/** Leaving care: the status worked out from care history, personal adviser, pathway plan, keeping in touch. */
export async function careLeaverRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const home = (request: FastifyRequest) => childPath(request, '/care-leaver')

  app.get('/children/:personId/care-leaver', read, async (request, reply) =>
    reply.view(page('care-leaver'), {
      ...(await recordContext(request, SECTION)),
      title: 'Leaving care',
      cl: await careLeaverRecord(db, personIdOf(request)),
      canUpdate: can(request.user!.roles, 'child:update'),
    }),
  )

  // Personal adviser -------------------------------------------------------------------------------------------

  const adviserView = async (values: Record<string, unknown>) => ({
    title: 'Allocate a personal adviser',
    values,
    adviserItems: codeOptions(
      (await personalAdvisersInPost(db)).map((w) => ({
        value: String(w.id),
        text: `${w.name} (${w.teamName})`,
      })),
      values.workerId ? String(values.workerId) : '',
      'Choose a personal adviser',
    ),
  })

  app.get('/children/:personId/care-leaver/adviser', write, async (request, reply) =>
    reply.view(page('adviser'), {
      ...(await recordContext(request, SECTION)),
      ...(await adviserView({ startedOn: today() })),
    }),
  )

  app.post('/children/:personId/care-leaver/adviser', write, async (request, reply) => {
    const values = {
      workerId: idField(request.body, 'workerId'),
      startedOn: dateField(request.body, 'startedOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('adviser'),
      view: await adviserView(values),
      save: async () => {
        await allocatePersonalAdviser(db, request.actor(), personIdOf(request), values)
        return home(request)
      },
    })
  })

  // Pathway plan -----------------------------------------------------------------------------------------------

  const planView = (values: Record<string, unknown>) => ({
    title: 'Start the pathway plan',
    values,
    reviewMonths: PATHWAY_REVIEW_MONTHS,
  })

  app.get('/children/:personId/care-leaver/pathway-plan/new', write, async (request, reply) =>
    reply.view(page('pathway-plan-new'), {
      ...(await recordContext(request, SECTION)),
      ...planView({ startDate: today(), nextReviewDue: addMonths(today(), PATHWAY_REVIEW_MONTHS) }),
    }),
  )

  app.post('/children/:personId/care-leaver/pathway-plan/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      startDate: dateField(body, 'startDate'),
      nextReviewDue: dateField(body, 'nextReviewDue'),
      outcomesText: textField(body, 'outcomes'),
      contingency: textField(body, 'contingency'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('pathway-plan-new'),
      view: planView(values),
      save: async () => {
        const planId = await startPathwayPlan(db, request.actor(), personIdOf(request), {
          ...values,
          outcomes: values.outcomesText.split(/\r?\n/),
        })
        return childPath(request, `/plans/${planId}`)
      },
    })
  })

  // Keeping in touch -------------------------------------------------------------------------------------------

  const contactView = (values: Record<string, unknown>) => ({
    title: 'Record keeping in touch',
    values,
    inTouchItems: ssda903CodeItems('IN_TOUCH', values.inTouch as string).map((i) => ({
      value: i.value,
      text: i.text,
      checked: i.value === values.inTouch,
    })),
    activityItems: codeOptions(
      ssda903CodeItems('ACTIV').filter((i) => i.value !== '0'),
      values.activity as string,
      'Choose (leave empty if not known)',
    ),
    accommodationItems: codeOptions(
      ssda903CodeItems('ACCOM').filter((i) => i.value !== '0'),
      values.accommodation as string,
      'Choose (leave empty if not known)',
    ),
    healthRatingItems: [
      { value: '', text: 'Did not say', checked: !values.healthServicesRating },
      ...radios(SERVICE_RATING_LABELS, values.healthServicesRating as string),
    ],
    wellbeingRatingItems: [
      { value: '', text: 'Did not say', checked: !values.wellbeingServicesRating },
      ...radios(SERVICE_RATING_LABELS, values.wellbeingServicesRating as string),
    ],
  })

  app.get('/children/:personId/care-leaver/contacts/new', write, async (request, reply) =>
    reply.view(page('contact-new'), {
      ...(await recordContext(request, SECTION)),
      ...contactView({ contactedOn: today() }),
    }),
  )

  app.post('/children/:personId/care-leaver/contacts/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      contactedOn: dateField(body, 'contactedOn'),
      inTouch: textField(body, 'inTouch'),
      activity: textField(body, 'activity'),
      accommodation: textField(body, 'accommodation'),
      healthFeedback: textField(body, 'healthFeedback'),
      healthServicesRating: textField(body, 'healthServicesRating'),
      wellbeingFeedback: textField(body, 'wellbeingFeedback'),
      wellbeingServicesRating: textField(body, 'wellbeingServicesRating'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('contact-new'),
      view: contactView(values),
      save: async () => {
        await recordKeepingInTouch(db, request.actor(), personIdOf(request), values)
        return home(request)
      },
    })
  })

  // For managers: what care leavers say about health and wellbeing services ---------------------------------------

  app.get('/care-leavers/feedback', { config: { permission: 'team:view' } }, async (request, reply) => {
    const q = request.query as Record<string, unknown>
    const to = textField(q, 'to') || today()
    const from = textField(q, 'from') || addMonths(to, -12)
    const errors: Record<string, string> = {}
    if (!isIsoDate(from)) errors.from = 'The start of the period must be a real date, like 2026-01-31'
    if (!isIsoDate(to)) errors.to = 'The end of the period must be a real date, like 2026-12-31'
    if (!errors.from && !errors.to && from > to) errors.to = 'The end of the period must be after its start'
    if (Object.keys(errors).length > 0) {
      reply.code(400)
      return reply.view(page('feedback'), {
        title: 'Care leavers’ feedback on health and wellbeing services',
        values: { from, to },
        errors,
        errorList: errorSummary(errors),
      })
    }
    const summary = await careLeaverFeedback(db, request.user!, { from, to })
    await logAccess(db, request.actor(), {
      action: 'view',
      subjectType: 'care-leaver-feedback',
      detail: { from, to, entries: summary.feedback.length },
    })
    return reply.view(page('feedback'), {
      title: 'Care leavers’ feedback on health and wellbeing services',
      values: { from, to },
      summary,
    })
  })
}
