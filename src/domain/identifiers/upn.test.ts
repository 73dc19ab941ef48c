import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isTemporaryUpn,
  isValidUpn,
  laCodeIsValid,
  normaliseUpn,
  UPN_CHECK_ALPHABET,
  upnCheckLetter,
} from './upn.ts'

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
const body = fc.oneof(
  digits(12),
  fc.tuple(digits(11), fc.constantFrom(...UPN_CHECK_ALPHABET)).map(([d, l]) => d + l),
)
const validUpn = body.map((b) => `${upnCheckLetter(b)}${b}`)

describe('upnCheckLetter', () => {
  it('computes the data-standard examples', () => {
    // 8*2 + 1*4 + 2*5 + 5*10 + 1*13 = 93; 93 mod 23 = 1 -> B
    expect(upnCheckLetter('801200005001')).toBe('B')
    // 2*2 + 7*4 + 1*9 + 6*10 + 4*12 + 9*13 = 266; 266 mod 23 = 13 -> P (not the B it was issued with)
    expect(upnCheckLetter('207000016049')).toBe('P')
  })

  it('gives a final letter its index in the check alphabet', () => {
    // ... + 1*12 + Z(22)*13 = 378; 378 mod 23 = 10 -> L
    expect(upnCheckLetter('80120000501Z')).toBe('L')
    expect(upnCheckLetter('80120000501A')).toBe('A') // A = 0, so the same sum as ...5010 = 92 -> A
  })

  it('rejects malformed bodies', () => {
    for (const bad of ['', '80120000500', '8012000050011', '80120000500I', '8012000050O1', '80120000500a']) {
      expect(upnCheckLetter(bad), bad).toBeNull()
    }
  })

  it('never returns I, O or S', () => {
    fc.assert(
      fc.property(body, (b) => {
        const letter = upnCheckLetter(b)
        expect(letter).toMatch(/^[A-Z]$/)
        expect(UPN_CHECK_ALPHABET).toContain(letter)
      }),
    )
  })
})

describe('isValidUpn', () => {
  it.each(['B801200005001', 'P207000016049', 'L80120000501Z', 'b801200005001', ' B801200005001 '])(
    'accepts %j',
    (s) => {
      expect(isValidUpn(s)).toBe(true)
    },
  )

  it.each([
    'B207000016049', // mis-added example: the correct letter is P
    'Q207000016049',
    'C801200005001',
    'B80120000500', // 12 characters
    'B8012000050011', // 14 characters
    '1801200005001', // no check letter
    'I801200005001', // I is never a check letter
    'B80120000500I', // temporary UPNs never end in I, O or S
    'B8012000050O1',
    'B801 200005001',
    'B80120000500-',
    '',
  ])('rejects %j', (s) => {
    expect(isValidUpn(s)).toBe(false)
  })

  it('accepts every body with its check letter', () => {
    fc.assert(
      fc.property(validUpn, (u) => {
        expect(isValidUpn(u)).toBe(true)
      }),
    )
  })

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(
        validUpn,
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (u, pos, delta) => {
          const changed = `${u.slice(0, pos)}${(Number(u[pos]) + delta) % 10}${u.slice(pos + 1)}`
          expect(isValidUpn(changed)).toBe(false)
        },
      ),
    )
  })

  it('detects every transposition of two different adjacent characters after the check letter', () => {
    fc.assert(
      fc.property(validUpn, fc.integer({ min: 1, max: 10 }), (u, pos) => {
        fc.pre(u[pos] !== u[pos + 1])
        expect(isValidUpn(`${u.slice(0, pos)}${u[pos + 1]}${u[pos]}${u.slice(pos + 2)}`)).toBe(false)
      }),
    )
  })

  it('optionally checks the LA code', () => {
    expect(laCodeIsValid('801')).toBe(true) // Bristol
    expect(laCodeIsValid('207')).toBe(true) // Kensington and Chelsea
    expect(laCodeIsValid('999')).toBe(false)
    const unknownLa = `${upnCheckLetter('999000024001')}999000024001`
    expect(isValidUpn(unknownLa)).toBe(true)
    expect(isValidUpn(unknownLa, { checkLaCode: true })).toBe(false)
    expect(isValidUpn('B801200005001', { checkLaCode: true })).toBe(true)
  })
})

describe('normaliseUpn and isTemporaryUpn', () => {
  it('upper-cases and trims valid UPNs only', () => {
    expect(normaliseUpn(' p207000016049')).toBe('P207000016049')
    expect(normaliseUpn('B207000016049')).toBeNull()
  })

  it('tells temporary from permanent', () => {
    expect(isTemporaryUpn('L80120000501Z')).toBe(true)
    expect(isTemporaryUpn('B801200005001')).toBe(false)
    expect(isTemporaryUpn('X80120000501Z')).toBe(false) // invalid, so not a temporary UPN either
  })
})
