// Child process: runs autocannon against one URL so the load generator does not share the server's event
// loop. Receives a LoadRequest over IPC, answers with a LoadResult.
import autocannon, { type Options, type Result } from 'autocannon'
import type { LoadRequest, LoadResult } from './load.ts'

function run(options: Options, onLatency?: (ms: number) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
    if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms))
  })
}

process.once('message', async (request: LoadRequest) => {
  try {
    const options: Options = {
      url: request.url,
      connections: request.connections,
      headers: request.headers,
      timeout: 30,
    }
    if (request.warmupSeconds > 0) await run({ ...options, duration: request.warmupSeconds })
    const answer: LoadResult = {
      responses: 0,
      seconds: 0,
      latenciesMs: [],
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      statusCodes: {},
    }
    if (request.durationSeconds > 0) {
      // autocannon's own histogram has no p95: keep every response time instead.
      const latencies: number[] = []
      const result = await run({ ...options, duration: request.durationSeconds }, (ms) => {
        latencies.push(Math.round(ms * 1000) / 1000)
      })
      Object.assign(answer, {
        responses: latencies.length,
        seconds: result.duration,
        latenciesMs: latencies,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
      })
    }
    process.send?.({ ok: true, result: answer })
  } catch (error) {
    process.send?.({ ok: false, error: error instanceof Error ? error.stack : String(error) })
  }
  process.disconnect?.()
})
