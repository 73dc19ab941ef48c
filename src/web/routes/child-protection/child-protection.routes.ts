import type { FastifyInstance, FastifyRequest } from 'fastify'
import { canSeePerson } from '../../../auth/record-access.ts'
import { can } from '../../../auth/roles.ts'
import { longDate } from '../../../services/assessments.ts'
import {
  AGENCY_LABELS,
  CHILD_CONTRIBUTION_LABELS,
  CHILD_CONTRIBUTIONS,
  type ConferenceInput,
  CP_END_REASON_LABELS,
  CP_END_REASONS,
  categoryItems,
  childProtectionRecord,
  conferenceChairs,
  getCpPlan,
  getSection47,
  getStrategyDiscussion,
  type InitialConferenceInput,
  recordCoreGroup,
  recordInitialConference,
  recordReviewConference,
  recordStrategyDiscussion,
  S47_OUTCOME_LABELS,
  S47_OUTCOMES,
  type Section47Input,
  STRATEGY_AGENCIES,
  STRATEGY_DECISION_LABELS,
  STRATEGY_DECISIONS,
  type StrategyDiscussionInput,
  startSection47,
  updateSection47,
  updateStrategyDiscussion,
} from '../../../services/child-protection.ts'
import { today } from '../../../services/dates.ts'
import { NotFoundError } from '../../../services/errors.ts'
import { booleanField, dateField, listField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'

const SECTION = 'child-protection'
const CONFERENCE_RECORDED = '/child-protection/conference-recorded'

function idOf(value: unknown): number {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError('No such page')
  return id
}
const param = (request: FastifyRequest, name: string) =>
  idOf((request.params as Record<string, string>)[name])
const optionalId = (value: string) => (/^\d+$/.test(value) ? Number(value) : null)

/** Splits a textarea of one entry per line. */
const perLine = (body: unknown, name: string) =>
  textField(body, name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

const radios = <T extends string>(list: readonly T[], labels: Record<T, string>, chosen: unknown) =>
  list.map((value) => ({ value, text: labels[value], checked: chosen === value }))

function strategyFromForm(body: unknown): StrategyDiscussionInput {
  return {
    heldOn: dateField(body, 'heldOn'),
    agencies: listField(body, 'agencies'),
    decision: textField(body, 'decision'),
    rationale: textField(body, 'rationale'),
  }
}

function section47FromForm(body: unknown): Section47Input {
  return {
    startDate: dateField(body, 'startDate'),
    outcome: textField(body, 'outcome'),
    outcomeDate: dateField(body, 'outcomeDate'),
    icpcNotRequired: booleanField(body, 'icpcNotRequired'),
  }
}

function conferenceFromForm(body: unknown): ConferenceInput & { decision: string } {
  return {
    heldOn: dateField(body, 'heldOn'),
    chairWorkerId: optionalId(textField(body, 'chairWorkerId')),
    participants: perLine(body, 'participants'),
    childContribution: textField(body, 'childContribution'),
    childContributionNote: textField(body, 'childContributionNote'),
    childsViews: textField(body, 'childsViews'),
    category: textField(body, 'category'),
    rationale: textField(body, 'rationale'),
    decision: textField(body, 'decision'),
  }
}

export async function childProtectionRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const read = { config: { permission: 'child:view', record: { param: 'personId' } } } as const
  const write = { config: { permission: 'child:update', record: { param: 'personId' } } } as const
  const base = (request: FastifyRequest) => `/children/${personIdOf(request)}/child-protection`
  // A conference that ends (or does not make) a plan ends the chair's allocation: a chair who recorded it
  // may no longer see the record, so they are told so rather than sent to a page they cannot open.
  const afterConference = async (request: FastifyRequest, onRecord: string) =>
    (await canSeePerson(db, request.user!, personIdOf(request))) ? onRecord : CONFERENCE_RECORDED

  app.get(CONFERENCE_RECORDED, { config: { permission: 'child:update' } }, async (_request, reply) =>
    reply.view('pages/child-protection/conference-recorded.njk', { title: 'Conference recorded' }),
  )

  app.get('/children/:personId/child-protection', read, async (request, reply) => {
    const cp = await childProtectionRecord(db, personIdOf(request))
    const planMade = optionalId((request.query as Record<string, string>).planMade ?? '')
    return reply.view('pages/child-protection/index.njk', {
      title: 'Child protection',
      ...(await recordContext(request, SECTION)),
      cp,
      planMadeId: cp.plans.some((p) => p.planDocumentId === planMade) ? planMade : null,
      canUpdate: can(request.user!.roles, 'child:update'),
      // Managers end a plan by stepping it down to a child in need plan (the page is in plans.routes.ts).
      canStepDown: can(request.user!.roles, 'child:authorise'),
    })
  })

  // Strategy discussions ----------------------------------------------------------------------------------

  const strategyOptions = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const { openReferrals } = await childProtectionRecord(db, personIdOf(request))
    const chosen = new Set((values.agencies as string[] | undefined) ?? [])
    return {
      referralItems: openReferrals.map((r) => ({
        value: String(r.id),
        text: `Referral of ${longDate(r.referralDate)}`,
        checked: values.referralId === r.id || openReferrals.length === 1,
      })),
      agencyItems: STRATEGY_AGENCIES.map((a) => ({
        value: a,
        text: AGENCY_LABELS[a],
        checked: chosen.has(a),
      })),
      decisionItems: radios(STRATEGY_DECISIONS, STRATEGY_DECISION_LABELS, values.decision),
    }
  }

  app.get('/children/:personId/child-protection/strategy-discussions/new', write, async (request, reply) => {
    const values = { heldOn: today(), agencies: ['social-care', 'police'] }
    return reply.view('pages/child-protection/strategy-discussion.njk', {
      title: 'Record a strategy discussion',
      ...(await recordContext(request, SECTION)),
      values,
      ...(await strategyOptions(request, values)),
    })
  })

  app.post('/children/:personId/child-protection/strategy-discussions/new', write, async (request, reply) => {
    const personId = personIdOf(request)
    const values = {
      ...strategyFromForm(request.body),
      referralId: optionalId(textField(request.body, 'referralId')),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: 'pages/child-protection/strategy-discussion.njk',
      view: { title: 'Record a strategy discussion', values, ...(await strategyOptions(request, values)) },
      save: async () => {
        await recordStrategyDiscussion(db, request.actor(), personId, values.referralId, values)
        return base(request)
      },
    })
  })

  app.get(
    '/children/:personId/child-protection/strategy-discussions/:discussionId/edit',
    write,
    async (request, reply) => {
      const found = await getStrategyDiscussion(db, personIdOf(request), param(request, 'discussionId'))
      return reply.view('pages/child-protection/strategy-discussion.njk', {
        title: 'Change the strategy discussion',
        ...(await recordContext(request, SECTION)),
        discussion: found,
        values: found,
        ...(await strategyOptions(request, found)),
      })
    },
  )

  app.post(
    '/children/:personId/child-protection/strategy-discussions/:discussionId/edit',
    write,
    async (request, reply) => {
      const personId = personIdOf(request)
      const found = await getStrategyDiscussion(db, personId, param(request, 'discussionId'))
      const values = { ...strategyFromForm(request.body), version: textField(request.body, 'version') }
      return saveForm(request, reply, {
        section: SECTION,
        template: 'pages/child-protection/strategy-discussion.njk',
        view: {
          title: 'Change the strategy discussion',
          discussion: found,
          values,
          ...(await strategyOptions(request, values)),
        },
        save: async () => {
          await updateStrategyDiscussion(
            db,
            request.actor(),
            personId,
            found.id,
            Number(values.version),
            values,
          )
          return base(request)
        },
      })
    },
  )

  // Section 47 enquiries ----------------------------------------------------------------------------------

  const section47Options = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const cp = await childProtectionRecord(db, personIdOf(request))
    const awaiting = cp.strategyDiscussions.filter((d) => d.awaitingEnquiry)
    return {
      discussionItems: awaiting.map((d) => ({
        value: String(d.id),
        text: `Strategy discussion of ${longDate(d.heldOn)}`,
        checked: values.strategyDiscussionId === d.id || awaiting.length === 1,
      })),
      outcomeItems: [
        { value: '', text: 'Not concluded yet', checked: !values.outcome },
        ...radios(S47_OUTCOMES, S47_OUTCOME_LABELS, values.outcome),
      ],
    }
  }

  app.get('/children/:personId/child-protection/section47s/new', write, async (request, reply) => {
    const q = request.query as Record<string, string>
    const values = { startDate: today(), strategyDiscussionId: optionalId(q.strategyDiscussionId ?? '') }
    return reply.view('pages/child-protection/section47.njk', {
      title: 'Start a section 47 enquiry',
      ...(await recordContext(request, SECTION)),
      values,
      ...(await section47Options(request, values)),
    })
  })

  app.post('/children/:personId/child-protection/section47s/new', write, async (request, reply) => {
    const personId = personIdOf(request)
    const values = {
      ...section47FromForm(request.body),
      strategyDiscussionId: optionalId(textField(request.body, 'strategyDiscussionId')),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: 'pages/child-protection/section47.njk',
      view: { title: 'Start a section 47 enquiry', values, ...(await section47Options(request, values)) },
      save: async () => {
        await startSection47(db, request.actor(), personId, values.strategyDiscussionId, values)
        return base(request)
      },
    })
  })

  app.get(
    '/children/:personId/child-protection/section47s/:section47Id/edit',
    write,
    async (request, reply) => {
      const found = await getSection47(db, personIdOf(request), param(request, 'section47Id'))
      return reply.view('pages/child-protection/section47.njk', {
        title: 'Update the section 47 enquiry',
        ...(await recordContext(request, SECTION)),
        enquiry: found,
        values: found,
        ...(await section47Options(request, found)),
      })
    },
  )

  app.post(
    '/children/:personId/child-protection/section47s/:section47Id/edit',
    write,
    async (request, reply) => {
      const personId = personIdOf(request)
      const found = await getSection47(db, personId, param(request, 'section47Id'))
      const values = { ...section47FromForm(request.body), version: textField(request.body, 'version') }
      return saveForm(request, reply, {
        section: SECTION,
        template: 'pages/child-protection/section47.njk',
        view: {
          title: 'Update the section 47 enquiry',
          enquiry: found,
          values,
          ...(await section47Options(request, values)),
        },
        save: async () => {
          await updateSection47(db, request.actor(), personId, found.id, Number(values.version), values)
          return base(request)
        },
      })
    },
  )

  // Conferences -------------------------------------------------------------------------------------------

  const conferenceOptions = async (values: Record<string, unknown>) => {
    const chairs = await conferenceChairs(db)
    return {
      chairItems: [
        { value: '', text: 'Choose the chair' },
        ...chairs.map((c) => ({
          value: String(c.id),
          text: `${c.name} (${c.teamName})`,
          selected: values.chairWorkerId === c.id,
        })),
      ],
      contributionItems: radios(CHILD_CONTRIBUTIONS, CHILD_CONTRIBUTION_LABELS, values.childContribution),
      categoryItems: categoryItems().map((c) => ({
        value: c.code,
        text: c.label,
        checked: values.category === c.code,
      })),
    }
  }

  const initialOptions = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const cp = await childProtectionRecord(db, personIdOf(request))
    const awaiting = cp.section47s.filter((e) => e.awaitingConference)
    return {
      ...(await conferenceOptions(values)),
      section47Items: awaiting.map((e) => ({
        value: String(e.id),
        text: `Section 47 enquiry started ${longDate(e.startDate)}${e.icpcTarget ? `, conference due by ${longDate(e.icpcTarget)}` : ''}`,
        checked: values.section47Id === e.id || awaiting.length === 1,
      })),
      decisionItems: [
        {
          value: 'plan',
          text: 'The child needs a child protection plan',
          checked: values.decision === 'plan',
        },
        { value: 'no-plan', text: 'No child protection plan', checked: values.decision === 'no-plan' },
      ],
    }
  }

  const initialFromForm = (body: unknown): InitialConferenceInput => ({
    ...conferenceFromForm(body),
    section47Id: optionalId(textField(body, 'section47Id')),
    firstOutcome: textField(body, 'firstOutcome'),
    contingency: textField(body, 'contingency'),
    firstAction: {
      description: textField(body, 'actionDescription'),
      owner: textField(body, 'actionOwner'),
      dueDate: dateField(body, 'actionDueDate'),
      measure: textField(body, 'actionMeasure'),
    },
  })

  app.get('/children/:personId/child-protection/conferences/new', write, async (request, reply) => {
    const q = request.query as Record<string, string>
    const values = { heldOn: today(), section47Id: optionalId(q.section47Id ?? '') }
    return reply.view('pages/child-protection/initial-conference.njk', {
      title: 'Record the initial child protection conference',
      ...(await recordContext(request, SECTION)),
      values,
      ...(await initialOptions(request, values)),
    })
  })

  app.post('/children/:personId/child-protection/conferences/new', write, async (request, reply) => {
    const personId = personIdOf(request)
    const input = initialFromForm(request.body)
    const values = {
      ...input,
      participants: textField(request.body, 'participants'),
      actionDescription: input.firstAction?.description,
      actionOwner: input.firstAction?.owner,
      actionDueDate: input.firstAction?.dueDate,
      actionMeasure: input.firstAction?.measure,
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: 'pages/child-protection/initial-conference.njk',
      view: {
        title: 'Record the initial child protection conference',
        values,
        ...(await initialOptions(request, values)),
      },
      save: async () => {
        const { planId } = await recordInitialConference(db, request.actor(), personId, input)
        return afterConference(request, planId ? `${base(request)}?planMade=${planId}` : base(request))
      },
    })
  })

  const reviewView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const found = await getCpPlan(db, personIdOf(request), param(request, 'cpPlanId'))
    return {
      title: 'Record a review child protection conference',
      cpPlan: {
        ...found,
        latestCategoryLabel: categoryItems().find((c) => c.code === found.latestCategory)?.label,
      },
      values,
      ...(await conferenceOptions(values)),
      decisionItems: [
        { value: 'continue-plan', text: 'The plan continues', checked: values.decision === 'continue-plan' },
        { value: 'end-plan', text: 'The plan ends', checked: values.decision === 'end-plan' },
      ],
      endReasonItems: radios(CP_END_REASONS, CP_END_REASON_LABELS, values.endReason),
    }
  }

  app.get('/children/:personId/child-protection/cp-plans/:cpPlanId/review', write, async (request, reply) => {
    const found = await getCpPlan(db, personIdOf(request), param(request, 'cpPlanId'))
    return reply.view('pages/child-protection/review-conference.njk', {
      ...(await recordContext(request, SECTION)),
      ...(await reviewView(request, {
        heldOn: today(),
        category: found.latestCategory,
        version: found.version,
      })),
    })
  })

  app.post(
    '/children/:personId/child-protection/cp-plans/:cpPlanId/review',
    write,
    async (request, reply) => {
      const personId = personIdOf(request)
      const cpPlanId = param(request, 'cpPlanId')
      const input = { ...conferenceFromForm(request.body), endReason: textField(request.body, 'endReason') }
      const values = {
        ...input,
        participants: textField(request.body, 'participants'),
        version: textField(request.body, 'version'),
      }
      return saveForm(request, reply, {
        section: SECTION,
        template: 'pages/child-protection/review-conference.njk',
        view: await reviewView(request, values),
        save: async () => {
          await recordReviewConference(db, request.actor(), personId, cpPlanId, Number(values.version), input)
          return afterConference(request, base(request))
        },
      })
    },
  )

  // Core groups -------------------------------------------------------------------------------------------

  app.get(
    '/children/:personId/child-protection/cp-plans/:cpPlanId/core-groups/new',
    write,
    async (request, reply) => {
      const found = await getCpPlan(db, personIdOf(request), param(request, 'cpPlanId'))
      return reply.view('pages/child-protection/core-group.njk', {
        title: 'Record a core group meeting',
        ...(await recordContext(request, SECTION)),
        cpPlan: found,
        values: { heldOn: today() },
      })
    },
  )

  app.post(
    '/children/:personId/child-protection/cp-plans/:cpPlanId/core-groups/new',
    write,
    async (request, reply) => {
      const personId = personIdOf(request)
      const found = await getCpPlan(db, personId, param(request, 'cpPlanId'))
      const values = {
        heldOn: dateField(request.body, 'heldOn'),
        attendees: textField(request.body, 'attendees'),
        summary: textField(request.body, 'summary'),
      }
      return saveForm(request, reply, {
        section: SECTION,
        template: 'pages/child-protection/core-group.njk',
        view: { title: 'Record a core group meeting', cpPlan: found, values },
        save: async () => {
          await recordCoreGroup(db, request.actor(), personId, found.id, {
            ...values,
            attendees: perLine(request.body, 'attendees'),
          })
          return base(request)
        },
      })
    },
  )
}
