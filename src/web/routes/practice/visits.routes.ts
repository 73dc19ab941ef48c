import type { FastifyInstance } from 'fastify'
import { can } from '../../../auth/roles.ts'
import {
  DIRECT_WORK_TOOL_LABELS,
  DIRECT_WORK_TOOLS,
  getVisit,
  listVisits,
  recordVisit,
  VISIT_KIND_LABELS,
  type VisitInput,
} from '../../../services/visits.ts'
import { dateField, textField } from '../../forms.ts'
import { formatDate } from '../../nunjucks.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import {
  idParam,
  intField,
  radioItems,
  restoredDraft,
  workerChoices,
  workerItems,
  yesNo,
  yesNoItems,
} from './helpers.ts'

type VisitValues = Partial<VisitInput> & { directWorkTool?: string | null }

function visitFromForm(body: unknown): VisitValues {
  return {
    visitedOn: dateField(body, 'visitedOn'),
    visitedBy: intField(body, 'visitedBy'),
    kind: textField(body, 'kind'),
    childSeen: yesNo(body, 'childSeen'),
    childSeenAlone: yesNo(body, 'childSeenAlone'),
    bedroomSeen: yesNo(body, 'bedroomSeen'),
    wishesAndFeelings: textField(body, 'wishesAndFeelings'),
    directWorkTool: textField(body, 'directWorkTool') || null,
    directWorkToolOther: textField(body, 'directWorkToolOther'),
    observations: textField(body, 'observations'),
    analysis: textField(body, 'analysis'),
  }
}

export async function visitsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  const formView = async (personId: number, teamId: number | null, values: VisitValues) => {
    const workers = await workerChoices(db, personId, teamId)
    return {
      title: 'Record a visit',
      values,
      workerItems: workerItems(workers, values.visitedBy),
      kindItems: radioItems(VISIT_KIND_LABELS, values.kind),
      childSeenItems: yesNoItems(values.childSeen),
      childSeenAloneItems: yesNoItems(values.childSeenAlone),
      bedroomSeenItems: yesNoItems(values.bedroomSeen),
      toolItems: DIRECT_WORK_TOOLS.map((t) => ({
        value: t,
        text: DIRECT_WORK_TOOL_LABELS[t],
        checked: values.directWorkTool === t,
      })),
      otherToolChecked: values.directWorkTool === 'other',
    }
  }

  app.get(
    '/children/:personId/visits',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const [context, visits] = await Promise.all([
        recordContext(request, 'visits'),
        listVisits(db, personId),
      ])
      return reply.view('pages/practice/visits.njk', {
        title: 'Visits',
        ...context,
        visits,
        canRecord: can(request.user!.roles, 'child:update'),
      })
    },
  )

  app.get(
    '/children/:personId/visits/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const draft = await restoredDraft(db, request)
      const values: VisitValues = draft ? visitFromForm(draft) : { visitedBy: request.user!.workerId }
      return reply.view('pages/practice/visit-new.njk', {
        ...(await recordContext(request, 'visits')),
        ...(await formView(personId, request.user!.teamId, values)),
      })
    },
  )

  app.post(
    '/children/:personId/visits/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = visitFromForm(request.body)
      return saveForm(request, reply, {
        section: 'visits',
        template: 'pages/practice/visit-new.njk',
        view: await formView(personId, request.user!.teamId, values),
        save: async () => {
          const id = await recordVisit(db, request.actor(), personId, values as VisitInput)
          return `/children/${personId}/visits/${id}`
        },
      })
    },
  )

  app.get(
    '/children/:personId/visits/:visitId',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const found = await getVisit(db, personId, idParam(request, 'visitId'))
      return reply.view('pages/practice/visit.njk', {
        title: `Visit on ${formatDate(found.visitedOn)}`,
        ...(await recordContext(request, 'visits')),
        visit: found,
      })
    },
  )
}
