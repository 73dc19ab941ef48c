// Start-up time of `node src/server.ts` on embedded PGlite: a first start into an empty data directory
// (initdb, migrations, demo authority) and later starts on the same directory; then a graceful SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { atMost, type BenchResult, figure, median, progress, round } from './lib/figures.ts'
import { processCpuMs } from './lib/process-cpu.ts'

export interface StartupOptions {
  runs: number
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const FIRST_TARGET_S = 20
const LATER_TARGET_S = 3
const READY_TIMEOUT_MS = 120_000

interface StartRun {
  kind: 'first' | 'later'
  /** From spawn to the "Hearth is running at" line. */
  readyMs: number
  /** What the server itself reports (after Node has loaded its modules). */
  serverReadyMs: number | null
  /**
   * CPU the server used to get ready (all its threads). Unlike the times it hardly moves when other work
   * shares the machine: on idle cores the wall time comes close to it.
   */
  serverCpuMs: number | null
  healthStatus: number
  shutdownMs: number
  exitCode: number | null
  exitSignal: string | null
}

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

async function startOnce(dataDir: string, kind: StartRun['kind']): Promise<StartRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HEARTH_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    HEARTH_SEED_DEMO: 'true',
    NODE_ENV: 'development',
  }
  delete env.DATABASE_URL
  delete env.LOG_LEVEL
  const started = performance.now()
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<{
    url: string
    readyMs: number
    serverReadyMs: number | null
    serverCpuMs: number | null
  }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready after ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      // The whole line: its address, and the server's own "ready in N ms" when it says so.
      const match = /Hearth is running at (http:\/\/[^\s)]+)([^\n]*)\n/.exec(output)
      if (match) {
        clearTimeout(timer)
        const own = /ready in (\d+) ms/.exec(match[2] ?? '')
        resolve({
          url: match[1]!.replace(/[.,]$/, ''),
          readyMs: performance.now() - started,
          serverReadyMs: own ? Number(own[1]) : null,
          serverCpuMs: processCpuMs(child.pid),
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${signal ?? code}) before it was ready:\n${output.slice(-2000)}`))
    })
  })
  try {
    const { url, readyMs, serverReadyMs, serverCpuMs } = await ready
    const health = await fetch(`${url}/health`)
    await health.arrayBuffer()
    const stopping = performance.now()
    child.kill('SIGTERM')
    const { code, signal } = await waitForExit(child)
    return {
      kind,
      readyMs: Math.round(readyMs),
      serverReadyMs,
      serverCpuMs,
      healthStatus: health.status,
      shutdownMs: Math.round(performance.now() - stopping),
      exitCode: code,
      exitSignal: signal,
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await waitForExit(child)
    }
  }
}

export async function benchStartup(options: StartupOptions): Promise<BenchResult> {
  const started = performance.now()
  const dirs: string[] = []
  const runs: StartRun[] = []
  try {
    for (let i = 0; i < options.runs; i++) {
      const dir = await mkdtemp(path.join(tmpdir(), 'hearth-bench-start-'))
      dirs.push(dir)
      const run = await startOnce(dir, 'first')
      progress(`startup: first start ${i + 1}/${options.runs}: ${run.readyMs} ms (exit ${run.exitCode})`)
      runs.push(run)
    }
    for (let i = 0; i < options.runs; i++) {
      const run = await startOnce(dirs[0]!, 'later')
      progress(`startup: later start ${i + 1}/${options.runs}: ${run.readyMs} ms (exit ${run.exitCode})`)
      runs.push(run)
    }
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  }

  const first = runs.filter((r) => r.kind === 'first')
  const later = runs.filter((r) => r.kind === 'later')
  const graceful = runs.filter((r) => r.exitCode === 0 && r.healthStatus === 200).length
  return {
    name: 'startup',
    seconds: round((performance.now() - started) / 1000, 1),
    figures: [
      figure(
        'first start (empty data dir, seeds demo), median',
        round(median(first.map((r) => r.readyMs)) / 1000, 2),
        's',
        atMost(FIRST_TARGET_S),
      ),
      figure(
        'later start (same data dir), median',
        round(median(later.map((r) => r.readyMs)) / 1000, 2),
        's',
        atMost(LATER_TARGET_S),
      ),
      figure(
        'later start CPU of the server, median',
        round(median(later.map((r) => r.serverCpuMs ?? Number.NaN)) / 1000, 2),
        's',
        undefined,
        'all threads, to ready: what the later start costs when the machine is not shared',
      ),
      figure('SIGTERM shutdown, median', round(median(runs.map((r) => r.shutdownMs)) / 1000, 2), 's'),
      figure('healthy and exited 0 on SIGTERM', graceful, `of ${runs.length}`, {
        op: '>=',
        value: runs.length,
      }),
    ],
    details: { database: 'pglite', runs },
  }
}
