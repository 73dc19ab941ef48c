import { describe, expect, it } from 'vitest'
import {
  isValidUpnLastCharacter,
  UPN_LA_CODES_2022_23,
  UPN_LA_CODES_FROM_2023_24,
  upnCheckLetter,
} from './upn.ts'

describe('UPN checks', () => {
  it('computes the check letter', () => {
    expect(upnCheckLetter('X201000000120')).toBe('X')
    expect(upnCheckLetter('A850728973744')).toBe('T')
    expect(upnCheckLetter('A12345678912')).toBeNull()
    expect(upnCheckLetter('A12345678912A')).toBeNull()
  })

  it('allows digits and letters other than I, O and S last', () => {
    expect(['0', '9', 'A', 'Z'].every(isValidUpnLastCharacter)).toBe(true)
    expect(['I', 'O', 'S', 'a', ''].some(isValidUpnLastCharacter)).toBe(false)
  })

  it('knows the LA codes, with 942 and 943 from 2023-24', () => {
    expect(UPN_LA_CODES_2022_23.has('201')).toBe(true)
    expect(UPN_LA_CODES_2022_23.has('942')).toBe(false)
    expect(UPN_LA_CODES_FROM_2023_24.has('943')).toBe(true)
    expect(UPN_LA_CODES_FROM_2023_24.has('123')).toBe(false)
  })
})
