import { createReadStream } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { logAccess } from '../../../audit/access-log.ts'
import { HttpProblem } from '../../../plugins/authorisation.ts'
import type { Issue } from '../../../returns/cin-census/types.ts'
import { ValidationError } from '../../../services/errors.ts'
import {
  getReturnJob,
  issueSummary,
  RETURN_TYPES,
  SUPPORTED_YEARS,
  startReturn,
} from '../../../services/return-jobs.ts'
import { errorSummary, textField } from '../../forms.ts'

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

export function fixLink(issue: Issue): string | null {
  if (!issue.laChildId || !/^\d+$/.test(issue.laChildId)) return null
  return `/children/${issue.laChildId}/${FIX_AT[issue.table ?? ''] ?? ''}`.replace(/\/$/, '')
}

export async function returnsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const form = (values: { type?: string; year?: string } = {}) => ({
    typeItems: Object.entries(RETURN_TYPES).map(([value, text]) => ({
      value,
      text,
      checked: values.type === value,
    })),
    yearItems: SUPPORTED_YEARS.map((y) => ({
      value: y,
      text: `${y} (1 April ${y.slice(0, 4)} to 31 March ${Number(y.slice(0, 4)) + 1})`,
      checked: values.year === y,
    })),
  })

  app.get('/returns', { config: { permission: 'returns:produce' } }, async (_request, reply) =>
    reply.view('pages/returns/index.njk', {
      title: 'Statutory returns',
      ...form({ type: 'cin-census', year: SUPPORTED_YEARS[0] }),
    }),
  )

  app.post('/returns', { config: { permission: 'returns:produce' } }, async (request, reply) => {
    const values = { type: textField(request.body, 'type'), year: textField(request.body, 'year') }
    try {
      const job = await startReturn(db, request.actor(), values)
      return reply.redirect(`/returns/jobs/${job.id}`, 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return reply.view('pages/returns/index.njk', {
        title: 'Statutory returns',
        errors: error.fields,
        errorList: errorSummary(error.fields),
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
      const issues = job.issues.slice(0, 500).map((i) => ({ ...i, href: fixLink(i) }))
      return reply.view('pages/returns/job.njk', {
        title: `${RETURN_TYPES[job.type]} ${job.year}`,
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
      if (!job || job.state !== 'finished') throw new HttpProblem(404, 'Page not found')
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
}
