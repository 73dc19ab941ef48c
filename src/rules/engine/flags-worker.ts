// The whole authority's flags, worked out off the main thread. Evaluating every rule for a large authority
// is seconds of database time and a few hundred milliseconds of JavaScript; done on the app's event loop and
// pool, every page that arrived meanwhile waited behind its queries (the team worklists' slowest 5 % were
// the minute's refresh). A worker thread (flags-thread.ts) does it on connections of its own. Used only for
// a PostgreSQL server: PGlite lives in this thread, so there it is evaluated here as before.
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import type { Database, DbOrTx } from '../../db/client.ts'
import type { Computing } from './cache.ts'
import { type EvaluateOptions, evaluateRules } from './evaluate.ts'
import type { FlagsAnswer, FlagsRequest } from './flags-thread.ts'
import type { Flag } from './types.ts'

/** The worker thread stopped, or could not start: not a fault of the evaluation itself. */
class WorkerGone extends Error {}

export class FlagsWorker {
  readonly #databaseUrl: string
  #worker: Worker | null = null
  readonly #pending = new Map<number, { resolve(flags: Flag[]): void; reject(error: Error): void }>()
  #next = 1
  #closed = false

  constructor(databaseUrl: string) {
    this.#databaseUrl = databaseUrl
  }

  /** Every flag as `evaluateRules` gives them, worked out in the thread. */
  evaluate(options: EvaluateOptions, how: Computing): Promise<Flag[]> {
    if (this.#closed) return Promise.reject(new WorkerGone('the flags worker is closed'))
    let worker: Worker
    try {
      worker = this.#start()
    } catch (error) {
      return Promise.reject(new WorkerGone(String(error)))
    }
    const id = this.#next++
    return new Promise<Flag[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      // Keeps the process alive only while someone waits for an answer.
      worker.ref()
      const request: FlagsRequest = { id, options, background: how.background }
      worker.postMessage(request)
    })
  }

  #start(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./flags-thread.ts', import.meta.url), {
      workerData: { databaseUrl: this.#databaseUrl },
    })
    worker.unref()
    worker.on('message', (answer: FlagsAnswer) => {
      const waiting = this.#pending.get(answer.id)
      if (!waiting) return
      this.#pending.delete(answer.id)
      if (this.#pending.size === 0) worker.unref()
      if ('flags' in answer) waiting.resolve(answer.flags)
      else waiting.reject(new Error(answer.error))
    })
    const gone = (reason: string) => {
      if (this.#worker === worker) this.#worker = null
      for (const waiting of this.#pending.values()) waiting.reject(new WorkerGone(reason))
      this.#pending.clear()
    }
    worker.on('error', (error) => gone(`the flags worker failed: ${error.message}`))
    worker.on('exit', (code) => gone(`the flags worker stopped (${code})`))
    this.#worker = worker
    return worker
  }

  /** Ends the thread's connections and the thread. */
  async close(): Promise<void> {
    this.#closed = true
    const worker = this.#worker
    if (!worker) return
    const exited = once(worker, 'exit').catch(() => {})
    worker.postMessage({ close: true } satisfies FlagsRequest)
    const timeout = new Promise((resolve) => setTimeout(resolve, 2_000).unref())
    await Promise.race([exited, timeout])
    await worker.terminate()
  }
}

const workers = new WeakMap<object, FlagsWorker>()

/** The connection string of a PostgreSQL database's pool, or null (PGlite). */
export function postgresUrl(database: Database): string | null {
  if (database.kind !== 'postgres') return null
  const client = (database.db as { $client?: { options?: { connectionString?: unknown } } }).$client
  const url = client?.options?.connectionString
  return typeof url === 'string' ? url : null
}

/** Evaluations for `db` go to a worker thread from now on, until stopFlagsWorker. */
export function useFlagsWorker(db: object, databaseUrl: string): void {
  if (!workers.has(db)) workers.set(db, new FlagsWorker(databaseUrl))
}

export async function stopFlagsWorker(db: object): Promise<void> {
  const worker = workers.get(db)
  workers.delete(db)
  await worker?.close()
}

/**
 * Every flag, in the worker thread when one serves `db` (falling back to this thread if the worker is
 * gone), else here.
 */
export async function evaluateFlags(
  db: DbOrTx,
  options: EvaluateOptions,
  how: Computing = { background: false },
): Promise<Flag[]> {
  const worker = workers.get(db)
  if (worker) {
    try {
      return await worker.evaluate(options, how)
    } catch (error) {
      if (!(error instanceof WorkerGone)) throw error
    }
  }
  return evaluateRules(db, options)
}
