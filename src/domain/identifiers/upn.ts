// Unique Pupil Number (DfE UPN data standard v2.0; CIN census rules 1510-1560Q).
// Layout: check letter, 3-digit LA number, 4-digit establishment number, 2-digit year of issue, 3-digit
// serial. A temporary UPN ends in 2 digits and a letter instead of the 3-digit serial.

import { UPN_LA_CODES } from './la-codes.ts'

/** Letters used for the check character and a temporary UPN's last character: no I, O or S. */
export const UPN_CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ'

const BODY = /^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/
const UPN = /^[ABCDEFGHJKLMNPQRTUVWXYZ]\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/
const laCodes = new Set(UPN_LA_CODES)

/**
 * Check letter for characters 2-13: sum of value x position (positions 2-13; a digit is its value, a
 * final letter its index in UPN_CHECK_ALPHABET), mod 23, as an index into UPN_CHECK_ALPHABET.
 * Returns null if `last12` is not 11 digits followed by a digit or an allowed letter (upper case).
 */
export function upnCheckLetter(last12: string): string | null {
  if (!BODY.test(last12)) return null
  let sum = 0
  for (let i = 0; i < 12; i++) {
    const ch = last12[i]!
    const value = i === 11 && ch >= 'A' ? UPN_CHECK_ALPHABET.indexOf(ch) : Number(ch)
    sum += value * (i + 2)
  }
  return UPN_CHECK_ALPHABET[sum % 23]!
}

/** Whether a 3-digit LA number is on the census list of valid post-1999 LA codes (rule 1530). */
export function laCodeIsValid(code: string): boolean {
  return laCodes.has(code)
}

export interface UpnOptions {
  /** Also require characters 2-4 to be a listed LA code (off by default: the list dates from 2023-24). */
  checkLaCode?: boolean
}

/** Canonical (trimmed, upper-case) UPN if valid, otherwise null. */
export function normaliseUpn(s: string, options: UpnOptions = {}): string | null {
  const upn = s.trim().toUpperCase()
  if (!UPN.test(upn)) return null
  if (upnCheckLetter(upn.slice(1)) !== upn[0]) return null
  if (options.checkLaCode && !laCodeIsValid(upn.slice(1, 4))) return null
  return upn
}

/** Valid permanent or temporary UPN. Case and surrounding spaces are ignored. */
export function isValidUpn(s: string, options: UpnOptions = {}): boolean {
  return normaliseUpn(s, options) !== null
}

/** A valid UPN whose last character is a letter (issued by an LA or school pending a permanent one). */
export function isTemporaryUpn(s: string): boolean {
  const upn = normaliseUpn(s)
  return upn !== null && upn[12]! >= 'A'
}
