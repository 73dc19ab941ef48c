import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { isIsoDate } from '../../../domain/calendar/iso-date.ts'
import { today } from '../../../services/dates.ts'
import { NotFoundError } from '../../../services/errors.ts'
import {
  ACTION_PROGRESS,
  ACTION_PROGRESS_LABELS,
  CHILD_CONTRIBUTION_LABELS,
  CHILD_CONTRIBUTIONS,
  getPlanReview,
  type PlanReviewInput,
  REVIEW_AGENCIES,
  REVIEW_AGENCY_LABELS,
  recordPlanReview,
} from '../../../services/plan-reviews.ts'
import {
  type ActionUpdate,
  cpPlanPerson,
  createPlanFromRecord,
  describePlan,
  FIRST_CIN_REVIEW_AFTER_STEP_DOWN_WORKING_DAYS,
  firstCinReviewAfterStepDown,
  getPlan,
  type LoadedPlan,
  listPlans,
  type NewPlanInput,
  type OutcomeUpdate,
  PLAN_KIND_LABELS,
  type PlanUpdate,
  planAsAt,
  planAtVersion,
  planPage,
  planVersions,
  RECORD_PLAN_KINDS,
  stepDownPreview,
  stepDownToChildInNeed,
  updatePlan,
} from '../../../services/plans.ts'
import { dateField, errorSummary, type FieldErrors, listField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'

// The child's plans: made, changed (every save a version with its reason), reviewed, and seen as they
// stood on any date; and the step-down from a child protection plan to a child in need plan.

const NEW_OUTCOME_ROWS = 3
const NEW_ACTION_ROWS = 5
const EXTRA_OUTCOME_ROWS = 2
const EXTRA_ACTION_ROWS = 3

function planIdOf(request: FastifyRequest): number {
  const id = Number((request.params as { planId: string }).planId)
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError('No such plan')
  return id
}

const short = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text)

// ——— Reading the plan forms ———

interface OutcomeRow {
  id: string
  description: string
}

interface ActionRow {
  id: string
  description: string
  owner: string
  dueDate: string
  measure: string
  outcome: string
  status: string
  closed?: boolean
}

/** The row numbers a repeated field uses in a posted form, e.g. actions[3].description → 3. */
function rowIndices(body: unknown, prefix: 'actions' | 'outcomes'): number[] {
  const found = new Set<number>()
  const pattern = new RegExp(`^${prefix}\\[(\\d{1,2})\\]`)
  for (const key of Object.keys((body as Record<string, unknown>) ?? {})) {
    const m = pattern.exec(key)
    if (m) found.add(Number(m[1]))
  }
  return found.size === 0 ? [] : Array.from({ length: Math.max(...found) + 1 }, (_, i) => i)
}

function outcomeRows(body: unknown): OutcomeRow[] {
  return rowIndices(body, 'outcomes').map((i) => ({
    id: textField(body, `outcomes[${i}].id`),
    description: textField(body, `outcomes[${i}]`),
  }))
}

function actionRows(body: unknown): ActionRow[] {
  return rowIndices(body, 'actions').map((i) => ({
    id: textField(body, `actions[${i}].id`),
    description: textField(body, `actions[${i}].description`),
    owner: textField(body, `actions[${i}].owner`),
    dueDate: dateField(body, `actions[${i}].dueDate`),
    measure: textField(body, `actions[${i}].measure`),
    outcome: textField(body, `actions[${i}].outcome`),
    status: textField(body, `actions[${i}].status`),
  }))
}

const isBlankAction = (a: ActionRow) => !a.id && !a.description && !a.owner && !a.dueDate && !a.measure

/**
 * Turns the form's rows into the service's lists: empty new rows are left out, each action keeps its row
 * number (for messages) and names its outcome by position among the outcomes kept.
 */
