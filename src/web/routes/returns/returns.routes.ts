import { createReadStream } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import { periodStart } from '../../../returns/annex-a/period.ts'
import { today } from '../../../services/dates.ts'
import { ValidationError } from '../../../services/errors.ts'
import {
  getReturnJob,
  issueSummary,
  RETURN_TYPES,
  type ReturnIssue,
  type ReturnJob,
  type ReturnRequestInput,
  SUPPORTED_YEARS,
  startReturn,
} from '../../../services/return-jobs.ts'
import { dateField, errorSummary, textField } from '../../forms.ts'

/** Where on the child's record the data behind a census table is recorded, to fix an issue. */
const FIX_AT: Record<string, string> = {
  ChildIdentifiers: 'details',
  ChildCharacteristics: 'details',
  Disabilities: 'details',
  CINdetails: 'contacts',
  Assessments: 'assessments',
  AssessmentFactorsList: 'assessments',
  CINplanDates: 'plans',
  Section47: 'child-protection',
  ChildProtectionPlans: 'child-protection',
  Reviews: 'child-protection',
}

/** Where an Annex A column is recorded: the child's details, allocation, or the section of its list. */
const ANNEX_A_DETAILS = new Set([
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Does the Child have a Disability',
  'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
  'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
])
const ANNEX_A_SECTION: Record<string, string> = {
  'List 1': 'contacts',
  'List 2': 'contacts',
  'List 3': 'contacts',
  'List 4': 'assessments',
  'List 5': 'child-protection',
  'List 6': 'contacts',
  'List 7': 'child-protection',
  'List 8': 'looked-after',
  'List 9': 'care-leaver',
  'List 10': 'adoption',
}
const ANNEX_A_COLUMN_SECTION: [RegExp, string][] = [
  [/Last Seen|Last Statutory Visit|Last Social Work Visit/, 'visits'],
  [/Statutory Review|IRO Visit/, 'looked-after/reviews'],
  [/Health Assessment|Dental Check/, 'health-education'],
  [/permanence plan/, 'permanence'],
  [/'Missing'|'Absent'|Return Interview/, 'missing'],
]

function annexAFixAt(code: string): string {
  const [sheet = '', column = ''] = code.split(': ')
  if (ANNEX_A_DETAILS.has(column)) return 'details'
  if (column.startsWith('Allocated')) return 'allocation'
  return ANNEX_A_COLUMN_SECTION.find(([pattern]) => pattern.test(column))?.[1] ?? ANNEX_A_SECTION[sheet] ?? ''
}

/** Where the data behind each SSDA903 file is recorded (motherhood comes from the family and network). */
const SSDA903_FIX_AT: Record<string, string> = {
  Header: 'details',
  Episodes: 'looked-after',
  Reviews: 'looked-after/reviews',
  UASC: 'looked-after',
  OC2: 'health-education',
  OC3: 'care-leaver',
  AD1: 'adoption',
  PlacedAdoption: 'adoption',
  PrevPerm: 'permanence',
  Missing: 'missing',
  SWEpisodes: 'allocation',
  DoLo: 'looked-after',
}

function ssda903FixAt(issue: ReturnIssue): string {
  if (issue.table === 'Header' && issue.fields.some((f) => f === 'MOTHER' || f === 'MC_DOB')) return 'family'
  return SSDA903_FIX_AT[issue.table ?? ''] ?? ''
}

export function fixLink(issue: ReturnIssue, type: ReturnJob['type'] = 'cin-census'): string | null {
  if (!issue.laChildId || !/^\d+$/.test(issue.laChildId)) return null
  const section =
    type === 'annex-a'
      ? annexAFixAt(issue.code)
      : type === 'ssda903'
        ? ssda903FixAt(issue)
        : (FIX_AT[issue.table ?? ''] ?? '')
  return `/children/${issue.laChildId}/${section}`.replace(/\/$/, '')
}

