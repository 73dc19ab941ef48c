import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { today } from '../../../services/dates.ts'
import {
  HEALTH_KIND_LABELS,
  HEALTH_KINDS,
  type HealthKind,
  healthEducationRecord,
  recordHealth,
  recordPep,
} from '../../../services/looked-after.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { radioItems, yesNo, yesNoItems } from '../practice/helpers.ts'
import { base, codeSelect, read, write } from './shared.ts'

const SECTION = 'health-education'
const view = (name: string) => `pages/looked-after/${name}.njk`

/** Health (903 OC2 items, as they happen) and education (PEPs, the school and the virtual school). */
export async function healthEducationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const page = (request: FastifyRequest) => `${base(request)}/health-education`

  app.get('/children/:personId/health-education', read, async (request, reply) => {
    const [context, he] = await Promise.all([
      recordContext(request, SECTION),
      healthEducationRecord(db, personIdOf(request)),
    ])
    return reply.view(view('health-education'), {
      title: 'Health and education',
      ...context,
      he,
      kinds: HEALTH_KINDS.map((k) => ({ kind: k, label: HEALTH_KIND_LABELS[k] })),
      canUpdate: can(request.user!.roles, 'child:update'),
    })
  })

  const healthView = (values: Record<string, unknown>) => ({
    title: 'Record health information',
    values,
    kindItems: radioItems(HEALTH_KIND_LABELS, values.kind as string),
    upToDateItems: yesNoItems(values.upToDate as boolean | null),
    substanceMisuseItems: yesNoItems(values.substanceMisuse as boolean | null),
    interventionOfferedItems: yesNoItems(values.interventionOffered as boolean | null),
    interventionReceivedItems: yesNoItems(values.interventionReceived as boolean | null),
    sdqReasonItems: codeSelect('SDQ_REASON', values.sdqReason as string, 'There is a score'),
  })

  app.get('/children/:personId/health-education/health/new', write, async (request, reply) => {
    const kind = (request.query as Record<string, string>).kind ?? ''
    return reply.view(view('health-new'), {
      ...(await recordContext(request, SECTION)),
      ...healthView({
        recordedOn: today(),
        kind: (HEALTH_KINDS as readonly string[]).includes(kind) ? (kind as HealthKind) : '',
      }),
    })
  })

  app.post('/children/:personId/health-education/health/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      kind: textField(body, 'kind'),
      recordedOn: dateField(body, 'recordedOn'),
      upToDate: yesNo(body, 'upToDate'),
      substanceMisuse: yesNo(body, 'substanceMisuse'),
      interventionOffered: yesNo(body, 'interventionOffered'),
      interventionReceived: yesNo(body, 'interventionReceived'),
      sdqScore: textField(body, 'sdqScore'),
      sdqReason: textField(body, 'sdqReason'),
      notes: textField(body, 'notes'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('health-new'),
      view: healthView(values),
      save: async () => {
        await recordHealth(db, request.actor(), personIdOf(request), values)
        return page(request)
      },
    })
  })

  app.get('/children/:personId/health-education/peps/new', write, async (request, reply) => {
    const he = await healthEducationRecord(db, personIdOf(request))
    return reply.view(view('pep-new'), {
      ...(await recordContext(request, SECTION)),
      title: 'Record a personal education plan meeting',
      values: {
        heldOn: today(),
        school: he.summary.school,
        virtualSchoolContact: he.summary.virtualSchoolContact,
        designatedTeacher: he.peps[0]?.designatedTeacher ?? '',
      },
    })
  })

  app.post('/children/:personId/health-education/peps/new', write, async (request, reply) => {
    const body = request.body
    const values = {
      heldOn: dateField(body, 'heldOn'),
      school: textField(body, 'school'),
      designatedTeacher: textField(body, 'designatedTeacher'),
      virtualSchoolContact: textField(body, 'virtualSchoolContact'),
      targets: textField(body, 'targets'),
    }
    return saveForm(request, reply, {
      section: SECTION,
      template: view('pep-new'),
      view: { title: 'Record a personal education plan meeting', values },
      save: async () => {
        await recordPep(db, request.actor(), personIdOf(request), values)
        return page(request)
      },
    })
  })
}
