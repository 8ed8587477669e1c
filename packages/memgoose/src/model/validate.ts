/**
 * Document validation: cast errors recorded by set(), then every validator of every path that needs
 * checking (all paths of a new document; modified and required paths of a loaded one), recursing into
 * subdocuments, collected into one mongoose-shaped ValidationError.
 */
import { CastError, ErrorCollector, ValidationError, ValidatorError } from '../errors/index.js'
import { ArrayType, EmbeddedType } from '../schema/compound-types.js'
import type { Schema } from '../schema/schema.js'
import type { SchemaType } from '../schema/schema-type.js'
import { formatMessage, type Validator } from '../schema/validators.js'
import { isPlainObject } from '../values/bson.js'
import type { Document } from './document.js'
import { readRawPath } from './document.js'
import type { ModelInternals } from './internals.js'
import { runSubdocumentHooks } from './subdocument.js'

interface Check {
  path: string
  type: SchemaType
  value: unknown
  ctx: unknown
}

/** Runs `validate` middleware and all validators; rejects with a ValidationError. */
export async function validateDocument(
  doc: Document,
  pathsToValidate?: string | string[]
): Promise<void> {
  const schema = doc.schema
  const hooks = schema.s.hooks
  await hooks.runPre('validate', doc, 'document')
  // As mongoose: subdocuments validate after the parent's pre('validate') hooks, running their own.
  const subdocumentPre = runSubdocumentHooks(doc, 'pre', 'validate')
  if (subdocumentPre) await subdocumentPre
  const failures = new ErrorCollector()
  for (const [path, err] of doc.$__.castErrors ?? []) failures.addError(path, err as CastError)
  await runChecks(collectChecks(doc, schema, pathsToValidate), failures)
  if (!failures.empty) {
    const error = failures.toValidationError(modelName(doc))
    const replaced = await hooks.runPost('validate', doc, 'document', doc, error)
    throw replaced ?? error
  }
  const subdocumentPost = runSubdocumentHooks(doc, 'post', 'validate')
  if (subdocumentPost) await subdocumentPost
  await hooks.runPost('validate', doc, 'document', doc)
}

/** Runs every check not already failed (by a cast error) and records the failures. */
async function runChecks(checks: Check[], failures: ErrorCollector): Promise<void> {
  const pending: Promise<void>[] = []
  for (const check of checks) {
    if (failures.errors[check.path] || check.type.validators.length === 0) continue
    const outcome = runValidators(check)
    // Synchronous validators settle here; only async ones cost a promise.
    if (outcome instanceof Promise)
      pending.push(outcome.then((f) => void (f && failures.addError(check.path, f))))
    else if (outcome) failures.addError(check.path, outcome)
  }
  if (pending.length > 0) await Promise.all(pending)
}

/** Synchronous validation (async validators are skipped, as mongoose's validateSync does). */
export function validateDocumentSync(
  doc: Document,
  pathsToValidate?: string | string[]
): ValidationError | undefined {
  const error = new ErrorCollector()
  for (const [path, err] of doc.$__.castErrors ?? []) error.addError(path, err as CastError)
  runChecksSync(collectChecks(doc, doc.schema, pathsToValidate), error)
  return error.empty ? undefined : error.toValidationError(modelName(doc))
}

/**
 * `subdoc.validate()`: the subdocument's own pre('validate') hooks, then its paths, reported
 * relative to it (`qty`, not `items.0.qty`) as mongoose's subdocument validation does. Cast
 * errors recorded on the owner under the subdocument's location count too.
 */
export async function validateSubdocument(
  sub: unknown,
  schema: Schema,
  owner: Document,
  location: string | undefined
): Promise<void> {
  await schema.s.hooks.runPre('validate', sub, 'document')
  const failures = subdocumentCastErrors(owner, location)
  const checks: Check[] = []
  collectSchemaChecks(schema, sub, '', checks)
  await runChecks(checks, failures)
  if (!failures.empty) throw failures.toValidationError()
}

/** Synchronous `subdoc.validateSync()`: the error, or undefined when the subdocument is valid. */
export function validateSubdocumentSync(
  sub: unknown,
  schema: Schema,
  owner: Document,
  location: string | undefined
): ValidationError | undefined {
  const failures = subdocumentCastErrors(owner, location)
  const checks: Check[] = []
  collectSchemaChecks(schema, sub, '', checks)
  runChecksSync(checks, failures)
  return failures.empty ? undefined : failures.toValidationError()
}

function subdocumentCastErrors(owner: Document, location: string | undefined): ErrorCollector {
  const failures = new ErrorCollector()
  if (location === undefined) return failures
  const prefix = `${location}.`
  for (const [path, err] of owner.$__.castErrors ?? [])
    if (path.startsWith(prefix)) failures.addError(path.slice(prefix.length), err as CastError)
  return failures
}

