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
  refreshing: boolean
}

/** Longest a cached answer is kept, whatever happens: a bound on staleness for writes made elsewhere. */
const TTL_MS = 60_000
/** Entries kept per cache before the oldest are dropped. */
const MAX_ENTRIES = 200

const caches = new WeakMap<object, Map<string, Entry<unknown>>>()

/**
 * The value for `key` (per database), worked out by `compute` unless a cached one still counts: made since
 * the last change started, with no change under way now, within the TTL. Requests arriving together share
 * one computation. A computation overlapped by a change is answered but not kept.
 */
export function cachedFlags<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  if (changing > 0) return compute()
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
      if (!found.refreshing) {
        found.refreshing = true
        const fresh = start(byKey, key, compute, now, false)
        fresh.value.catch(() => {
          found.refreshing = false
        })
      }
      return found.value
    }
  }
  return start(byKey, key, compute, now, true).value
}

/** Works out a value; `answerNow` entries are stored at once (to share), refreshes once they succeed. */
function start<T>(
  map: Map<string, Entry<unknown>>,
  key: string,
  compute: () => Promise<T>,
  now: number,
  answerNow: boolean,
): Entry<T> {
  const startedAt = generation
  const entry: Entry<T> = {
    generation: startedAt,
    expires: now + TTL_MS,
    value: compute(),
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
    () => {
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

/** Forget every cached answer (after a change made outside a request, or a setting changed). */
export function forgetCachedFlags(): void {
  generation++
}

/** The current generation, for tests. */
export function cacheGeneration(): number {
  return generation
}
