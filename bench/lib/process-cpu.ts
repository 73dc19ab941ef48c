// CPU time of a PostgreSQL server (postmaster and every backend, living or gone) from /proc, so a benchmark
// can count the database's share of the work and not only the Node process's. Linux only.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const TICK_MS = 10 // CLK_TCK is 100 on Linux x86-64 and arm64

interface Stat {
  ppid: number
  ownMs: number
  reapedChildrenMs: number
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    const n = (i: number) => Number(fields[i - 3])
    return { ppid: n(4), ownMs: (n(14) + n(15)) * TICK_MS, reapedChildrenMs: (n(16) + n(17)) * TICK_MS }
  } catch {
    return null
  }
}

/** Returns a function giving the server's CPU milliseconds so far, or null where /proc cannot tell. */
export async function postgresCpuMeter(url: string): Promise<(() => number) | null> {
  if (process.platform !== 'linux') return null
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let dataDir: string
  try {
    dataDir = (await client.query<{ data_directory: string }>('show data_directory')).rows[0]!.data_directory
  } finally {
    await client.end()
  }
  let postmaster: number
  try {
    postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return null
  }
  if (!readStat(postmaster)) return null
  return () => {
    const main = readStat(postmaster)
    let total = main ? main.ownMs + main.reapedChildrenMs : 0
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      const stat = readStat(Number(entry))
      if (stat?.ppid === postmaster) total += stat.ownMs + stat.reapedChildrenMs
    }
    return total
  }
}

/** CPU milliseconds a living process has used so far (all its threads), or null where /proc cannot tell. */
export function processCpuMs(pid: number | undefined): number | null {
  if (process.platform !== 'linux' || pid === undefined) return null
  const stat = readStat(pid)
  return stat ? stat.ownMs : null
}
