import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { ssda903CodeItems } from '../../../domain/codes/codes.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { today } from '../../../services/dates.ts'
import { panelsForCarer, referConnectedPersonToPanel } from '../../../services/fostering.ts'
import {
  CARER_ASSESSMENT_KIND_LABELS,
  CARER_ASSESSMENT_KINDS,
  CARER_OUTCOME_LABELS,
  carerChoices,
  completeDirectWork,
  createPermanencePlan,
  DIRECT_WORK_LABELS,
  getCarerAssessment,
  getPermanencePlan,
  listDirectWork,
  PERMANENCE_OPTION_LABELS,
  PERMANENCE_OPTIONS,
  type PermanencePlanInput,
  permanencePlanDue,
  permanencePlanVersions,
  permanenceRecord,
  planDirectWork,
  recordPreviousPermanence,
  recordSiblingAssessment,
  recordSpecialGuardianshipOrder,
  startCarerAssessment,
  temporaryApprovalDeadlines,
  updateCarerAssessment,
  updatePermanencePlan,
} from '../../../services/permanence.ts'
import { longDate } from '../../../services/plans.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { adoptionRoutes } from './adoption.routes.ts'
import { careLeaverRoutes } from './care-leaver.routes.ts'
import { fosteringRoutes } from './fostering.routes.ts'
import {
  actOrShow,
  childPath,
  codeOptions,
  idField,
  idOf,
  orNotFound,
  radios,
  read,
  versionField,
  write,
  yesNo,
} from './shared.ts'

const SECTION = 'permanence'
const page = (name: string) => `pages/permanence/${name}.njk`

