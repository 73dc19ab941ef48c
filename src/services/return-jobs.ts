import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { logAccess } from '../audit/access-log.ts'
import type { Actor } from '../auth/current-user.ts'
import type { Db } from '../db/client.ts'
import type { AnnexAIssue } from '../returns/annex-a/check.ts'
import { type AnnexAPeriod, type PeriodProblem, readAnnexAPeriod } from '../returns/annex-a/period.ts'
import { type AnnexASheetSummary, produceAnnexA, XLSX_MEDIA_TYPE } from '../returns/annex-a/produce.ts'
import { produceCinCensus } from '../returns/cin-census/produce.ts'
import type { Issue } from '../returns/cin-census/types.ts'
import { type CollectionYear, isCollectionYear } from '../returns/shared/collection-year.ts'
import { produceSsda903 } from '../returns/ssda903/produce.ts'
import { SSDA903_TABLE_TITLES, type Ssda903Year, ssda903TablesFor } from '../returns/ssda903/tables.ts'
import type { Ssda903Issue } from '../returns/ssda903/types.ts'
import { today } from './dates.ts'
import { Checker } from './errors.ts'
import { longDate } from './front-door.ts'
import { getLocalAuthority } from './organisation.ts'

// Producing a statutory return takes seconds to minutes for a large authority, so it runs as a job: the
// page shows its progress and, when done, the download and the validation summary. Jobs live in memory
// (one Hearth process) and their files in a temporary folder, removed after an hour.

export const RETURN_TYPES = {
  'cin-census': 'Children in need census (XML)',
  'annex-a': 'Ofsted Annex A lists for inspection (Excel workbook)',
  ssda903: 'Children looked after: SSDA903 (CSV files)',
} as const
export type ReturnType = keyof typeof RETURN_TYPES
export const SUPPORTED_YEARS: readonly CollectionYear[] = ['2025-26', '2024-25']

/** What to produce: a census for a collection year, or Annex A for the 6 or 12 months up to an inspection. */
export type ReturnRequest =
  | { type: 'cin-census'; year: CollectionYear }
  | { type: 'annex-a'; period: AnnexAPeriod }
  | { type: 'ssda903'; year: CollectionYear }

/** An issue on the job page: a census rule (CIN or SSDA903) or an Annex A check. */
export type ReturnIssue = Issue | Ssda903Issue

/** One file of a return made of several (SSDA903: a CSV per table), each downloaded on its own. */
export interface ReturnFile {
  /** In the download address: the SSDA903 table name. */
  key: string
  title: string
  filename: string
  path: string
  rows: number
}

export interface ReturnRequestInput {
  type: string
  year?: string | undefined
  /** Annex A: the first day of the period and the inspection date, ISO dates. */
  periodStart?: string | undefined
  periodEnd?: string | undefined
}

export interface ReturnJob {
  id: string
  type: ReturnType
  /** The collection year of a census; null for Annex A. */
  year: CollectionYear | null
  /** The period of an Annex A workbook; null for a census. */
  period: AnnexAPeriod | null
  /** The year or period in words, for headings. */
  label: string
  /** What `done` and `total` count while the job runs. */
  progressUnit: 'children' | 'lists'
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
  /** Annex A: the rows written to each list. */
  lists: AnnexASheetSummary[]
  /** SSDA903: every file (the first is also `file`); empty for single-file returns. */
  files: ReturnFile[]
  issues: ReturnIssue[]
  error: string | null
}

const jobs = new Map<string, ReturnJob>()
const KEEP_MS = 60 * 60_000
const dir = mkdtempSync(path.join(tmpdir(), 'hearth-returns-'))

export function checkReturnRequest(input: ReturnRequestInput, now: string = today()): ReturnRequest {
  const c = new Checker()
  if (!(input.type in RETURN_TYPES)) {
    c.add('type', `Choose a return Hearth produces: ${Object.values(RETURN_TYPES).join(', ')}`)
    c.throwIfAny()
  }
  if (input.type === 'annex-a') {
    const read = readAnnexAPeriod(input.periodStart ?? '', input.periodEnd ?? '', now)
    for (const problem of read.problems) c.add(problem.field, periodMessage(problem))
    c.throwIfAny()
    return { type: 'annex-a', period: read.period! }
  }
  const year = input.year ?? ''
  c.check(
    isCollectionYear(year) && SUPPORTED_YEARS.includes(year),
    'year',
    `Choose a collection year Hearth supports: ${SUPPORTED_YEARS.join(' or ')}`,
  )
  c.throwIfAny()
  return { type: input.type === 'ssda903' ? 'ssda903' : 'cin-census', year: year as CollectionYear }
}

function periodMessage(problem: PeriodProblem): string {
  const name = problem.field === 'periodStart' ? 'the start of the period' : 'the inspection date'
  const Name = name.charAt(0).toUpperCase() + name.slice(1)
  switch (problem.kind) {
    case 'missing':
      return `Enter ${name}`
    case 'not-a-date':
      return `${Name} must be a real date`
    case 'future':
      return 'The inspection date must be today or in the past'
    case 'backwards':
      return 'The start of the period must be before the inspection date'
    case 'length':
      return `The period must be 6 or 12 months up to the inspection date: start it on ${longDate(problem.sixMonths)} for 6 months or ${longDate(problem.twelveMonths)} for 12 months`
  }
}

