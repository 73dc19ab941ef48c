import type { FastifyReply, FastifyRequest } from 'fastify'
import { ConflictError, ValidationError } from '../services/errors.ts'
import { recordHeader } from '../services/record-header.ts'
import { errorSummary } from './forms.ts'
import { type RecordSection, recordNavigation } from './record-navigation.ts'

/** The person id of a record route (the authorisation plugin has already checked it is visible). */
export function personIdOf(request: FastifyRequest): number {
  return Number((request.params as { personId: string }).personId)
}

/** What the record layout needs: the header and the section navigation. */
export async function recordContext(request: FastifyRequest, section: RecordSection) {
  const personId = personIdOf(request)
  return {
    record: await recordHeader(request.server.database.db, personId),
    recordNav: recordNavigation(personId, section),
  }
}

/**
 * Runs a form's save. On success redirects (303) to `redirectTo`; when the service refuses the input, or
 * someone else saved first, shows the same form again with the errors and what was typed.
 */
export async function saveForm(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    section: RecordSection
    template: string
    view: Record<string, unknown>
    save: () => Promise<string>
  },
) {
  try {
    const redirectTo = await options.save()
    return reply.redirect(redirectTo, 303)
  } catch (error) {
    if (error instanceof ValidationError) {
      reply.code(400)
      return reply.view(options.template, {
        ...(await recordContext(request, options.section)),
        ...options.view,
        errors: error.fields,
        errorList: errorSummary(error.fields),
      })
    }
    if (error instanceof ConflictError) {
      reply.code(409)
      return reply.view(options.template, {
        ...(await recordContext(request, options.section)),
        ...options.view,
        conflict: { message: error.message, changes: error.changes },
      })
    }
    throw error
  }
}
