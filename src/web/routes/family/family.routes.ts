import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { AGENCY_TYPES, RELATIONSHIP_TYPES } from '../../../db/schema/index.ts'
import { isIsoDate } from '../../../domain/calendar/iso-date.ts'
import { cinCodes } from '../../../domain/codes/codes.ts'
import { today } from '../../../services/dates.ts'
import { NotFoundError, ValidationError } from '../../../services/errors.ts'
import {
  AGENCY_LABELS,
  addProfessional,
  addRelationship,
  changeProfessional,
  changeRelationship,
  ENGAGEMENT_LABELS,
  ENGAGEMENT_LEVELS,
  endProfessional,
  endRelationship,
  getProfessional,
  getRelationshipAsSeenBy,
  householdAsAt,
  householdHistory,
  listProfessionals,
  PR_TYPES,
  RELATIONSHIP_LABELS,
  relationshipsOf,
  siblingsOf,
} from '../../../services/family.ts'
import { checkPersonInput, findPossibleDuplicates, getPerson } from '../../../services/people.ts'
import {
  addAddress,
  addName,
  addWarning,
  changeAddress,
  endAddress,
  endName,
  endWarning,
  getDisabilities,
  listAddresses,
  listNames,
  listWarnings,
  NAME_KIND_LABELS,
  NAME_KINDS,
  removeName,
  setDisabilities,
  WARNING_KIND_LABELS,
  WARNING_KINDS,
} from '../../../services/person-details.ts'
import { booleanField, dateField, errorSummary, listField, textField } from '../../forms.ts'
import type { RecordSection } from '../../record-navigation.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'

// The person's details beyond the basics (other names, disabilities, addresses, warnings) under
// /children/:personId/details/…, and their family and network under /children/:personId/family.

const VIEW = { config: { permission: 'child:view', record: { param: 'personId' } } } as const
const UPDATE = { config: { permission: 'child:update', record: { param: 'personId' } } } as const

/** A numeric id in the path; anything else is a page that does not exist. */
function idParam(request: FastifyRequest, name: string): number {
  const id = Number((request.params as Record<string, string>)[name])
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError(`No ${name}`)
  return id
}

const versionOf = (body: unknown) => Number(textField(body, 'version'))

const items = <T extends string>(values: readonly T[], labels: Record<T, string>, selected?: string | null) =>
  values.map((value) => ({
    value,
    text: labels[value],
    checked: value === selected,
    selected: value === selected,
  }))

async function show(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  section: RecordSection,
  view: Record<string, unknown>,
) {
  return reply.view(template, {
    ...(await recordContext(request, section)),
    canChange: can(request.user!.roles, 'child:update'),
    ...view,
  })
}

// Forms ------------------------------------------------------------------------------------------

const addressFromForm = (body: unknown) => ({
  line1: textField(body, 'line1'),
  line2: textField(body, 'line2'),
  town: textField(body, 'town'),
  postcode: textField(body, 'postcode'),
  startedOn: dateField(body, 'startedOn'),
  endedOn: dateField(body, 'endedOn'),
})

const professionalFromForm = (body: unknown) => ({
  agency: textField(body, 'agency'),
  organisation: textField(body, 'organisation'),
  name: textField(body, 'name'),
  role: textField(body, 'role'),
  phone: textField(body, 'phone'),
  email: textField(body, 'email'),
  engagement: textField(body, 'engagement'),
  startedOn: dateField(body, 'startedOn'),
  endedOn: dateField(body, 'endedOn'),
})

const relationshipDetailsFromForm = (body: unknown) => ({
  type: textField(body, 'type'),
  parentalResponsibility: booleanField(body, 'parentalResponsibility'),
  sameHousehold: booleanField(body, 'sameHousehold'),
  startedOn: dateField(body, 'startedOn'),
  endedOn: dateField(body, 'endedOn'),
})

