import type { FastifyInstance, FastifyRequest } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { canSeePerson } from '../../../auth/record-access.ts'
import { can } from '../../../auth/roles.ts'
import { ssda903CodeItems } from '../../../domain/codes/codes.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import {
  A1_THRESHOLD_DAYS,
  A2_THRESHOLD_DAYS,
  ADOPTION_STEP_TITLES,
  type AdoptionStepInput,
  adoptionFactsFromCare,
  adoptionRecord,
  adoptionTimeliness,
  childrenWaitingForMatch,
  FAMILY_FINDING_ACTIVITIES,
  getAdoptionCase,
  grantAdoptionTeamAccess,
  isAdoptionStep,
  legalStatusOfAdoptersItems,
  recordAdoptionStep,
  recordFamilyFinding,
  sealAtMatching,
  sexOfAdoptersItems,
  startAdoptionCase,
} from '../../../services/adoption.ts'
import { today } from '../../../services/dates.ts'
import { listDirectWork } from '../../../services/permanence.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import {
  actOrShow,
  authorise,
  childPath,
  codeOptions,
  idOf,
  options,
  orNotFound,
  read,
  versionField,
  write,
  yesNo,
  yesNoRadios,
} from './shared.ts'

const SECTION = 'adoption'
const page = (name: string) => `pages/permanence/${name}.njk`

