import { existsSync, readFileSync } from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// Start-up time: Node 24, resolving each ES module file, finds and decodes the package.json that decides
// whether a `.js` file is ESM, again for every file. drizzle-orm's package.json is 180 kB and it has a
// hundred files, so importing it costs over half a second of CPU, nearly all of it in that decoding.
// A relative import inside an installed package needs none of Node's search: the file is the URL the
// specifier names, and its format follows from its extension and the nearest package.json, read here once
// per folder. Everything else (bare names, our own files, anything unusual) goes to Node as before.

const NODE_MODULES = `${path.sep}node_modules${path.sep}`
const typeOfFolder = new Map<string, 'module' | 'commonjs'>()

/** The "type" of the nearest package.json above `folder`, as Node reads it (absent means commonjs). */
function packageType(folder: string): 'module' | 'commonjs' {
  const known = typeOfFolder.get(folder)
  if (known) return known
  let type: 'module' | 'commonjs'
  let text: string | undefined
  try {
    text = readFileSync(path.join(folder, 'package.json'), 'utf8')
  } catch {
    text = undefined
  }
  if (text !== undefined) {
    const match = /"type"\s*:\s*"(module|commonjs)"/.exec(text)
    // Only the top-level "type" counts; parse when the quick look is not conclusive.
    type = match
      ? (JSON.parse(text) as { type?: string }).type === 'module'
        ? 'module'
        : 'commonjs'
      : 'commonjs'
  } else {
    const parent = path.dirname(folder)
    type = parent === folder ? 'commonjs' : packageType(parent)
  }
  typeOfFolder.set(folder, type)
  return type
}

/**
 * The URL and format of a relative `.js`/`.mjs` import made by an ES module inside node_modules, or null
 * to let Node resolve it. Exported for the test that compares it with Node's own answers.
 */
export function quickResolve(
  specifier: string,
  parentURL: string | undefined,
): { url: string; format: 'module' | 'commonjs' } | null {
  if (!parentURL?.startsWith('file:') || !(specifier.startsWith('./') || specifier.startsWith('../')))
    return null
  if (!(specifier.endsWith('.js') || specifier.endsWith('.mjs')) || /[?#%\\]/.test(specifier)) return null
  const parentPath = fileURLToPath(parentURL)
  if (!parentPath.includes(NODE_MODULES)) return null
  const file = path.resolve(path.dirname(parentPath), specifier)
  if (!file.includes(NODE_MODULES)) return null
  const format = file.endsWith('.mjs') ? 'module' : packageType(path.dirname(file))
  return { url: pathToFileURL(file).href, format }
}

type ResolveResult = module.ResolveFnOutput
type ResolveContext = module.ResolveHookContext
type NextResolve = (specifier: string, context?: Partial<ResolveContext>) => ResolveResult

/** The folder of the nearest package.json above a file: every file under it resolves a bare name alike. */
const scopeOfFolder = new Map<string, string>()
function scopeOf(folder: string): string {
  const known = scopeOfFolder.get(folder)
  if (known !== undefined) return known
  const parent = path.dirname(folder)
  const scope = existsSync(path.join(folder, 'package.json')) || parent === folder ? folder : scopeOf(parent)
  scopeOfFolder.set(folder, scope)
  return scope
}

/**
 * A resolve hook: relative imports inside packages by quickResolve, and a package name imported from many
 * files (drizzle-orm from every service) resolved by Node once per importing package, not once per file.
 */
export function createResolveHook() {
  const bare = new Map<string, ResolveResult>()
  return (specifier: string, context: ResolveContext, nextResolve: NextResolve): ResolveResult => {
    const quick = quickResolve(specifier, context.parentURL)
    // A package's CommonJS files are left to Node: require() has its own rules.
    if (quick && quick.format === 'module') return { ...quick, shortCircuit: true }
    const parent = context.parentURL
    if (!parent?.startsWith('file:') || !/^[@a-zA-Z0-9_]/.test(specifier) || specifier.includes(':'))
      return nextResolve(specifier, context)
    const key = `${scopeOf(path.dirname(fileURLToPath(parent)))}\0${specifier}\0${context.conditions?.join(',')}\0${JSON.stringify(context.importAttributes ?? {})}`
    const known = bare.get(key)
    if (known) return known
    const resolved = nextResolve(specifier, context)
    bare.set(key, { url: resolved.url, format: resolved.format, shortCircuit: true })
    return resolved
  }
}

/** Installs the shortcuts for this process (server start only; tests and tools resolve as Node does). */
export function installQuickResolve(): void {
  if (typeof module.registerHooks !== 'function') return
  const hook = createResolveHook()
  module.registerHooks({
    resolve: (specifier, context, nextResolve) => hook(specifier, context, nextResolve),
  })
}
