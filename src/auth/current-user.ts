import type { Role } from './roles.ts'

/** The signed-in user, as every plugin, handler and service sees them. */
export interface CurrentUser {
  readonly id: number
  readonly username: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly workerId: number | null
  readonly teamId: number | null
}

/** Who did something and from where: passed to services so the audit trails can say so. */
export interface Actor {
  readonly user: CurrentUser
  readonly ip: string | null
  readonly correlationId: string
}
