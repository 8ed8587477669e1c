/**
 * Casting filters and update documents with a schema, as mongoose does before a query runs:
 * `{ age: '42' }` becomes `{ age: 42 }`, `{ _id: '<24 hex>' }` an ObjectId, `$in` lists are cast
 * element by element, and update operators cast their values to the target path's type.
 */
import { CastError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { assertSafeKey } from '../values/paths.js'
import { StrictModeError } from './cast-object.js'
import { ArrayType, EmbeddedType, MapType } from './compound-types.js'
import type { Schema } from './schema.js'
import type { SchemaType } from './schema-type.js'

/** Operators whose operand is a value of the path's type. */
const VALUE_OPS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'])
/** Operators whose operand is a list of values of the path's type. */
const LIST_OPS = new Set(['$in', '$nin', '$all'])

/** Returns a cast copy of `filter` (the input is not mutated). Unknown paths pass through untouched. */
export function castFilter(
  schema: Schema,
  filter: Record<string, unknown>,
  options: { strictQuery?: boolean | 'throw'; translateAliases?: boolean } = {}
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const translate = options.translateAliases ?? schema.options.translateAliases ?? false
  // mongoose 7+: unknown filter paths pass unless `strictQuery` asks to drop (true) or reject them.
  const strictQuery = options.strictQuery ?? schema.options.strictQuery ?? false
  for (const key in filter) {
    if (!Object.prototype.hasOwnProperty.call(filter, key)) continue
    assertSafeKey(key, 'a filter')
    const value = filter[key]
    if (key === '$and' || key === '$or' || key === '$nor') {
      out[key] = Array.isArray(value)
        ? value.map((f) => (isPlainObject(f) ? castFilter(schema, f, options) : f))
        : value
    } else if (key.startsWith('$')) {
      out[key] = value
    } else {
      const path = translate ? schema.resolveAlias(key) : key
      if (strictQuery !== false && !isSchemaPath(schema, path)) {
        if (strictQuery === 'throw') {
          throw new StrictModeError(
            path,
            `Path "${path}" is not in schema and strictQuery is 'throw'.`
          )
        }
        continue
      }
      out[path] = castCondition(schema, path, value)
    }
  }
  return out
}

/** True when `path` is typed by the schema, a nested object of it, or inside one of its paths. */
function isSchemaPath(schema: Schema, path: string): boolean {
  return schema.deepPath(path) !== undefined || isKnownPrefix(schema, path)
}

function castCondition(schema: Schema, path: string, condition: unknown): unknown {
  const type = schema.deepPath(path)
  if (!type || type.instance === 'Mixed') return condition
  return castOperand(type, path, condition)
}

/** Casts a condition on a path of `type`: an operator object, or a value to compare with. */
function castOperand(type: SchemaType, path: string, condition: unknown): unknown {
  if (!isPlainObject(condition) || !Object.keys(condition).some((k) => k.startsWith('$'))) {
    return castValue(type, condition, path)
  }
  const out: Record<string, unknown> = {}
  for (const op of Object.keys(condition)) {
    const operand = condition[op]
    if (VALUE_OPS.has(op)) out[op] = castValue(type, operand, path)
    else if (LIST_OPS.has(op)) {
      out[op] = Array.isArray(operand) ? operand.map((v) => castValue(type, v, path)) : operand
    } else if (op === '$not') {
      out[op] = isPlainObject(operand) ? castOperand(type, path, operand) : operand
    } else if (op === '$elemMatch' && type instanceof ArrayType && isPlainObject(operand)) {
      // Document arrays match sub-filters; primitive arrays match operator objects on one element.
      out[op] = type.isDocumentArray
        ? castFilter(type.caster as Schema, operand)
        : castOperand(type.caster as SchemaType, path, operand)
    } else out[op] = operand
  }
  return out
}

/** Casts one filter operand: arrays match element types, RegExps pass, null passes. */
function castValue(type: SchemaType, value: unknown, path: string): unknown {
  if (value === null || value === undefined || value instanceof RegExp) return value
  if (type instanceof ArrayType) {
    if (Array.isArray(value)) return type.cast(value)
    return type.isDocumentArray ? value : castScalar(type.caster as SchemaType, value, path)
  }
  if (type instanceof EmbeddedType || type instanceof MapType) return value
  if (Array.isArray(value)) return value.map((v) => castScalar(type, v, path))
  return castScalar(type, value, path)
}

function castScalar(type: SchemaType, value: unknown, path: string): unknown {
  if (value === null || value === undefined || value instanceof RegExp) return value
  try {
    // mongoose casts query values through the setters too (`lowercase` matches what was stored).
    return type.applySetters(value, undefined)
  } catch (err) {
    if (err instanceof CastError) throw new CastError(err.kind, value, path, err.reason)
    throw err
  }
}

/** Update operators whose values are of the target path's type. */
const TYPED_UPDATE_OPS = new Set(['$set', '$setOnInsert', '$min', '$max'])
const NUMERIC_UPDATE_OPS = new Set(['$inc', '$mul', '$dec'])
const ELEMENT_UPDATE_OPS = new Set(['$push', '$addToSet'])

/**
 * Returns a cast copy of an update (operators or a replacement document). Setters run on `$set`
 * values as mongoose runs them; `strict` drops paths not in the schema.
 */
export function castUpdate(
  schema: Schema,
  update: Record<string, unknown>,
  options: {
    strict?: boolean | 'throw'
    overwriteImmutable?: boolean
    translateAliases?: boolean
  } = {}
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const strict = options.strict ?? schema.options.strict
  const translate = options.translateAliases ?? schema.options.translateAliases ?? false
  for (const op of Object.keys(update)) {
    assertSafeKey(op, 'an update')
    const fields = update[op]
    if (!op.startsWith('$') || !isPlainObject(fields)) {
      out[op] = fields
      continue
    }
    const castFields: Record<string, unknown> = {}
    for (const rawPath of Object.keys(fields)) {
      const path = translate ? schema.resolveAlias(rawPath) : rawPath
      const value = fields[rawPath]
      const type = schema.deepPath(path.replace(/\.\$(\[[^\]]*\])?(?=\.|$)/g, '.0'))
      if (
        !type &&
        strict !== false &&
        !isKnownPrefix(schema, path) &&
        op !== '$unset' &&
        op !== '$rename' &&
        op !== '$currentDate'
      ) {
        if (strict === 'throw') {
          throw new StrictModeError(
            path,
            `Path "${path}" is not in schema, strict mode is \`true\`, and upsert is \`false\`.`
          )
        }
        continue
      }
      // mongoose strips immutable paths from updates; only an insert ($setOnInsert) may set them.
      if (type && isImmutable(type) && op !== '$setOnInsert' && !options.overwriteImmutable) {
        if (strict === 'throw') {
          throw new StrictModeError(
            path,
            `Path \`${path}\` is immutable and strict mode is set to throw.`
          )
        }
        continue
      }
      castFields[path] = type ? castUpdateValue(op, type, value, path) : value
    }
    if (Object.keys(castFields).length > 0 || op === '$setOnInsert') out[op] = castFields
  }
  return out
}

