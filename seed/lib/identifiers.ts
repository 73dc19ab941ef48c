// Synthetic identifiers with valid check characters, from ranges that cannot belong to real people.

import { nhsCheckDigit } from '../../src/domain/identifiers/nhs-number.ts'
import { UPN_CHECK_ALPHABET, upnCheckLetter } from '../../src/domain/identifiers/upn.ts'
import type { Random } from './random.ts'

function digits(random: Random, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String(random.int(0, 9))
  return s
}

/**
 * A valid 10-digit NHS number (no spaces) in the 999 range, which the NHS reserves for test data.
 * Prefixes whose check digit would be 10, and 9999999999, are skipped.
 */
export function syntheticNhsNumber(random: Random): string {
  for (;;) {
    const first9 = `999${digits(random, 6)}`
    const check = nhsCheckDigit(first9)
    if (check !== null && first9 !== '999999999') return `${first9}${check}`
  }
}

export interface SyntheticUpnOptions {
  /** Year of issue (4 digits), giving characters 9-10. Defaults to 2010-2025. */
  issuedYear?: number
  /** Temporary UPN: ends in 2 digits and a letter instead of a 3-digit serial. */
  temporary?: boolean
}

/** A UPN with a valid check letter for the 3-digit DfE LA number `laCode`. */
export function syntheticUpn(random: Random, laCode: string, options: SyntheticUpnOptions = {}): string {
  if (!/^\d{3}$/.test(laCode)) throw new RangeError(`LA code must be 3 digits, got ${JSON.stringify(laCode)}`)
  const year = options.issuedYear ?? random.int(2010, 2025)
  if (!Number.isInteger(year) || year < 1999 || year > 2099)
    throw new RangeError(`Implausible UPN year ${year}`)
  const establishment = digits(random, 4)
  const serial = options.temporary
    ? `${digits(random, 2)}${random.pick([...UPN_CHECK_ALPHABET])}`
    : digits(random, 3)
  const body = `${laCode}${establishment}${String(year % 100).padStart(2, '0')}${serial}`
  return `${upnCheckLetter(body)}${body}`
}
