// Helpers for GOV.UK form pages: turn field errors into the error summary list and per-field messages.

export type FieldErrors = Record<string, string>

export function errorSummary(errors: FieldErrors) {
  return Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))
}

export function fieldError(errors: FieldErrors, field: string) {
  const text = errors[field]
  return text ? { text } : undefined
}

/** Reads one text field from a urlencoded body, trimmed; arrays and other shapes count as missing. */
export function textField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null)?.[name]
  return typeof value === 'string' ? value.trim() : ''
}

/**
 * Reads a GOV.UK date input (name-day, name-month, name-year) as an ISO date. Empty parts give '';
 * anything that is not a number gives a string that date checks reject as "not a real date".
 */
export function dateField(body: unknown, name: string): string {
  const day = textField(body, `${name}-day`)
  const month = textField(body, `${name}-month`)
  const year = textField(body, `${name}-year`)
  if (!day && !month && !year) return ''
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return `invalid:${year}-${month}-${day}`
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/** The parts of an ISO date for a GOV.UK date input's values. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  return m
    ? { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) }
    : { day: '', month: '', year: '' }
}

/** A checkbox or yes/no radio: true only for 'yes', 'true' or 'on'. */
export function booleanField(body: unknown, name: string): boolean {
  return ['yes', 'true', 'on'].includes(textField(body, name))
}

/** All values of a repeated field (checkboxes). */
export function listField(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null)?.[name]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '')
  return typeof value === 'string' && value !== '' ? [value] : []
}
