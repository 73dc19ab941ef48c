import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { today } from '../../../services/dates.ts'
import {
  CARE_PROCEEDINGS_OUTCOME_LABELS,
  careProceedingsRecord,
  findCareProceedings,
  recordCareProceedings,
  recordExtension,
  recordOutcome,
  updateCareProceedings,
} from '../../../services/looked-after.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, radioItems } from '../practice/helpers.ts'
import { base, read, write } from './shared.ts'

// Care proceedings on the child's record: the list with the 26-week date worked out from the record, the
// application (issue), the court's extensions and the outcome. Who may record them is who may record a
// legal status (child:update).

const SECTION = 'care-proceedings'
const view = (name: string) => `pages/looked-after/${name}.njk`

const detailsFrom = (body: unknown) => ({
  preProceedingsOn: dateField(body, 'preProceedingsOn'),
  issuedOn: dateField(body, 'issuedOn'),
  court: textField(body, 'court'),
  caseNumber: textField(body, 'caseNumber'),
  finalHearingOn: dateField(body, 'finalHearingOn'),
})

export async function careProceedingsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const page = (request: FastifyRequest) => `${base(request)}/care-proceedings`
  const found = (request: FastifyRequest) =>
    findCareProceedings(db, personIdOf(request), idParam(request, 'proceedingsId'))

  app.get('/children/:personId/care-proceedings', read, async (request, reply) => {
    const [context, proceedings] = await Promise.all([
      recordContext(request, SECTION),
      careProceedingsRecord(db, personIdOf(request)),
    ])
    return reply.view(view('proceedings'), {
      title: 'Care proceedings',
      ...context,
      proceedings,
      anyOpen: proceedings.some((p) => p.open),
      canUpdate: can(request.user!.roles, 'child:update'),
    })
  })

  // The application ------------------------------------------------------------------------------------

  app.get('/children/:personId/care-proceedings/new', write, async (request, reply) =>
    reply.view(view('proceedings-form'), {
      ...(await recordContext(request, SECTION)),
      title: 'Record care proceedings',
      action: `${page(request)}/new`,
      values: {},
    }),
  )

  app.post('/children/:personId/care-proceedings/new', write, async (request, reply) => {
    const values = detailsFrom(request.body)
    return saveForm(request, reply, {
      section: SECTION,
      template: view('proceedings-form'),
      view: { title: 'Record care proceedings', action: `${page(request)}/new`, values },
      save: async () => {
        const id = await recordCareProceedings(db, request.actor(), personIdOf(request), values)
        return `${page(request)}#proceedings-${id}`
      },
    })
  })

  app.get('/children/:personId/care-proceedings/:proceedingsId/edit', write, async (request, reply) => {
    const p = await found(request)
    return reply.view(view('proceedings-form'), {
      ...(await recordContext(request, SECTION)),
      title: 'Change the care proceedings',
      action: `${page(request)}/${p.id}/edit`,
      proceedings: p,
      values: p,
    })
  })

  app.post('/children/:personId/care-proceedings/:proceedingsId/edit', write, async (request, reply) => {
    const p = await found(request)
    const values = { ...detailsFrom(request.body), version: textField(request.body, 'version') }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('proceedings-form'),
      view: {
        title: 'Change the care proceedings',
        action: `${page(request)}/${p.id}/edit`,
        proceedings: p,
        values,
      },
      save: async () => {
        await updateCareProceedings(db, request.actor(), personIdOf(request), p.id, {
          ...values,
          version: Number(values.version),
        })
        return `${page(request)}#proceedings-${p.id}`
      },
    })
  })

  // Extensions of the timetable ---------------------------------------------------------------------------

  app.get(
    '/children/:personId/care-proceedings/:proceedingsId/extensions/new',
    write,
    async (request, reply) => {
      const p = await found(request)
      return reply.view(view('proceedings-extension'), {
        ...(await recordContext(request, SECTION)),
        title: 'Record an extension of the timetable',
        proceedings: p,
        values: { version: p.version, grantedOn: today() },
      })
    },
  )

  app.post(
    '/children/:personId/care-proceedings/:proceedingsId/extensions/new',
    write,
    async (request, reply) => {
      const p = await found(request)
      const values = {
        version: textField(request.body, 'version'),
        grantedOn: dateField(request.body, 'grantedOn'),
        weeks: textField(request.body, 'weeks'),
        reason: textField(request.body, 'reason'),
      }
      return saveForm(request, reply, {
        section: SECTION,
        template: view('proceedings-extension'),
        view: { title: 'Record an extension of the timetable', proceedings: p, values },
        save: async () => {
          await recordExtension(db, request.actor(), personIdOf(request), p.id, {
            ...values,
            version: Number(values.version),
          })
          return `${page(request)}#proceedings-${p.id}`
        },
      })
    },
  )

  // The outcome ------------------------------------------------------------------------------------------

  const outcomeView = (p: Awaited<ReturnType<typeof found>>, values: Record<string, unknown>) => ({
    title: 'Record the outcome of the proceedings',
    proceedings: p,
    values,
    outcomeItems: radioItems(CARE_PROCEEDINGS_OUTCOME_LABELS, values.outcome as string),
  })

  app.get('/children/:personId/care-proceedings/:proceedingsId/outcome', write, async (request, reply) => {
    const p = await found(request)
    return reply.view(view('proceedings-outcome'), {
      ...(await recordContext(request, SECTION)),
      ...outcomeView(p, {
        version: p.version,
        outcome: p.outcome,
        concludedOn: p.concludedOn ?? today(),
        finalHearingOn: p.finalHearingOn && p.finalHearingOn <= today() ? p.finalHearingOn : null,
      }),
    })
  })

  app.post('/children/:personId/care-proceedings/:proceedingsId/outcome', write, async (request, reply) => {
    const p = await found(request)
    const values = {
      version: textField(request.body, 'version'),
      outcome: textField(request.body, 'outcome'),
      concludedOn: dateField(request.body, 'concludedOn'),
      finalHearingOn: dateField(request.body, 'finalHearingOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('proceedings-outcome'),
      view: outcomeView(p, values),
      save: async () => {
        await recordOutcome(db, request.actor(), personIdOf(request), p.id, {
          ...values,
          version: Number(values.version),
        })
        return `${page(request)}#proceedings-${p.id}`
      },
    })
  })
}
