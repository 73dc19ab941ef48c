// NHS number: 10 digits, the 10th a Modulus 11 check digit (NHS Data Dictionary).

const PLAIN = /^\d{10}$/
const SPACED = /^\d{3} \d{3} \d{4}$/

/** The 10 digits of an NHS number written as NNNNNNNNNN or NNN NNN NNNN, or null for any other shape. */
export function nhsNumberDigits(s: string): string | null {
  const trimmed = s.trim()
  if (PLAIN.test(trimmed)) return trimmed
  if (SPACED.test(trimmed)) return trimmed.replaceAll(' ', '')
  return null
}

/**
 * Check digit for the first 9 digits: weights 10..2, sum mod 11, 11 - remainder, 11 becomes 0.
 * Returns null when the result is 10 (no valid NHS number starts with these 9 digits) or the input is
 * not 9 digits.
 */
export function nhsCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) return null
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 10) return null
  return check === 11 ? 0 : check
}

export function isValidNhsNumber(s: string): boolean {
  const digits = nhsNumberDigits(s)
  if (digits === null) return false
  // All-same-digit numbers (0000000000, 1111111111, ...) can pass Modulus 11 but are never issued.
  if (/^(\d)\1{9}$/.test(digits)) return false
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9])
}

/** NNN NNN NNNN for display. Throws RangeError unless the input is 10 digits (spaced or not). */
export function formatNhsNumber(s: string): string {
  const digits = nhsNumberDigits(s)
  if (digits === null) throw new RangeError(`Not an NHS number: ${JSON.stringify(s)}`)
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}

/** True for numbers in the 999 range, which the NHS reserves for test data and never issues. */
export function isTestNhsNumber(s: string): boolean {
  return nhsNumberDigits(s)?.startsWith('999') ?? false
}
