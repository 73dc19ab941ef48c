import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { DEMO_PASSWORD } from '../../seed/demo-users.ts'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config/config.ts'
import type { Database } from '../../src/db/client.ts'
import { testDatabase } from './database.ts'

export interface TestApp {
  app: FastifyInstance
  database: Database
  /** A browser-like client that keeps cookies and sends the page's CSRF token with forms. */
  client(): TestClient
  /** A client already signed in as a demo user (e.g. 'socialworker'). */
  signedIn(username: string): Promise<TestClient>
  close(): Promise<void>
}

export async function buildTestApp(
  env: Record<string, string> = {},
  /** Registers extra routes for a test before the app is ready. */
  configure?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const database = await testDatabase()
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HEARTH_SIGN_IN_RATE_PER_MINUTE: '1000',
    HEARTH_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  })
  const app = await buildApp({ config, database })
  configure?.(app)
  await app.ready()
  return {
    app,
    database,
    client: () => new TestClient(app),
    async signedIn(username: string) {
      const client = new TestClient(app)
      const response = await client.signIn(username, DEMO_PASSWORD)
      if (response.statusCode !== 303)
        throw new Error(`sign-in as ${username} failed: ${response.statusCode}`)
      await client.get('/') // a CSRF token bound to the new session
      return client
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}

export class TestClient {
  readonly cookies = new Map<string, string>()
  csrfToken: string | null = null
  readonly app: FastifyInstance

  constructor(app: FastifyInstance) {
    this.app = app
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as {
      name: string
      value: string
      maxAge?: number
      expires?: Date
    }[]) {
      if (
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(cookie.name)
      } else {
        this.cookies.set(cookie.name, cookie.value)
      }
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)
    if (token?.[1]) this.csrfToken = token[1]
    return response
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: { accept: 'text/html', cookie: this.cookieHeader, ...headers },
      }),
    )
  }

  /** Posts a form as a browser would; fetches a CSRF token first if the client has none. */
  async post(
    url: string,
    form: Record<string, string | string[]> = {},
    options: { csrf?: string | null } = {},
  ) {
    if (this.csrfToken === null && options.csrf === undefined) await this.get('/sign-in')
    const body = new URLSearchParams()
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf
    if (csrf !== null) body.append('_csrf', csrf)
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          cookie: this.cookieHeader,
        },
        payload: body.toString(),
      }),
    )
  }

  /** JSON API call; state-changing methods send the CSRF token in a header. */
  async api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    const headers: Record<string, string> = { accept: 'application/json', cookie: this.cookieHeader }
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken
    return this.remember(
      await this.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    )
  }

  async signIn(username: string, password: string) {
    await this.get('/sign-in')
    return this.post('/sign-in', { username, password, returnTo: '/' })
  }
}
