// Seeded PRNG for the synthetic-data generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting
// generator, 128-bit state, passes PractRand), with 53-bit floats. Pure JS integer arithmetic, so the
// same seed gives the same data on every platform and Node version.

import { fromDayNumber, type IsoDate, toDayNumber } from '../../src/domain/calendar/iso-date.ts'

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** Picks a value with probability proportional to its weight (weights >= 0, at least one > 0). */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** A shuffled copy (Fisher-Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[]
  /** Uniform date in [fromIso, toIso], both inclusive. */
  dateBetween(fromIso: IsoDate, toIso: IsoDate): IsoDate
  /**
   * An independent stream derived from this stream's seed and `label` only, so it does not depend on
   * how many values have been drawn here: forking per entity keeps each entity's data stable when
   * other parts of the generator change.
   */
  fork(label: string): Random
  /** Normally distributed float (Box-Muller). */
  normal(mean?: number, sd?: number): number
}

// Two 32-bit halves of a 64-bit key; a 64-bit key keeps forks per entity (100k+) collision-free.
type Key = readonly [number, number]

// cyrb53-style string hash producing two independent 32-bit words, keyed by the parent stream.
function hashLabel(label: string, [k0, k1]: Key): Key {
  let h1 = 0xdeadbeef ^ k0
  let h2 = 0x41c6ce57 ^ k1
  for (let i = 0; i < label.length; i++) {
    const ch = label.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

function sfc32(k0: number, k1: number): () => number {
  let a = k0 | 0
  let b = k1 | 0
  let c = (k0 ^ 0x9e3779b9) | 0
  let d = 1
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 15; i++) step() // mix the seed into the whole state
  return step
}

function fromKey(key: Key): Random {
  const u32 = sfc32(key[0], key[1])
  const next = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`)
    }
    return min + Math.floor(next() * (max - min + 1))
  }

  const random: Random = {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() from an empty array')
      return items[int(0, items.length - 1)]!
    },
    weighted<T>(pairs: readonly (readonly [T, number])[]): T {
      let total = 0
      for (const [, w] of pairs) {
        if (!(w >= 0) || !Number.isFinite(w))
          throw new RangeError(`weighted() weight must be finite and >= 0, got ${w}`)
        total += w
      }
      if (total <= 0) throw new RangeError('weighted() needs at least one positive weight')
      let r = next() * total
      for (const [value, w] of pairs) {
        if (r < w) return value
        r -= w
      }
      // Floating-point rounding can leave r just above the last bucket: return the last positive weight.
      return pairs.findLast(([, w]) => w > 0)![0]
    },
    chance(p: number): boolean {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`chance() needs 0 <= p <= 1, got ${p}`)
      return next() < p
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy
    },
    dateBetween(fromIso: IsoDate, toIso: IsoDate): IsoDate {
      const from = toDayNumber(fromIso)
      const to = toDayNumber(toIso)
      if (to < from) throw new RangeError(`dateBetween(${fromIso}, ${toIso}): end is before start`)
      return fromDayNumber(int(from, to))
    },
    fork(label: string): Random {
      return fromKey(hashLabel(label, key))
    },
    normal(mean = 0, sd = 1): number {
      // 1 - next() is in (0, 1], so the log is finite.
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
  }
  return random
}

/** A deterministic random stream. `seed` must be a safe integer; equal seeds give equal streams. */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Seed must be a safe integer, got ${seed}`)
  return fromKey(hashLabel(`seed:${seed}`, [0, 0]))
}
