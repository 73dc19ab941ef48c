import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../../auth/roles.ts'
import { CONTACT_DECISIONS } from '../../../db/schema/index.ts'
import { cinCodeItems } from '../../../domain/codes/codes.ts'
import {
  END_REASON_LABELS,
  END_REASONS,
  earlyHelpOf,
  endEarlyHelp,
  helpHistory,
  openEarlyHelp,
  stepUp,
} from '../../../services/early-help.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../services/errors.ts'
import {
  CONSENT_LABELS,
  CONSENT_OPTIONS,
  type ContactInput,
  contactsAwaitingDecision,
  contactsOf,
  DECISION_LABELS,
  type DecisionInput,
  decideContact,
  decisionHistory,
  EARLY_HELP_TEAM_KINDS,
  getContact,
  londonDateTime,
  managers,
  REFERRAL_TEAM_KINDS,
  recordContact,
  referralsOf,
  teamsWithWorkers,
} from '../../../services/front-door.ts'
import { dateField, textField } from '../../forms.ts'
import { personIdOf, recordContext, saveForm } from '../../record-page.ts'

// The front door in the child's record (section 'front-door'): contacts and their threshold decisions,
// referrals with the re-referral flag, early help with step-up and step-down; and the front door's own list
// of contacts awaiting a decision.

type Teams = Awaited<ReturnType<typeof teamsWithWorkers>>
type Managers = Awaited<ReturnType<typeof managers>>

/** A whole-number id from a form field, or null. */
function idField(body: unknown, name: string): number | null {
  const v = textField(body, name)
  return /^\d{1,9}$/.test(v) ? Number(v) : null
}

/** A whole-number route parameter; anything else is a page that does not exist. */
function idParam(request: FastifyRequest, name: string): number {
  const v = (request.params as Record<string, string>)[name] ?? ''
  if (!/^\d{1,9}$/.test(v)) throw new NotFoundError(`No ${name} ${v}`)
  return Number(v)
}

const selected = (a: unknown, b: unknown) =>
  a !== null && a !== undefined && a !== '' && String(a) === String(b)

const sourceItems = (value: unknown) => [
  { value: '', text: 'Choose who the contact came from' },
  ...cinCodeItems('ReferralSource', String(value ?? '')),
]
const needItems = (value: unknown) => [
  { value: '', text: 'Choose the primary need' },
  ...cinCodeItems('PrimaryNeedCode', String(value ?? '')),
]
const teamItems = (teams: Teams, value: unknown, prompt: string) => [
  { value: '', text: prompt },
  ...teams.map((t) => ({ value: String(t.id), text: t.name, selected: selected(value, t.id) })),
]
const workerItems = (teams: Teams, value: unknown, none: string) => [
  { value: '', text: none },
  ...teams.flatMap((t) =>
    t.workers.map((w) => ({
      value: String(w.id),
      text: `${w.name}, ${w.jobTitle} (${t.name})`,
      selected: selected(value, w.id),
    })),
  ),
]
const managerItems = (list: Managers, value: unknown) => [
  { value: '', text: 'Choose the manager' },
  ...list.map((m) => ({
    value: String(m.id),
    text: m.teamName ? `${m.name} (${m.teamName})` : m.name,
    selected: selected(value, m.id),
  })),
]

function contactFromForm(body: unknown): ContactInput {
  return {
    receivedDate: dateField(body, 'receivedDate'),
    receivedTime: textField(body, 'receivedTime'),
    source: textField(body, 'source'),
    contactName: textField(body, 'contactName'),
    contactRole: textField(body, 'contactRole'),
    concerns: textField(body, 'concerns'),
    consent: textField(body, 'consent'),
    consentNote: textField(body, 'consentNote'),
  }
}

