import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface LoadRequest {
  url: string
  headers: Record<string, string>
  connections: number
  /** Load that is thrown away before measuring; a request with only a warm-up measures nothing. */
  warmupSeconds: number
  durationSeconds: number
}

export interface LoadResult {
  responses: number
  seconds: number
  /** Every response time, in the order they came. */
  latenciesMs: number[]
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url))

/** Runs autocannon in a child process: its own event loop and, with luck, its own core. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { execPath: process.execPath, execArgv: [], stdio: 'inherit' })
    let answered = false
    child.once('message', (message: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      answered = true
      if (message.ok) resolve(message.result)
      else reject(new Error(`load generator failed: ${message.error}`))
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with ${code} before answering`))
    })
    child.send(request)
  })
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}
