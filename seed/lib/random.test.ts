import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../src/domain/calendar/iso-date.ts'
import { createRandom } from './random.ts'

const draw = (seed: number, n = 20) => {
  const r = createRandom(seed)
  return Array.from({ length: n }, () => r.next())
}

describe('createRandom', () => {
  it('is deterministic: same seed, same stream', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draw(seed)).toEqual(draw(seed))
      }),
      { numRuns: 200 },
    )
  })

  it('is stable across runs and platforms (pinned values)', () => {
    const r = createRandom(42)
    const values = [r.int(1, 1_000_000), r.int(1, 1_000_000), r.int(1, 1_000_000)]
    // If these change, every seeded data set changes: only update them deliberately.
    expect(values).toEqual([279308, 112500, 76268])
    expect(createRandom(42).fork('children').pick(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('c')
  })

  it('gives different streams for different seeds', () => {
    expect(draw(1)).not.toEqual(draw(2))
    expect(draw(0)).not.toEqual(draw(-1))
  })

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError)
    expect(() => createRandom(Number.NaN)).toThrow(RangeError)
  })

  it('next() is in [0, 1) with a plausible mean and spread', () => {
    const r = createRandom(7)
    const n = 100_000
    let sum = 0
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < n; i++) {
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
      sum += x
      buckets[Math.floor(x * 10)]!++
    }
    expect(sum / n).toBeCloseTo(0.5, 2)
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan(600) // ~6 sd
  })
})

describe('int, pick, chance, weighted, shuffle', () => {
  it('int covers [min, max] inclusive and nothing else', () => {
    const r = createRandom(3)
    const seen = new Set<number>()
    for (let i = 0; i < 10_000; i++) seen.add(r.int(-2, 3))
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3])
    expect(r.int(5, 5)).toBe(5)
    expect(() => r.int(3, 2)).toThrow(RangeError)
    expect(() => r.int(0, 1.5)).toThrow(RangeError)
  })

  it('pick is roughly uniform and rejects empty arrays', () => {
    const r = createRandom(4)
    const counts = new Map<string, number>()
    for (let i = 0; i < 40_000; i++) {
      const v = r.pick(['a', 'b', 'c', 'd'])
      counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500)
    expect(() => r.pick([])).toThrow(RangeError)
  })

  it('chance(p) hits about p of the time', () => {
    const r = createRandom(5)
    let hits = 0
    for (let i = 0; i < 50_000; i++) if (r.chance(0.3)) hits++
    expect(hits / 50_000).toBeCloseTo(0.3, 1)
    expect(Array.from({ length: 100 }, () => r.chance(0)).some(Boolean)).toBe(false)
    expect(Array.from({ length: 100 }, () => r.chance(1)).every(Boolean)).toBe(true)
    expect(() => r.chance(1.1)).toThrow(RangeError)
  })

  it('weighted follows the weights and never picks a zero weight', () => {
    const r = createRandom(6)
    const counts = { a: 0, b: 0, c: 0 }
    for (let i = 0; i < 60_000; i++)
      counts[
        r.weighted([
          ['a', 1],
          ['b', 0],
          ['c', 2],
        ] as const)
      ]++
    expect(counts.b).toBe(0)
    expect(counts.c / counts.a).toBeGreaterThan(1.85)
    expect(counts.c / counts.a).toBeLessThan(2.15)
    expect(() => r.weighted([['a', 0]])).toThrow(RangeError)
    expect(() => r.weighted([['a', -1]])).toThrow(RangeError)
    expect(() => r.weighted([])).toThrow(RangeError)
  })

  it('shuffle returns a permutation without changing the input', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
        const copy = [...items]
        const shuffled = createRandom(seed).shuffle(items)
        expect(items).toEqual(copy)
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b))
      }),
    )
  })

  it('shuffle puts each element in each position about equally often', () => {
    const r = createRandom(8)
    const firsts = [0, 0, 0, 0]
    for (let i = 0; i < 40_000; i++) firsts[r.shuffle([0, 1, 2, 3])[0]!]!++
    for (const c of firsts) expect(Math.abs(c - 10_000)).toBeLessThan(500)
  })
})

describe('dateBetween', () => {
  it('stays within the inclusive range and reaches both ends', () => {
    const r = createRandom(9)
    const seen = new Set<string>()
    for (let i = 0; i < 2_000; i++) {
      const d = r.dateBetween('2024-02-27', '2024-03-02')
      expect(isIsoDate(d)).toBe(true)
      expect(d >= '2024-02-27' && d <= '2024-03-02').toBe(true)
      seen.add(d)
    }
    expect([...seen].sort()).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'])
    expect(r.dateBetween('2025-01-01', '2025-01-01')).toBe('2025-01-01')
    expect(() => r.dateBetween('2025-01-02', '2025-01-01')).toThrow(RangeError)
  })
})

describe('fork', () => {
  it('depends only on the parent seed and label, not on draws made from the parent', () => {
    const a = createRandom(10)
    const b = createRandom(10)
    for (let i = 0; i < 17; i++) b.next()
    expect(a.fork('child:1').next()).toBe(b.fork('child:1').next())
  })

  it('gives different streams for different labels, parents and nesting', () => {
    const r = createRandom(11)
    const firsts = new Set<number>()
    for (let i = 0; i < 10_000; i++) firsts.add(r.fork(`child:${i}`).next())
    expect(firsts.size).toBe(10_000)
    expect(r.fork('x').next()).not.toBe(createRandom(12).fork('x').next())
    expect(r.fork('a').fork('b').next()).not.toBe(r.fork('b').fork('a').next())
    expect(r.fork('ab').next()).not.toBe(r.fork('a').fork('b').next())
  })

  it('does not advance the parent', () => {
    const a = createRandom(13)
    const b = createRandom(13)
    a.fork('side')
    expect(a.next()).toBe(b.next())
  })
})

describe('normal', () => {
  it('has the requested mean and standard deviation', () => {
    const r = createRandom(14)
    const n = 50_000
    const xs = Array.from({ length: n }, () => r.normal(100, 15))
    const mean = xs.reduce((s, x) => s + x, 0) / n
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1))
    expect(mean).toBeGreaterThan(99.7)
    expect(mean).toBeLessThan(100.3)
    expect(sd).toBeGreaterThan(14.7)
    expect(sd).toBeLessThan(15.3)
    expect(xs.every(Number.isFinite)).toBe(true)
    // About 68% within one sd
    const within = xs.filter((x) => Math.abs(x - 100) < 15).length / n
    expect(within).toBeGreaterThan(0.67)
    expect(within).toBeLessThan(0.69)
  })
})