export function jobTitle(job: ReturnJob): string {
  return job.type === 'annex-a' ? `Ofsted Annex A: ${job.label}` : `${RETURN_TYPES[job.type]} ${job.label}`
}

export async function returnsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const form = (values: ReturnRequestInput) => ({
    values,
    types: RETURN_TYPES,
    yearItems: SUPPORTED_YEARS.map((y) => ({
      value: y,
      text: `${y} (1 April ${y.slice(0, 4)} to 31 March ${Number(y.slice(0, 4)) + 1})`,
      checked: values.year === y,
    })),
  })

  app.get('/returns', { config: { permission: 'returns:produce' } }, async (_request, reply) => {
    const end = today()
    return reply.view('pages/returns/index.njk', {
      title: 'Statutory returns',
      ...form({
        type: 'cin-census',
        year: SUPPORTED_YEARS[0],
        periodStart: periodStart(end, 6),
        periodEnd: end,
      }),
    })
  })

  app.post('/returns', { config: { permission: 'returns:produce' } }, async (request, reply) => {
    const values = {
      type: textField(request.body, 'type'),
      year: textField(request.body, 'year'),
      periodStart: dateField(request.body, 'periodStart'),
      periodEnd: dateField(request.body, 'periodEnd'),
    }
    try {
      const job = await startReturn(db, request.actor(), values)
      return reply.redirect(`/returns/jobs/${job.id}`, 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return reply.view('pages/returns/index.njk', {
        title: 'Statutory returns',
        errors: error.fields,
        // The SSDA903 year radios have their own ids (see index.njk).
        errorList: errorSummary(error.fields).map((e) =>
          values.type === 'ssda903' && e.href === '#year' ? { ...e, href: '#ssda903-year' } : e,
        ),
        ...form(values),
      })
    }
  })

  app.get<{ Params: { jobId: string } }>(
    '/returns/jobs/:jobId',
    { config: { permission: 'returns:produce' } },
    async (request, reply) => {
      const job = getReturnJob(request.params.jobId, request.user!.id)
      if (!job) throw new HttpProblem(404, 'Page not found')
      const issues = job.issues.slice(0, 500).map((i) => ({ ...i, href: fixLink(i, job.type) }))
      return reply.view('pages/returns/job.njk', {
        title: jobTitle(job),
        job,
        percent: job.total ? Math.round((job.done / job.total) * 100) : 0,
        summary: issueSummary(job.issues),
        errors: job.issues.filter((i) => i.type === 'error').length,
        issues,
        backLink: { href: '/returns', text: 'Statutory returns' },
      })
    },
  )

  app.get<{ Params: { jobId: string } }>(
    '/returns/jobs/:jobId/download',
    { config: { permission: 'returns:produce' } },
    async (request, reply) => {
      const job = getReturnJob(request.params.jobId, request.user!.id)
      if (job?.state !== 'finished') throw new HttpProblem(404, 'Page not found')
      await logAccess(db, request.actor(), {
        action: 'export',
        subjectType: 'return-file',
        subjectId: job.filename,
        detail: { job: job.id, children: job.children },
      })
      return reply
        .type(job.mediaType)
        .header('content-disposition', `attachment; filename="${job.filename}"`)
        .send(createReadStream(job.file))
    },
  )

  // A return of several files (SSDA903: a CSV per table): each file downloads on its own.
  app.get<{ Params: { jobId: string; file: string } }>(
    '/returns/jobs/:jobId/download/:file',
    { config: { permission: 'returns:produce' } },
    async (request, reply) => {
      const job = getReturnJob(request.params.jobId, request.user!.id)
      const file = job?.files.find((f) => f.key === request.params.file)
      if (job?.state !== 'finished' || !file) throw new HttpProblem(404, 'Page not found')
      await logAccess(db, request.actor(), {
        action: 'export',
        subjectType: 'return-file',
        subjectId: file.filename,
        detail: { job: job.id, children: job.children, rows: file.rows },
      })
      return reply
        .type(job.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(createReadStream(file.path))
    },
  )
}
