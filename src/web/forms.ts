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
