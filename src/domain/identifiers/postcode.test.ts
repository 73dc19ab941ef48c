import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidPostcode, normalisePostcode } from './postcode.ts'

describe('isValidPostcode', () => {
  it.each([
    'M1 1AE', // A9 9AA
    'B33 8TH', // A99 9AA
    'CR2 6XH', // AA9 9AA
    'DN55 1PT', // AA99 9AA
    'W1A 0AX', // A9A 9AA
    'EC1A 1BB', // AA9A 9AA
    'SW1A 2AA',
    'N1C 4AG',
    'GIR 0AA',
    'HB1 2XY',
    'LS1 4AP',
  ])('accepts %s', (s) => {
    expect(isValidPostcode(s)).toBe(true)
    expect(isValidPostcode(s, { strict: true })).toBe(true)
  })

  it.each(['m1 1ae', 'M11AE', ' ec1a1bb ', 'EC1A  1BB', 'sw1a 2aa'])(
    'accepts %j leniently but not strictly',
    (s) => {
      expect(isValidPostcode(s)).toBe(true)
      expect(isValidPostcode(s, { strict: true })).toBe(false)
    },
  )

  it.each([
    '', // empty
    'M1', // outward only
    '1AA', // inward only
    'M1 1A', // inward too short
    'M1 1AAA', // inward too long
    'M1 AAA', // inward must start with a digit
    'M1 11A',
    'MMM1 1AA', // 3 area letters
    'M123 1AA', // 3 district digits
    '1M 1AA',
    'M1 1CA', // inward letters never C I K M O V
    'M1 1AI',
    'M1 1KA',
    'M1 1AM',
    'M1 1OA',
    'M1 1AV',
    'QA1 1AA', // 1st letter never Q V X
    'V1 1AA',
    'X1 1AA',
    'AI1 1AA', // 2nd letter never I J Z
    'AJ1 1AA',
    'AZ1 1AA',
    'W1L 1AA', // A9A 3rd letter only A-H J K P S T U W
    'W1Z 1AA',
    'EC1C 1AA', // AA9A 4th letter only A B E H M N P R V W X Y
    'EC1D 1AA',
    'SW1-2AA',
    'GIR 0AB',
    'SW1A 2AA extra',
    'SW1A-2AA',
  ])('rejects %j', (s) => {
    expect(isValidPostcode(s)).toBe(false)
  })
})

describe('normalisePostcode', () => {
  it('upper-cases and puts a single space before the inward code', () => {
    expect(normalisePostcode('sw1a2aa')).toBe('SW1A 2AA')
    expect(normalisePostcode('  hb1   2xy ')).toBe('HB1 2XY')
    expect(normalisePostcode('gir0aa')).toBe('GIR 0AA')
    expect(normalisePostcode('not a postcode')).toBeNull()
  })

  it('is idempotent and its output is strictly valid', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDEHJMNPRSTUWXY0123456789 '), maxLength: 9 }),
        (s) => {
          const once = normalisePostcode(s)
          if (once === null) return
          expect(isValidPostcode(once, { strict: true })).toBe(true)
          expect(normalisePostcode(once)).toBe(once)
        },
      ),
      { numRuns: 5000 },
    )
  })
})
