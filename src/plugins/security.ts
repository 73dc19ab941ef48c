import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'

/**
 * Strict headers with a per-request CSP nonce, and rate limits. Pages carry no inline script or style
 * except the GOV.UK template's one-line script, which gets the nonce.
 */
export default fp(
  async (app, options: { requestsPerMinute: number }) => {
    await app.register(helmet, {
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
