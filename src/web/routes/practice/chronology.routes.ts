import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import {
  addSignificantEvent,
  CHRONOLOGY_TYPE_LABELS,
  CHRONOLOGY_TYPES,
  type ChronologyFilter,
  type ChronologyType,
  chronology,
  SIGNIFICANT_EVENT_LABELS,
  type SignificantEventInput,
} from '../../../services/chronology.ts'
import { checkDate } from '../../../services/dates.ts'
import { Checker } from '../../../services/errors.ts'
import { recordHeader } from '../../../services/record-header.ts'
import { booleanField, dateField, errorSummary, listField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { radioItems, restoredDraft } from './helpers.ts'

function eventFromForm(body: unknown): SignificantEventInput {
  return {
    occurredOn: dateField(body, 'occurredOn'),
    category: textField(body, 'category'),
    description: textField(body, 'description'),
    impactOnChild: textField(body, 'impactOnChild'),
    sharedWithSiblings: booleanField(body, 'sharedWithSiblings'),
  }
}

/** The chronology's filter from the query string: types, a period (from–to) and the order. */
function filterFromQuery(request: FastifyRequest) {
  const q = request.query as Record<string, unknown>
  const types = listField(q, 'type').filter((t): t is ChronologyType =>
    (CHRONOLOGY_TYPES as readonly string[]).includes(t),
  )
  const c = new Checker()
  const fromRaw = dateField(q, 'from')
  const toRaw = dateField(q, 'to')
  const from = checkDate(c, 'from', 'the start of the period', fromRaw, { allowFuture: true })
  const to = checkDate(c, 'to', 'the end of the period', toRaw, { allowFuture: true })
  if (from && to && to < from) c.add('to', 'The end of the period must be on or after its start')
  const order: ChronologyFilter['order'] = textField(q, 'order') === 'newest' ? 'newest' : 'oldest'
  const filter: ChronologyFilter = { types, from, to: c.errors.to ? null : to, order }
  // Keep the query for links to the print view and back.
  const params = new URLSearchParams()
  for (const t of types) params.append('type', t)
  for (const [name, value] of [
    ['from', fromRaw],
    ['to', toRaw],
  ] as const) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (m) {
      params.set(`${name}-day`, String(Number(m[3])))
      params.set(`${name}-month`, String(Number(m[2])))
      params.set(`${name}-year`, m[1]!)
    }
  }
  if (order === 'newest') params.set('order', 'newest')
  return { filter, errors: c.errors, values: { from: fromRaw, to: toRaw }, query: params.toString() }
}

const eventFormView = (values: Partial<SignificantEventInput>) => ({
  title: 'Add a significant event',
  values,
  categoryItems: radioItems(SIGNIFICANT_EVENT_LABELS, values.category),
})

export async function chronologyRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  app.get(
    '/children/:personId/chronology',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const { filter, errors, values, query } = filterFromQuery(request)
      const [context, entries] = await Promise.all([
        recordContext(request, 'chronology'),
        chronology(db, personId, filter),
      ])
      if (Object.keys(errors).length > 0) reply.code(400)
      return reply.view('pages/practice/chronology.njk', {
        title: 'Chronology',
        ...context,
        entries,
        filter,
        values,
        query,
        errors,
        errorList: errorSummary(errors),
        typeItems: CHRONOLOGY_TYPES.map((t) => ({
          value: t,
          text: CHRONOLOGY_TYPE_LABELS[t],
          checked: filter.types?.includes(t) ?? false,
        })),
        orderItems: [
          { value: 'oldest', text: 'Oldest first', checked: filter.order !== 'newest' },
          { value: 'newest', text: 'Newest first', checked: filter.order === 'newest' },
        ],
        canAdd: can(request.user!.roles, 'child:update'),
      })
    },
  )

  // The same chronology without the service and record navigation, for printing or saving as PDF.
  app.get(
    '/children/:personId/chronology/print',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const { filter, query } = filterFromQuery(request)
      const [record, entries] = await Promise.all([
        recordHeader(db, personId),
        chronology(db, personId, filter),
      ])
      return reply.view('pages/practice/chronology-print.njk', {
        title: 'Chronology',
        record,
        entries,
        filter,
        query,
        typeLabels: (filter.types ?? []).map((t) => CHRONOLOGY_TYPE_LABELS[t]),
        printedAt: new Date(),
      })
    },
  )

  app.get(
    '/children/:personId/chronology/events/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const draft = await restoredDraft(db, request)
      return reply.view('pages/practice/event-new.njk', {
        ...(await recordContext(request, 'chronology')),
        ...eventFormView(draft ? eventFromForm(draft) : {}),
      })
    },
  )

  app.post(
    '/children/:personId/chronology/events/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = eventFromForm(request.body)
      return saveForm(request, reply, {
        section: 'chronology',
        template: 'pages/practice/event-new.njk',
        view: eventFormView(values),
        save: async () => {
          await addSignificantEvent(db, request.actor(), personId, values)
          return `/children/${personId}/chronology`
        },
      })
    },
  )
}
