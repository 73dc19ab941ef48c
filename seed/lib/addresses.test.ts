import { describe, expect, it } from 'vitest'
import { isValidPostcode } from '../../src/domain/identifiers/postcode.ts'
import { DISTRICTS, POST_TOWN, STREET_NAMES, syntheticAddress } from './addresses.ts'
import { createRandom } from './random.ts'

describe('Hearthborough geography', () => {
  it('has about 200 distinct street names', () => {
    expect(STREET_NAMES.length).toBeGreaterThanOrEqual(200)
    expect(new Set(STREET_NAMES).size).toBe(STREET_NAMES.length)
  })

  it('uses the fictional HB postcode area', () => {
    for (const d of DISTRICTS) expect(d.district).toMatch(/^HB\d{1,2}$/)
  })
})

describe('syntheticAddress', () => {
  it('is deterministic', () => {
    const a = Array.from({ length: 100 }, () => syntheticAddress(createRandom(5)))
    const b = Array.from({ length: 100 }, () => syntheticAddress(createRandom(5)))
    expect(a).toEqual(b)
    const r1 = createRandom(6)
    const r2 = createRandom(6)
    expect(Array.from({ length: 100 }, () => syntheticAddress(r1))).toEqual(
      Array.from({ length: 100 }, () => syntheticAddress(r2)),
    )
  })

  it('always produces valid, canonical HB postcodes', () => {
    const r = createRandom(7)
    for (let i = 0; i < 5_000; i++) {
      const a = syntheticAddress(r)
      expect(isValidPostcode(a.postcode, { strict: true }), a.postcode).toBe(true)
      expect(a.postcode).toMatch(/^HB\d{1,2} \d[A-Z]{2}$/)
      expect(a.town).toBe(POST_TOWN)
    }
  })

  it('keeps a street in one district, with the same postcode for the same house', () => {
    const r = createRandom(8)
    const districtOf = new Map<string, string>()
    const postcodeOf = new Map<string, string>()
    for (let i = 0; i < 5_000; i++) {
      const a = syntheticAddress(r)
      const streetLine = a.line2 ?? a.line1
      const street = streetLine.replace(/^\d+ /, '')
      const district = a.postcode.split(' ')[0]!
      expect(districtOf.get(street) ?? district).toBe(district)
      districtOf.set(street, district)
      expect(postcodeOf.get(streetLine) ?? a.postcode).toBe(a.postcode)
      postcodeOf.set(streetLine, a.postcode)
      expect(DISTRICTS.find((d) => d.district === district)?.locality).toBe(a.locality)
    }
  })

  it('mixes houses and flats and spreads across districts', () => {
    const r = createRandom(9)
    const addresses = Array.from({ length: 4_000 }, () => syntheticAddress(r))
    const flats = addresses.filter((a) => a.line1.startsWith('Flat ')).length / addresses.length
    expect(flats).toBeGreaterThan(0.2)
    expect(flats).toBeLessThan(0.3)
    const districts = new Set(addresses.map((a) => a.postcode.split(' ')[0]))
    expect(districts.size).toBe(DISTRICTS.length)
    expect(new Set(addresses.map((a) => a.postcode)).size).toBeGreaterThan(300)
  })

  it('can be restricted to one district', () => {
    const r = createRandom(10)
    for (let i = 0; i < 200; i++) expect(syntheticAddress(r, { district: 'HB3' }).postcode).toMatch(/^HB3 /)
    expect(() => syntheticAddress(r, { district: 'ZZ9' })).toThrow(RangeError)
  })
})