function decisionFromForm(body: unknown): DecisionInput {
  return {
    version: Number(textField(body, 'version')),
    decision: textField(body, 'decision'),
    decisionDate: dateField(body, 'decisionDate'),
    decisionTime: textField(body, 'decisionTime'),
    rationale: textField(body, 'rationale'),
    agreedBy: idField(body, 'agreedBy'),
    primaryNeed: textField(body, 'primaryNeed'),
    teamId: idField(body, 'teamId'),
    workerId: idField(body, 'workerId'),
    earlyHelpTeamId: idField(body, 'earlyHelpTeamId'),
    leadWorkerId: idField(body, 'leadWorkerId'),
    leadProfessional: textField(body, 'leadProfessional'),
  }
}

/**
 * Runs a save; if the service refuses it, builds the page's view only then (it may be costly, or log views
 * of other records) and lets saveForm show the form again with the errors or the conflict.
 */
async function saveOrShow(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  save: () => Promise<string>,
  view: () => Promise<Record<string, unknown>>,
) {
  let redirectTo: string
  try {
    redirectTo = await save()
  } catch (error) {
    if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error
    return saveForm(request, reply, {
      section: 'front-door',
      template,
      view: await view(),
      save: async () => {
        throw error
      },
    })
  }
  return reply.redirect(redirectTo, 303)
}

