/**
 * Document validation: cast errors recorded by set(), then every validator of every path that needs
 * checking (all paths of a new document; modified and required paths of a loaded one), recursing into
 * subdocuments, collected into one mongoose-shaped ValidationError.
 */
import { CastError, ValidationError, ValidatorError } from '../errors/index.js'
import { ArrayType, EmbeddedType } from '../schema/compound-types.js'
import type { Schema } from '../schema/schema.js'
import type { SchemaType } from '../schema/schema-type.js'
import { formatMessage, type Validator } from '../schema/validators.js'
import { isPlainObject } from '../values/bson.js'
import type { Document } from './document.js'
import { readPath } from './document.js'
import type { ModelInternals } from './internals.js'

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
  const error = new ValidationError(modelName(doc))
  for (const [path, err] of doc.$__.castErrors ?? []) error.addError(path, err as CastError)
  const checks = collectChecks(doc, schema, pathsToValidate)
  await Promise.all(
    checks.map(async (check) => {
      if (error.errors[check.path]) return
      for (const validator of check.type.validators) {
        const failure = await runValidator(validator, check)
        if (failure) {
          error.addError(check.path, failure)
          return
        }
      }
    })
  )
  if (Object.keys(error.errors).length > 0) {
    const replaced = await hooks.runPost('validate', doc, 'document', doc, error)
    throw replaced ?? error
  }
  await hooks.runPost('validate', doc, 'document', doc)
}

/** Synchronous validation (async validators are skipped, as mongoose's validateSync does). */
export function validateDocumentSync(
  doc: Document,
  pathsToValidate?: string | string[]
): ValidationError | undefined {
  const error = new ValidationError(modelName(doc))
  for (const [path, err] of doc.$__.castErrors ?? []) error.addError(path, err as CastError)
  for (const check of collectChecks(doc, doc.schema, pathsToValidate)) {
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
  return Object.keys(error.errors).length > 0 ? error : undefined
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
    if (only && !only.has(path)) continue
    const isRequired = type.validators.some((v) => v.type === 'required')
    if (modified && !modified.has(path) && !(isRequired && doc.isSelected(path))) continue
    const value = readPath(doc._doc, path)
    if (type.validators.length > 0) checks.push({ path, type, value, ctx: doc })
    if (value !== null && value !== undefined) collectSubdocumentChecks(type, value, path, checks)
  }
  return checks
}

/** Subdocuments validate against their own schema, with full paths like `items.0.price`. */
function collectSubdocumentChecks(
  type: SchemaType,
  value: unknown,
  path: string,
  checks: Check[]
): void {
  if (type instanceof ArrayType && type.isDocumentArray && Array.isArray(value)) {
    const sub = type.caster as Schema
    value.forEach((item, i) => collectSchemaChecks(sub, item, `${path}.${i}`, checks))
  } else if (type instanceof ArrayType && Array.isArray(value)) {
    const caster = type.caster as SchemaType
    if (caster.validators.length > 0)
      value.forEach((item, i) =>
        checks.push({ path: `${path}.${i}`, type: caster, value: item, ctx: value })
      )
  } else if (type instanceof EmbeddedType) {
    collectSchemaChecks(type.schema, value, path, checks)
  }
}

function collectSchemaChecks(schema: Schema, obj: unknown, prefix: string, checks: Check[]): void {
  if (!isPlainObject(obj)) return
  for (const [path, type] of schema.paths) {
    const value = readPath(obj, path)
    if (type.validators.length > 0)
      checks.push({ path: `${prefix}.${path}`, type, value, ctx: obj })
    if (value !== null && value !== undefined)
      collectSubdocumentChecks(type, value, `${prefix}.${path}`, checks)
  }
}

async function runValidator(
  validator: Validator,
  check: Check
): Promise<ValidatorError | undefined> {
  try {
    const ok = await validator.validator.call(check.ctx, check.value)
    return ok === false ? makeError(validator, check) : undefined
  } catch (err) {
    return makeError(validator, check, err)
  }
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
