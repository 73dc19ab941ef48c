import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { logAccess } from '../audit/access-log.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db } from '../db/client.ts'
import { produceCinCensus } from '../returns/cin-census/produce.ts'
import type { Issue } from '../returns/cin-census/types.ts'
import { type CollectionYear, isCollectionYear } from '../returns/shared/collection-year.ts'
import { Checker } from './errors.ts'
import { getLocalAuthority } from './organisation.ts'

// Producing a statutory return takes seconds to minutes for a large authority, so it runs as a job: the
// page shows its progress and, when done, the download and the validation summary. Jobs live in memory
// (one Hearth process) and their files in a temporary folder, removed after an hour.

export const RETURN_TYPES = { 'cin-census': 'Children in need census (XML)' } as const
export type ReturnType = keyof typeof RETURN_TYPES
export const SUPPORTED_YEARS: readonly CollectionYear[] = ['2025-26', '2024-25']

export interface ReturnJob {
  id: string
  type: ReturnType
  year: CollectionYear
  userId: number
  startedAt: Date
  finishedAt: Date | null
  done: number
  total: number
  state: 'running' | 'finished' | 'failed'
  file: string
  filename: string
  mediaType: string
  children: number
  issues: Issue[]
  error: string | null
}

const jobs = new Map<string, ReturnJob>()
const KEEP_MS = 60 * 60_000
const dir = mkdtempSync(path.join(tmpdir(), 'hearth-returns-'))

export function checkReturnRequest(input: { type: string; year: string }): {
  type: ReturnType
  year: CollectionYear
} {
  const c = new Checker()
  c.check(
    input.type in RETURN_TYPES,
    'type',
    `Choose a return Hearth produces: ${Object.values(RETURN_TYPES).join(', ')}`,
  )
  c.check(
    isCollectionYear(input.year) && SUPPORTED_YEARS.includes(input.year),
    'year',
    `Choose a collection year Hearth supports: ${SUPPORTED_YEARS.join(' or ')}`,
  )
  c.throwIfAny()
  return { type: input.type as ReturnType, year: input.year as CollectionYear }
}

/** Starts producing a return; the export is written to the access log at once, as it exports personal data. */
export async function startReturn(
  db: Db,
  actor: Actor,
  input: { type: string; year: string },
): Promise<ReturnJob> {
  const request = checkReturnRequest(input)
  const la = await getLocalAuthority(db)
  if (!la) throw new Error('No local authority is set up')
  const id = randomUUID()
  const filename = `${request.type}-${request.year}-${la.dfeCode}.xml`
  const job: ReturnJob = {
    id,
    ...request,
    userId: actor.user.id,
    startedAt: new Date(),
    finishedAt: null,
    done: 0,
    total: 0,
    state: 'running',
    file: path.join(dir, `${id}.xml`),
    filename,
    mediaType: 'application/xml',
    children: 0,
    issues: [],
    error: null,
  }
  jobs.set(id, job)
  await logAccess(db, actor, {
    action: 'export',
    subjectType: 'return',
    subjectId: `${request.type} ${request.year}`,
    detail: { job: id },
  })
  void run(db, job, la.dfeCode)
  return job
}

async function run(db: Db, job: ReturnJob, laCode: string): Promise<void> {
  const out = createWriteStream(job.file)
  try {
    const result = await produceCinCensus(db, {
      year: job.year,
      laCode,
      write: async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain')
      },
      onProgress: (done, total) => {
        job.done = done
        job.total = total
      },
    })
    out.end()
    await once(out, 'finish')
    job.children = result.children
    job.issues = result.issues
    job.state = 'finished'
  } catch (error) {
    out.destroy()
    job.state = 'failed'
    job.error = error instanceof Error ? error.message : String(error)
  } finally {
    job.finishedAt = new Date()
    setTimeout(() => forget(job.id), KEEP_MS).unref()
  }
}

function forget(id: string): void {
  const job = jobs.get(id)
  if (job) rmSync(job.file, { force: true })
  jobs.delete(id)
}

/** A job, only for the user who started it. */
export function getReturnJob(id: string, userId: number): ReturnJob | null {
  const job = jobs.get(id)
  return job && job.userId === userId ? job : null
}

/** Waits for a job to finish (for the command line, tests and the API's synchronous option). */
export async function waitForReturn(job: ReturnJob): Promise<ReturnJob> {
  while (job.state === 'running') await new Promise((resolve) => setTimeout(resolve, 50))
  return job
}

/** Counts per rule, for the validation summary. */
export function issueSummary(issues: readonly Issue[]) {
  const byCode = new Map<string, { code: string; type: string; message: string; count: number }>()
  for (const issue of issues) {
    const entry = byCode.get(issue.code) ?? {
      code: issue.code,
      type: issue.type,
      message: issue.message,
      count: 0,
    }
    entry.count++
    byCode.set(issue.code, entry)
  }
  return [...byCode.values()].sort((a, b) =>
    a.type === b.type ? b.count - a.count : a.type === 'error' ? -1 : 1,
  )
}
