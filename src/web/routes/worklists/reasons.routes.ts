import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import {
  agreeReason,
  type FlagKey,
  getReason,
  reasonForm,
  recordReason,
} from '../../../services/recorded-reasons.ts'
import { forgetOverdueCounts } from '../../../services/worklists.ts'
import { textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam } from '../practice/helpers.ts'
import { safeReturnTo } from './shared.ts'

// Recorded reasons for exceeding a timescale: a worker writes why, a manager agrees it. Reached from the
// worklists; the pages sit in the child's record, so the record's access checks and logging apply.

/** The flag a reason is about, from a query string or a form; an address that names none is a 404. */
function flagKeyOf(source: unknown): FlagKey {
  const ruleId = textField(source, 'rule')
  const subjectType = textField(source, 'subjectType')
  const subjectId = textField(source, 'subjectId')
  if (
    !/^[a-z0-9-]{1,80}$/.test(ruleId) ||
    !/^[a-z0-9-]{1,80}$/.test(subjectType) ||
    !/^\d{1,9}$/.test(subjectId)
  )
    throw new HttpProblem(404, 'Page not found')
  return { ruleId, subjectType, subjectId: Number(subjectId) }
}

export async function reasonsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  const formView = async (request: FastifyRequest, key: FlagKey, returnTo: string) => {
    const personId = personIdOf(request)
    const form = await reasonForm(db, personId, key)
    return {
      title: 'Record a reason for exceeding a timescale',
      ...form,
      key,
      returnTo: safeReturnTo(returnTo, `/children/${personId}`),
    }
  }

  app.get(
    '/children/:personId/timescale-reasons/new',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const view = await formView(request, flagKeyOf(request.query), textField(request.query, 'returnTo'))
      return reply.view('pages/worklists/reason-new.njk', {
        ...(await recordContext(request, 'summary')),
        ...view,
        values: { reason: '' },
      })
    },
  )

  app.post(
    '/children/:personId/timescale-reasons',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const key = flagKeyOf(request.body)
      const view = await formView(request, key, textField(request.body, 'returnTo'))
      const values = { reason: textField(request.body, 'reason') }
      const replaces = textField(request.body, 'replacesId')
      return saveForm(request, reply, {
        section: 'summary',
        template: 'pages/worklists/reason-new.njk',
        view: { ...view, values },
        save: async () => {
          await recordReason(db, request.actor(), personId, {
            ...key,
            reason: values.reason,
            replacesId: /^\d{1,9}$/.test(replaces) ? Number(replaces) : null,
          })
          forgetOverdueCounts(db)
          return view.returnTo
        },
      })
    },
  )

  const reasonView = async (request: FastifyRequest, returnTo: string) => {
    const personId = personIdOf(request)
    const reason = await getReason(db, personId, idParam(request, 'reasonId'))
    return {
      title: 'Recorded reason for exceeding a timescale',
      reason,
      canAgree:
        can(request.user!.roles, 'child:authorise') &&
        reason.agreedOn === null &&
        reason.isLatest &&
        reason.recordedById !== request.user!.id,
      returnTo: safeReturnTo(returnTo, `/children/${personId}/timescale-reasons/${reason.id}`),
    }
  }

  app.get(
    '/children/:personId/timescale-reasons/:reasonId',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) =>
      reply.view('pages/worklists/reason.njk', {
        ...(await recordContext(request, 'summary')),
        ...(await reasonView(request, textField(request.query, 'returnTo'))),
      }),
  )

  app.post(
    '/children/:personId/timescale-reasons/:reasonId/agree',
    { config: { permission: 'child:authorise', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const view = await reasonView(request, textField(request.body, 'returnTo'))
      return saveForm(request, reply, {
        section: 'summary',
        template: 'pages/worklists/reason.njk',
        view,
        save: async () => {
          await agreeReason(db, request.actor(), personId, view.reason.id)
          return view.returnTo
        },
      })
    },
  )
}
