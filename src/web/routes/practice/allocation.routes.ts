import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { canSeePerson } from '../../../auth/record-access.ts'
import { can } from '../../../auth/roles.ts'
import {
  ALLOCATION_KIND_LABELS,
  allocationHistory,
  listTeamsForAllocation,
  reallocate,
  workersInPost,
} from '../../../services/allocation.ts'
import {
  closureReasonItems,
  closureState,
  declineClosure,
  proposeClosure,
  resolvePlanAction,
  signOffClosure,
} from '../../../services/closure.ts'
import { today } from '../../../services/dates.ts'
import { ConflictError, ValidationError } from '../../../services/errors.ts'
import { recordHeader } from '../../../services/record-header.ts'
import { dateField, errorSummary, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, intField, radioItems, workerItems } from './helpers.ts'

interface AllocationValues {
  kind: string
  teamId: number | null
  workerId: number | null
  startedOn: string
}

export async function allocationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  const allocationFormView = async (values: AllocationValues) => {
    const [teams, workers] = await Promise.all([listTeamsForAllocation(db), workersInPost(db)])
    return {
      title: 'Allocate the child',
      values,
      kindItems: radioItems(ALLOCATION_KIND_LABELS, values.kind),
      teamItems: [
        { value: '', text: "The worker's own team" },
        ...teams.map((t) => ({
          value: String(t.id),
          text: `${t.name} (${t.serviceName})`,
          selected: t.id === values.teamId,
        })),
      ],
      workerItems: workerItems(workers, values.workerId, 'No worker yet: awaiting allocation in the team'),
    }
  }

  app.get(
    '/children/:personId/allocation',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const [context, history, closure] = await Promise.all([
        recordContext(request, 'allocation'),
        allocationHistory(db, personId),
        closureState(db, personId),
      ])
      return reply.view('pages/practice/allocation.njk', {
        title: 'Allocation and closure',
        ...context,
        current: history.filter((a) => a.current),
        past: history.filter((a) => !a.current),
        closure,
        canAllocate: can(request.user!.roles, 'allocation:manage'),
      })
    },
  )

  app.get(
    '/children/:personId/allocation/new',
    { config: { permission: 'allocation:manage', record: { param: 'personId' } } },
    async (request, reply) =>
      reply.view('pages/practice/allocation-new.njk', {
        ...(await recordContext(request, 'allocation')),
        ...(await allocationFormView({
          kind: 'social-worker',
          teamId: null,
          workerId: null,
          startedOn: today(),
        })),
      }),
  )

  app.post(
    '/children/:personId/allocation/new',
    { config: { permission: 'allocation:manage', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values: AllocationValues = {
        kind: textField(request.body, 'kind'),
        teamId: intField(request.body, 'teamId'),
        workerId: intField(request.body, 'workerId'),
        startedOn: dateField(request.body, 'startedOn'),
      }
      return saveForm(request, reply, {
        section: 'allocation',
        template: 'pages/practice/allocation-new.njk',
        view: await allocationFormView(values),
        save: async () => {
          await reallocate(db, request.actor(), { ...values, personId })
          // Moving a child to another team can take them out of the manager's sight.
          return (await canSeePerson(db, request.user!, personId))
            ? `/children/${personId}/allocation`
            : '/teams'
        },
      })
    },
  )

  // --- Closure ---

  const closureView = async (request: FastifyRequest) => {
    const personId = personIdOf(request)
    const roles = request.user!.roles
    const state = await closureState(db, personId)
    return {
      title: 'Close the case',
      state,
      reasonItems: closureReasonItems().map((i) => ({ value: i.value, text: i.text })),
      canPropose: can(roles, 'child:update'),
      canSignOff: can(roles, 'child:authorise'),
      today: today(),
    }
  }

  /** Shows the closure page again with what was typed and the errors or the conflict, as saveForm does. */
  async function refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    values: Record<string, unknown>,
  ) {
    const base = { ...(await recordContext(request, 'allocation')), ...(await closureView(request)), values }
    if (error instanceof ValidationError) {
      reply.code(400)
      return reply.view('pages/practice/closure.njk', {
        ...base,
        errors: error.fields,
        errorList: errorSummary(error.fields),
      })
    }
    if (error instanceof ConflictError) {
      reply.code(409)
      return reply.view('pages/practice/closure.njk', {
        ...base,
        conflict: { message: error.message, changes: error.changes },
      })
    }
    throw error
  }

  app.get(
    '/children/:personId/closure',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) =>
      reply.view('pages/practice/closure.njk', {
        ...(await recordContext(request, 'allocation')),
        ...(await closureView(request)),
        values: { closureDate: today() },
      }),
  )

  app.post(
    '/children/:personId/closure/propose',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = {
        reason: textField(request.body, 'reason'),
        rationale: textField(request.body, 'rationale'),
      }
      try {
        await proposeClosure(db, request.actor(), personId, {
          referralId: intField(request.body, 'referralId') ?? 0,
          version: intField(request.body, 'version') ?? 0,
          ...values,
        })
        return reply.redirect(`/children/${personId}/closure`, 303)
      } catch (error) {
        return refuse(request, reply, error, values)
      }
    },
  )

  app.post(
    '/children/:personId/closure/sign-off',
    { config: { permission: 'child:authorise', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = {
        closureDate: dateField(request.body, 'closureDate'),
        signOffRationale: textField(request.body, 'signOffRationale'),
      }
      try {
        await signOffClosure(db, request.actor(), personId, {
          referralId: intField(request.body, 'referralId') ?? 0,
          version: intField(request.body, 'version') ?? 0,
          closureDate: values.closureDate,
          rationale: values.signOffRationale,
        })
      } catch (error) {
        if (error instanceof ValidationError && error.fields.rationale) {
          const { rationale, ...rest } = error.fields
          return refuse(request, reply, new ValidationError({ ...rest, signOffRationale: rationale }), values)
        }
        return refuse(request, reply, error, values)
      }
      // Closing ends the allocations that made the record visible to the team: confirm here, not on the record.
      const record = await recordHeader(db, personId)
      return reply.view('pages/practice/closure-done.njk', {
        title: 'Case closed',
        record,
        closureDate: values.closureDate,
        stillVisible: await canSeePerson(db, request.user!, personId),
      })
    },
  )

  app.post(
    '/children/:personId/closure/decline',
    { config: { permission: 'child:authorise', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = { declineRationale: textField(request.body, 'declineRationale') }
      try {
        await declineClosure(db, request.actor(), personId, {
          referralId: intField(request.body, 'referralId') ?? 0,
          version: intField(request.body, 'version') ?? 0,
          rationale: values.declineRationale,
        })
        return reply.redirect(`/children/${personId}/closure`, 303)
      } catch (error) {
        return refuse(request, reply, error, values)
      }
    },
  )

  // Resolving an open plan action, from the list of what blocks closure.
  app.post(
    '/children/:personId/closure/actions/:actionId',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const actionId = idParam(request, 'actionId')
      return saveForm(request, reply, {
        section: 'allocation',
        template: 'pages/practice/closure.njk',
        view: {
          ...(await closureView(request)),
          values: {},
          actionValues: { id: actionId, ...(request.body as object) },
        },
        save: async () => {
          await resolvePlanAction(db, request.actor(), personId, actionId, {
            status: textField(request.body, 'status'),
            handedOnTo: textField(request.body, 'handedOnTo'),
            completedOn: dateField(request.body, 'completedOn'),
          })
          return `/children/${personId}/closure#open-actions`
        },
      })
    },
  )
}