/** `immutable: true` (functions are asked without a document, as mongoose does for updates). */
function isImmutable(type: SchemaType): boolean {
  const flag = type.options.immutable
  return typeof flag === 'function' ? Boolean((flag as () => unknown)()) : Boolean(flag)
}

function isKnownPrefix(schema: Schema, path: string): boolean {
  if (schema.nested.has(path)) return true
  for (const p of schema.paths.keys())
    if (p.startsWith(`${path}.`) || path.startsWith(`${p}.`)) return true
  return false
}

function castUpdateValue(op: string, type: SchemaType, value: unknown, path: string): unknown {
  try {
    if (TYPED_UPDATE_OPS.has(op)) {
      if (type instanceof ArrayType && !Array.isArray(value)) return type.castElement(value, 0)
      return type.applySetters(value, undefined)
    }
    if (NUMERIC_UPDATE_OPS.has(op))
      return type.instance === 'Decimal128' ? type.cast(value) : castNumberOperand(value, path)
    if (ELEMENT_UPDATE_OPS.has(op) && type instanceof ArrayType) {
      if (isPlainObject(value) && '$each' in value) {
        const each = value.$each
        return {
          ...value,
          $each: Array.isArray(each) ? each.map((v, i) => type.castElement(v, i)) : each,
        }
      }
      return type.castElement(value, 0)
    }
    if (
      (op === '$pull' || op === '$pullAll') &&
      type instanceof ArrayType &&
      !type.isDocumentArray
    ) {
      if (Array.isArray(value)) return value.map((v, i) => type.castElement(v, i))
      if (isPlainObject(value)) return value
      return type.castElement(value, 0)
    }
  } catch (err) {
    if (err instanceof CastError) throw new CastError(err.kind, value, path, err.reason)
    throw err
  }
  return value
}

function castNumberOperand(value: unknown, path: string): unknown {
  if (typeof value === 'number' || typeof value === 'bigint') return value
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value)
  if (typeof value === 'object' && value !== null) return value
  throw new CastError('Number', value, path)
}
