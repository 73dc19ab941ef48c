// Flags may be cached for speed, but a change to the record must show in the very next answer. Every
// request that can change the record (POST, PUT, PATCH, DELETE, on a page or the API) is reported here as
// it starts and as it ends (src/web/routes/worklists/worklists.routes.ts listens for them), and a cached
// answer counts only if no change has started since it was worked out and none is still going on. Anything
// that writes to the record some other way (a script, a test calling services) calls forgetCachedFlags.

/** Bumped whenever a change starts or the cache is forgotten. */
let generation = 0
/** Changes under way (started and not yet answered). */
let changing = 0

/** Something may be about to change the record: cached flags no longer count. */
export function changeStarted(): void {
  generation++
  changing++
}

/** The change has been made (its transaction committed) or refused. */
export function changeEnded(): void {
  generation++
  changing = Math.max(0, changing - 1)
}

interface Entry<T> {
  generation: number
  expires: number
  value: Promise<T>
  settled: boolean
  /** The answer, once settled (for peekCachedFlags). */
  result?: T
  refreshing: boolean
}

/** How a value is being worked out: `background` when no one waits for it (a refresh past its time). */
export interface Computing {
  background: boolean
}

/** Longest a cached answer is kept, whatever happens: a bound on staleness for writes made elsewhere. */
const TTL_MS = 60_000
/**
 * Each answer is kept for between 80 % and all of the time limit, at random, so answers worked out together
 * (fifty managers arriving at nine) are not all refreshed in the same second a minute later.
 */
const ttl = () => TTL_MS * (0.8 + 0.2 * Math.random())
/**
 * Refreshes worked out at once, at most: the rest wait their turn (their old answers are served meanwhile),
 * so a minute's refreshes do not take the database connections the pages being answered need.
 */
const BACKGROUND_AT_ONCE = 2
/** Entries kept per cache before the oldest are dropped. */
const MAX_ENTRIES = 200

const caches = new WeakMap<object, Map<string, Entry<unknown>>>()

/**
 * The value for `key` (per database), worked out by `compute` unless a cached one still counts: made since
 * the last change started, with no change under way now, within the TTL. Requests arriving together share
 * one computation. A computation overlapped by a change is answered but not kept.
 */
export function cachedFlags<T>(
  owner: object,
  key: string,
  compute: (how: Computing) => Promise<T>,
): Promise<T> {
  if (changing > 0) return compute({ background: false })
  let byKey = caches.get(owner)
  if (!byKey) {
    byKey = new Map()
    caches.set(owner, byKey)
  }
  const now = Date.now()
  const found = byKey.get(key) as Entry<T> | undefined
  if (found && found.generation === generation) {
    if (found.expires > now) return found.value
    // Past its time but with no change since: answer with it while a fresh one is worked out, so the
    // once-a-minute refresh does not stall the page (the time limit only bounds writes made outside requests).
    if (found.settled) {
      refreshBehind(byKey, key, found, compute, now)
      return found.value
    }
  }
  return start(byKey, key, compute, now, true).value
}

/** Starts working out a fresh value for an entry past its time, unless that is already under way. */
function refreshBehind<T>(
  byKey: Map<string, Entry<unknown>>,
  key: string,
  found: Entry<T>,
  compute: (how: Computing) => Promise<T>,
  now: number,
): void {
  if (found.refreshing) return
  found.refreshing = true
  const fresh = start(byKey, key, compute, now, false)
  fresh.value.catch(() => {
    found.refreshing = false
  })
}

let backgroundRunning = 0
const backgroundWaiting: (() => void)[] = []

/** Runs a refresh when one of the BACKGROUND_AT_ONCE places is free; skipped if a change began meanwhile. */
function inBackground<T>(startedAt: number, run: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const go = () => {
      if (generation !== startedAt) {
        // The answer would not be kept: the next request works one out for itself.
        reject(new Error('refresh overtaken by a change'))
        backgroundWaiting.shift()?.()
        return
      }
      backgroundRunning++
      new Promise<T>((done) => done(run())).then(resolve, reject).finally(() => {
        backgroundRunning--
        backgroundWaiting.shift()?.()
      })
    }
    if (backgroundRunning < BACKGROUND_AT_ONCE) go()
    else backgroundWaiting.push(go)
  })
}

/** Works out a value; `answerNow` entries are stored at once (to share), refreshes once they succeed. */
function start<T>(
  map: Map<string, Entry<unknown>>,
  key: string,
  compute: (how: Computing) => Promise<T>,
  now: number,
  answerNow: boolean,
): Entry<T> {
  const startedAt = generation
  const entry: Entry<T> = {
    generation: startedAt,
    expires: now + ttl(),
    value: answerNow
      ? compute({ background: false })
      : inBackground(startedAt, () => compute({ background: true })),
    settled: false,
    refreshing: false,
  }
  const store = () => {
    map.delete(key)
    map.set(key, entry)
    if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!)
  }
  if (answerNow) store()
  entry.value.then(
    (result) => {
      entry.result = result
      entry.settled = true
      // A change began while this was being worked out: the answer may predate it, so it is not kept.
      if (generation !== startedAt) {
        if (map.get(key) === entry) map.delete(key)
      } else if (!answerNow) store()
    },
    () => {
      if (map.get(key) === entry) map.delete(key)
    },
  )
  return entry
}

/**
 * What cachedFlags would answer at once for `key`, without ever waiting for a computation: the cached value
 * if it still counts (worked out since the last change started, no change under way), a fresh one being
 * worked out behind it by `refresh` if it is past its time; undefined when there is none. For a caller with
 * a cheaper way of its own than waiting for the whole computation (the count in the navigation).
 */
export function peekCachedFlags<T>(
  owner: object,
  key: string,
  refresh: (how: Computing) => Promise<T>,
): T | undefined {
  if (changing > 0) return undefined
  const byKey = caches.get(owner)
  const found = byKey?.get(key) as Entry<T> | undefined
  if (!byKey || !found?.settled || found.generation !== generation) return undefined
  const now = Date.now()
  if (found.expires <= now) refreshBehind(byKey, key, found, refresh, now)
  return found.result
}

/** Forget every cached answer (after a change made outside a request, or a setting changed). */
export function forgetCachedFlags(): void {
  generation++
}

/** The current generation, for tests. */
export function cacheGeneration(): number {
  return generation
}
