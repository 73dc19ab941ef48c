import { describe, expect, it } from 'vitest'
import { isTestNhsNumber, isValidNhsNumber } from '../../src/domain/identifiers/nhs-number.ts'
import { isTemporaryUpn, isValidUpn } from '../../src/domain/identifiers/upn.ts'
import { syntheticNhsNumber, syntheticUpn } from './identifiers.ts'
import { createRandom } from './random.ts'

describe('syntheticNhsNumber', () => {
  it('always gives a valid number in the 999 test range', () => {
    const r = createRandom(1)
    const seen = new Set<string>()
    for (let i = 0; i < 10_000; i++) {
      const n = syntheticNhsNumber(r)
      expect(n).toMatch(/^999\d{7}$/)
      expect(isValidNhsNumber(n), n).toBe(true)
      expect(isTestNhsNumber(n)).toBe(true)
      seen.add(n)
    }
    expect(seen.size).toBeGreaterThan(9_900) // 10^6 prefixes, so few repeats
  })

  it('is deterministic', () => {
    const a = createRandom(2)
    const b = createRandom(2)
    for (let i = 0; i < 100; i++) expect(syntheticNhsNumber(a)).toBe(syntheticNhsNumber(b))
  })

  it('uses every check digit', () => {
    const r = createRandom(3)
    const lastDigits = new Set(Array.from({ length: 2_000 }, () => syntheticNhsNumber(r).slice(-1)))
    expect(lastDigits.size).toBe(10)
  })
})

describe('syntheticUpn', () => {
  it('always gives a valid permanent UPN for the LA', () => {
    const r = createRandom(4)
    for (let i = 0; i < 10_000; i++) {
      const upn = syntheticUpn(r, '358')
      expect(upn).toMatch(/^[A-Z]358\d{9}$/)
      expect(isValidUpn(upn, { checkLaCode: true }), upn).toBe(true)
      expect(isTemporaryUpn(upn)).toBe(false)
    }
  })

  it('gives valid temporary UPNs and sets the year of issue', () => {
    const r = createRandom(5)
    for (let i = 0; i < 5_000; i++) {
      const upn = syntheticUpn(r, '886', { temporary: true, issuedYear: 2019 })
      expect(upn).toMatch(/^[A-Z]886\d{4}19\d{2}[A-Z]$/)
      expect(isTemporaryUpn(upn), upn).toBe(true)
    }
  })

  it('is deterministic and rejects bad LA codes or years', () => {
    expect(syntheticUpn(createRandom(6), '330')).toBe(syntheticUpn(createRandom(6), '330'))
    expect(() => syntheticUpn(createRandom(6), '33')).toThrow(RangeError)
    expect(() => syntheticUpn(createRandom(6), '330', { issuedYear: 1985 })).toThrow(RangeError)
  })

  it('uses a spread of check letters', () => {
    const r = createRandom(7)
    const letters = new Set(Array.from({ length: 2_000 }, () => syntheticUpn(r, '801')[0]))
    expect(letters.size).toBe(23)
  })
})
