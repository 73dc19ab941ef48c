import type { Actor, CurrentUser } from '../auth/current-user.ts'
import type { Permission } from '../auth/roles.ts'
import type { ActiveSession } from '../auth/sessions.ts'
import type { Config } from '../config/config.ts'
import type { Database } from '../db/client.ts'

// What every route declares about itself. The authorisation plugin refuses to register a route that
// declares neither a permission nor `public: true`.
export interface RouteAccess {
  /** Needed to reach the route at all (roles.ts). */
  permission?: Permission
  /** Reachable without signing in (sign-in page, health check, assets). */
  public?: boolean
  /**
   * The route shows or changes one person's record, named by this route parameter: the user must be
   * allowed to see that record (record-access.ts), and a GET is written to the access log as a view.
   */
  record?: { param: string }
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}

  interface FastifyInstance {
    config: Config
    database: Database
    /** Every route with what it declared about access (for tests and the permissions page). */
    routeAccess: readonly { method: string; url: string; access: RouteAccess }[]
    /** Compiles every route schema not yet compiled (they compile on first use); returns how many. */
    compileSchemas(): number
  }

  interface FastifyReply {
    /** Values every template sees (see web/page-locals.ts); @fastify/view merges them into each render. */
    locals?: Record<string, unknown>
  }

  interface FastifyRequest {
    user: CurrentUser | null
    activeSession: ActiveSession | null
    /** Set when the cookie named a session that has timed out: lets a posted form be kept as a draft. */
    expiredSession: { idHash: string; userId: number } | null
    /** The user, where they came from and the request's correlation id, for the audit trails. */
    actor(): Actor
  }
}
