import { afterEach, describe, expect, it, vi } from 'vitest'
import { cachedFlags, changeEnded, changeStarted } from './cache.ts'

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
    await Promise.resolve()
    expect(computed).toBe(2)
    expect(await cachedFlags(owner, 'team', compute)).toBe(2)
    // A change still forgets it at once, however fresh.
    changeStarted()
    changeEnded()
    expect(await cachedFlags(owner, 'team', compute)).toBe(3)
  })
})
