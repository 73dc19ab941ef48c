// A throwaway PostgreSQL server for tests: its own data dir in a temp dir, on a free loopback port.
// PostgreSQL refuses to run as root, so as root every server binary runs as the `postgres` OS user.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface ThrowawayPostgres {
  /** The fresh, empty `hearth` database, user `app` (superuser, no password). */
  url: string
  /** The `postgres` maintenance database on the same server, for creating and dropping databases. */
  adminUrl: string
  stop(): Promise<void>
}

const MIN_MAJOR = 15
const DIR_PREFIX = 'hearth-pg-'
const isRoot = process.getuid?.() === 0

/** The directory holding initdb, pg_ctl and postgres (version 15 or newer), or null when none is installed. */
export function findPostgresBinaries(): string | null {
  const fromEnv = process.env.HEARTH_PG_BINDIR
  if (fromEnv) return hasServerBinaries(fromEnv) ? fromEnv : null

  // Debian keeps each major version side by side: take the newest.
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .map(Number)
      .filter((major) => Number.isInteger(major) && major >= MIN_MAJOR)
      .sort((a, b) => b - a)
    for (const major of majors) {
      const dir = join(root, String(major), 'bin')
      if (hasServerBinaries(dir)) return dir
    }
  }

  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    const version = execFileSync('pg_config', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const major = Number(/PostgreSQL (\d+)/.exec(version)?.[1])
    if (major >= MIN_MAJOR && hasServerBinaries(dir)) return dir
  } catch {
    // No pg_config on the PATH.
  }
  return null
}

function hasServerBinaries(dir: string): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name)))
}

// Servers still running, stopped synchronously if the process exits without calling stop().
const running = new Map<string, { bindir: string; dir: string }>()
let exitHooksInstalled = false

export async function startThrowawayPostgres(opts: { fsync?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bindir = findPostgresBinaries()
  if (!bindir) {
    throw new Error(
      `No PostgreSQL ${MIN_MAJOR}+ server binaries found (looked in /usr/lib/postgresql/*/bin and pg_config --bindir). ` +
        'Install them with: apt-get install postgresql',
    )
  }
  installExitHooks()
  sweepAbandonedServers()

  // As root the dir must be reachable by `postgres`, so keep it under /tmp rather than a private TMPDIR.
  const base = process.env.HEARTH_PG_TMPDIR ?? (isRoot ? '/tmp' : tmpdir())
  const dir = await mkdtemp(join(base, DIR_PREFIX))
  const dataDir = join(dir, 'data')
  const socketDir = join(dir, 'sock')
  await mkdir(socketDir)
  await writeFile(join(dir, 'owner.pid'), String(process.pid))
  if (isRoot) {
    const { uid, gid } = postgresUser()
    await chown(dir, uid, gid)
    await chown(socketDir, uid, gid)
  }
  running.set(dir, { bindir, dir })

  try {
    const initdbArgs = ['-D', dataDir, '-U', 'app', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']
    if (!opts.fsync) initdbArgs.push('--no-sync')
    await run(bindir, 'initdb', initdbArgs, dir)

    const settings = [`listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${socketDir}'`]
    // Tests never need durability; these make every commit much cheaper.
    if (!opts.fsync) settings.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off')
    const conf = `${settings.join('\n')}\n`
    await writeFile(join(dataDir, 'postgresql.auto.conf'), conf)

    // The port is picked before the server binds it, so another process can take it in between: retry.
    let port = 0
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      try {
        await run(
          bindir,
          'pg_ctl',
          ['start', '-w', '-t', '60', '-D', dataDir, '-l', join(dir, 'server.log'), '-o', `-p ${port}`],
          dir,
        )
        break
      } catch (error) {
        const failure = withLog(error, join(dir, 'server.log'))
        if (attempt >= 3 || !/already in use|could not create any TCP\/IP sockets/i.test(failure.message))
          throw failure
      }
    }

    const adminUrl = `postgres://app@127.0.0.1:${port}/postgres`
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query('create database hearth')
    } finally {
      await client.end()
    }

    let stopped: Promise<void> | undefined
    return {
      url: `postgres://app@127.0.0.1:${port}/hearth`,
      adminUrl,
      stop: () => {
        stopped ??= stopServer(bindir, dir)
        return stopped
      },
    }
  } catch (error) {
    await stopServer(bindir, dir)
    throw error
  }
}

async function stopServer(bindir: string, dir: string): Promise<void> {
  running.delete(dir)
  const dataDir = join(dir, 'data')
  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    // Immediate mode: the data is thrown away anyway, so skip the shutdown checkpoint.
    await run(bindir, 'pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', dataDir], dir).catch(() => {})
  }
  await rm(dir, { recursive: true, force: true })
}

function stopServerSync(bindir: string, dir: string): void {
  const dataDir = join(dir, 'data')
  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    const [command, args] = asServerUser(join(bindir, 'pg_ctl'), [
      'stop',
      '-w',
      '-m',
      'immediate',
      '-D',
      dataDir,
    ])
    try {
      execFileSync(command, args, { cwd: dir, stdio: 'ignore', timeout: 30_000 })
    } catch {
      // Already gone.
    }
  }
  rmSync(dir, { recursive: true, force: true })
}

function installExitHooks(): void {
  if (exitHooksInstalled) return
  exitHooksInstalled = true
  const cleanUp = () => {
    for (const { bindir, dir } of running.values()) stopServerSync(bindir, dir)
    running.clear()
  }
  process.on('exit', cleanUp)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanUp()
      // When nothing else handles the signal, die of it as the default action would have.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal)
        process.kill(process.pid, signal)
      }
    }
    process.on(signal, onSignal)
  }
}

// A run killed outright (SIGKILL, OOM) cannot clean up after itself: the next start stops what it left.
function sweepAbandonedServers(): void {
  const bases = new Set([tmpdir(), '/tmp', process.env.HEARTH_PG_TMPDIR].filter((d): d is string => !!d))
  for (const base of bases) {
    let entries: string[]
    try {
      entries = readdirSync(base).filter((name) => name.startsWith(DIR_PREFIX))
    } catch {
      continue
    }
    for (const name of entries) {
      const dir = join(base, name)
      try {
        const owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'))
        if (owner && isAlive(owner)) continue
      } catch {
        continue // Not ours, or still being set up.
      }
      const bindir = findPostgresBinaries()
      if (bindir) stopServerSync(bindir, dir)
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(
      execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(),
    )
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    throw new Error(
      'Running as root, but there is no `postgres` OS user to run PostgreSQL as (apt-get install postgresql creates it)',
    )
  }
}

function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

function run(bindir: string, name: string, args: string[], cwd: string): Promise<void> {
  const [command, fullArgs] = asServerUser(join(bindir, name), args)
  return new Promise((resolve, reject) => {
    // pg_ctl -l sends the server's output to the log file, so these pipes close once pg_ctl itself exits.
    const child = spawn(command, fullArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else
        reject(new Error(`${name} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`))
    })
  })
}

function withLog(error: unknown, logFile: string): Error {
  let log = ''
  try {
    log = readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n')
  } catch {
    // No log written.
  }
  const message = error instanceof Error ? error.message : String(error)
  return new Error(log ? `${message}\nserver.log:\n${log}` : message)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