const relationshipOptions = (childName: string, values: { type?: string | null } = {}) => ({
  typeItems: [
    { value: '', text: 'Choose a relationship' },
    ...RELATIONSHIP_TYPES.map((t) => ({
      value: t,
      text: RELATIONSHIP_LABELS[t],
      selected: t === values.type,
    })),
  ],
  childName,
  prTypes: listInWords([...PR_TYPES].map((t) => RELATIONSHIP_LABELS[t].toLowerCase())),
})

/** "a, b, or c" */
const listInWords = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')}, or ${words[words.length - 1]}`

const professionalOptions = (values: { agency?: string | null; engagement?: string | null } = {}) => ({
  agencyItems: [
    { value: '', text: 'Choose the type of agency' },
    ...AGENCY_TYPES.map((a) => ({ value: a, text: AGENCY_LABELS[a], selected: a === values.agency })),
  ],
  engagementItems: items(ENGAGEMENT_LEVELS, ENGAGEMENT_LABELS, values.engagement || 'not-known'),
})

export async function familyRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const childName = async (personId: number) => {
    const p = await getPerson(db, personId)
    return p.givenName
  }

  // Other names ----------------------------------------------------------------------------------

  app.get('/children/:personId/details/names', VIEW, async (request, reply) =>
    show(request, reply, 'pages/family/names.njk', 'details', {
      title: 'Other names',
      names: await listNames(db, personIdOf(request)),
    }),
  )

  app.get('/children/:personId/details/names/new', UPDATE, async (request, reply) =>
    show(request, reply, 'pages/family/name-new.njk', 'details', {
      title: 'Add another name',
      values: {},
      kindItems: items(NAME_KINDS, NAME_KIND_LABELS),
    }),
  )

  app.post('/children/:personId/details/names/new', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const values = {
      kind: textField(request.body, 'kind'),
      givenName: textField(request.body, 'givenName'),
      familyName: textField(request.body, 'familyName'),
    }
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/name-new.njk',
      view: {
        title: 'Add another name',
        values,
        kindItems: items(NAME_KINDS, NAME_KIND_LABELS, values.kind),
      },
      save: async () => {
        await addName(db, request.actor(), personId, values)
        return `/children/${personId}/details/names`
      },
    })
  })

  const findName = async (personId: number, nameId: number) => {
    const found = (await listNames(db, personId)).find((n) => n.id === nameId)
    if (!found) throw new NotFoundError(`No name ${nameId}`)
    return found
  }

  app.get('/children/:personId/details/names/:nameId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const name = await findName(personId, idParam(request, 'nameId'))
    return show(request, reply, 'pages/family/end.njk', 'details', {
      ...endView(personId, 'name', `${name.givenName} ${name.familyName}`.trim(), name.kindLabel),
      values: { version: name.version, endedOn: today() },
      action: `/children/${personId}/details/names/${name.id}/end`,
    })
  })

  app.post('/children/:personId/details/names/:nameId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const name = await findName(personId, idParam(request, 'nameId'))
    const values = {
      version: textField(request.body, 'version'),
      endedOn: dateField(request.body, 'endedOn'),
    }
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/end.njk',
      view: {
        ...endView(personId, 'name', `${name.givenName} ${name.familyName}`.trim(), name.kindLabel),
        values,
        action: `/children/${personId}/details/names/${name.id}/end`,
      },
      save: async () => {
        await endName(db, request.actor(), personId, name.id, Number(values.version), values.endedOn)
        return `/children/${personId}/details/names`
      },
    })
  })

  app.get('/children/:personId/details/names/:nameId/remove', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const name = await findName(personId, idParam(request, 'nameId'))
    return show(request, reply, 'pages/family/name-remove.njk', 'details', { title: 'Remove a name', name })
  })

  app.post('/children/:personId/details/names/:nameId/remove', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const name = await findName(personId, idParam(request, 'nameId'))
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/name-remove.njk',
      view: { title: 'Remove a name', name },
      save: async () => {
        await removeName(db, request.actor(), personId, name.id, versionOf(request.body))
        return `/children/${personId}/details/names`
      },
    })
  })

  // Disabilities ---------------------------------------------------------------------------------

  const disabilityItems = (selected: readonly string[]) =>
    cinCodes('Disability')
      .filter((c) => !c.deprecated && c.code !== 'NONE')
      .map((c) => ({ value: c.code, text: c.label, checked: selected.includes(c.code) }))

  app.get('/children/:personId/details/disabilities', VIEW, async (request, reply) => {
    const current = await getDisabilities(db, personIdOf(request))
    return show(request, reply, 'pages/family/disabilities.njk', 'details', {
      title: 'Disabilities',
      current,
      labels: Object.fromEntries(cinCodes('Disability').map((c) => [c.code, c.label])),
      values: { codes: current.codes, version: current.version },
      disabilityItems: disabilityItems(current.codes),
    })
  })

  app.post('/children/:personId/details/disabilities', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const codes = listField(request.body, 'codes')
    const current = await getDisabilities(db, personId)
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/disabilities.njk',
      view: {
        title: 'Disabilities',
        current,
        labels: Object.fromEntries(cinCodes('Disability').map((c) => [c.code, c.label])),
        values: { codes, version: textField(request.body, 'version') },
        disabilityItems: disabilityItems(codes),
        canChange: true,
      },
      save: async () => {
        await setDisabilities(db, request.actor(), personId, versionOf(request.body), codes)
        return `/children/${personId}/details/disabilities`
      },
    })
  })

  // Addresses ------------------------------------------------------------------------------------

  app.get('/children/:personId/details/addresses', VIEW, async (request, reply) =>
    show(request, reply, 'pages/family/addresses.njk', 'details', {
      title: 'Addresses',
      addresses: await listAddresses(db, personIdOf(request)),
    }),
  )

  app.get('/children/:personId/details/addresses/new', UPDATE, async (request, reply) =>
    show(request, reply, 'pages/family/address-form.njk', 'details', {
      title: 'Add an address',
      values: {},
      action: `/children/${personIdOf(request)}/details/addresses/new`,
    }),
  )

  app.post('/children/:personId/details/addresses/new', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const values = addressFromForm(request.body)
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/address-form.njk',
      view: { title: 'Add an address', values, action: `/children/${personId}/details/addresses/new` },
      save: async () => {
        await addAddress(db, request.actor(), personId, values)
        return `/children/${personId}/details/addresses`
      },
    })
  })

  const findAddress = async (personId: number, addressId: number) => {
    const found = (await listAddresses(db, personId)).find((a) => a.id === addressId)
    if (!found) throw new NotFoundError(`No address ${addressId}`)
    return found
  }

  app.get('/children/:personId/details/addresses/:addressId/edit', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const address = await findAddress(personId, idParam(request, 'addressId'))
    return show(request, reply, 'pages/family/address-form.njk', 'details', {
      title: 'Change an address',
      values: address,
      action: `/children/${personId}/details/addresses/${address.id}/edit`,
    })
  })

  app.post('/children/:personId/details/addresses/:addressId/edit', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const addressId = idParam(request, 'addressId')
    const values = { ...addressFromForm(request.body), version: textField(request.body, 'version') }
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/address-form.njk',
      view: {
        title: 'Change an address',
        values,
        action: `/children/${personId}/details/addresses/${addressId}/edit`,
      },
      save: async () => {
        await changeAddress(db, request.actor(), personId, addressId, Number(values.version), values)
        return `/children/${personId}/details/addresses`
      },
    })
  })

  app.get('/children/:personId/details/addresses/:addressId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const address = await findAddress(personId, idParam(request, 'addressId'))
    return show(request, reply, 'pages/family/end.njk', 'details', {
      ...endView(personId, 'address', `${address.line1}, ${address.town} ${address.postcode}`),
      values: { version: address.version, endedOn: today() },
      action: `/children/${personId}/details/addresses/${address.id}/end`,
    })
  })

  app.post('/children/:personId/details/addresses/:addressId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const address = await findAddress(personId, idParam(request, 'addressId'))
    const values = {
      version: textField(request.body, 'version'),
      endedOn: dateField(request.body, 'endedOn'),
    }
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/end.njk',
      view: {
        ...endView(personId, 'address', `${address.line1}, ${address.town} ${address.postcode}`),
        values,
        action: `/children/${personId}/details/addresses/${address.id}/end`,
      },
      save: async () => {
        await endAddress(db, request.actor(), personId, address.id, Number(values.version), values.endedOn)
        return `/children/${personId}/details/addresses`
      },
    })
  })

  // Warnings and alerts --------------------------------------------------------------------------

  app.get('/children/:personId/details/warnings', VIEW, async (request, reply) =>
    show(request, reply, 'pages/family/warnings.njk', 'details', {
      title: 'Warnings and alerts',
      warnings: await listWarnings(db, personIdOf(request)),
    }),
  )

  app.get('/children/:personId/details/warnings/new', UPDATE, async (request, reply) =>
    show(request, reply, 'pages/family/warning-new.njk', 'details', {
      title: 'Add a warning',
      values: { startedOn: today() },
      kindItems: items(WARNING_KINDS, WARNING_KIND_LABELS),
    }),
  )

  app.post('/children/:personId/details/warnings/new', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const values = {
      kind: textField(request.body, 'kind'),
      text: textField(request.body, 'text'),
      startedOn: dateField(request.body, 'startedOn'),
      endedOn: dateField(request.body, 'endedOn'),
    }
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/warning-new.njk',
      view: {
        title: 'Add a warning',
        values,
        kindItems: items(WARNING_KINDS, WARNING_KIND_LABELS, values.kind),
      },
      save: async () => {
        await addWarning(db, request.actor(), personId, values)
        return `/children/${personId}/details/warnings`
      },
    })
  })

  const findWarning = async (personId: number, warningId: number) => {
    const found = (await listWarnings(db, personId)).find((w) => w.id === warningId)
    if (!found) throw new NotFoundError(`No warning ${warningId}`)
    return found
  }

  app.get('/children/:personId/details/warnings/:warningId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const warning = await findWarning(personId, idParam(request, 'warningId'))
    return show(request, reply, 'pages/family/end.njk', 'details', {
      ...endView(personId, 'warning', warning.text, warning.kindLabel),
      values: { version: warning.version, endedOn: today() },
      action: `/children/${personId}/details/warnings/${warning.id}/end`,
    })
  })

  app.post('/children/:personId/details/warnings/:warningId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const warning = await findWarning(personId, idParam(request, 'warningId'))
    const values = {
      version: textField(request.body, 'version'),
      endedOn: dateField(request.body, 'endedOn'),
    }
    return saveForm(request, reply, {
      section: 'details',
      template: 'pages/family/end.njk',
      view: {
        ...endView(personId, 'warning', warning.text, warning.kindLabel),
        values,
        action: `/children/${personId}/details/warnings/${warning.id}/end`,
      },
      save: async () => {
        await endWarning(db, request.actor(), personId, warning.id, Number(values.version), values.endedOn)
        return `/children/${personId}/details/warnings`
      },
    })
  })

  // Family and network ---------------------------------------------------------------------------

  app.get('/children/:personId/family', VIEW, async (request, reply) => {
    const personId = personIdOf(request)
    const user = request.user!
    const asAtRaw = dateField(request.query, 'asAt')
    let asAt = today()
    const errors: Record<string, string> = {}
    if (asAtRaw) {
      if (isIsoDate(asAtRaw)) asAt = asAtRaw
      else errors.asAt = 'The date must be a real date, like 27 3 2024'
    }
    const [related, household, history, siblings, professionals] = await Promise.all([
      relationshipsOf(db, personId, user),
      householdAsAt(db, personId, asAt, user),
      householdHistory(db, personId, user),
      siblingsOf(db, personId, user),
      listProfessionals(db, personId),
    ])
    if (Object.keys(errors).length > 0) reply.code(400)
    const now = today()
    const over = (r: { endedOn: string | null }) => r.endedOn !== null && r.endedOn < now
    return show(request, reply, 'pages/family/family.njk', 'family', {
      title: 'Family and network',
      currentRelated: related.filter((r) => !over(r)),
      pastRelated: related.filter(over),
      currentProfessionals: professionals.filter((p) => !over(p)),
      pastProfessionals: professionals.filter(over),
      household,
      history,
      siblings,
      asAt,
      isToday: asAt === today(),
      errors,
      errorList: errorSummary(errors),
    })
  })

  app.get('/children/:personId/family/relationships/new', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    return show(request, reply, 'pages/family/relationship-new.njk', 'family', {
      title: 'Add a family member or friend',
      values: { who: textField(request.query, 'who') },
      ...relationshipOptions(await childName(personId)),
    })
  })

  app.post('/children/:personId/family/relationships/new', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const body = request.body
    const who = textField(body, 'who')
    const details = relationshipDetailsFromForm(body)
    const newPerson = {
      givenName: textField(body, 'givenName'),
      familyName: textField(body, 'familyName'),
      dateOfBirth: dateField(body, 'dateOfBirth'),
      expectedDateOfBirth: dateField(body, 'expectedDateOfBirth'),
      sex: textField(body, 'sex'),
    }
    const relatedRaw = textField(body, 'relatedPersonId')
    const values = { who, ...details, ...newPerson, relatedPersonId: relatedRaw }
    const view: Record<string, unknown> = {
      title: 'Add a family member or friend',
      values,
      ...relationshipOptions(await childName(personId), details),
    }
    // A new person is recorded only after a duplicate check, as on "Add a person".
    if (who === 'new' && textField(body, 'confirmNotDuplicate') !== 'yes') {
      try {
        const input = checkPersonInput(newPerson)
        const duplicates = await findPossibleDuplicates(db, request.user!, input)
        if (duplicates.visible.length > 0 || duplicates.hiddenCount > 0) {
          return show(request, reply, 'pages/family/relationship-new.njk', 'family', { ...view, duplicates })
        }
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        // addRelationship below reports these together with any other problem.
      }
    }
    return saveForm(request, reply, {
      section: 'family',
      template: 'pages/family/relationship-new.njk',
      view,
      save: async () => {
        const relatedPersonId = /^\d{1,9}$/.test(relatedRaw) ? Number(relatedRaw) : null
        try {
          await addRelationship(db, request.actor(), personId, {
            ...details,
            ...(who === 'new' ? { newPerson } : { relatedPersonId }),
          })
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error
          // Say which question was missed, in the words of this form.
          const { relatedPersonId: idError, ...rest } = error.fields
          if (who !== 'existing' && who !== 'new') {
            throw new ValidationError({ who: 'Choose whether they already have a Hearth record', ...rest })
          }
          if (idError && relatedRaw && relatedPersonId === null) {
            throw new ValidationError({
              relatedPersonId: 'Enter a Hearth ID, which is a number like 1042',
              ...rest,
            })
          }
          throw error
        }
        return `/children/${personId}/family`
      },
    })
  })

  app.get('/children/:personId/family/relationships/:relationshipId/edit', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const rel = await getRelationshipAsSeenBy(db, personId, idParam(request, 'relationshipId'), request.user!)
    return show(request, reply, 'pages/family/relationship-edit.njk', 'family', {
      title: 'Change a relationship',
      rel,
      values: rel,
      ...relationshipOptions(await childName(personId), rel),
    })
  })

  app.post(
    '/children/:personId/family/relationships/:relationshipId/edit',
    UPDATE,
    async (request, reply) => {
      const personId = personIdOf(request)
      const rel = await getRelationshipAsSeenBy(
        db,
        personId,
        idParam(request, 'relationshipId'),
        request.user!,
      )
      const values = {
        ...relationshipDetailsFromForm(request.body),
        version: textField(request.body, 'version'),
      }
      return saveForm(request, reply, {
        section: 'family',
        template: 'pages/family/relationship-edit.njk',
        view: {
          title: 'Change a relationship',
          rel,
          values,
          ...relationshipOptions(await childName(personId), values),
        },
        save: async () => {
          await changeRelationship(db, request.actor(), personId, rel.id, Number(values.version), values)
          return `/children/${personId}/family`
        },
      })
    },
  )

  const relationshipEndView = async (
    personId: number,
    rel: Awaited<ReturnType<typeof getRelationshipAsSeenBy>>,
  ) => ({
    ...endView(personId, 'relationship', rel.otherName, RELATIONSHIP_LABELS[rel.type]),
    stillRelatedOption: rel.sameHousehold
      ? { childName: await childName(personId), otherName: rel.otherName }
      : null,
  })

  app.get('/children/:personId/family/relationships/:relationshipId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const rel = await getRelationshipAsSeenBy(db, personId, idParam(request, 'relationshipId'), request.user!)
    return show(request, reply, 'pages/family/end.njk', 'family', {
      ...(await relationshipEndView(personId, rel)),
      values: { version: rel.version, endedOn: today() },
      action: `/children/${personId}/family/relationships/${rel.id}/end`,
    })
  })

  app.post('/children/:personId/family/relationships/:relationshipId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const rel = await getRelationshipAsSeenBy(db, personId, idParam(request, 'relationshipId'), request.user!)
    const values = {
      version: textField(request.body, 'version'),
      endedOn: dateField(request.body, 'endedOn'),
      stillRelated: textField(request.body, 'stillRelated'),
    }
    return saveForm(request, reply, {
      section: 'family',
      template: 'pages/family/end.njk',
      view: {
        ...(await relationshipEndView(personId, rel)),
        values,
        action: `/children/${personId}/family/relationships/${rel.id}/end`,
      },
      save: async () => {
        if (rel.sameHousehold && values.stillRelated !== 'yes' && values.stillRelated !== 'no') {
          throw new ValidationError({
            stillRelated: 'Choose whether they only stopped living together or the relationship has ended',
            ...(values.endedOn ? {} : { endedOn: 'Enter the end date' }),
          })
        }
        await endRelationship(db, request.actor(), personId, rel.id, Number(values.version), {
          endedOn: values.endedOn,
          stillRelated: values.stillRelated === 'yes',
        })
        return `/children/${personId}/family`
      },
    })
  })

  // Professional network -------------------------------------------------------------------------

  app.get('/children/:personId/family/professionals/new', UPDATE, async (request, reply) =>
    show(request, reply, 'pages/family/professional-form.njk', 'family', {
      title: 'Add a professional',
      values: {},
      action: `/children/${personIdOf(request)}/family/professionals/new`,
      ...professionalOptions(),
    }),
  )

  app.post('/children/:personId/family/professionals/new', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const values = professionalFromForm(request.body)
    return saveForm(request, reply, {
      section: 'family',
      template: 'pages/family/professional-form.njk',
      view: {
        title: 'Add a professional',
        values,
        action: `/children/${personId}/family/professionals/new`,
        ...professionalOptions(values),
      },
      save: async () => {
        await addProfessional(db, request.actor(), personId, values)
        return `/children/${personId}/family`
      },
    })
  })

  app.get('/children/:personId/family/professionals/:professionalId/edit', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const found = await getProfessional(db, personId, idParam(request, 'professionalId'))
    return show(request, reply, 'pages/family/professional-form.njk', 'family', {
      title: 'Change a professional’s details',
      values: found,
      action: `/children/${personId}/family/professionals/${found.id}/edit`,
      ...professionalOptions(found),
    })
  })

  app.post(
    '/children/:personId/family/professionals/:professionalId/edit',
    UPDATE,
    async (request, reply) => {
      const personId = personIdOf(request)
      const professionalId = idParam(request, 'professionalId')
      const values = { ...professionalFromForm(request.body), version: textField(request.body, 'version') }
      return saveForm(request, reply, {
        section: 'family',
        template: 'pages/family/professional-form.njk',
        view: {
          title: 'Change a professional’s details',
          values,
          action: `/children/${personId}/family/professionals/${professionalId}/edit`,
          ...professionalOptions(values),
        },
        save: async () => {
          await changeProfessional(
            db,
            request.actor(),
            personId,
            professionalId,
            Number(values.version),
            values,
          )
          return `/children/${personId}/family`
        },
      })
    },
  )

  const professionalName = (p: { name: string | null; organisation: string }) =>
    p.name ? `${p.name}, ${p.organisation}` : p.organisation

  app.get('/children/:personId/family/professionals/:professionalId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const found = await getProfessional(db, personId, idParam(request, 'professionalId'))
    return show(request, reply, 'pages/family/end.njk', 'family', {
      ...endView(personId, 'professional', professionalName(found), AGENCY_LABELS[found.agency]),
      values: { version: found.version, endedOn: today() },
      action: `/children/${personId}/family/professionals/${found.id}/end`,
    })
  })

  app.post('/children/:personId/family/professionals/:professionalId/end', UPDATE, async (request, reply) => {
    const personId = personIdOf(request)
    const found = await getProfessional(db, personId, idParam(request, 'professionalId'))
    const values = {
      version: textField(request.body, 'version'),
      endedOn: dateField(request.body, 'endedOn'),
    }
    return saveForm(request, reply, {
      section: 'family',
      template: 'pages/family/end.njk',
      view: {
        ...endView(personId, 'professional', professionalName(found), AGENCY_LABELS[found.agency]),
        values,
        action: `/children/${personId}/family/professionals/${found.id}/end`,
      },
      save: async () => {
        await endProfessional(db, request.actor(), personId, found.id, Number(values.version), values.endedOn)
        return `/children/${personId}/family`
      },
    })
  })
}

