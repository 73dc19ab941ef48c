import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import helmet from '@fastify/helmet'
import { sql } from 'drizzle-orm'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, queryRows } from '../../../src/db/client.ts'
import { migrateDatabase, migrationsFolder } from '../../../src/db/migrate.ts'
import { quickResolve } from '../../../src/plugins/module-resolution.ts'
import { HELMET_OPTIONS } from '../../../src/plugins/security.ts'
import { buildTestApp, type TestApp } from '../../support/app.ts'

// What makes Hearth start and answer faster must not change what it does: the same modules, the same
// schemas, the same security headers.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

describe('module resolution shortcut', () => {
  it('resolves every import it answers itself exactly as Node does', async () => {
    // A separate Node process loads the whole app with a hook that asks both and compares.
    const script = `
      import module from 'node:module'
      import { createResolveHook } from './src/plugins/module-resolution.ts'
      const hook = createResolveHook()
      let quick = 0
      const wrong = []
      module.registerHooks({
        resolve(specifier, context, nextResolve) {
          const node = nextResolve(specifier, context)
          let askedNode = false
          const mine = hook(specifier, context, () => {
            askedNode = true
            return node
          })
          if (!askedNode) {
            quick++
            if (mine.url !== node.url || mine.format !== node.format)
              wrong.push({ specifier, parent: context.parentURL, mine, node: { url: node.url, format: node.format } })
          }
          return node
        },
      })
      await import('./src/app.ts')
      console.log(JSON.stringify({ quick, wrong: wrong.slice(0, 5), wrongCount: wrong.length }))
    `
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: root, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } },
    )
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      quick: number
      wrong: unknown[]
      wrongCount: number
    }
    expect(result.wrong).toEqual([])
    expect(result.wrongCount).toBe(0)
    // drizzle-orm alone has a hundred files reached this way, and most services import it by name.
    expect(result.quick).toBeGreaterThan(500)
  }, 120_000)

  it('leaves bare names, our own files and files outside packages to Node', () => {
    const parent = `file://${root}/node_modules/drizzle-orm/index.js`
    expect(quickResolve('./sql/index.js', parent)).toEqual({
      url: `file://${root}/node_modules/drizzle-orm/sql/index.js`,
      format: 'module',
    })
    expect(quickResolve('drizzle-orm', parent)).toBeNull()
    expect(quickResolve('./sql/index.ts', parent)).toBeNull()
    expect(quickResolve('./x.js?v=1', parent)).toBeNull()
    expect(quickResolve('./db/client.ts', `file://${root}/src/app.ts`)).toBeNull()
    expect(quickResolve('./app.js', `file://${root}/src/server.js`)).toBeNull()
    expect(quickResolve('../../../../outside.js', parent)).toBeNull()
    expect(quickResolve('./x.js', undefined)).toBeNull()
  })
})

describe('route schemas compiled on first use', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp()
  })
  afterAll(async () => {
    await t.close()
  })

  it('every route schema compiles', () => {
    // Each API route has a response schema at least; a schema that cannot compile throws here.
    expect(t.app.compileSchemas()).toBeGreaterThan(20)
    expect(t.app.compileSchemas()).toBe(0)
  })

  it('still refuses bad input with the validation messages, and still serialises by the schema', async () => {
    const client = await t.signedIn('socialworker')
    const bad = await client.get('/api/v1/children?name=x')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json().errors).toEqual([expect.objectContaining({ pointer: '/name' })])
    // A child on the social worker's caseload, found by family name.
    const [child] = await queryRows<{ familyName: string }>(
      t.database.db,
      sql`select p.family_name as "familyName" from person p
          join allocation a on a.person_id = p.id and a.ended_on is null
          join user_account u on u.worker_id = a.worker_id and u.username = 'socialworker' limit 1`,
    )
    expect(child).toBeDefined()
    const good = await client.get(`/api/v1/children?name=${encodeURIComponent(child!.familyName)}`)
    expect(good.statusCode).toBe(200)
    const rows = good.json() as Record<string, unknown>[]
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual(['dateOfBirth', 'familyName', 'givenName', 'id'])
  })
})

describe('security headers worked out once', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp()
  })
  afterAll(async () => {
    await t.close()
  })

  /** Headers that helmet writes, with the nonces blanked. */
  function helmetShaped(headers: Record<string, unknown>, names: string[]) {
    return Object.fromEntries(
      names.map((name) => [name, String(headers[name]).replace(/'nonce-[0-9a-f]+'/g, "'nonce-…'")]),
    )
  }

  it('are the headers @fastify/helmet sends for the same options, with fresh nonces', async () => {
    const reference = Fastify()
    await reference.register(helmet, HELMET_OPTIONS)
    reference.get('/', async () => 'ok')
    const theirs = await reference.inject({ method: 'GET', url: '/' })
    await reference.close()
    const names = Object.keys(theirs.headers).filter(
      (name) => !['content-type', 'content-length', 'date', 'connection'].includes(name),
    )
    expect(names).toContain('content-security-policy')
    expect(names.length).toBeGreaterThan(10)

    for (const url of ['/sign-in', '/no-such-page', '/health']) {
      const first = await t.app.inject({ method: 'GET', url })
      const second = await t.app.inject({ method: 'GET', url })
      expect(helmetShaped(first.headers, names), url).toEqual(helmetShaped(theirs.headers, names))
      const csp = String(first.headers['content-security-policy'])
      expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}'/)
      expect(csp).toMatch(/style-src 'self' 'nonce-[0-9a-f]{32}'/)
      expect(second.headers['content-security-policy']).not.toBe(csp)
    }
  })
})

describe('migrations at start', () => {
  it('applies every migration to a new database, and changes nothing once all are applied', async () => {
    const journal = JSON.parse(
      readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
    ) as {
      entries: { when: number }[]
    }
    const database = await openDatabase({})
    try {
      const applied = () =>
        queryRows<{ n: number; latest: string }>(
          database.db,
          sql`select count(*)::int as n, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
        )
      await migrateDatabase(database)
      const [first] = await applied()
      expect(first?.n).toBe(journal.entries.length)
      expect(Number(first?.latest)).toBe(journal.entries.at(-1)?.when)
      const [person] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from person`)
      expect(person?.n).toBe(0)

      await migrateDatabase(database)
      expect(await applied()).toEqual([first])
    } finally {
      await database.close()
    }
  }, 120_000)
})
