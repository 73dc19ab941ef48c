import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type helmetType from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'

type HelmetOptions = NonNullable<Parameters<typeof helmetType>[1]>
type Middleware = (
  req: unknown,
  res: { setHeader(name: string, value: string): void; removeHeader(name: string): void },
  next: () => void,
) => void
// helmet itself, the version @fastify/helmet depends on.
const helmetModule = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'))('helmet') as {
  default: (options: HelmetOptions) => Middleware
}

/** Hearth's header policy, in @fastify/helmet's terms (the test compares the headers with what it sends). */
export const HELMET_OPTIONS = {
  enableCSPNonces: true,
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true, preload: true },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: true,
} satisfies HelmetOptions

const SCRIPT_NONCE = 'hearthscriptnonce'
const STYLE_NONCE = 'hearthstylenonce'

/**
 * The headers helmet writes for HELMET_OPTIONS, worked out once. @fastify/helmet builds a new helmet
 * middleware on every request (to put the nonces in the CSP), which cost more than the rest of the
 * plugin stack together; here only the two nonces change per request.
 */
export function securityHeaders(): {
  fixed: Record<string, string>
  csp: (script: string, style: string) => string
} {
  const { enableCSPNonces: _, ...options } = HELMET_OPTIONS
  const directives = options.contentSecurityPolicy.directives
  const headers: Record<string, string> = {}
  helmetModule.default({
    ...options,
    contentSecurityPolicy: {
      directives: {
        ...directives,
        scriptSrc: [...directives.scriptSrc, `'nonce-${SCRIPT_NONCE}'`],
        styleSrc: [...directives.styleSrc, `'nonce-${STYLE_NONCE}'`],
      },
    },
  })(
    {},
    {
      setHeader: (name, value) => {
        headers[name.toLowerCase()] = value
      },
      removeHeader: (name) => {
        delete headers[name.toLowerCase()]
      },
    },
    () => {},
  )
  const policy = headers['content-security-policy']
  if (!policy?.includes(SCRIPT_NONCE) || !policy.includes(STYLE_NONCE))
    throw new Error('helmet wrote no Content-Security-Policy with the nonces')
  delete headers['content-security-policy']
  const [beforeScript, rest] = policy.split(SCRIPT_NONCE) as [string, string]
  const [between, afterStyle] = rest.split(STYLE_NONCE) as [string, string]
  if (policy.indexOf(SCRIPT_NONCE) > policy.indexOf(STYLE_NONCE)) throw new Error('unexpected CSP order')
  return { fixed: headers, csp: (script, style) => beforeScript + script + between + style + afterStyle }
}

/**
 * Strict headers with a per-request CSP nonce, and rate limits. Pages carry no inline script or style
 * except the GOV.UK template's one-line script, which gets the nonce.
 */
export default fp(
  async (app, options: { requestsPerMinute: number }) => {
    const headers = securityHeaders()
    app.decorateReply('cspNonce', null as unknown as { script: string; style: string })
    // On every response, as @fastify/helmet did: pages, errors and files alike.
    app.addHook('onRequest', (_request, reply, done) => {
      const random = randomBytes(32).toString('hex')
      const nonce = { script: random.slice(0, 32), style: random.slice(32) }
      reply.cspNonce = nonce
      reply.headers(headers.fixed)
      reply.header('content-security-policy', headers.csp(nonce.script, nonce.style))
      done()
    })
    await app.register(rateLimit, {
      global: true,
      max: options.requestsPerMinute,
      timeWindow: '1 minute',
      // Static files are cheap and a page pulls several: don't let them exhaust the allowance.
      allowList: (request) => request.url.startsWith('/assets/') || request.url.startsWith('/govuk/'),
    })

    // Signed-in pages must not be kept by the browser or a proxy: a shared computer's back button
    // should not show a child's record after sign-out.
    app.addHook('onSend', async (request, reply) => {
      if (!reply.hasHeader('cache-control') || request.user) reply.header('cache-control', 'no-store')
    })
  },
  { name: 'hearth-security', dependencies: ['hearth-session'] },
)