/** The wording of the "end" page for each kind of dated entry. */
function endView(
  personId: number,
  kind: 'name' | 'address' | 'warning' | 'relationship' | 'professional',
  what: string,
  label?: string,
) {
  const words = {
    name: {
      title: 'Stop using a name',
      endLabel: 'Date the name stopped being used',
      hint: 'The name stays on the record and can still be searched for.',
      button: 'Save',
    },
    address: {
      title: 'Record a move out',
      endLabel: 'Date they moved out',
      hint: 'The last day they lived at this address. To record a new address instead, add it: the old one ends the day before.',
      button: 'Save',
    },
    warning: {
      title: 'End a warning',
      endLabel: 'Last day the warning applies',
      hint: 'The warning shows on the record up to and including this day.',
      button: 'End warning',
    },
    relationship: {
      title: 'End a relationship',
      endLabel: 'End date',
      hint: 'The last day of the relationship or of living together, for example 27 3 2026.',
      button: 'Save',
    },
    professional: {
      title: 'Record that a professional stopped working with the child',
      endLabel: 'Date they stopped',
      hint: 'Their last day working with the child.',
      button: 'Save',
    },
  }[kind]
  const back = {
    name: 'details/names',
    address: 'details/addresses',
    warning: 'details/warnings',
    relationship: 'family',
    professional: 'family',
  }[kind]
  return { ...words, what, whatLabel: label ?? null, back: `/children/${personId}/${back}` }
}