/** Adoption: the agency decision, placement order, family finding, match, placement, order and sealing. */
export async function adoptionRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const home = (request: FastifyRequest) => childPath(request, '/adoption')

  const indexView = async (request: FastifyRequest) => {
    const personId = personIdOf(request)
    const [record, work] = await Promise.all([
      adoptionRecord(db, personId, request.user!),
      listDirectWork(db, personId),
    ])
    return {
      title: 'Adoption',
      a: record,
      latest: record.cases[0] ?? null,
      laterLife: work.filter((w) => w.kind === 'later-life-letter' || w.kind === 'life-story-work'),
      thresholds: { a1: A1_THRESHOLD_DAYS, a2: A2_THRESHOLD_DAYS },
      canUpdate: can(request.user!.roles, 'child:update'),
      canAuthorise: can(request.user!.roles, 'child:authorise'),
    }
  }

  app.get('/children/:personId/adoption', read, async (request, reply) =>
    reply.view(page('adoption'), {
      ...(await recordContext(request, SECTION)),
      ...(await indexView(request)),
    }),
  )

  // The agency decision maker's decision ---------------------------------------------------------------------

  app.get('/children/:personId/adoption/new', write, async (request, reply) =>
    reply.view(page('adoption-new'), {
      ...(await recordContext(request, SECTION)),
      title: 'Record the decision that the child should be placed for adoption',
      values: { shouldBePlacedOn: today() },
    }),
  )

  app.post('/children/:personId/adoption/new', write, async (request, reply) => {
    const values = { shouldBePlacedOn: dateField(request.body, 'shouldBePlacedOn') }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('adoption-new'),
      view: { title: 'Record the decision that the child should be placed for adoption', values },
      save: async () => {
        await startAdoptionCase(db, request.actor(), personIdOf(request), values)
        return home(request)
      },
    })
  })

  // The steps -----------------------------------------------------------------------------------------------------

  const stepOf = (request: FastifyRequest) => {
    const step = (request.params as { step: string }).step
    if (!isAdoptionStep(step)) throw new HttpProblem(404, 'Page not found')
    return step
  }

  const stepView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const step = stepOf(request)
    const found = await orNotFound(getAdoptionCase(db, personIdOf(request), idOf(request, 'caseId')))
    return {
      title: ADOPTION_STEP_TITLES[step],
      step,
      adoptionCase: found,
      values,
      numberItems: [
        { value: '1', text: 'One adopter', checked: String(values.numberOfAdopters ?? '') === '1' },
        {
          value: '2',
          text: 'Two adopters (a couple)',
          checked: String(values.numberOfAdopters ?? '') === '2',
        },
      ],
      sexItems: codeOptions(sexOfAdoptersItems(), values.sexOfAdopters as string),
      legalStatusItems: codeOptions(legalStatusOfAdoptersItems(), values.legalStatusOfAdopters as string),
      fosterCarerItems: yesNoRadios(values.byFosterCarers as boolean | null),
      reasonItems: ssda903CodeItems('REASON_PLACED_CEASED', values.decisionCeasedReason as string).map(
        (i) => ({
          value: i.value,
          text: i.text,
          checked: i.value === values.decisionCeasedReason,
        }),
      ),
    }
  }

  app.get('/children/:personId/adoption/:caseId/steps/:step', write, async (request, reply) => {
    const found = await orNotFound(getAdoptionCase(db, personIdOf(request), idOf(request, 'caseId')))
    const facts = await adoptionFactsFromCare(db, personIdOf(request), found.shouldBePlacedOn)
    const values = {
      ...found,
      placementOrderOn: found.placementOrderOn ?? facts.placementOrderOn,
      placedOn: found.placedOn ?? facts.placedOn,
      adoptionOrderOn: found.adoptionOrderOn ?? facts.adoptionOrderOn,
    }
    return reply.view(page('adoption-step'), {
      ...(await recordContext(request, SECTION)),
      ...(await stepView(request, values)),
    })
  })

  app.post('/children/:personId/adoption/:caseId/steps/:step', write, async (request, reply) => {
    const step = stepOf(request)
    const body = request.body
    const input: AdoptionStepInput = {
      placementOrderOn: dateField(body, 'placementOrderOn'),
      matchingPanelOn: dateField(body, 'matchingPanelOn'),
      matchingRecommendation: textField(body, 'matchingRecommendation'),
      matchedOn: dateField(body, 'matchedOn'),
      numberOfAdopters: textField(body, 'numberOfAdopters'),
      sexOfAdopters: textField(body, 'sexOfAdopters'),
      legalStatusOfAdopters: textField(body, 'legalStatusOfAdopters'),
      byFosterCarers: yesNo(body, 'byFosterCarers'),
      placedOn: dateField(body, 'placedOn'),
      adoptionOrderOn: dateField(body, 'adoptionOrderOn'),
      decisionCeasedOn: dateField(body, 'decisionCeasedOn'),
      decisionCeasedReason: textField(body, 'decisionCeasedReason'),
    }
    const version = versionField(body)
    const view = await stepView(request, { ...input, version })
    return saveForm(request, reply, {
      section: SECTION,
      template: page('adoption-step'),
      view,
      save: async () => {
        await recordAdoptionStep(
          db,
          request.actor(),
          personIdOf(request),
          view.adoptionCase.id,
          version,
          step,
          input,
        )
        // The adoption order seals the record: whoever recorded it may no longer be able to open it.
        if (step === 'order' && !(await canSeePerson(db, request.user!, personIdOf(request))))
          return '/adoption/sealed'
        return home(request)
      },
    })
  })

  // Family finding -----------------------------------------------------------------------------------------------

  const findingView = async (request: FastifyRequest, values: Record<string, unknown>) => ({
    title: 'Record family finding',
    adoptionCase: await orNotFound(getAdoptionCase(db, personIdOf(request), idOf(request, 'caseId'))),
    values,
    activityItems: options(FAMILY_FINDING_ACTIVITIES, values.activity as string, 'Choose what was done'),
  })

  app.get('/children/:personId/adoption/:caseId/family-finding/new', write, async (request, reply) =>
    reply.view(page('family-finding-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await findingView(request, { occurredOn: today() })),
    }),
  )

  app.post('/children/:personId/adoption/:caseId/family-finding/new', write, async (request, reply) => {
    const values = {
      occurredOn: dateField(request.body, 'occurredOn'),
      activity: textField(request.body, 'activity'),
      notes: textField(request.body, 'notes'),
    }
    const view = await findingView(request, values)
    return saveForm(request, reply, {
      section: SECTION,
      template: page('family-finding-new'),
      view,
      save: async () => {
        await recordFamilyFinding(db, request.actor(), personIdOf(request), view.adoptionCase.id, values)
        return home(request)
      },
    })
  })

  // Sealing at matching, by an adoption manager ---------------------------------------------------------------------

  app.post('/children/:personId/adoption/:caseId/seal', authorise, async (request, reply) =>
    actOrShow(request, reply, {
      section: SECTION,
      template: page('adoption'),
      view: () => indexView(request),
      act: async () => {
        await orNotFound(
          sealAtMatching(
            db,
            request.actor(),
            personIdOf(request),
            idOf(request, 'caseId'),
            versionField(request.body),
          ),
        )
        return home(request)
      },
    }),
  )

  app.post('/children/:personId/adoption/access', authorise, async (request, reply) =>
    actOrShow(request, reply, {
      section: SECTION,
      template: page('adoption'),
      view: () => indexView(request),
      act: async () => {
        await grantAdoptionTeamAccess(db, request.actor(), personIdOf(request))
        return home(request)
      },
    }),
  )

  app.get('/adoption/sealed', { config: { permission: 'child:view' } }, async (_request, reply) =>
    reply.view(page('sealed'), { title: 'The adoption record is sealed' }),
  )

  // For managers: children waiting for a match, and the scorecard intervals ------------------------------------------

  app.get('/adoption/timeliness', { config: { permission: 'team:view' } }, async (request, reply) => {
    const [waiting, all] = await Promise.all([
      childrenWaitingForMatch(db, request.user!),
      adoptionTimeliness(db, { user: request.user! }),
    ])
    await logAccess(db, request.actor(), {
      action: 'view',
      subjectType: 'adoption-timeliness',
      detail: { waiting: waiting.length, children: all.length },
    })
    const completedA1 = all.filter((r) => r.a1Complete)
    const completedA2 = all.filter((r) => r.a2Complete)
    const average = (xs: number[]) =>
      xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null
    return reply.view(page('timeliness'), {
      title: 'Adoption timeliness',
      waiting: [...waiting].sort((a, b) => (b.a2Days ?? 0) - (a.a2Days ?? 0)),
      all,
      averages: {
        a1: average(completedA1.map((r) => r.a1Days!)),
        a1Count: completedA1.length,
        a2: average(completedA2.map((r) => r.a2Days!)),
        a2Count: completedA2.length,
      },
      thresholds: { a1: A1_THRESHOLD_DAYS, a2: A2_THRESHOLD_DAYS },
      asAt: today(),
    })
  })
}