function runChecksSync(checks: Check[], error: ErrorCollector): void {
  for (const check of checks) {
    if (error.errors[check.path]) continue
    for (const validator of check.type.validators) {
      let ok: unknown
      try {
        ok = validator.validator.call(check.ctx, check.value)
      } catch (err) {
        error.addError(check.path, makeError(validator, check, err))
        break
      }
      if (ok && typeof (ok as Promise<unknown>).then === 'function') continue
      if (ok === false) {
        error.addError(check.path, makeError(validator, check))
        break
      }
    }
  }
}

function modelName(doc: Document): string | undefined {
  return (doc.constructor as unknown as { $__model?: ModelInternals }).$__model?.name
}

function collectChecks(
  doc: Document,
  schema: Schema,
  pathsToValidate?: string | string[]
): Check[] {
  const only =
    pathsToValidate === undefined
      ? undefined
      : new Set(Array.isArray(pathsToValidate) ? pathsToValidate : pathsToValidate.split(' '))
  const modified = doc.$__.isNew ? undefined : new Set(doc.modifiedPaths())
  const checks: Check[] = []
  for (const [path, type] of schema.paths) {
    if (!mayFail(type) || (only && !only.has(path))) continue
    const isRequired = type.validators.some((v) => v.type === 'required')
    if (modified && !modified.has(path) && !(isRequired && doc.isSelected(path))) continue
    const value = readRawPath(doc._doc, path)
    if (type.validators.length > 0) checks.push({ path, type, value, ctx: doc })
    if (value !== null && value !== undefined) collectSubdocumentChecks(type, value, path, checks)
  }
  return checks
}

/**
 * True when a path can fail validation: it has validators of its own, or holds subdocuments or
 * validated array elements. Checked before reading the value, so unvalidated paths cost nothing.
 */
function mayFail(type: SchemaType): boolean {
  return (
    type.validators.length > 0 ||
    type instanceof EmbeddedType ||
    (type instanceof ArrayType &&
      (type.isDocumentArray || (type.caster as SchemaType).validators.length > 0))
  )
}

/** Subdocuments validate against their own schema, with full paths like `items.0.price`. */
function collectSubdocumentChecks(
  type: SchemaType,
  value: unknown,
  path: string,
  checks: Check[]
): void {
  if (type instanceof ArrayType && type.isDocumentArray && Array.isArray(value)) {
    value.forEach((item, i) =>
      collectSchemaChecks(type.schemaFor(item), item, `${path}.${i}`, checks)
    )
  } else if (type instanceof ArrayType && Array.isArray(value)) {
    const caster = type.caster as SchemaType
    if (caster.validators.length > 0)
      value.forEach((item, i) =>
        checks.push({ path: `${path}.${i}`, type: caster, value: item, ctx: value })
      )
  } else if (type instanceof EmbeddedType) {
    collectSchemaChecks(type.schemaFor(value), value, path, checks)
  }
}

function collectSchemaChecks(schema: Schema, obj: unknown, prefix: string, checks: Check[]): void {
  if (!isPlainObject(obj)) return
  for (const [path, type] of schema.paths) {
    const value = readRawPath(obj, path)
    const full = prefix === '' ? path : `${prefix}.${path}`
    if (type.validators.length > 0) checks.push({ path: full, type, value, ctx: obj })
    if (value !== null && value !== undefined) collectSubdocumentChecks(type, value, full, checks)
  }
}

/**
 * Runs a path's validators in order and returns the first failure. Stays synchronous while the
 * validators are; the first validator that returns a promise switches the rest to async.
 */
function runValidators(
  check: Check
): ValidatorError | undefined | Promise<ValidatorError | undefined> {
  const validators = check.type.validators
  for (let i = 0; i < validators.length; i++) {
    const validator = validators[i]
    let ok: unknown
    try {
      ok = validator.validator.call(check.ctx, check.value)
    } catch (err) {
      return makeError(validator, check, err)
    }
    if (
      ok instanceof Promise ||
      (ok !== null && typeof (ok as Promise<unknown>)?.then === 'function')
    ) {
      return finishAsync(check, i, ok as Promise<unknown>)
    }
    if (ok === false) return makeError(validator, check)
  }
  return undefined
}

async function finishAsync(
  check: Check,
  from: number,
  first: Promise<unknown>
): Promise<ValidatorError | undefined> {
  const validators = check.type.validators
  for (let i = from; i < validators.length; i++) {
    const validator = validators[i]
    try {
      const ok = await (i === from ? first : validator.validator.call(check.ctx, check.value))
      if (ok === false) return makeError(validator, check)
    } catch (err) {
      return makeError(validator, check, err)
    }
  }
  return undefined
}

function makeError(validator: Validator, check: Check, thrown?: unknown): ValidatorError {
  const props: Record<string, unknown> = {
    ...(validator.props ?? {}),
    path: check.path,
    value: check.value,
    type: validator.type,
  }
  const message =
    thrown instanceof Error && thrown.message
      ? thrown.message
      : formatMessage(validator.message, props)
  return new ValidatorError({
    ...props,
    message,
    type: validator.type,
    path: check.path,
    value: check.value,
    reason: thrown,
  })
}
