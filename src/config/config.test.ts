import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('starts with safe defaults and no environment', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.databaseUrl).toBeUndefined()
    expect(config.secureCookies).toBe(true)
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('lists every problem in one clear message', () => {
    let error: unknown
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HEARTH_SECURE_COOKIES: 'maybe' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const { problems } = error as ConfigError
    expect(problems).toHaveLength(3)
    expect(problems.some((p) => p.includes('PORT must be a whole number'))).toBe(true)
    expect((error as Error).message).toContain('DATABASE_URL must be a postgres://')
  })

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HEARTH_SESSION_SECRET must be set/)
    expect(() => loadConfig({ NODE_ENV: 'production', HEARTH_SESSION_SECRET: 'x'.repeat(40) })).not.toThrow()
  })
})
