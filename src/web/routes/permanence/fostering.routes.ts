import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { can } from '../../../auth/roles.ts'
import { addMonths, isIsoDate } from '../../../domain/calendar/working-days.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { today } from '../../../services/dates.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../services/errors.ts'
import {
  FOSTERING_PANEL_KIND_LABELS,
  fosteringPanelEfficiency,
  getFosteringPanel,
  PANEL_DECISION_LABELS,
  recordPanelDecision,
  recordPanelRecommendation,
  startFosteringAssessment,
} from '../../../services/fostering.ts'
import { dateField, errorSummary, textField } from '../../forms.ts'
import { idOf, radios } from './shared.ts'

const page = (name: string) => `pages/permanence/${name}.njk`
const managers = { config: { permission: 'team:view' } } as const
const deciders = { config: { permission: 'child:authorise' } } as const

/** A form on a page outside a child's record: redirect on success, or the form again with what went wrong. */
async function save(
  reply: FastifyReply,
  template: string,
  view: Record<string, unknown>,
  work: () => Promise<string>,
) {
  try {
    return reply.redirect(await work(), 303)
  } catch (error) {
    if (error instanceof ValidationError) {
      reply.code(400)
      return reply.view(template, { ...view, errors: error.fields, errorList: errorSummary(error.fields) })
    }
    if (error instanceof ConflictError) {
      reply.code(409)
      const errors = { conflict: error.message }
      return reply.view(template, { ...view, errors, errorList: errorSummary(errors) })
    }
    throw error
  }
}

/** The fostering panel, for managers: carers from assessment to decision, and how long it takes. */
export async function fosteringRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  const panelOf = async (request: FastifyRequest) => {
    try {
      return await getFosteringPanel(db, request.user!, idOf(request, 'panelId'))
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpProblem(404, 'Page not found')
      throw error
    }
  }

  app.get('/fostering', managers, async (request, reply) => {
    const q = request.query as Record<string, unknown>
    const to = textField(q, 'to') || today()
    const from = textField(q, 'from') || addMonths(to, -12)
    const errors: Record<string, string> = {}
    if (!isIsoDate(from)) errors.from = 'The start of the period must be a real date, like 2026-01-31'
    if (!isIsoDate(to)) errors.to = 'The end of the period must be a real date, like 2026-12-31'
    if (!errors.from && !errors.to && from > to) errors.to = 'The end of the period must be after its start'
    if (Object.keys(errors).length > 0) {
      reply.code(400)
      return reply.view(page('fostering'), {
        title: 'Fostering panel',
        values: { from, to },
        errors,
        errorList: errorSummary(errors),
      })
    }
    const efficiency = await fosteringPanelEfficiency(db, request.user!, { from, to })
    await logAccess(db, request.actor(), {
      action: 'view',
      subjectType: 'fostering-panel',
      detail: { from, to, decided: efficiency.decided.length },
    })
    return reply.view(page('fostering'), {
      title: 'Fostering panel',
      values: { from, to },
      e: efficiency,
      canDecide: can(request.user!.roles, 'child:authorise'),
    })
  })

  const carerView = (values: Record<string, unknown>) => ({
    title: 'Start a foster carer assessment',
    values,
    kindItems: radios(
      {
        mainstream: FOSTERING_PANEL_KIND_LABELS.mainstream,
        'connected-person': FOSTERING_PANEL_KIND_LABELS['connected-person'],
      },
      values.kind as string,
    ),
  })

  app.get('/fostering/carers/new', managers, async (_request, reply) =>
    reply.view(page('fostering-carer-new'), carerView({ kind: 'mainstream', assessmentStartedOn: today() })),
  )

  app.post('/fostering/carers/new', managers, async (request, reply) => {
    const body = request.body
    const values = {
      newCarer: {
        givenName: textField(body, 'newCarer.givenName'),
        familyName: textField(body, 'newCarer.familyName'),
        dateOfBirth: dateField(body, 'newCarer.dateOfBirth'),
      },
      kind: textField(body, 'kind'),
      assessmentStartedOn: dateField(body, 'assessmentStartedOn'),
    }
    return save(reply, page('fostering-carer-new'), carerView(values), async () => {
      await startFosteringAssessment(db, request.actor(), values)
      return '/fostering'
    })
  })

  app.get('/fostering/panels/:panelId/panel', managers, async (request, reply) => {
    const panel = await panelOf(request)
    return reply.view(page('fostering-panel'), {
      title: `Record the panel for ${panel.carerName}`,
      panel,
      values: { panelOn: today() },
    })
  })

  app.post('/fostering/panels/:panelId/panel', managers, async (request, reply) => {
    const panel = await panelOf(request)
    const values = {
      panelOn: dateField(request.body, 'panelOn'),
      recommendation: textField(request.body, 'recommendation'),
    }
    return save(
      reply,
      page('fostering-panel'),
      { title: `Record the panel for ${panel.carerName}`, panel, values },
      async () => {
        await recordPanelRecommendation(db, request.actor(), panel.id, values)
        return '/fostering'
      },
    )
  })

  const decisionView = (panel: Awaited<ReturnType<typeof panelOf>>, values: Record<string, unknown>) => ({
    title: `Record the decision for ${panel.carerName}`,
    panel,
    values,
    decisionItems: radios(PANEL_DECISION_LABELS, values.decision as string),
  })

  app.get('/fostering/panels/:panelId/decision', deciders, async (request, reply) => {
    const panel = await panelOf(request)
    return reply.view(page('fostering-decision'), decisionView(panel, { decisionOn: today() }))
  })

  app.post('/fostering/panels/:panelId/decision', deciders, async (request, reply) => {
    const panel = await panelOf(request)
    const values = {
      decision: textField(request.body, 'decision'),
      decisionOn: dateField(request.body, 'decisionOn'),
    }
    return save(reply, page('fostering-decision'), decisionView(panel, values), async () => {
      await recordPanelDecision(db, request.actor(), panel.id, values)
      return '/fostering'
    })
  })
}
