import type { FastifyInstance } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { today } from '../../../services/dates.ts'
import {
  completeOversightAction,
  listOversight,
  OVERSIGHT_KIND_LABELS,
  type OversightInput,
  recordOversight,
} from '../../../services/oversight.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, intField, radioItems, restoredDraft, workerChoices, workerItems } from './helpers.ts'

const DEFAULT_ACTION_ROWS = 3
const MAX_ACTION_ROWS = 20

/** The form's action rows are numbered fields (`actions[0].description`…), as the service names its errors. */
function oversightFromForm(body: unknown): OversightInput & { rows: number } {
  const rows = Math.min(
    MAX_ACTION_ROWS,
    Math.max(DEFAULT_ACTION_ROWS, Number(textField(body, 'rows')) || DEFAULT_ACTION_ROWS),
  )
  const actions = Array.from({ length: rows }, (_, i) => ({
    description: textField(body, `actions[${i}].description`),
    ownerWorkerId: intField(body, `actions[${i}].ownerWorkerId`),
    dueDate: dateField(body, `actions[${i}].dueDate`),
  }))
  return {
    kind: textField(body, 'kind'),
    recordedOn: dateField(body, 'recordedOn'),
    decision: textField(body, 'decision'),
    rationale: textField(body, 'rationale'),
    challenge: textField(body, 'challenge'),
    actions,
    rows,
  }
}

export async function oversightRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  const formView = async (
    personId: number,
    teamId: number | null,
    values: OversightInput & { rows: number },
  ) => {
    const workers = await workerChoices(db, personId, teamId)
    return {
      title: 'Record management oversight',
      values,
      kindItems: radioItems(OVERSIGHT_KIND_LABELS, values.kind),
      actionRows: (values.actions ?? []).map((a, i) => ({
        index: i,
        number: i + 1,
        values: a,
        ownerItems: workerItems(workers, a.ownerWorkerId),
      })),
    }
  }

  const listView = async (personId: number, roles: Parameters<typeof can>[0]) => ({
    title: 'Management oversight',
    entries: await listOversight(db, personId),
    canRecord: can(roles, 'child:authorise'),
    canComplete: can(roles, 'child:update'),
    today: today(),
  })

  app.get(
    '/children/:personId/oversight',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      return reply.view('pages/practice/oversight.njk', {
        ...(await recordContext(request, 'oversight')),
        ...(await listView(personId, request.user!.roles)),
      })
    },
  )

  app.get(
    '/children/:personId/oversight/new',
    { config: { permission: 'child:authorise', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const draft = await restoredDraft(db, request)
      const values = draft ? oversightFromForm(draft) : { ...oversightFromForm({}), recordedOn: today() }
      return reply.view('pages/practice/oversight-new.njk', {
        ...(await recordContext(request, 'oversight')),
        ...(await formView(personId, request.user!.teamId, values)),
      })
    },
  )

  app.post(
    '/children/:personId/oversight/new',
    { config: { permission: 'child:authorise', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = oversightFromForm(request.body)
      // "Add another action" shows the form again with one more row; nothing is saved.
      if (textField(request.body, 'addAction') === 'yes') {
        const more = { ...values, rows: Math.min(MAX_ACTION_ROWS, values.rows + 1) }
        more.actions = [
          ...(values.actions ?? []),
          { description: '', ownerWorkerId: null, dueDate: '' },
        ].slice(0, more.rows)
        return reply.view('pages/practice/oversight-new.njk', {
          ...(await recordContext(request, 'oversight')),
          ...(await formView(personId, request.user!.teamId, more)),
        })
      }
      return saveForm(request, reply, {
        section: 'oversight',
        template: 'pages/practice/oversight-new.njk',
        view: await formView(personId, request.user!.teamId, values),
        save: async () => {
          const id = await recordOversight(db, request.actor(), personId, values)
          return `/children/${personId}/oversight#oversight-${id}`
        },
      })
    },
  )

  app.post(
    '/children/:personId/oversight/actions/:actionId/complete',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const actionId = idParam(request, 'actionId')
      return saveForm(request, reply, {
        section: 'oversight',
        template: 'pages/practice/oversight.njk',
        view: await listView(personId, request.user!.roles),
        save: async () => {
          await completeOversightAction(
            db,
            request.actor(),
            personId,
            actionId,
            dateField(request.body, 'completedOn'),
          )
          return `/children/${personId}/oversight`
        },
      })
    },
  )
}
