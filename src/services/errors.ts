// Errors services throw for routes to show: a field-by-field ValidationError (400, nothing changed) and a
// ConflictError when someone else saved the same record first (409, with what they changed).

export type FieldErrors = Record<string, string>

export class ValidationError extends Error {
  readonly fields: FieldErrors
  constructor(fields: FieldErrors) {
    super(Object.values(fields).join('; '))
    this.fields = fields
  }
}

export interface ConflictingChange {
  field: string
  theirValue: unknown
  by: string | null
  at: Date
}

export class ConflictError extends Error {
  readonly changes: ConflictingChange[]
  constructor(message: string, changes: ConflictingChange[]) {
    super(message)
    this.changes = changes
  }
}

export class NotFoundError extends Error {}

/** Collects field errors while checking input; throws them together so the user sees every problem at once. */
export class Checker {
  readonly errors: FieldErrors = {}
  add(field: string, message: string): void {
    if (!this.errors[field]) this.errors[field] = message
  }
  check(condition: boolean, field: string, message: string): void {
    if (!condition) this.add(field, message)
  }
  throwIfAny(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationError(this.errors)
  }
}