function describe(request: ReturnRequest): string {
  return request.type !== 'annex-a'
    ? request.year
    : `${longDate(request.period.start)} to ${longDate(request.period.end)}`
}

/** Starts producing a return; the export is written to the access log at once, as it exports personal data. */
export async function startReturn(db: Db, actor: Actor, input: ReturnRequestInput): Promise<ReturnJob> {
  const request = checkReturnRequest(input)
  const la = await getLocalAuthority(db)
  if (!la) throw new Error('No local authority is set up')
  const id = randomUUID()
  const annexA = request.type === 'annex-a'
  const extension = annexA ? 'xlsx' : 'xml'
  const files: ReturnFile[] =
    request.type === 'ssda903'
      ? ssda903TablesFor(request.year as Ssda903Year).map((table) => ({
          key: table,
          title: SSDA903_TABLE_TITLES[table],
          filename: `ssda903-${request.year}-${la.dfeCode}-${table}.csv`,
          path: path.join(dir, `${id}-${table}.csv`),
          rows: 0,
        }))
      : []
  const job: ReturnJob = {
    id,
    type: request.type,
    year: annexA ? null : request.year,
    period: annexA ? request.period : null,
    label: describe(request),
    progressUnit: annexA ? 'lists' : 'children',
    userId: actor.user.id,
    startedAt: new Date(),
    finishedAt: null,
    done: 0,
    total: 0,
    state: 'running',
    file: files[0]?.path ?? path.join(dir, `${id}.${extension}`),
    filename: files[0]
      ? files[0].filename
      : annexA
        ? `annex-a-${request.period.end}-${la.dfeCode}.xlsx`
        : `${request.type}-${request.year}-${la.dfeCode}.xml`,
    mediaType: files[0] ? 'text/csv; charset=utf-8' : annexA ? XLSX_MEDIA_TYPE : 'application/xml',
    children: 0,
    lists: [],
    files,
    issues: [],
    error: null,
  }
  jobs.set(id, job)
  await logAccess(db, actor, {
    action: 'export',
    subjectType: 'return',
    subjectId: annexA
      ? `annex-a ${request.period.start} to ${request.period.end}`
      : `${request.type} ${request.year}`,
    detail: { job: id },
  })
  void run(db, job, request, la.dfeCode)
  return job
}

async function run(db: Db, job: ReturnJob, request: ReturnRequest, laCode: string): Promise<void> {
  const out = createWriteStream(job.file)
  const onProgress = (done: number, total: number) => {
    job.done = done
    job.total = total
  }
  try {
    if (request.type === 'annex-a') {
      // The workbook writer ends the file itself once the last sheet is zipped.
      const result = await produceAnnexA(db, { period: request.period, stream: out, onProgress })
      job.children = result.children
      job.lists = result.lists
      job.issues = result.issues.map(annexAIssue)
    } else if (request.type === 'ssda903') {
      await writeSsda903(db, job, request.year as Ssda903Year, out, onProgress)
    } else {
      const result = await produceCinCensus(db, {
        year: request.year,
        laCode,
        write: async (chunk) => {
          if (!out.write(chunk)) await once(out, 'drain')
        },
        onProgress,
      })
      out.end()
      await once(out, 'finish')
      job.children = result.children
      job.issues = result.issues
    }
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

/** SSDA903: a CSV per table, the Header file written to `out` (the job's `file`), the rest beside it. */
async function writeSsda903(
  db: Db,
  job: ReturnJob,
  year: Ssda903Year,
  out: WriteStream,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const streams = new Map(
    job.files.map((f) => [f.key, f.path === job.file ? out : createWriteStream(f.path)]),
  )
  try {
    const result = await produceSsda903(db, {
      year,
      onProgress,
      write: async (table, chunk) => {
        const stream = streams.get(table)!
        if (!stream.write(chunk)) await once(stream, 'drain')
      },
    })
    await Promise.all(
      [...streams.values()].map((stream) => {
        stream.end()
        return once(stream, 'finish')
      }),
    )
    for (const f of job.files) f.rows = result.files.find((r) => r.table === f.key)?.rows ?? 0
    job.children = result.children
    job.issues = result.issues
  } catch (error) {
    for (const stream of streams.values()) stream.destroy()
    throw error
  }
}

/**
 * An Annex A check as an issue on the job page: a required cell the record leaves blank is a query to look
 * at; a value Annex A does not allow is an error. The code names the list and column, so the summary
 * counts each gap once.
 */
function annexAIssue(issue: AnnexAIssue): Issue {
  const blank = issue.kind === 'blank'
  return {
    code: `${issue.sheet}: ${issue.column}`,
    type: blank ? 'query' : 'error',
    message: blank
      ? 'Blank: Ofsted asks for this and the record does not hold it'
      : 'Not one of the values Annex A allows',
    laChildId: issue.id,
    table: null,
    fields: [blank ? issue.column : `${issue.column}: ${String(issue.value)}`],
    row: issue.row,
    ids: {},
    locations: [],
  }
}

function forget(id: string): void {
  const job = jobs.get(id)
  if (job) for (const file of [job.file, ...job.files.map((f) => f.path)]) rmSync(file, { force: true })
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
export function issueSummary(issues: readonly ReturnIssue[]) {
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