function fromRows(outcomes: OutcomeRow[], actions: ActionRow[]) {
  const kept = new Map<number, number>()
  const keptOutcomes: OutcomeUpdate[] = []
  outcomes.forEach((o, i) => {
    if (!o.id && !o.description) return
    kept.set(i, keptOutcomes.length)
    keptOutcomes.push({ id: o.id ? Number(o.id) : null, description: o.description })
  })
  const keptActions: ActionUpdate[] = []
  actions.forEach((a, i) => {
    if (isBlankAction(a)) return
    const outcome = a.outcome === '' ? null : (kept.get(Number(a.outcome)) ?? -1)
    keptActions.push({
      id: a.id ? Number(a.id) : null,
      ref: i,
      outcome,
      description: a.description,
      ownerDescription: a.owner,
      dueDate: a.dueDate,
      measure: a.measure,
      ...(a.id ? { status: (a.status || 'open') as ActionUpdate['status'] } : {}),
    })
  })
  return { outcomes: keptOutcomes, actions: keptActions }
}

/** The outcome choices for an action row: the outcome rows on the same form, by number. */
function withOutcomeItems(outcomes: OutcomeRow[], actions: ActionRow[]) {
  return actions.map((a) => ({
    ...a,
    outcomeItems: [
      { value: '', text: 'Not linked to an outcome', selected: a.outcome === '' },
      ...outcomes.map((o, i) => ({
        value: String(i),
        text: o.description ? `Outcome ${i + 1}: ${short(o.description)}` : `Outcome ${i + 1}`,
        selected: a.outcome === String(i),
      })),
    ],
    statusItems: ['open', 'done', 'not-done'].map((s) => ({
      value: s,
      text: { open: 'Open', done: 'Done', 'not-done': 'Not done' }[s],
      checked: (a.status || 'open') === s,
    })),
  }))
}

const blankOutcome = (): OutcomeRow => ({ id: '', description: '' })
const blankAction = (): ActionRow => ({
  id: '',
  description: '',
  owner: '',
  dueDate: '',
  measure: '',
  outcome: '',
  status: '',
})

function pad<T>(rows: T[], length: number, make: () => T): T[] {
  return [...rows, ...Array.from({ length: Math.max(0, length - rows.length) }, make)]
}

/** The edit form's rows for a plan as it stands: its outcomes and actions, then empty rows for new ones. */
function editRows(p: LoadedPlan) {
  const outcomes: OutcomeRow[] = p.outcomes.map((o) => ({ id: String(o.id), description: o.description }))
  const open = p.actions.filter((a) => a.status !== 'carried-over' && a.status !== 'handed-on')
  const actions: ActionRow[] = open.map((a) => ({
    id: String(a.id),
    description: a.description,
    owner: a.ownerDescription,
    dueDate: a.dueDate,
    measure: a.measure,
    outcome: a.outcomeId === null ? '' : String(p.outcomes.findIndex((o) => o.id === a.outcomeId)),
    status: a.status,
  }))
  return {
    outcomes: [...outcomes, ...Array.from({ length: EXTRA_OUTCOME_ROWS }, blankOutcome)],
    actions: [...actions, ...Array.from({ length: EXTRA_ACTION_ROWS }, blankAction)],
  }
}

function reviewFromForm(body: unknown, openActionIds: number[]): PlanReviewInput & { version: string } {
  return {
    version: textField(body, 'version'),
    heldOn: dateField(body, 'heldOn'),
    attendance: listField(body, 'attendance'),
    childContribution: textField(body, 'childContribution'),
    childContributionNote: textField(body, 'childContributionNote'),
    childsViews: textField(body, 'childsViews'),
    actionProgress: openActionIds
      .map((id) => ({
        actionId: id,
        progress: textField(body, `actionProgress.${id}`),
        note: textField(body, `actionProgress.${id}.note`),
      }))
      .filter((p) => p.progress !== ''),
    decisions: textField(body, 'decisions'),
    nextReviewDue: dateField(body, 'nextReviewDue'),
  }
}

