import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { today } from '../../../services/dates.ts'
import { NotFoundError } from '../../../services/errors.ts'
import {
  allocateIro,
  CONTACT_SUPERVISION_LABELS,
  ceaseCare,
  changeLegalStatus,
  changePlacement,
  contactArrangements,
  deprivationsOfLiberty,
  endContactArrangement,
  endDeprivationOfLiberty,
  irosInPost,
  lookedAfterRecord,
  recordContactArrangement,
  recordDeprivationOfLiberty,
  recordUascCeased,
  startPeriodOfCare,
  updatePlacement,
} from '../../../services/looked-after.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { idParam, intField, radioItems, workerItems } from '../practice/helpers.ts'
import { careProceedingsRoutes } from './care-proceedings.routes.ts'
import { healthEducationRoutes } from './health-education.routes.ts'
import { missingRoutes } from './missing.routes.ts'
import { reviewsRoutes } from './reviews.routes.ts'
import {
  base,
  codeRadios,
  codeSelect,
  networkItems,
  type PlacementValues,
  placementFromForm,
  placementOptions,
  read,
  splitGuidance,
  write,
} from './shared.ts'

const SECTION = 'looked-after'
const view = (name: string) => `pages/looked-after/${name}.njk`

/** Children in care: becoming looked after, legal status, placements, ceasing care, family time. */
export async function lookedAfterRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const page = (request: FastifyRequest) => `${base(request)}/looked-after`

  app.get('/children/:personId/looked-after', read, async (request, reply) => {
    const personId = personIdOf(request)
    const [context, la, contacts, orders] = await Promise.all([
      recordContext(request, SECTION),
      lookedAfterRecord(db, personId),
      contactArrangements(db, personId),
      deprivationsOfLiberty(db, personId),
    ])
    return reply.view(view('index'), {
      title: 'Child in care',
      ...context,
      la,
      contacts,
      orders,
      canUpdate: can(request.user!.roles, 'child:update'),
      canAllocate: can(request.user!.roles, 'child:update'),
    })
  })

  // Becoming looked after ---------------------------------------------------------------------------------

  const startView = async (request: FastifyRequest, values: Record<string, unknown>) => ({
    title: 'Start a period of care',
    values,
    categoryItems: codeSelect('CIN', values.categoryOfNeed as string),
    legalStatusItems: codeSelect('LS', values.legalStatus as string),
    iroItems: workerItems(
      await irosInPost(db),
      values.iroWorkerId as number | null,
      'Allocate the IRO later',
    ),
    ...(await placementOptions(request, values as PlacementValues)),
  })

  app.get('/children/:personId/looked-after/start', write, async (request, reply) =>
    reply.view(view('start'), {
      ...(await recordContext(request, SECTION)),
      ...(await startView(request, { startDate: today() })),
    }),
  )

  app.post('/children/:personId/looked-after/start', write, async (request, reply) => {
    const personId = personIdOf(request)
    const body = request.body
    const placement = placementFromForm(body)
    const values = {
      ...placement,
      startDate: dateField(body, 'startDate'),
      categoryOfNeed: textField(body, 'categoryOfNeed'),
      homePostcode: textField(body, 'homePostcode'),
      legalStatus: textField(body, 'legalStatus'),
      iroWorkerId: intField(body, 'iroWorkerId'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('start'),
      view: await startView(request, values),
      save: async () => {
        await startPeriodOfCare(db, request.actor(), personId, { ...values, placement })
        return page(request)
      },
    })
  })

  // Changes of legal status and placement -----------------------------------------------------------------

  const current = async (request: FastifyRequest) => {
    const la = await lookedAfterRecord(db, personIdOf(request))
    if (!la.current) throw new NotFoundError('This child is not looked after')
    return la.current
  }

  const legalStatusView = (values: Record<string, unknown>, c: Awaited<ReturnType<typeof current>>) => ({
    title: 'Change the legal status',
    values,
    current: c,
    legalStatusItems: codeSelect('LS', values.code as string),
  })

  app.get('/children/:personId/looked-after/legal-status', write, async (request, reply) => {
    const c = await current(request)
    return reply.view(view('legal-status'), {
      ...(await recordContext(request, SECTION)),
      ...legalStatusView({ version: c.period.version, startDate: today() }, c),
    })
  })

  app.post('/children/:personId/looked-after/legal-status', write, async (request, reply) => {
    const c = await current(request)
    const values = {
      version: textField(request.body, 'version'),
      startDate: dateField(request.body, 'startDate'),
      code: textField(request.body, 'code'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('legal-status'),
      view: legalStatusView(values, c),
      save: async () => {
        await changeLegalStatus(db, request.actor(), personIdOf(request), {
          ...values,
          version: Number(values.version),
        })
        return page(request)
      },
    })
  })

  const placementView = async (
    request: FastifyRequest,
    values: Record<string, unknown>,
    c: Awaited<ReturnType<typeof current>>,
  ) => ({
    title: 'Record a move to a new placement',
    values,
    current: c,
    reasonItems: codeRadios('REASON_PLACE_CHANGE', values.reasonForChange as string).map((i) => {
      const { label, hint } = splitGuidance(i.text)
      return { ...i, text: label, hint: hint ? { text: hint } : undefined }
    }),
    ...(await placementOptions(request, values as PlacementValues)),
  })

  app.get('/children/:personId/looked-after/placement', write, async (request, reply) => {
    const c = await current(request)
    return reply.view(view('placement'), {
      ...(await recordContext(request, SECTION)),
      ...(await placementView(request, { version: c.period.version, startDate: today() }, c)),
    })
  })

  app.post('/children/:personId/looked-after/placement', write, async (request, reply) => {
    const c = await current(request)
    const details = placementFromForm(request.body)
    const values = {
      ...details,
      version: textField(request.body, 'version'),
      startDate: dateField(request.body, 'startDate'),
      reasonForChange: textField(request.body, 'reasonForChange'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('placement'),
      view: await placementView(request, values, c),
      save: async () => {
        await changePlacement(db, request.actor(), personIdOf(request), {
          ...values,
          version: Number(values.version),
        })
        return page(request)
      },
    })
  })

  const findPlacement = async (request: FastifyRequest) => {
    const la = await lookedAfterRecord(db, personIdOf(request))
    const id = idParam(request, 'placementId')
    const found = la.periods.flatMap((p) => p.placements).find((p) => p.id === id)
    if (!found) throw new NotFoundError(`No placement ${id}`)
    return found
  }

  app.get('/children/:personId/looked-after/placements/:placementId/edit', write, async (request, reply) => {
    const found = await findPlacement(request)
    return reply.view(view('placement-edit'), {
      ...(await recordContext(request, SECTION)),
      title: 'Change the placement details',
      placement: found,
      values: found,
      ...(await placementOptions(request, found as unknown as PlacementValues)),
    })
  })

  app.post('/children/:personId/looked-after/placements/:placementId/edit', write, async (request, reply) => {
    const found = await findPlacement(request)
    const values = { ...placementFromForm(request.body), version: textField(request.body, 'version') }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('placement-edit'),
      view: {
        title: 'Change the placement details',
        placement: found,
        values,
        ...(await placementOptions(request, values)),
      },
      save: async () => {
        await updatePlacement(
          db,
          request.actor(),
          personIdOf(request),
          found.id,
          Number(values.version),
          values,
        )
        return page(request)
      },
    })
  })

  // Ceasing care ------------------------------------------------------------------------------------------

  const ceaseView = (values: Record<string, unknown>, c: Awaited<ReturnType<typeof current>>) => ({
    title: 'End the period of care',
    values,
    current: c,
    reasonItems: codeSelect('REC', values.reasonCeased as string).filter((i) => i.value !== 'X1'),
  })

  app.get('/children/:personId/looked-after/cease', write, async (request, reply) => {
    const c = await current(request)
    return reply.view(view('cease'), {
      ...(await recordContext(request, SECTION)),
      ...ceaseView({ version: c.period.version, endDate: today() }, c),
    })
  })

  app.post('/children/:personId/looked-after/cease', write, async (request, reply) => {
    const c = await current(request)
    const values = {
      version: textField(request.body, 'version'),
      endDate: dateField(request.body, 'endDate'),
      reasonCeased: textField(request.body, 'reasonCeased'),
      destination: textField(request.body, 'destination'),
      supportPlan: textField(request.body, 'supportPlan'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('cease'),
      view: ceaseView(values, c),
      save: async () => {
        await ceaseCare(db, request.actor(), personIdOf(request), {
          ...values,
          version: Number(values.version),
        })
        return page(request)
      },
    })
  })

  // UASC and the IRO ---------------------------------------------------------------------------------------

  app.get('/children/:personId/looked-after/uasc', write, async (request, reply) => {
    const la = await lookedAfterRecord(db, personIdOf(request))
    return reply.view(view('uasc'), {
      ...(await recordContext(request, SECTION)),
      title: 'Record when UASC status ended',
      child: la.child,
      values: { version: la.child.version, uascCeasedOn: la.child.uascCeasedOn },
    })
  })

  app.post('/children/:personId/looked-after/uasc', write, async (request, reply) => {
    const la = await lookedAfterRecord(db, personIdOf(request))
    const values = {
      version: textField(request.body, 'version'),
      uascCeasedOn: dateField(request.body, 'uascCeasedOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('uasc'),
      view: { title: 'Record when UASC status ended', child: la.child, values },
      save: async () => {
        await recordUascCeased(db, request.actor(), personIdOf(request), {
          ...values,
          version: Number(values.version),
        })
        return page(request)
      },
    })
  })

  const iroView = async (values: Record<string, unknown>) => ({
    title: 'Allocate the independent reviewing officer',
    values,
    iroItems: workerItems(await irosInPost(db), values.workerId as number | null, 'Choose an IRO'),
  })

  app.get('/children/:personId/looked-after/iro', write, async (request, reply) =>
    reply.view(view('iro'), {
      ...(await recordContext(request, SECTION)),
      ...(await iroView({ startedOn: today() })),
    }),
  )

  app.post('/children/:personId/looked-after/iro', write, async (request, reply) => {
    const values = {
      workerId: intField(request.body, 'workerId'),
      startedOn: dateField(request.body, 'startedOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('iro'),
      view: await iroView(values),
      save: async () => {
        await allocateIro(db, request.actor(), personIdOf(request), values)
        return page(request)
      },
    })
  })

  // Family time ----------------------------------------------------------------------------------------------

  const contactView = async (request: FastifyRequest, values: Record<string, unknown>) => ({
    title: 'Record a contact arrangement',
    values,
    withItems: await networkItems(
      request,
      values.withPersonId as number | null,
      'Not someone with a record in Hearth',
    ),
    supervisionItems: radioItems(CONTACT_SUPERVISION_LABELS, values.supervision as string),
  })

  app.get('/children/:personId/looked-after/contact/new', write, async (request, reply) =>
    reply.view(view('contact-new'), {
      ...(await recordContext(request, SECTION)),
      ...(await contactView(request, { startedOn: today() })),
    }),
  )

  app.post('/children/:personId/looked-after/contact/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      withPersonId: intField(body, 'withPersonId'),
      withDescription: textField(body, 'withDescription'),
      frequency: textField(body, 'frequency'),
      supervision: textField(body, 'supervision'),
      childsWishes: textField(body, 'childsWishes'),
      startedOn: dateField(body, 'startedOn'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('contact-new'),
      view: await contactView(request, values),
      save: async () => {
        await recordContactArrangement(db, request.actor(), personIdOf(request), values)
        return `${page(request)}#family-time`
      },
    })
  })

  const findArrangement = async (request: FastifyRequest) => {
    const id = idParam(request, 'arrangementId')
    const found = (await contactArrangements(db, personIdOf(request))).find((a) => a.id === id)
    if (!found) throw new NotFoundError(`No contact arrangement ${id}`)
    return found
  }

  app.get('/children/:personId/looked-after/contact/:arrangementId/end', write, async (request, reply) =>
    reply.view(view('contact-end'), {
      ...(await recordContext(request, SECTION)),
      title: 'End a contact arrangement',
      arrangement: await findArrangement(request),
      values: { endedOn: today() },
    }),
  )

  app.post('/children/:personId/looked-after/contact/:arrangementId/end', write, async (request, reply) => {
    const arrangement = await findArrangement(request)
    const values = { endedOn: dateField(request.body, 'endedOn') }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('contact-end'),
      view: { title: 'End a contact arrangement', arrangement, values },
      save: async () => {
        await endContactArrangement(db, request.actor(), personIdOf(request), arrangement.id, values)
        return `${page(request)}#family-time`
      },
    })
  })

  // Deprivation of liberty orders ------------------------------------------------------------------------------

  app.get('/children/:personId/looked-after/dolo/new', write, async (request, reply) =>
    reply.view(view('dolo-new'), {
      ...(await recordContext(request, SECTION)),
      title: 'Record a deprivation of liberty order',
      values: {},
    }),
  )

  app.post('/children/:personId/looked-after/dolo/new', write, async (request, reply) => {
    const values = {
      startDate: dateField(request.body, 'startDate'),
      endDate: dateField(request.body, 'endDate'),
      details: textField(request.body, 'details'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('dolo-new'),
      view: { title: 'Record a deprivation of liberty order', values },
      save: async () => {
        await recordDeprivationOfLiberty(db, request.actor(), personIdOf(request), values)
        return `${page(request)}#deprivation-of-liberty`
      },
    })
  })

  const findOrder = async (request: FastifyRequest) => {
    const id = idParam(request, 'orderId')
    const found = (await deprivationsOfLiberty(db, personIdOf(request))).find((o) => o.id === id)
    if (!found) throw new NotFoundError(`No deprivation of liberty order ${id}`)
    return found
  }

  app.get('/children/:personId/looked-after/dolo/:orderId/end', write, async (request, reply) => {
    const order = await findOrder(request)
    return reply.view(view('dolo-end'), {
      ...(await recordContext(request, SECTION)),
      title: 'Record the end of a deprivation of liberty order',
      order,
      values: { version: order.version, endDate: today() },
    })
  })

  app.post('/children/:personId/looked-after/dolo/:orderId/end', write, async (request, reply) => {
    const order = await findOrder(request)
    const values = {
      version: textField(request.body, 'version'),
      endDate: dateField(request.body, 'endDate'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('dolo-end'),
      view: { title: 'Record the end of a deprivation of liberty order', order, values },
      save: async () => {
        await endDeprivationOfLiberty(db, request.actor(), personIdOf(request), order.id, {
          ...values,
          version: Number(values.version),
        })
        return `${page(request)}#deprivation-of-liberty`
      },
    })
  })

  await app.register(reviewsRoutes)
  await app.register(healthEducationRoutes)
  await app.register(missingRoutes)
  await app.register(careProceedingsRoutes)
}
