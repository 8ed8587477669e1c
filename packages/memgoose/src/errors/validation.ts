/**
 * Validation and casting errors, shaped like mongoose's so `err.errors[path].kind` and friends work.
 */
import { MemgooseError } from './base.js'

/** A value could not be cast to the schema type of its path. */
export class CastError extends MemgooseError {
  /** The schema type name, e.g. `'Number'` or `'ObjectId'`. */
  readonly kind: string
  readonly path: string
  readonly value: unknown
  readonly valueType: string
  readonly stringValue: string
  readonly reason?: Error

  constructor(kind: string, value: unknown, path: string, reason?: Error) {
    const stringValue = describeValue(value)
    const valueType = typeOf(value)
    super(
      'CAST_ERROR',
      `Cast to ${kind} failed for value ${stringValue} (type ${valueType}) at path "${path}"${
        reason ? ` because of "${reason.name}"` : ''
      }`,
      { cause: reason }
    )
    this.kind = kind
    this.path = path
    this.value = value
    this.valueType = valueType
    this.stringValue = stringValue
    this.reason = reason
  }
}
CastError.prototype.name = 'CastError'

/** One failed validator (`required`, `min`, `enum`, a custom `validate`, ...). */
export class ValidatorError extends MemgooseError {
  /** The validator type: `'required'`, `'min'`, `'enum'`, `'user defined'`, ... */
  readonly kind: string
  readonly path: string
  readonly value: unknown
  readonly reason?: unknown
  readonly properties: Record<string, unknown>

  constructor(properties: {
    message: string
    type: string
    path: string
    value: unknown
    reason?: unknown
    [key: string]: unknown
  }) {
    super('VALIDATOR_ERROR', properties.message)
    this.kind = properties.type
    this.path = properties.path
    this.value = properties.value
    this.reason = properties.reason
    this.properties = properties
  }
}
ValidatorError.prototype.name = 'ValidatorError'

/**
 * Collects per-path errors without being an Error itself: creating an Error captures a stack trace, which
 * is far too costly to do for every document that might fail (most don't).
 */
export class ErrorCollector {
  readonly errors: Record<string, ValidatorError | CastError> = {}

  /** Records an error for `path`. */
  addError(path: string, error: ValidatorError | CastError): void {
    this.errors[path] = error
  }

  /** True when nothing was recorded. */
  get empty(): boolean {
    for (const _ in this.errors) return false
    return true
  }

  /** The mongoose-shaped error for what was recorded (only worth building when not empty). */
  toValidationError(modelName?: string): ValidationError {
    const error = new ValidationError(modelName)
    for (const [path, err] of Object.entries(this.errors)) error.addError(path, err)
    return error
  }
}

/** A document failed validation: `errors[path]` holds a ValidatorError or CastError per failing path. */
export class ValidationError extends MemgooseError {
  readonly errors: Record<string, ValidatorError | CastError>
  /** Name of the model whose document failed, when known. */
  readonly _message: string

  constructor(modelName?: string) {
    const base = modelName ? `${modelName} validation failed` : 'Validation failed'
    super('VALIDATION_ERROR', base)
    this._message = base
    this.errors = {}
  }

  /** Records an error for `path` and refreshes the message the way mongoose formats it. */
  addError(path: string, error: ValidatorError | CastError): void {
    this.errors[path] = error
    const details = Object.entries(this.errors)
      .map(([p, e]) => `${p}: ${e.message}`)
      .join(', ')
    this.message = `${this._message}: ${details}`
  }
}
ValidationError.prototype.name = 'ValidationError'

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'Array'
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'Object'
  return typeof value
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`
  try {
    const s = JSON.stringify(value)
    return s === undefined ? String(value) : s
  } catch {
    return String(value)
  }
}
