import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import {
  getMissingEpisode,
  londonParts,
  MISSING_KIND_LABELS,
  MISSING_REASON_CATEGORIES,
  MISSING_REASON_LABELS,
  type MissingEpisodeInput,
  missingRecord,
  recordMissingEpisode,
  updateMissingEpisode,
} from '../../../services/looked-after.ts'
import { dateField, listField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, radioItems, yesNo, yesNoItems } from '../practice/helpers.ts'
import { base, read, write } from './shared.ts'

const SECTION = 'missing'
const view = (name: string) => `pages/looked-after/${name}.njk`
const TIMES = ['startedAt', 'endedAt', 'returnInterviewOfferedAt', 'returnInterviewHeldAt'] as const

/** A date input and a time field ("21:30", "9.30") as "YYYY-MM-DDTHH:MM"; '' when both are empty. */
function whenField(body: unknown, name: string): string {
  const date = dateField(body, `${name}Date`)
  const time = textField(body, `${name}Time`).replace('.', ':')
  if (!date && !time) return ''
  const m = /^(\d{1,2}):(\d{2})$/.exec(time)
  return m ? `${date}T${m[1]!.padStart(2, '0')}:${m[2]}` : `${date}Tinvalid`
}

function missingFromForm(body: unknown): MissingEpisodeInput & { version?: string } {
  return {
    kind: textField(body, 'kind'),
    startedAt: whenField(body, 'startedAt'),
    endedAt: whenField(body, 'endedAt'),
    returnInterviewOfferedAt: whenField(body, 'returnInterviewOfferedAt'),
    returnInterviewAccepted: yesNo(body, 'returnInterviewAccepted'),
    returnInterviewHeldAt: whenField(body, 'returnInterviewHeldAt'),
    reasonsGiven: textField(body, 'reasonsGiven'),
    reasonCategories: listField(body, 'reasonCategories'),
    version: textField(body, 'version'),
  }
}

/** The form's date and time parts, from what was typed or from the stored episode. */
function formValues(body: unknown | null, stored?: Record<string, unknown>) {
  const values: Record<string, unknown> = stored ? { ...stored } : {}
  for (const name of TIMES) {
    if (body) {
      values[`${name}Date`] = dateField(body, `${name}Date`)
      values[`${name}Time`] = textField(body, `${name}Time`)
    } else {
      const parts = londonParts(stored?.[name] as Date | null)
      values[`${name}Date`] = parts.date
      values[`${name}Time`] = parts.time
    }
  }
  return values
}

/** Missing from home or care, or away without permission: any child, in care or not. */
export async function missingRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const page = (request: FastifyRequest) => `${base(request)}/missing`

  app.get('/children/:personId/missing', read, async (request, reply) => {
    const [context, missing] = await Promise.all([
      recordContext(request, SECTION),
      missingRecord(db, personIdOf(request)),
    ])
    return reply.view(view('missing'), {
      title: 'Missing episodes',
      ...context,
      m: missing,
      canUpdate: can(request.user!.roles, 'child:update'),
    })
  })

  const formView = (title: string, values: Record<string, unknown>, episodeId: number | null) => {
    const chosen = new Set((values.reasonCategories as string[] | undefined) ?? [])
    return {
      title,
      episodeId,
      values,
      kindItems: radioItems(MISSING_KIND_LABELS, values.kind as string),
      acceptedItems: yesNoItems(values.returnInterviewAccepted as boolean | null),
      reasonItems: MISSING_REASON_CATEGORIES.map((r) => ({
        value: r,
        text: MISSING_REASON_LABELS[r],
        checked: chosen.has(r),
      })),
    }
  }

  app.get('/children/:personId/missing/new', write, async (request, reply) =>
    reply.view(view('missing-form'), {
      ...(await recordContext(request, SECTION)),
      ...formView('Record a missing episode', formValues(null, {}), null),
    }),
  )

  app.post('/children/:personId/missing/new', write, async (request, reply) => {
    const input = missingFromForm(request.body)
    return saveForm(request, reply, {
      section: SECTION,
      template: view('missing-form'),
      view: formView('Record a missing episode', { ...input, ...formValues(request.body) }, null),
      save: async () => {
        await recordMissingEpisode(db, request.actor(), personIdOf(request), input)
        return page(request)
      },
    })
  })

  app.get('/children/:personId/missing/:episodeId/edit', write, async (request, reply) => {
    const found = await getMissingEpisode(db, personIdOf(request), idParam(request, 'episodeId'))
    return reply.view(view('missing-form'), {
      ...(await recordContext(request, SECTION)),
      ...formView('Update the missing episode', formValues(null, found), found.id),
    })
  })

  app.post('/children/:personId/missing/:episodeId/edit', write, async (request, reply) => {
    const found = await getMissingEpisode(db, personIdOf(request), idParam(request, 'episodeId'))
    const input = missingFromForm(request.body)
    return saveForm(request, reply, {
      section: SECTION,
      template: view('missing-form'),
      view: formView('Update the missing episode', { ...input, ...formValues(request.body) }, found.id),
      save: async () => {
        await updateMissingEpisode(
          db,
          request.actor(),
          personIdOf(request),
          found.id,
          Number(input.version),
          input,
        )
        return page(request)
      },
    })
  })
}
