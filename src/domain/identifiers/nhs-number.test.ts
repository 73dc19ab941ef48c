import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatNhsNumber,
  isTestNhsNumber,
  isValidNhsNumber,
  nhsCheckDigit,
  nhsNumberDigits,
} from './nhs-number.ts'

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 })
const validNhsNumber = nineDigits
  .map((first9) => ({ first9, check: nhsCheckDigit(first9) }))
  .filter(({ first9, check }) => check !== null && !/^(\d)\1{8}$/.test(first9))
  .map(({ first9, check }) => `${first9}${check}`)

describe('nhsCheckDigit', () => {
  it('computes the published example', () => {
    // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9
    expect(nhsCheckDigit('943476591')).toBe(9)
  })

  it('maps 11 to 0 and 10 to null', () => {
    expect(nhsCheckDigit('000000001')).toBe(9) // sum 2 -> 9
    expect(nhsCheckDigit('100000000')).toBe(1) // sum 10 -> 1
    expect(nhsCheckDigit('000000000')).toBe(0) // sum 0 -> 11 -> 0
    expect(nhsCheckDigit('100000001')).toBeNull() // sum 12, remainder 1 -> 10: no valid number
  })

  it('rejects input that is not 9 digits', () => {
    for (const bad of ['', '12345678', '1234567890', '12345678a', '123 456 789'])
      expect(nhsCheckDigit(bad)).toBeNull()
  })
})

describe('isValidNhsNumber', () => {
  it.each(['9434765919', '943 476 5919', ' 9434765919 ', '9990000018'])('accepts %j', (s) => {
    expect(isValidNhsNumber(s)).toBe(true)
  })

  it.each([
    '9434765918', // wrong check digit
    '9434765910',
    '9434765991', // last two digits transposed
    '943476591', // 9 digits
    '94347659190', // 11 digits
    '943-476-5919', // only spaces are allowed as separators
    '943 4765919',
    '9434 765 919',
    '943  476 5919',
    '94347659l9',
    '0000000000', // passes Modulus 11 but all the same digit
    '1111111111',
    '2222222222',
    '9999999999',
    '',
    'NHS9434765919',
  ])('rejects %j', (s) => {
    expect(isValidNhsNumber(s)).toBe(false)
  })

  it('accepts first 9 digits plus their check digit', () => {
    fc.assert(
      fc.property(validNhsNumber, (n) => {
        expect(isValidNhsNumber(n)).toBe(true)
      }),
    )
  })

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(validNhsNumber, fc.nat({ max: 9 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const changed = `${n.slice(0, pos)}${(Number(n[pos]) + delta) % 10}${n.slice(pos + 1)}`
        expect(isValidNhsNumber(changed)).toBe(false)
      }),
    )
  })

  it('detects every transposition of two different adjacent digits', () => {
    fc.assert(
      fc.property(validNhsNumber, fc.nat({ max: 8 }), (n, pos) => {
        fc.pre(n[pos] !== n[pos + 1])
        const swapped = `${n.slice(0, pos)}${n[pos + 1]}${n[pos]}${n.slice(pos + 2)}`
        expect(isValidNhsNumber(swapped)).toBe(false)
      }),
    )
  })
})

describe('formatting', () => {
  it('formats as NNN NNN NNNN', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919')
    expect(formatNhsNumber('943 476 5919')).toBe('943 476 5919')
    expect(() => formatNhsNumber('94347659')).toThrow(RangeError)
  })

  it('extracts digits', () => {
    expect(nhsNumberDigits('943 476 5919')).toBe('9434765919')
    expect(nhsNumberDigits('943-476-5919')).toBeNull()
  })

  it('round-trips', () => {
    fc.assert(
      fc.property(validNhsNumber, (n) => {
        expect(nhsNumberDigits(formatNhsNumber(n))).toBe(n)
      }),
    )
  })

  it('recognises the 999 test range', () => {
    expect(isTestNhsNumber('999 000 0018')).toBe(true)
    expect(isTestNhsNumber('9434765919')).toBe(false)
  })
})
