// The flags worker's thread (started by flags-worker.ts): evaluates the rules on connections of its own, so
// the whole authority's evaluation neither holds the event loop that answers pages nor takes every
// connection of the app's pool. Two pools: one for an evaluation someone is waiting for, as wide as the
// app's; one of a single connection, without parallel query, for a refresh no one waits for
// (a stale answer is being served meanwhile), so a refresh takes at most one of the server's cores.
import module from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'
import type { Database } from '../../db/client.ts'
import { installQuickResolve } from '../../plugins/module-resolution.ts'
import type { EvaluateOptions, evaluateRules } from './evaluate.ts'

// Start-up time, as in src/server.ts: the compile cache and the quick resolver, before the rest is imported
// (without them the thread took seconds to load drizzle-orm and the rules).
module.enableCompileCache?.()
installQuickResolve()
const [{ openDatabase }, evaluate] = await Promise.all([
  import('../../db/client.ts'),
  import('./evaluate.ts'),
])

export type FlagsRequest = { id: number; options: EvaluateOptions; background: boolean } | { close: true }

export type FlagsAnswer =
  | { id: number; flags: Awaited<ReturnType<typeof evaluateRules>> }
  | { id: number; error: string }

/** The connection string with a name for pg_stat_activity and, for the background pool, no parallel query. */
function connectionString(url: string, background: boolean): string {
  const parsed = new URL(url)
  parsed.searchParams.set('application_name', background ? 'hearth-flags-refresh' : 'hearth-flags')
  if (background) {
    const options = parsed.searchParams.get('options')
    parsed.searchParams.set('options', `${options ? `${options} ` : ''}-c max_parallel_workers_per_gather=0`)
  }
  return parsed.toString()
}

const { databaseUrl } = workerData as { databaseUrl: string }
const pools = new Map<boolean, Promise<Database>>()
const poolFor = (background: boolean) => {
  let pool = pools.get(background)
  if (!pool) {
    pool = openDatabase({
      databaseUrl: connectionString(databaseUrl, background),
      // As many as the app's own pool (src/db/client.ts), as the evaluation had there before.
      poolSize: background ? 1 : 10,
    })
    // A pool that failed to open is tried again next time.
    pool.catch(() => pools.delete(background))
    pools.set(background, pool)
  }
  return pool
}

parentPort?.on('message', async (request: FlagsRequest) => {
  if ('close' in request) {
    // Connections ended politely, then the thread is left with nothing to do and stops.
    await Promise.allSettled([...pools.values()].map(async (pool) => (await pool).close()))
    parentPort?.close()
    return
  }
  let answer: FlagsAnswer
  try {
    const { db } = await poolFor(request.background)
    answer = { id: request.id, flags: await evaluate.evaluateRules(db, request.options) }
  } catch (error) {
    answer = {
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }
  }
  parentPort?.postMessage(answer)
})
