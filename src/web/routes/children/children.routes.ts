import type { FastifyInstance } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { isIsoDate } from '../../../domain/calendar/iso-date.ts'
import { cinCodeItems, cinLabel } from '../../../domain/codes/codes.ts'
import { childSummary } from '../../../services/child-summary.ts'
import { ValidationError } from '../../../services/errors.ts'
import {
  checkPersonInput,
  createPerson,
  findPossibleDuplicates,
  getPerson,
  type SearchCriteria,
  searchPeople,
  updatePerson,
} from '../../../services/people.ts'
import { errorSummary, type FieldErrors, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'
import { personFromForm } from './person-form.ts'

const formOptions = (
  values: { sex?: string | null; ethnicity?: string | null; upnUnknown?: string | null } = {},
) => ({
  sexItems: [
    { value: 'F', text: 'Female', checked: values.sex === 'F' },
    { value: 'M', text: 'Male', checked: values.sex === 'M' },
    { value: 'U', text: 'Not known', checked: values.sex === 'U' },
  ],
  ethnicityItems: [{ value: '', text: 'Not recorded' }, ...cinCodeItems('Ethnicity', values.ethnicity)],
  upnUnknownItems: [{ value: '', text: 'Not applicable' }, ...cinCodeItems('UPNunknown', values.upnUnknown)],
})

export async function childrenRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db

  // Find a child: by name (misspellings and partial names tolerated), date of birth, NHS number, UPN or ID.
  app.get('/children', { config: { permission: 'child:search' } }, async (request, reply) => {
    const q = request.query as Record<string, string>
    const criteria: SearchCriteria = {}
    const errors: FieldErrors = {}
    const term = textField(q, 'q')
    const dob = textField(q, 'dateOfBirth')
    if (term) {
      if (/^\d{1,9}$/.test(term)) criteria.hearthId = Number(term)
      else if (/^\d{3}\s?\d{3}\s?\d{4}$/.test(term)) criteria.nhsNumber = term
      else if (/^[A-Za-z]\d{11}[0-9A-Za-z]$/.test(term)) criteria.upn = term
      else if (term.length < 2) errors.q = 'Enter at least 2 letters of a name'
      else criteria.name = term
    }
    if (dob) {
      if (isIsoDate(dob)) criteria.dateOfBirth = dob
      else errors.dateOfBirth = 'Date of birth must be a real date, like 2015-06-30'
    }
    const searched = Object.keys(criteria).length > 0 && Object.keys(errors).length === 0
    const results = searched ? await searchPeople(db, request.actor(), criteria) : []
    if (Object.keys(errors).length > 0) reply.code(400)
    return reply.view('pages/children/search.njk', {
      title: 'Find a child',
      q: term,
      dateOfBirth: dob,
      searched,
      results,
      canCreate: can(request.user!.roles, 'child:create'),
      errors,
      errorList: errorSummary(errors),
    })
  })

  app.get('/children/new', { config: { permission: 'child:create' } }, async (_request, reply) =>
    reply.view('pages/children/new.njk', { title: 'Add a person', values: {}, ...formOptions() }),
  )

  // A new record is made only after a duplicate check: possible matches are shown and the user confirms.
  app.post('/children/new', { config: { permission: 'child:create' } }, async (request, reply) => {
    const raw = personFromForm(request.body)
    const confirmed = textField(request.body, 'confirmNotDuplicate') === 'yes'
    try {
      const input = checkPersonInput(raw)
      if (!confirmed) {
        const duplicates = await findPossibleDuplicates(db, request.user!, input)
        if (duplicates.visible.length > 0 || duplicates.hiddenCount > 0) {
          return reply.view('pages/children/new.njk', {
            title: 'Add a person',
            values: raw,
            duplicates,
            ...formOptions(raw),
          })
        }
      }
      const id = await createPerson(db, request.actor(), input)
      return reply.redirect(`/children/${id}`, 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return reply.view('pages/children/new.njk', {
        title: 'Add a person',
        values: raw,
        errors: error.fields,
        errorList: errorSummary(error.fields),
        ...formOptions(raw),
      })
    }
  })

  // The child's page: what a worker reads first.
  app.get(
    '/children/:personId',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const [context, summary] = await Promise.all([
        recordContext(request, 'summary'),
        childSummary(db, personId),
      ])
      return reply.view('pages/children/show.njk', { title: 'Summary', ...context, summary })
    },
  )

  app.get(
    '/children/:personId/details',
    { config: { permission: 'child:view', record: { param: 'personId' } } },
    async (request, reply) => {
      const found = await getPerson(db, personIdOf(request))
      return reply.view('pages/children/details.njk', {
        title: 'Personal details',
        ...(await recordContext(request, 'details')),
        person: found,
        labels: {
          ethnicity: cinLabel('Ethnicity', found.ethnicity),
          upnUnknown: cinLabel('UPNunknown', found.upnUnknown),
        },
      })
    },
  )

  app.get(
    '/children/:personId/details/edit',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const found = await getPerson(db, personIdOf(request))
      return reply.view('pages/children/edit-details.njk', {
        title: 'Change personal details',
        ...(await recordContext(request, 'details')),
        values: found,
        ...formOptions(found),
      })
    },
  )

  app.post(
    '/children/:personId/details/edit',
    { config: { permission: 'child:update', record: { param: 'personId' } } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = { ...personFromForm(request.body), version: textField(request.body, 'version') }
      return saveForm(request, reply, {
        section: 'details',
        template: 'pages/children/edit-details.njk',
        view: { title: 'Change personal details', values, ...formOptions(values) },
        save: async () => {
          await updatePerson(db, request.actor(), personId, Number(values.version), values)
          return `/children/${personId}/details`
        },
      })
    },
  )
}
