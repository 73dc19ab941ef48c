import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

// Fastify compiles every route's request validators (Ajv) and response serialisers (fast-json-stringify)
// before it listens: over a second of CPU at each start for the API's schemas, most of them for routes a
// given run never calls. These compiler factories wrap Fastify's own and compile a route's schema on its
// first request instead. `compileAll()` compiles whatever is still pending, so a test can prove that every
// schema compiles without waiting for a request to each route.

// Fastify's own compilers, resolved from Fastify's package so the versions are the ones it was built with.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))

interface ValidatorRoute {
  schema: unknown
  method: string
  url: string
  httpPart?: string
  [key: string]: unknown
}
interface SerializerRoute {
  schema: unknown
  method: string
  url: string
  httpStatus: string
  [key: string]: unknown
}
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown }
type Serialize = (data: unknown) => string
type ValidatorFactory = (externalSchemas: unknown, options: unknown) => (route: ValidatorRoute) => Validate
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: SerializerRoute) => Serialize

// Loaded, and their Ajv instance made, only when a first schema is compiled.
const ajvCompiler = () => (fromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)()
const serializerCompiler = () =>
  (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)()

/**
 * Node gives header names in lower case; Fastify lowers a header schema's property names to match unless
 * the compiler is a custom one, which these wrappers make it. Do the same here.
 */
function lowerCaseHeaders(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const s = schema as { properties?: Record<string, unknown>; required?: unknown }
  return {
    ...s,
    ...(s.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(s.properties).map(([key, value]) => [key.toLowerCase(), value]),
          ),
        }
      : {}),
    ...(Array.isArray(s.required)
      ? { required: s.required.map((key) => (typeof key === 'string' ? key.toLowerCase() : key)) }
      : {}),
  }
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>

export interface LazySchemas {
  compilersFactory: CompilersFactory
  /** Compiles every schema not yet compiled; throws the first failure with its route. Returns how many. */
  compileAll(): number
}

export function lazySchemas(): LazySchemas {
  const pending = new Set<() => void>()
  let buildValidator: ValidatorFactory | undefined
  let buildSerializer: SerializerFactory | undefined

  const compilersFactory: { buildValidator: ValidatorFactory; buildSerializer: SerializerFactory } = {
    buildValidator: (externalSchemas, options) => {
      let compiler: ReturnType<ValidatorFactory> | undefined
      const compile = (route: ValidatorRoute) => {
        buildValidator ??= ajvCompiler()
        compiler ??= buildValidator(externalSchemas, options)
        return compiler(route)
      }
      return (route) => {
        const target =
          route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route
        let compiled: Validate | undefined
        const build = () => {
          if (compiled) return compiled
          try {
            compiled = compile(target)
          } catch (error) {
            throw new Error(
              `Cannot compile the ${route.httpPart ?? 'request'} schema of ${route.method} ${route.url}: ${(error as Error).message}`,
            )
          }
          pending.delete(build)
          return compiled
        }
        pending.add(build)
        const validate: Validate = (data, context) => {
          const fn = compiled ?? build()
          const result = fn(data, context)
          validate.errors = fn.errors
          return result
        }
        // Fastify passes Ajv's data context (so a coerced or defaulted root value sticks) only to a
        // function that looks like Ajv's.
        validate.schemaEnv = true
        return validate
      }
    },
    buildSerializer: (externalSchemas, options) => {
      let compiler: ReturnType<SerializerFactory> | undefined
      const compile = (route: SerializerRoute) => {
        buildSerializer ??= serializerCompiler()
        compiler ??= buildSerializer(externalSchemas, options)
        return compiler(route)
      }
      return (route) => {
        let compiled: Serialize | undefined
        const build = () => {
          if (compiled) return compiled
          try {
            compiled = compile(route)
          } catch (error) {
            throw new Error(
              `Cannot compile the ${route.httpStatus} response schema of ${route.method} ${route.url}: ${(error as Error).message}`,
            )
          }
          pending.delete(build)
          return compiled
        }
        pending.add(build)
        return (data) => (compiled ?? build())(data)
      }
    },
  }
  return {
    // Fastify's types for these describe the compilers' own option types; the wrappers pass them through.
    compilersFactory: compilersFactory as unknown as CompilersFactory,
    compileAll() {
      const all = [...pending]
      for (const build of all) build()
      return all.length
    },
  }
}