function reviewFormOptions(p: LoadedPlan, values: Partial<PlanReviewInput> = {}) {
  const progress = new Map((values.actionProgress ?? []).map((a) => [a.actionId, a]))
  return {
    plan: describePlan(p, today()),
    attendanceItems: REVIEW_AGENCIES.map((a) => ({
      value: a,
      text: REVIEW_AGENCY_LABELS[a],
      checked: (values.attendance ?? []).includes(a),
    })),
    contributionItems: CHILD_CONTRIBUTIONS.map((c) => ({
      value: c,
      text: CHILD_CONTRIBUTION_LABELS[c],
      checked: values.childContribution === c,
    })),
    progressRows: p.actions
      .filter((a) => a.status === 'open')
      .map((a, i) => ({
        id: a.id,
        number: i + 1,
        description: a.description,
        owner: a.ownerDescription,
        dueDate: a.dueDate,
        note: progress.get(a.id)?.note ?? '',
        items: ACTION_PROGRESS.map((value) => ({
          value,
          text: ACTION_PROGRESS_LABELS[value],
          checked: progress.get(a.id)?.progress === value,
        })),
      })),
  }
}

const kindItems = (kind: string) =>
  RECORD_PLAN_KINDS.map((k) => ({ value: k, text: PLAN_KIND_LABELS[k], checked: kind === k }))

