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
  year: Type.String(),
  state: Type.String(),
  done: Type.Integer(),
  total: Type.Integer(),
  children: Type.Integer(),
  errors: Type.Integer(),
  queries: Type.Integer(),
  summary: Type.Array(
    Type.Object({ code: Type.String(), type: Type.String(), message: Type.String(), count: Type.Integer() }),
  ),
  file: Type.Union([Type.String(), Type.Null()]),
})

export async function returnsApi(app: FastifyInstance): Promise<void> {
  const db = app.database.db
  const present = (job: NonNullable<ReturnType<typeof getReturnJob>>) => {
    const errors = job.issues.filter((i) => i.type === 'error').length
    return {
      id: job.id,
      type: job.type,
      year: job.year,
      state: job.state,
      done: job.done,
      total: job.total,
      children: job.children,
      errors,
      queries: job.issues.length - errors,
      summary: issueSummary(job.issues),
      file: job.state === 'finished' ? `/api/v1/returns/${job.id}/file` : null,
    }
  }

  app.post<{ Body: { type: string; year: string; wait?: boolean } }>(
    '/returns',
    {
      config: { permission: 'returns:produce' },
      schema: {
        tags: ['Returns'],
        summary: 'Produce a statutory return (202 while it builds; wait=true answers when it is done)',
        body: Type.Object(
          { type: Type.String(), year: Type.String(), wait: Type.Optional(Type.Boolean()) },
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
      if (!job || job.state !== 'finished') throw new HttpProblem(404, 'Return not found or not ready')
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
}
