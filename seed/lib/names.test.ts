import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../src/domain/calendar/iso-date.ts'
import {
  BOYS_FIRST_NAMES,
  GIRLS_FIRST_NAMES,
  HERITAGES,
  NAME_POOLS,
  SURNAMES,
  surnameForSex,
  syntheticPerson,
} from './names.ts'
import { createRandom } from './random.ts'

describe('name lists', () => {
  it('have 150+ distinct names each', () => {
    expect(GIRLS_FIRST_NAMES.length).toBeGreaterThanOrEqual(150)
    expect(BOYS_FIRST_NAMES.length).toBeGreaterThanOrEqual(150)
    expect(SURNAMES.length).toBeGreaterThanOrEqual(150)
  })

  it('have no duplicates within a pool and no stray whitespace', () => {
    for (const heritage of HERITAGES) {
      for (const list of Object.values(NAME_POOLS[heritage])) {
        expect(new Set(list).size, heritage).toBe(list.length)
        for (const name of list) expect(name).toMatch(/^\p{Lu}[\p{L}'-]*\p{L}$/u)
      }
    }
  })
})

describe('syntheticPerson', () => {
  it('is deterministic', () => {
    const a = Array.from({ length: 50 }, (_, i) => syntheticPerson(createRandom(99).fork(`p${i}`)))
    const b = Array.from({ length: 50 }, (_, i) => syntheticPerson(createRandom(99).fork(`p${i}`)))
    expect(a).toEqual(b)
  })

  it('respects sex, birth year and a shared surname', () => {
    const r = createRandom(1)
    for (let i = 0; i < 500; i++) {
      const girl = syntheticPerson(r, {
        sex: 'F',
        birthYear: 2016,
        surname: 'Kowalski',
        heritage: 'eastern-european',
      })
      expect(girl.sex).toBe('F')
      expect(GIRLS_FIRST_NAMES).toContain(girl.firstName)
      expect(girl.lastName).toBe('Kowalska')
      expect(girl.dateOfBirth.startsWith('2016-')).toBe(true)
      expect(isIsoDate(girl.dateOfBirth)).toBe(true)
      const boy = syntheticPerson(r, { sex: 'M', birthYear: 1990 })
      expect(BOYS_FIRST_NAMES).toContain(boy.firstName)
      expect(boy.dateOfBirth.startsWith('1990-')).toBe(true)
      if (boy.middleName !== null) expect(boy.middleName).not.toBe(boy.firstName)
    }
  })

  it('defaults to children born 2008-2025 of both sexes', () => {
    const r = createRandom(2)
    const people = Array.from({ length: 2_000 }, () => syntheticPerson(r))
    for (const p of people) expect(p.dateOfBirth >= '2008-01-01' && p.dateOfBirth <= '2025-12-31').toBe(true)
    const girls = people.filter((p) => p.sex === 'F').length
    expect(girls / people.length).toBeGreaterThan(0.45)
    expect(girls / people.length).toBeLessThan(0.55)
  })

  it('draws a diverse population with White British names the largest group', () => {
    const r = createRandom(3)
    const counts = new Map<string, number>()
    const n = 10_000
    for (let i = 0; i < n; i++) {
      const { heritage } = syntheticPerson(r)
      counts.set(heritage, (counts.get(heritage) ?? 0) + 1)
    }
    for (const heritage of [...HERITAGES, 'mixed'])
      expect(counts.get(heritage) ?? 0, heritage).toBeGreaterThan(150)
    const white = (counts.get('white-british') ?? 0) / n
    expect(white).toBeGreaterThan(0.58)
    expect(white).toBeLessThan(0.7)
    const distinct = new Set(Array.from({ length: n }, () => syntheticPerson(r).firstName))
    expect(distinct.size).toBeGreaterThan(250)
  })

  it('uses different pools for the first name and surname of mixed-heritage people', () => {
    const r = createRandom(4)
    for (let i = 0; i < 300; i++) {
      const p = syntheticPerson(r, { heritage: 'mixed', sex: 'M' })
      const firstPools = HERITAGES.filter((h) => NAME_POOLS[h].boys.includes(p.firstName))
      const surnamePools = HERITAGES.filter((h) =>
        NAME_POOLS[h].surnames.some((s) => surnameForSex(s, 'M') === p.lastName),
      )
      // Names shared between pools (e.g. Ali, Mohamed) may overlap; otherwise the pools differ.
      if (firstPools.length === 1 && surnamePools.length === 1)
        expect(firstPools[0]).not.toBe(surnamePools[0])
    }
  })
})

describe('surnameForSex', () => {
  it('uses the feminine form of Polish and Slavic surnames', () => {
    expect(surnameForSex('Wiśniewski', 'F')).toBe('Wiśniewska')
    expect(surnameForSex('Wiśniewski', 'M')).toBe('Wiśniewski')
    expect(surnameForSex('Ivanov', 'F')).toBe('Ivanova')
    expect(surnameForSex('Nowak', 'F')).toBe('Nowak')
    expect(surnameForSex('Smith', 'F')).toBe('Smith')
    expect(surnameForSex('Kowalski', 'U')).toBe('Kowalski')
  })
})
