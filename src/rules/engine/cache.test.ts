import { afterEach, describe, expect, it, vi } from 'vitest'
import { cachedFlags, changeEnded, changeStarted, forgetCachedFlags, peekCachedFlags } from './cache.ts'

describe('cached flags', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers from the cache until a change starts, then works the value out again', async () => {
    const owner = {}
    let computed = 0
    const compute = async () => ++computed
    expect(await cachedFlags(owner, 'team', compute)).toBe(1)
    expect(await cachedFlags(owner, 'team', compute)).toBe(1)
    changeStarted()
    expect(await cachedFlags(owner, 'team', compute)).toBe(2) // a change is under way: never cached
    changeEnded()
    expect(await cachedFlags(owner, 'team', compute)).toBe(3)
    expect(await cachedFlags(owner, 'team', compute)).toBe(3)
  })

  it('past its time limit, answers with the old value once while the new one is worked out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const owner = {}
    let computed = 0
    const compute = async () => ++computed
    expect(await cachedFlags(owner, 'team', compute)).toBe(1)
    vi.setSystemTime(Date.now() + 61_000)
    expect(await cachedFlags(owner, 'team', compute)).toBe(1)
    expect(computed).toBe(2) // the refresh starts at once
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cachedFlags(owner, 'team', compute)).toBe(2)
    expect(computed).toBe(2)
    // A change still forgets it at once, however fresh.
    changeStarted()
    changeEnded()
    expect(await cachedFlags(owner, 'team', compute)).toBe(3)
  })

  it('tells the computation whether someone waits for it or it is a refresh in the background', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const owner = {}
    const calls: boolean[] = []
    const compute = async ({ background }: { background: boolean }) => {
      calls.push(background)
      return calls.length
    }
    await cachedFlags(owner, 'k', compute)
    vi.setSystemTime(Date.now() + 61_000)
    await cachedFlags(owner, 'k', compute) // past its time: the old value, and a refresh behind it
    changeStarted()
    await cachedFlags(owner, 'k', compute) // during a change: worked out for this caller
    changeEnded()
    expect(calls).toEqual([false, true, false])
  })

  it('peeks at what it would answer at once, refreshing behind a value past its time, never waiting', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const owner = {}
    let refreshed = 0
    const refresh = async () => 100 + ++refreshed
    expect(peekCachedFlags(owner, 'k', refresh)).toBeUndefined() // nothing there: nothing worked out
    expect(refreshed).toBe(0)
    let resolve!: (n: number) => void
    const pending = cachedFlags(owner, 'k', () => new Promise<number>((r) => (resolve = r)))
    expect(peekCachedFlags(owner, 'k', refresh)).toBeUndefined() // not yet worked out
    resolve(7)
    await pending
    expect(peekCachedFlags(owner, 'k', refresh)).toBe(7)
    expect(peekCachedFlags({}, 'k', refresh)).toBeUndefined() // per owner
    changeStarted()
    expect(peekCachedFlags(owner, 'k', refresh)).toBeUndefined() // a change under way
    changeEnded()
    expect(peekCachedFlags(owner, 'k', refresh)).toBeUndefined() // and made since
    expect(refreshed).toBe(0)
    await cachedFlags(owner, 'k', async () => 8)
    vi.setSystemTime(Date.now() + 61_000)
    expect(peekCachedFlags(owner, 'k', refresh)).toBe(8) // past its time: the old value, refreshed behind
    expect(peekCachedFlags(owner, 'k', refresh)).toBe(8) // one refresh at a time
    await vi.waitFor(() => expect(peekCachedFlags(owner, 'k', refresh)).toBe(101))
    expect(refreshed).toBe(1)
    forgetCachedFlags()
    expect(peekCachedFlags(owner, 'k', refresh)).toBeUndefined()
  })

  it('works out at most two refreshes at once, and drops one a change has overtaken', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const owner = {}
    const keys = ['a', 'b', 'c', 'd']
    for (const key of keys) await cachedFlags(owner, key, async () => `${key}0`)
    vi.setSystemTime(Date.now() + 61_000)
    let running = 0
    let most = 0
    const finish: (() => void)[] = []
    const started: string[] = []
    const slow = (key: string) => () => {
      started.push(key)
      running++
      most = Math.max(most, running)
      return new Promise<string>((resolve) =>
        finish.push(() => {
          running--
          resolve(`${key}1`)
        }),
      )
    }
    for (const key of keys) expect(await cachedFlags(owner, key, slow(key))).toBe(`${key}0`)
    expect(started).toEqual(['a', 'b'])
    finish.shift()!()
    await vi.waitFor(() => expect(started).toEqual(['a', 'b', 'c']))
    expect(await cachedFlags(owner, 'a', slow('a'))).toBe('a1') // the refreshed value, kept
    // A change while 'd' waits its turn: it is never worked out, and its old value no longer counts.
    changeStarted()
    changeEnded()
    finish.shift()!()
    finish.shift()!()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(started).toEqual(['a', 'b', 'c'])
    expect(most).toBe(2)
    expect(await cachedFlags(owner, 'd', async () => 'd2')).toBe('d2')
  })

  it('keeps answers for between 80 % and all of the time limit, so they are not all refreshed at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const owner = {}
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`)
    for (const key of keys) await cachedFlags(owner, key, async () => 0)
    const refreshedBy = async (ms: number) => {
      vi.setSystemTime(start + ms)
      let n = 0
      for (const key of keys) await cachedFlags(owner, key, async () => ++n)
      return n
    }
    const start = Date.now()
    expect(await refreshedBy(47_000)).toBe(0) // none before 80 % of the minute
    const some = await refreshedBy(55_000)
    expect(some).toBeGreaterThan(0) // some by then (40 at random: all after 55 s is about 1 in 10^12)
    expect(some).toBeLessThan(keys.length)
  })
})
