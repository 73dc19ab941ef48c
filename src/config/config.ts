import { randomBytes } from 'node:crypto'
import path from 'node:path'

// The only module that reads process.env. Everything else receives a frozen Config.

export interface Config {
  readonly env: 'development' | 'test' | 'production'
  readonly host: string
  readonly port: number
  /** A PostgreSQL server; when absent Hearth runs on embedded PGlite in dataDir. */
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  readonly sessionSecret: string
  readonly sessionIdleMinutes: number
  readonly sessionMaxHours: number
  /** Cookies are Secure unless explicitly turned off (plain HTTP on a host other than localhost). */
  readonly secureCookies: boolean
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Seed a demonstration authority into an empty database at start. */
  readonly seedDemo: boolean
  readonly signInLockout: { readonly attempts: number; readonly minutes: number }
  /** Requests allowed per client address per minute across Hearth (429 beyond). */
  readonly requestsPerMinute: number
  /** Sign-in attempts allowed per client address per minute, before any account lockout. */
  readonly signInRatePerMinute: number
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(
      `Hearth cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.problems = problems
  }
}

type Env = Record<string, string | undefined>

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = []
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (it is "${raw}")`)
      return fallback
    }
    return value
  }
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false
    problems.push(`${name} must be true or false (it is "${raw}")`)
    return fallback
  }

  const nodeEnv = env.NODE_ENV ?? 'development'
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (it is "${nodeEnv}")`)
  }
  const databaseUrl = env.DATABASE_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string')
  }
  let sessionSecret = env.HEARTH_SESSION_SECRET ?? ''
  if (sessionSecret === '') {
    if (nodeEnv === 'production')
      problems.push('HEARTH_SESSION_SECRET must be set in production (32+ characters)')
    // Development and tests get a fresh secret per process: sessions are in the database, so the secret
    // only signs the CSRF cookie and a restart simply asks for a new token.
    sessionSecret = randomBytes(32).toString('hex')
  } else if (sessionSecret.length < 32) {
    problems.push('HEARTH_SESSION_SECRET must be at least 32 characters long')
  }
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (it is "${logLevel}")`,
    )
  }

  const config: Config = {
    env: nodeEnv as Config['env'],
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(env.HEARTH_DATA_DIR || 'data'),
    sessionSecret,
    sessionIdleMinutes: int('HEARTH_SESSION_IDLE_MINUTES', 30, 2, 24 * 60),
    sessionMaxHours: int('HEARTH_SESSION_MAX_HOURS', 12, 1, 24 * 7),
    secureCookies: bool('HEARTH_SECURE_COOKIES', true),
    logLevel: logLevel as Config['logLevel'],
    seedDemo: bool('HEARTH_SEED_DEMO', true),
    signInLockout: {
      attempts: int('HEARTH_LOCKOUT_ATTEMPTS', 5, 1, 100),
      minutes: int('HEARTH_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    },
    requestsPerMinute: int('HEARTH_RATE_LIMIT_PER_MINUTE', 600, 10, 10_000_000),
    signInRatePerMinute: int('HEARTH_SIGN_IN_RATE_PER_MINUTE', 10, 1, 100_000),
    ...overrides,
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze(config)
}