/** Permanence, adoption, the fostering panel and leaving care. */
export async function permanenceRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const home = (request: FastifyRequest) => childPath(request, '/permanence')

  const indexView = async (request: FastifyRequest) => {
    const record = await permanenceRecord(db, personIdOf(request), request.user!)
    const panels = await Promise.all(
      record.carerAssessments.map(async (a) => ({
        id: a.id,
        panels: await panelsForCarer(db, a.carerPersonId),
      })),
    )
    return {
      title: 'Permanence',
      p: record,
      panelText: Object.fromEntries(
        panels.map((x) => [
          x.id,
          x.panels
            .filter((pn) => pn.kind === 'connected-person')
            .map(
              (pn) =>
                `Assessment for the panel from ${longDate(pn.assessmentStartedOn)}; ${pn.panelOn ? `panel ${longDate(pn.panelOn)}` : 'panel not yet held'}${pn.decision ? `; ${pn.decisionLabel} ${longDate(pn.decisionOn)}` : ''}.`,
            )
            .join(' '),
        ]),
      ),
      canUpdate: can(request.user!.roles, 'child:update'),
    }
  }

  app.get('/children/:personId/permanence', read, async (request, reply) =>
    reply.view(page('index'), { ...(await recordContext(request, SECTION)), ...(await indexView(request)) }),
  )

  // The permanence plan ------------------------------------------------------------------------------------

  const planFromForm = (body: unknown): PermanencePlanInput & { reason: string } => ({
    decidedOn: dateField(body, 'decidedOn'),
    chosenOption: textField(body, 'chosenOption'),
    rationale: textField(body, 'rationale'),
    reason: textField(body, 'reason'),
    options: PERMANENCE_OPTIONS.map((option) => ({
      option,
      considered: yesNo(body, `considered-${option}`),
      analysis: textField(body, `analysis-${option}`),
    })),
  })

  const planView = async (
    request: FastifyRequest,
    title: string,
    values: { decidedOn: string; chosenOption: string; rationale: string; reason?: string; version?: number },
    given: { option: string; considered: boolean | null; analysis: string }[],
  ) => ({
    title,
    values,
    due: await permanencePlanDue(db, personIdOf(request)),
    optionRows: PERMANENCE_OPTIONS.map((key) => {
      const o = given.find((g) => g.option === key)
      return {
        key,
        label: PERMANENCE_OPTION_LABELS[key],
        lower: PERMANENCE_OPTION_LABELS[key].split(' (')[0]!.toLowerCase(),
        considered: o?.considered ?? null,
        analysis: o?.analysis ?? '',
      }
    }),
    chosenItems: radios(PERMANENCE_OPTION_LABELS, values.chosenOption),
  })

  app.get('/children/:personId/permanence/plan/new', write, async (request, reply) =>
    reply.view(page('plan-form'), {
      ...(await recordContext(request, SECTION)),
      ...(await planView(
        request,
        'Record the permanence plan',
        { decidedOn: today(), chosenOption: '', rationale: '' },
        [],
      )),
    }),
  )

  app.post('/children/:personId/permanence/plan/new', write, async (request, reply) => {
    const input = planFromForm(request.body)
    return saveForm(request, reply, {
      section: SECTION,
      template: page('plan-form'),
      view: await planView(request, 'Record the permanence plan', input, input.options),
      save: async () => {
        await createPermanencePlan(db, request.actor(), personIdOf(request), input)
        return home(request)
      },
    })
  })

  app.get('/children/:personId/permanence/plan/:planId/edit', write, async (request, reply) => {
    const found = await orNotFound(getPermanencePlan(db, personIdOf(request), idOf(request, 'planId')))
    return reply.view(page('plan-form'), {
      ...(await recordContext(request, SECTION)),
      ...(await planView(request, 'Change the permanence plan', { ...found, reason: '' }, found.options)),
      planId: found.id,
    })
  })

  app.post('/children/:personId/permanence/plan/:planId/edit', write, async (request, reply) => {
    const planId = idOf(request, 'planId')
    await orNotFound(getPermanencePlan(db, personIdOf(request), planId))
    const input = planFromForm(request.body)
    const version = versionField(request.body)
    return saveForm(request, reply, {
      section: SECTION,
      template: page('plan-form'),
      view: {
        ...(await planView(request, 'Change the permanence plan', { ...input, version }, input.options)),
        planId,
      },
      save: async () => {
        await updatePermanencePlan(db, request.actor(), personIdOf(request), planId, version, input)
        return home(request)
      },
    })
  })

  app.get('/children/:personId/permanence/plan/:planId/history', read, async (request, reply) => {
    const personId = personIdOf(request)
    const planId = idOf(request, 'planId')
    const [found, versions] = await Promise.all([
      orNotFound(getPermanencePlan(db, personId, planId)),
      orNotFound(permanencePlanVersions(db, personId, planId)),
    ])
    return reply.view(page('plan-history'), {
      ...(await recordContext(request, SECTION)),
      title: 'Changes to the permanence plan',
      plan: found,
      versions,
    })
  })

  // Previous permanence (903 PrevPerm) --------------------------------------------------------------------

  const previousView = (values: Record<string, unknown>) => ({
    title: 'Permanence before care',
    values,
    prevPermItems: ssda903CodeItems('PREV_PERM', values.previousPermanence as string).map((i) => ({
      value: i.value,
      text: i.text.split(' P4 should')[0]!,
      checked: i.value === values.previousPermanence,
    })),
  })

  app.get('/children/:personId/permanence/previous', write, async (request, reply) => {
    const record = await permanenceRecord(db, personIdOf(request))
    return reply.view(page('previous'), {
      ...(await recordContext(request, SECTION)),
      ...previousView({
        version: record.child.version,
        previousPermanence: record.child.previousPermanence,
        previousPermanenceLa: record.child.previousPermanenceLa,
        previousPermanenceOn: record.child.previousPermanenceOn,
      }),
    })
  })

  app.post('/children/:personId/permanence/previous', write, async (request, reply) => {
    const body = request.body
    const values = {
      version: versionField(body),
      previousPermanence: textField(body, 'previousPermanence'),
      previousPermanenceLa: textField(body, 'previousPermanenceLa'),
      previousPermanenceOn: dateField(body, 'previousPermanenceOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('previous'),
      view: previousView(values),
      save: async () => {
        await recordPreviousPermanence(db, request.actor(), personIdOf(request), values.version, values)
        return home(request)
      },
    })
  })

  // Brothers and sisters -------------------------------------------------------------------------------------

  const siblingView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const record = await permanenceRecord(db, personIdOf(request), request.user!)
    return {
      title: 'Record whether brothers and sisters live together',
      values,
      siblingItems: codeOptions(
        record.siblings
          .filter((s) => s.givenName !== null)
          .map((s) => ({
            value: String(s.personId),
            text: `${s.givenName} ${s.familyName} (${s.type === 'half-sibling' ? 'half-brother or half-sister' : 'brother or sister'})`,
          })),
        values.siblingPersonId ? String(values.siblingPersonId) : '',
        'Choose a brother or sister',
      ),
      outcomeItems: radios({ together: 'Live together', apart: 'Live apart' }, values.outcome as string),
    }
  }

  app.get('/children/:personId/permanence/siblings/new', write, async (request, reply) =>
    reply.view(page('sibling-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await siblingView(request, { assessedOn: today() })),
    }),
  )

  app.post('/children/:personId/permanence/siblings/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      siblingPersonId: idField(body, 'siblingPersonId'),
      assessedOn: dateField(body, 'assessedOn'),
      outcome: textField(body, 'outcome'),
      rationale: textField(body, 'rationale'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('sibling-new'),
      view: await siblingView(request, values),
      save: async () => {
        await recordSiblingAssessment(db, request.actor(), personIdOf(request), values, request.user!)
        return home(request)
      },
    })
  })

  // Family and friends assessed as carers ----------------------------------------------------------------------

  const carerView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const choices = await carerChoices(db, personIdOf(request), request.user!)
    return {
      title: 'Start a carer assessment',
      values,
      carerItems: codeOptions(
        choices.map((ch) => ({
          value: String(ch.personId),
          text: ch.relationship ? `${ch.name} (${ch.relationship.toLowerCase()})` : ch.name,
        })),
        values.carerPersonId ? String(values.carerPersonId) : '',
        'Someone new: enter their name below',
      ),
      kindItems: radios(
        Object.fromEntries(CARER_ASSESSMENT_KINDS.map((k) => [k, CARER_ASSESSMENT_KIND_LABELS[k]!])),
        values.kind as string,
      ),
    }
  }

  app.get('/children/:personId/permanence/carers/new', write, async (request, reply) =>
    reply.view(page('carer-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await carerView(request, { startedOn: today() })),
    }),
  )

  app.post('/children/:personId/permanence/carers/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      carerPersonId: idField(body, 'carerPersonId'),
      newCarer: {
        givenName: textField(body, 'newCarer.givenName'),
        familyName: textField(body, 'newCarer.familyName'),
        dateOfBirth: dateField(body, 'newCarer.dateOfBirth'),
      },
      kind: textField(body, 'kind'),
      startedOn: dateField(body, 'startedOn'),
      temporaryApprovalOn: dateField(body, 'temporaryApprovalOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('carer-new'),
      view: await carerView(request, values),
      save: async () => {
        await startCarerAssessment(db, request.actor(), personIdOf(request), values, request.user!)
        return home(request)
      },
    })
  })

  const carerEditView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const found = await orNotFound(getCarerAssessment(db, personIdOf(request), idOf(request, 'assessmentId')))
    return {
      title: `Update the assessment of ${found.carerName}`,
      assessment: found,
      deadlines: found.temporaryApprovalOn
        ? temporaryApprovalDeadlines(found.temporaryApprovalOn, found.temporaryApprovalExtendedTo)
        : null,
      values,
      outcomeItems: [
        { value: '', text: 'Not finished yet', checked: !values.outcome },
        ...radios(CARER_OUTCOME_LABELS, values.outcome as string),
      ],
    }
  }

  app.get('/children/:personId/permanence/carers/:assessmentId/edit', write, async (request, reply) => {
    const found = await orNotFound(getCarerAssessment(db, personIdOf(request), idOf(request, 'assessmentId')))
    return reply.view(page('carer-edit'), {
      ...(await recordContext(request, SECTION)),
      ...(await carerEditView(request, found)),
    })
  })

  app.post('/children/:personId/permanence/carers/:assessmentId/edit', write, async (request, reply) => {
    const body = request.body
    const values = {
      version: versionField(body),
      completedOn: dateField(body, 'completedOn'),
      outcome: textField(body, 'outcome'),
      temporaryApprovalOn: dateField(body, 'temporaryApprovalOn'),
      temporaryApprovalExtendedTo: dateField(body, 'temporaryApprovalExtendedTo'),
    }
    const view = await carerEditView(request, values)
    return saveForm(request, reply, {
      section: SECTION,
      template: page('carer-edit'),
      view,
      save: async () => {
        await updateCarerAssessment(
          db,
          request.actor(),
          personIdOf(request),
          view.assessment.id,
          values.version,
          values,
        )
        return home(request)
      },
    })
  })

  app.post('/children/:personId/permanence/carers/:assessmentId/panel', write, async (request, reply) =>
    actOrShow(request, reply, {
      section: SECTION,
      template: page('index'),
      view: () => indexView(request),
      act: async () => {
        await orNotFound(
          referConnectedPersonToPanel(
            db,
            request.actor(),
            personIdOf(request),
            idOf(request, 'assessmentId'),
          ),
        )
        return home(request)
      },
    }),
  )

  // Special guardianship orders -------------------------------------------------------------------------------

  const sgoView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const choices = await carerChoices(db, personIdOf(request), request.user!)
    return {
      title: 'Record a special guardianship order',
      values,
      guardianItems: codeOptions(
        choices.map((ch) => ({ value: String(ch.personId), text: ch.name })),
        values.guardianPersonId ? String(values.guardianPersonId) : '',
        'Choose the special guardian',
      ),
    }
  }

  app.get('/children/:personId/permanence/special-guardianship/new', write, async (request, reply) =>
    reply.view(page('sgo-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await sgoView(request, {})),
    }),
  )

  app.post('/children/:personId/permanence/special-guardianship/new', write, async (request, reply) => {
    const values = {
      guardianPersonId: idField(request.body, 'guardianPersonId'),
      madeOn: dateField(request.body, 'madeOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('sgo-new'),
      view: await sgoView(request, values),
      save: async () => {
        await recordSpecialGuardianshipOrder(db, request.actor(), personIdOf(request), values, request.user!)
        return home(request)
      },
    })
  })

  // Life-story work and later-life letters -----------------------------------------------------------------------

  const workView = (values: Record<string, unknown>) => ({
    title: 'Plan direct work with the child',
    values,
    kindItems: radios(DIRECT_WORK_LABELS, values.kind as string),
  })

  app.get('/children/:personId/permanence/direct-work/new', write, async (request, reply) => {
    const kind = textField(request.query, 'kind')
    return reply.view(page('direct-work-new'), {
      ...(await recordContext(request, SECTION)),
      ...workView({ kind }),
    })
  })

  app.post('/children/:personId/permanence/direct-work/new', write, async (request, reply) => {
    const values = {
      kind: textField(request.body, 'kind'),
      plannedBy: dateField(request.body, 'plannedBy'),
      notes: textField(request.body, 'notes'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: page('direct-work-new'),
      view: workView(values),
      save: async () => {
        await planDirectWork(db, request.actor(), personIdOf(request), values)
        return textField(request.body, 'returnTo') === 'adoption'
          ? childPath(request, '/adoption')
          : home(request)
      },
    })
  })

  const completeView = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const work = (await listDirectWork(db, personIdOf(request))).find((w) => w.id === idOf(request, 'workId'))
    if (!work) throw new HttpProblem(404, 'Page not found')
    return { title: `Record that the ${work.label.toLowerCase()} is done`, work, values }
  }

  app.get('/children/:personId/permanence/direct-work/:workId/complete', write, async (request, reply) =>
    reply.view(page('direct-work-complete'), {
      ...(await recordContext(request, SECTION)),
      ...(await completeView(request, { completedOn: today() })),
    }),
  )

  app.post('/children/:personId/permanence/direct-work/:workId/complete', write, async (request, reply) => {
    const values = {
      completedOn: dateField(request.body, 'completedOn'),
      notes: textField(request.body, 'notes'),
    }
    const view = await completeView(request, values)
    return saveForm(request, reply, {
      section: SECTION,
      template: page('direct-work-complete'),
      view,
      save: async () => {
        await completeDirectWork(db, request.actor(), personIdOf(request), view.work.id, values)
        return home(request)
      },
    })
  })

  await app.register(adoptionRoutes)
  await app.register(careLeaverRoutes)
  await app.register(fosteringRoutes)
}
