import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { cinCodes } from '../../../domain/codes/codes.ts'
import {
  ASSESSMENT_OUTCOME_LABELS,
  ASSESSMENT_OUTCOMES,
  type AssessmentInput,
  agreeAssessmentExtension,
  authoriseAssessment,
  completeAssessment,
  correctAssessmentFactors,
  createAssessment,
  getAssessment,
  isCurrentFactor,
  listAssessments,
  longDate,
  returnAssessment,
  updateAssessment,
} from '../../../services/assessments.ts'
import { today } from '../../../services/dates.ts'
import { NotFoundError } from '../../../services/errors.ts'
import { booleanField, dateField, listField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'

const SECTION = 'assessments'

/** A numeric route or query parameter; anything else is a page that does not exist. */
function idOf(value: unknown): number {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError('No such page')
  return id
}

const assessmentIdOf = (request: FastifyRequest) =>
  idOf((request.params as { assessmentId: string }).assessmentId)

function assessmentFromForm(body: unknown): AssessmentInput {
  return {
    startDate: dateField(body, 'startDate'),
    factors: listField(body, 'factors'),
    livedExperience: textField(body, 'livedExperience'),
    identityAndCulture: textField(body, 'identityAndCulture'),
    childsViews: textField(body, 'childsViews'),
    parentalCapacity: textField(body, 'parentalCapacity'),
    historyAndRisks: textField(body, 'historyAndRisks'),
    strengths: textField(body, 'strengths'),
    analysis: textField(body, 'analysis'),
    outcome: textField(body, 'outcome'),
    nextSteps: textField(body, 'nextSteps'),
    extensionReason: textField(body, 'extensionReason'),
  }
}

/** The choices the assessment form offers, with what is already chosen. */
function formOptions(values: { factors?: readonly string[]; outcome?: string | null }) {
  const chosen = new Set(values.factors ?? [])
  return {
    factorItems: cinCodes('AssessmentFactors')
      .filter((f) => isCurrentFactor(f.code))
      .map((f) => ({ value: f.code, text: `${f.code} – ${f.label}`, checked: chosen.has(f.code) })),
    outcomeItems: ASSESSMENT_OUTCOMES.map((o) => ({
      value: o,
      text: ASSESSMENT_OUTCOME_LABELS[o],
      checked: values.outcome === o,
    })),
  }
}

export async function assessmentsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { config: { permission: 'child:view', record: { param: 'personId' } } } as const
  const write = { config: { permission: 'child:update', record: { param: 'personId' } } } as const

  app.get('/children/:personId/assessments', read, async (request, reply) => {
    const personId = personIdOf(request)
    return reply.view('pages/assessments/index.njk', {
      title: 'Assessments',
      ...(await recordContext(request, SECTION)),
      referrals: await listAssessments(db, personId),
      canUpdate: can(request.user!.roles, 'child:update'),
    })
  })

  const newView = async (
    request: FastifyRequest,
    referralId: number | null,
    values: Record<string, unknown>,
  ) => {
    const referrals = (await listAssessments(db, personIdOf(request))).filter((r) => r.canStart)
    return {
      title: 'Start an assessment',
      values,
      referralItems: referrals.map((r) => ({
        value: String(r.id),
        text: `Referral of ${longDate(r.referralDate)}`,
        checked: referralId === r.id || referrals.length === 1,
      })),
      ...formOptions(values as { factors?: string[]; outcome?: string }),
    }
  }

  app.get('/children/:personId/assessments/new', write, async (request, reply) => {
    const q = request.query as Record<string, string>
    const referralId = q.referralId ? Number(q.referralId) : null
    return reply.view('pages/assessments/form.njk', {
      ...(await recordContext(request, SECTION)),
      ...(await newView(request, referralId, { startDate: today(), factors: [] })),
    })
  })

  app.post('/children/:personId/assessments/new', write, async (request, reply) => {
    const personId = personIdOf(request)
    const values = assessmentFromForm(request.body)
    const referralId = Number(textField(request.body, 'referralId')) || 0
    return saveForm(request, reply, {
      section: SECTION,
      template: 'pages/assessments/form.njk',
      view: await newView(request, referralId, values as unknown as Record<string, unknown>),
      save: async () => {
        const id = await createAssessment(db, request.actor(), personId, referralId, values)
        return `/children/${personId}/assessments/${id}`
      },
    })
  })

  const showView = async (request: FastifyRequest) => {
    const a = await getAssessment(db, personIdOf(request), assessmentIdOf(request))
    const roles = request.user!.roles
    return {
      title: 'Assessment',
      a,
      today: today(),
      canUpdate: can(roles, 'child:update'),
      canAuthorise: can(roles, 'child:authorise'),
      ...formOptions({ factors: a.factorCodes }),
    }
  }

  app.get('/children/:personId/assessments/:assessmentId', read, async (request, reply) =>
    reply.view('pages/assessments/show.njk', {
      ...(await recordContext(request, SECTION)),
      ...(await showView(request)),
    }),
  )

  app.get('/children/:personId/assessments/:assessmentId/edit', write, async (request, reply) => {
    const a = await getAssessment(db, personIdOf(request), assessmentIdOf(request))
    const values = { ...a, factors: a.factorCodes }
    return reply.view('pages/assessments/form.njk', {
      title: 'Change the assessment',
      ...(await recordContext(request, SECTION)),
      assessment: a,
      values,
      ...formOptions(values),
    })
  })

  app.post('/children/:personId/assessments/:assessmentId/edit', write, async (request, reply) => {
    const personId = personIdOf(request)
    const assessmentId = assessmentIdOf(request)
    const a = await getAssessment(db, personId, assessmentId)
    const values = { ...assessmentFromForm(request.body), version: textField(request.body, 'version') }
    return saveForm(request, reply, {
      section: SECTION,
      template: 'pages/assessments/form.njk',
      view: { title: 'Change the assessment', assessment: a, values, ...formOptions(values) },
      save: async () => {
        await updateAssessment(db, request.actor(), personId, assessmentId, Number(values.version), values)
        return `/children/${personId}/assessments/${assessmentId}`
      },
    })
  })

  // The actions on the assessment page: each names the version the user saw, and on a problem shows the
  // page again with it.
  const action = (
    path: string,
    permission: 'child:update' | 'child:authorise',
    run: (
      request: FastifyRequest,
      personId: number,
      assessmentId: number,
      version: number,
    ) => Promise<unknown>,
  ) =>
    app.post(
      `/children/:personId/assessments/:assessmentId/${path}`,
      { config: { permission, record: { param: 'personId' } } },
      async (request, reply) => {
        const personId = personIdOf(request)
        const assessmentId = assessmentIdOf(request)
        return saveForm(request, reply, {
          section: SECTION,
          template: 'pages/assessments/show.njk',
          view: {
            ...(await showView(request)),
            values: {
              completedOn: dateField(request.body, 'completedOn'),
              authorisedOn: dateField(request.body, 'authorisedOn'),
              extensionReason: textField(request.body, 'extensionReason'),
              returnReason: textField(request.body, 'returnReason'),
            },
          },
          save: async () => {
            await run(request, personId, assessmentId, Number(textField(request.body, 'version')))
            return `/children/${personId}/assessments/${assessmentId}`
          },
        })
      },
    )

  action('factors', 'child:update', (request, personId, id, version) =>
    correctAssessmentFactors(db, request.actor(), personId, id, version, listField(request.body, 'factors')),
  )
  action('complete', 'child:update', (request, personId, id, version) =>
    completeAssessment(db, request.actor(), personId, id, version, dateField(request.body, 'completedOn')),
  )
  action('authorise', 'child:authorise', (request, personId, id, version) =>
    authoriseAssessment(db, request.actor(), personId, id, version, {
      authorisedOn: dateField(request.body, 'authorisedOn'),
      extensionReason: textField(request.body, 'extensionReason'),
      agreeExtension: booleanField(request.body, 'agreeExtension'),
    }),
  )
  action('return', 'child:authorise', (request, personId, id, version) =>
    returnAssessment(db, request.actor(), personId, id, version, textField(request.body, 'returnReason')),
  )
  action('extension', 'child:authorise', (request, personId, id, version) =>
    agreeAssessmentExtension(db, request.actor(), personId, id, version),
  )
}