export async function plansRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const view = { permission: 'child:view', record: { param: 'personId' } } as const
  const update = { permission: 'child:update', record: { param: 'personId' } } as const

  app.get('/children/:personId/plans', { config: view }, async (request, reply) => {
    const personId = personIdOf(request)
    return reply.view('pages/plans/list.njk', {
      title: 'Plans',
      ...(await recordContext(request, 'plans')),
      plans: await listPlans(db, personId),
      canChange: can(request.user!.roles, 'child:update'),
    })
  })

  app.get('/children/:personId/plans/new', { config: update }, async (request, reply) => {
    const kind = textField(request.query, 'kind')
    return reply.view('pages/plans/new.njk', {
      title: 'Make a plan',
      ...(await recordContext(request, 'plans')),
      values: { kind, startDate: today() },
      kindItems: kindItems(kind),
      outcomes: pad([], NEW_OUTCOME_ROWS, blankOutcome),
      actions: withOutcomeItems(
        pad([], NEW_OUTCOME_ROWS, blankOutcome),
        pad([], NEW_ACTION_ROWS, blankAction),
      ),
    })
  })

  app.post('/children/:personId/plans/new', { config: update }, async (request, reply) => {
    const personId = personIdOf(request)
    const body = request.body
    const values = {
      kind: textField(body, 'kind'),
      startDate: dateField(body, 'startDate'),
      nextReviewDue: dateField(body, 'nextReviewDue'),
      contingency: textField(body, 'contingency'),
      nonEngagementStrategy: textField(body, 'nonEngagementStrategy'),
    }
    const outcomes = pad(outcomeRows(body), NEW_OUTCOME_ROWS, blankOutcome)
    const actions = pad(actionRows(body), NEW_ACTION_ROWS, blankAction)
    const rows = fromRows(outcomes, actions)
    return saveForm(request, reply, {
      section: 'plans',
      template: 'pages/plans/new.njk',
      view: {
        title: 'Make a plan',
        values,
        kindItems: kindItems(values.kind),
        outcomes,
        actions: withOutcomeItems(outcomes, actions),
      },
      save: async () => {
        const input: NewPlanInput = {
          ...values,
          kind: values.kind as NewPlanInput['kind'],
          outcomes: rows.outcomes.map((o) => o.description),
          actions: rows.actions.map((a) => ({ ...a, id: undefined })),
        }
        const planId = await createPlanFromRecord(db, request.actor(), personId, input)
        return `/children/${personId}/plans/${planId}`
      },
    })
  })

  // The plan now, or as it stood on a date (?asAt=YYYY-MM-DD) or at a version (?version=N).
  app.get('/children/:personId/plans/:planId', { config: view }, async (request, reply) => {
    const personId = personIdOf(request)
    const planId = planIdOf(request)
    const asAt = textField(request.query, 'asAt')
    const versionParam = textField(request.query, 'version')
    const page = await planPage(db, personId, planId)
    const context = {
      ...(await recordContext(request, 'plans')),
      canChange: can(request.user!.roles, 'child:update'),
      current: page,
      asAt,
    }
    if (asAt || versionParam) {
      const errors: FieldErrors = {}
      if (asAt && !isIsoDate(asAt)) errors.asAt = 'Enter a real date, like 2026-03-27'
      else if (!asAt && !/^\d{1,6}$/.test(versionParam)) throw new NotFoundError('No such version')
      if (Object.keys(errors).length > 0) {
        reply.code(400)
        return reply.view('pages/plans/show.njk', {
          title: page.plan.label,
          ...context,
          plan: page.plan,
          errors,
          errorList: errorSummary(errors),
        })
      }
      const stood = asAt
        ? await planAsAt(db, personId, planId, asAt)
        : await planAtVersion(db, personId, planId, Number(versionParam))
      if (!stood && !asAt) throw new NotFoundError('No such version')
      return reply.view('pages/plans/show.njk', {
        title: `${page.plan.label} as it stood`,
        ...context,
        asAtDate: asAt || (stood ? today(stood.savedAt) : ''),
        stood: stood ? { ...stood, plan: describePlan(stood.plan, asAt || today(stood.savedAt)) } : null,
        notYetMade: !stood,
        plan: stood ? describePlan(stood.plan, asAt || today(stood.savedAt)) : null,
      })
    }
    return reply.view('pages/plans/show.njk', {
      title: page.plan.label,
      ...context,
      plan: page.plan,
      lastSaved: page.lastSaved,
      reviews: page.reviews.map((r) => ({
        ...r,
        contributionLabel: CHILD_CONTRIBUTION_LABELS[r.childContribution],
      })),
      previous: page.previous,
      next: page.next,
    })
  })

  app.get('/children/:personId/plans/:planId/history', { config: view }, async (request, reply) => {
    const personId = personIdOf(request)
    const planId = planIdOf(request)
    const found = await getPlan(db, personId, planId)
    return reply.view('pages/plans/history.njk', {
      title: `Changes to the ${PLAN_KIND_LABELS[found.kind].toLowerCase()}`,
      ...(await recordContext(request, 'plans')),
      plan: describePlan(found, today()),
      versions: await planVersions(db, personId, planId),
    })
  })

  app.get('/children/:personId/plans/:planId/edit', { config: update }, async (request, reply) => {
    const personId = personIdOf(request)
    const found = await getPlan(db, personId, planIdOf(request))
    const rows = editRows(found)
    return reply.view('pages/plans/edit.njk', {
      title: `Change the ${PLAN_KIND_LABELS[found.kind].toLowerCase()}`,
      ...(await recordContext(request, 'plans')),
      plan: describePlan(found, today()),
      values: { ...found, reason: '' },
      outcomes: rows.outcomes,
      actions: withOutcomeItems(rows.outcomes, rows.actions),
    })
  })

  app.post('/children/:personId/plans/:planId/edit', { config: update }, async (request, reply) => {
    const personId = personIdOf(request)
    const planId = planIdOf(request)
    const found = await getPlan(db, personId, planId)
    const body = request.body
    const values = {
      version: textField(body, 'version'),
      reason: textField(body, 'reason'),
      nextReviewDue: dateField(body, 'nextReviewDue'),
      contingency: textField(body, 'contingency'),
      nonEngagementStrategy: textField(body, 'nonEngagementStrategy'),
      endDate: dateField(body, 'endDate'),
    }
    const outcomes = outcomeRows(body)
    const actions = actionRows(body)
    return saveForm(request, reply, {
      section: 'plans',
      template: 'pages/plans/edit.njk',
      view: {
        title: `Change the ${PLAN_KIND_LABELS[found.kind].toLowerCase()}`,
        plan: describePlan(found, today()),
        values,
        outcomes,
        actions: withOutcomeItems(outcomes, actions),
      },
      save: async () => {
        const input: PlanUpdate = { ...values, ...fromRows(outcomes, actions) }
        await updatePlan(db, request.actor(), personId, planId, Number(values.version), input)
        return `/children/${personId}/plans/${planId}`
      },
    })
  })

  app.get('/children/:personId/plans/:planId/reviews/new', { config: update }, async (request, reply) => {
    const personId = personIdOf(request)
    const found = await getPlan(db, personId, planIdOf(request))
    return reply.view('pages/plans/review-new.njk', {
      title: 'Record a review',
      ...(await recordContext(request, 'plans')),
      values: { version: String(found.version), heldOn: today() },
      ...reviewFormOptions(found),
    })
  })

  app.post('/children/:personId/plans/:planId/reviews/new', { config: update }, async (request, reply) => {
    const personId = personIdOf(request)
    const planId = planIdOf(request)
    const found = await getPlan(db, personId, planId)
    const values = reviewFromForm(
      request.body,
      found.actions.filter((a) => a.status === 'open').map((a) => a.id),
    )
    return saveForm(request, reply, {
      section: 'plans',
      template: 'pages/plans/review-new.njk',
      view: { title: 'Record a review', values, ...reviewFormOptions(found, values) },
      save: async () => {
        const { reviewId } = await recordPlanReview(
          db,
          request.actor(),
          personId,
          planId,
          Number(values.version),
          values,
        )
        return `/children/${personId}/plans/${planId}/reviews/${reviewId}`
      },
    })
  })

  app.get('/children/:personId/plans/:planId/reviews/:reviewId', { config: view }, async (request, reply) => {
    const personId = personIdOf(request)
    const planId = planIdOf(request)
    const reviewId = Number((request.params as { reviewId: string }).reviewId)
    if (!Number.isInteger(reviewId) || reviewId <= 0) throw new NotFoundError('No such review')
    const found = await getPlan(db, personId, planId)
    return reply.view('pages/plans/review.njk', {
      title: 'Plan review',
      ...(await recordContext(request, 'plans')),
      plan: describePlan(found, today()),
      review: await getPlanReview(db, personId, planId, reviewId),
    })
  })

  // A manager ends the child protection plan and steps down to a child in need plan.
  const authorise = { permission: 'child:authorise', record: { param: 'personId' } } as const
  const stepDownView = async (personId: number) => {
    const preview = await stepDownPreview(db, personId)
    return {
      title: 'Step down to a child in need plan',
      preview,
      firstReviewWorkingDays: FIRST_CIN_REVIEW_AFTER_STEP_DOWN_WORKING_DAYS,
      firstReviewIfToday: firstCinReviewAfterStepDown(today()),
    }
  }

  app.get('/children/:personId/child-protection/step-down', { config: authorise }, async (request, reply) => {
    const personId = personIdOf(request)
    return reply.view('pages/plans/step-down.njk', {
      ...(await recordContext(request, 'child-protection')),
      ...(await stepDownView(personId)),
      values: { date: today() },
    })
  })

  app.post(
    '/children/:personId/child-protection/step-down',
    { config: authorise },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = {
        cpPlanId: textField(request.body, 'cpPlanId'),
        date: dateField(request.body, 'date'),
        rationale: textField(request.body, 'rationale'),
      }
      return saveForm(request, reply, {
        section: 'child-protection',
        template: 'pages/plans/step-down.njk',
        view: { ...(await stepDownView(personId)), values },
        save: async () => {
          // The CP plan named must be this child's: a form can be altered.
          const cpPlanId = Number(values.cpPlanId)
          if (!Number.isInteger(cpPlanId) || cpPlanId <= 0 || (await cpPlanPerson(db, cpPlanId)) !== personId)
            throw new NotFoundError('No such child protection plan')
          const { cinPlanId } = await db.transaction((tx) =>
            stepDownToChildInNeed(tx, request.actor(), {
              cpPlanId,
              date: values.date,
              rationale: values.rationale,
            }),
          )
          return `/children/${personId}/plans/${cinPlanId}`
        },
      })
    },
  )
}
