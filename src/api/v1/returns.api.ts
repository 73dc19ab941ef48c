import { createReadStream } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { logAccess } from '../../audit/access-log.ts'
import { HttpProblem } from '../../plugins/authorisation.ts'
import { getReturnJob, issueSummary, startReturn, waitForReturn } from '../../services/return-jobs.ts'
import { problemResponses } from './schemas.ts'

const Job = Type.Object({
  id: Type.String(),
  type: Type.String(),
  /** The census collection year; null for Annex A. */
  year: Type.Union([Type.String(), Type.Null()]),
  /** The Annex A period; null for a census. */
  period: Type.Union([
    Type.Object({ start: Type.String(), end: Type.String(), months: Type.Integer() }),
    Type.Null(),
  ]),
  state: Type.String(),
  done: Type.Integer(),
  total: Type.Integer(),
  children: Type.Integer(),
  errors: Type.Integer(),
  queries: Type.Integer(),
  summary: Type.Array(
    Type.Object({ code: Type.String(), type: Type.String(), message: Type.String(), count: Type.Integer() }),
  ),
  /** Annex A: the rows of each list in the workbook. */
  lists: Type.Array(Type.Object({ sheet: Type.String(), title: Type.String(), rows: Type.Integer() })),
  file: Type.Union([Type.String(), Type.Null()]),
  /** SSDA903: every CSV file (one per table), each with its download address once finished. */
  files: Type.Array(
    Type.Object({
      table: Type.String(),
      title: Type.String(),
      filename: Type.String(),
      rows: Type.Integer(),
      href: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
})

export async function returnsApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const present = (job: NonNullable<ReturnType<typeof getReturnJob>>) => {
    const errors = job.issues.filter((i) => i.type === 'error').length
    return {
      id: job.id,
      type: job.type,
      year: job.year,
      period: job.period ? { start: job.period.start, end: job.period.end, months: job.period.months } : null,
      state: job.state,
      done: job.done,
      total: job.total,
      children: job.children,
      errors,
      queries: job.issues.length - errors,
      summary: issueSummary(job.issues),
      lists: job.lists,
      file: job.state === 'finished' ? `/api/v1/returns/${job.id}/file` : null,
      files: job.files.map((f) => ({
        table: f.key,
        title: f.title,
        filename: f.filename,
        rows: f.rows,
        href: job.state === 'finished' ? `/api/v1/returns/${job.id}/files/${f.key}` : null,
      })),
    }
  }

  app.post<{
    Body: { type: string; year?: string; periodStart?: string; periodEnd?: string; wait?: boolean }
  }>(
    '/returns',
    {
      config: { permission: 'returns:produce' },
      schema: {
        tags: ['Returns'],
        summary: 'Produce a statutory return (202 while it builds; wait=true answers when it is done)',
        description:
          'type cin-census with a collection year (2025-26), or type annex-a with periodStart and periodEnd ' +
          '(the inspection date), ISO dates 6 or 12 months apart: the Ofsted Annex A workbook (.xlsx); ' +
          'or type ssda903 with a collection year: the children looked after return, one CSV per table (files).',
        body: Type.Object(
          {
            type: Type.String(),
            year: Type.Optional(Type.String()),
            periodStart: Type.Optional(Type.String({ description: 'Annex A: first day of the period' })),
            periodEnd: Type.Optional(Type.String({ description: 'Annex A: the inspection date' })),
            wait: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Job, 202: Job, ...problemResponses },
      },
    },
    async (request, reply) => {
      const job = await startReturn(db, request.actor(), request.body)
      if (request.body.wait) return reply.code(201).send(present(await waitForReturn(job)))
      return reply.code(202).header('location', `/api/v1/returns/${job.id}`).send(present(job))
    },
  )

  app.get<{ Params: { jobId: string } }>(
    '/returns/:jobId',
    {
      config: { permission: 'returns:produce' },
      schema: {
        tags: ['Returns'],
        summary: 'Progress and validation summary of a return',
        params: Type.Object({ jobId: Type.String({ format: 'uuid' }) }),
        response: { 200: Job, ...problemResponses },
      },
    },
    async (request) => {
      const job = getReturnJob(request.params.jobId, request.user!.id)
      if (!job) throw new HttpProblem(404, 'Return not found')
      return present(job)
    },
  )

  app.get<{ Params: { jobId: string } }>(
    '/returns/:jobId/file',
    {
      config: { permission: 'returns:produce' },
      schema: {
        tags: ['Returns'],
        summary: 'Download the return file',
        params: Type.Object({ jobId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.String({ description: 'The file' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const job = getReturnJob(request.params.jobId, request.user!.id)
      if (job?.state !== 'finished') throw new HttpProblem(404, 'Return not found or not ready')
      await logAccess(db, request.actor(), {
        action: 'export',
        subjectType: 'return-file',
        subjectId: job.filename,
        detail: { job: job.id },
      })
      return reply
        .type(job.mediaType)
        .header('content-disposition', `attachment; filename="${job.filename}"`)
        .send(createReadStream(job.file))
    },
  )

  app.get<{ Params: { jobId: string; table: string } }>(
    '/returns/:jobId/files/:table',
    {
      config: { permission: 'returns:produce' },
      schema: {
        tags: ['Returns'],
        summary: 'Download one file of a return made of several (SSDA903: the CSV of a table, e.g. Episodes)',
        params: Type.Object({ jobId: Type.String({ format: 'uuid' }), table: Type.String() }),
        response: { 200: Type.String({ description: 'The CSV file' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const job = getReturnJob(request.params.jobId, request.user!.id)
      const file = job?.files.find((f) => f.key === request.params.table)
      if (job?.state !== 'finished' || !file) throw new HttpProblem(404, 'Return file not found or not ready')
      await logAccess(db, request.actor(), {
        action: 'export',
        subjectType: 'return-file',
        subjectId: file.filename,
        detail: { job: job.id, rows: file.rows },
      })
      return reply
        .type(job.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(createReadStream(file.path))
    },
  )
}