export async function frontDoorRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const record = { param: 'personId' }

  // The front door's list: contacts awaiting a decision, oldest first.
  app.get('/front-door', { config: { permission: 'front-door:view' } }, async (request, reply) => {
    const contacts = await contactsAwaitingDecision(db, request.user!)
    return reply.view('pages/front-door/list.njk', {
      title: 'Contacts awaiting a decision',
      contacts,
      overdue: contacts.filter((c) => c.waiting?.overdue).length,
    })
  })

  // The child's contacts, and their early help and social care as one history.
  app.get(
    '/children/:personId/contacts',
    { config: { permission: 'child:view', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const [context, contacts, history] = await Promise.all([
        recordContext(request, 'front-door'),
        contactsOf(db, personId),
        helpHistory(db, personId),
      ])
      const referralDates: Record<number, string> = {}
      for (const h of history)
        if (h.kind === 'referral') referralDates[h.referral.id] = h.referral.referralDate
      return reply.view('pages/front-door/contacts.njk', {
        title: 'Contacts and referrals',
        ...context,
        contacts,
        history,
        referralDates,
        canUpdate: can(request.user!.roles, 'child:update'),
      })
    },
  )

  const contactView = (values: Record<string, unknown>) => ({
    title: 'Record a contact',
    values,
    sourceItems: sourceItems(values.source),
    consentItems: CONSENT_OPTIONS.map((o) => ({
      value: o,
      text: CONSENT_LABELS[o],
      checked: values.consent === o,
    })),
  })

  app.get(
    '/children/:personId/contacts/new',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const now = londonDateTime(new Date())
      return reply.view('pages/front-door/new-contact.njk', {
        ...(await recordContext(request, 'front-door')),
        ...contactView({ receivedDate: now.date, receivedTime: now.time }),
      })
    },
  )

  app.post(
    '/children/:personId/contacts/new',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const values = contactFromForm(request.body)
      return saveForm(request, reply, {
        section: 'front-door',
        template: 'pages/front-door/new-contact.njk',
        view: contactView({ ...values }),
        save: async () => {
          const id = await recordContact(db, request.actor(), personId, values)
          return `/children/${personId}/contacts/${id}/decision`
        },
      })
    },
  )

  app.get(
    '/children/:personId/contacts/:contactId',
    { config: { permission: 'child:view', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const found = await getContact(db, personId, idParam(request, 'contactId'))
      const referrals = found.referralId ? await referralsOf(db, personId) : []
      return reply.view('pages/front-door/contact.njk', {
        title: 'Contact',
        ...(await recordContext(request, 'front-door')),
        contact: found,
        referral: referrals.find((r) => r.id === found.referralId) ?? null,
        canUpdate: can(request.user!.roles, 'child:update'),
      })
    },
  )

  async function decisionView(request: FastifyRequest, contactId: number, values: Record<string, unknown>) {
    const personId = personIdOf(request)
    const [found, history, managerList, referralTeams, earlyHelpTeams] = await Promise.all([
      getContact(db, personId, contactId),
      decisionHistory(db, request.actor(), personId, contactId),
      managers(db),
      teamsWithWorkers(db, REFERRAL_TEAM_KINDS),
      teamsWithWorkers(db, EARLY_HELP_TEAM_KINDS),
    ])
    return {
      title: 'Decide what happens next',
      contact: found,
      history,
      values,
      decisionItems: CONTACT_DECISIONS.map((d) => ({
        value: d,
        text: DECISION_LABELS[d],
        checked: values.decision === d,
      })),
      managerItems: managerItems(managerList, values.agreedBy),
      needItems: needItems(values.primaryNeed),
      teamItems: teamItems(referralTeams, values.teamId, 'Choose the team'),
      workerItems: workerItems(referralTeams, values.workerId, 'No one yet: awaiting allocation in the team'),
      earlyHelpTeamItems: teamItems(earlyHelpTeams, values.earlyHelpTeamId, 'Choose the Families First team'),
      leadWorkerItems: workerItems(earlyHelpTeams, values.leadWorkerId, 'Not from the team'),
    }
  }

  app.get(
    '/children/:personId/contacts/:contactId/decision',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const contactId = idParam(request, 'contactId')
      const found = await getContact(db, personId, contactId)
      if (found.decision) return reply.redirect(`/children/${personId}/contacts/${contactId}`, 303)
      const now = londonDateTime(new Date())
      return reply.view('pages/front-door/decide.njk', {
        ...(await recordContext(request, 'front-door')),
        ...(await decisionView(request, contactId, {
          version: found.version,
          decisionDate: now.date,
          decisionTime: now.time,
        })),
      })
    },
  )

  app.post(
    '/children/:personId/contacts/:contactId/decision',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const contactId = idParam(request, 'contactId')
      const values = decisionFromForm(request.body)
      return saveOrShow(
        request,
        reply,
        'pages/front-door/decide.njk',
        async () => {
          await decideContact(db, request.actor(), personId, contactId, values)
          return `/children/${personId}/contacts/${contactId}`
        },
        () => decisionView(request, contactId, { ...values, version: textField(request.body, 'version') }),
      )
    },
  )

  // Early help: start (or step down into), end, step up.
  async function earlyHelpView(personId: number, values: Record<string, unknown>) {
    const [teams, referrals] = await Promise.all([
      teamsWithWorkers(db, EARLY_HELP_TEAM_KINDS),
      referralsOf(db, personId),
    ])
    return {
      title: values.steppedDownFrom ? 'Step down to early help' : 'Start early help',
      values,
      teamItems: teamItems(teams, values.teamId, 'Choose the Families First team'),
      leadWorkerItems: workerItems(teams, values.leadWorkerId, 'Not from the team'),
      referralItems: [
        { value: '', text: 'Not a step-down' },
        ...referrals.map((r) => ({
          value: String(r.id),
          text: `Referral of ${r.referralDate}${r.closureDate ? `, closed ${r.closureDate}` : ', open'}`,
          selected: selected(values.steppedDownFrom, r.id),
        })),
      ],
    }
  }

  app.get(
    '/children/:personId/early-help/new',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const from = idField(request.query, 'stepDownFrom')
      return reply.view('pages/front-door/early-help-new.njk', {
        ...(await recordContext(request, 'front-door')),
        ...(await earlyHelpView(personId, {
          startedOn: londonDateTime(new Date()).date,
          steppedDownFrom: from,
        })),
      })
    },
  )

  app.post(
    '/children/:personId/early-help/new',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const body = request.body
      const values = {
        startedOn: dateField(body, 'startedOn'),
        teamId: idField(body, 'teamId'),
        leadWorkerId: idField(body, 'leadWorkerId'),
        leadProfessional: textField(body, 'leadProfessional'),
        steppedDownFrom: idField(body, 'steppedDownFrom'),
      }
      return saveOrShow(
        request,
        reply,
        'pages/front-door/early-help-new.njk',
        async () => {
          await openEarlyHelp(db, request.actor(), personId, values)
          return `/children/${personId}/contacts`
        },
        () => earlyHelpView(personId, values),
      )
    },
  )

  async function episodeOf(request: FastifyRequest) {
    const personId = personIdOf(request)
    const episodeId = idParam(request, 'episodeId')
    const episode = (await earlyHelpOf(db, personId)).find((e) => e.id === episodeId)
    if (!episode) throw new NotFoundError(`No early help ${episodeId}`)
    return episode
  }

  const endView = (episode: Awaited<ReturnType<typeof episodeOf>>, values: Record<string, unknown>) => ({
    title: 'End early help',
    episode,
    values,
    endReasonItems: END_REASONS.map((r) => ({
      value: r,
      text: END_REASON_LABELS[r],
      checked: values.endReason === r,
    })),
  })

  app.get(
    '/children/:personId/early-help/:episodeId/end',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const episode = await episodeOf(request)
      if (!episode.open) return reply.redirect(`/children/${personIdOf(request)}/contacts`, 303)
      return reply.view('pages/front-door/early-help-end.njk', {
        ...(await recordContext(request, 'front-door')),
        ...endView(episode, { version: episode.version, endedOn: londonDateTime(new Date()).date }),
      })
    },
  )

  app.post(
    '/children/:personId/early-help/:episodeId/end',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const episode = await episodeOf(request)
      const body = request.body
      const values = {
        version: Number(textField(body, 'version')),
        endedOn: dateField(body, 'endedOn'),
        endReason: textField(body, 'endReason'),
      }
      return saveForm(request, reply, {
        section: 'front-door',
        template: 'pages/front-door/early-help-end.njk',
        view: endView(episode, values),
        save: async () => {
          await endEarlyHelp(db, request.actor(), personId, episode.id, values)
          return `/children/${personId}/contacts`
        },
      })
    },
  )

  async function stepUpView(episode: Awaited<ReturnType<typeof episodeOf>>, values: Record<string, unknown>) {
    const teams = await teamsWithWorkers(db, REFERRAL_TEAM_KINDS)
    return {
      title: 'Step up to children’s social care',
      episode,
      values,
      needItems: needItems(values.primaryNeed),
      teamItems: teamItems(teams, values.teamId, 'Choose the team'),
      workerItems: workerItems(teams, values.workerId, 'No one yet: awaiting allocation in the team'),
    }
  }

  app.get(
    '/children/:personId/early-help/:episodeId/step-up',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const episode = await episodeOf(request)
      if (!episode.open) return reply.redirect(`/children/${personIdOf(request)}/contacts`, 303)
      return reply.view('pages/front-door/step-up.njk', {
        ...(await recordContext(request, 'front-door')),
        ...(await stepUpView(episode, {
          version: episode.version,
          referralDate: londonDateTime(new Date()).date,
        })),
      })
    },
  )

  app.post(
    '/children/:personId/early-help/:episodeId/step-up',
    { config: { permission: 'child:update', record } },
    async (request, reply) => {
      const personId = personIdOf(request)
      const episode = await episodeOf(request)
      const body = request.body
      const values = {
        version: Number(textField(body, 'version')),
        referralDate: dateField(body, 'referralDate'),
        primaryNeed: textField(body, 'primaryNeed'),
        teamId: idField(body, 'teamId'),
        workerId: idField(body, 'workerId'),
      }
      return saveOrShow(
        request,
        reply,
        'pages/front-door/step-up.njk',
        async () => {
          await stepUp(db, request.actor(), personId, episode.id, values)
          return `/children/${personId}/contacts`
        },
        () => stepUpView(episode, values),
      )
    },
  )
}
