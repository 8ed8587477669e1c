/**
 * Casting a whole object against a schema: known paths are cast with their SchemaType, nested paths
 * recurse, unknown paths follow the `strict` option, and defaults fill what is missing.
 */
import {
  CastError,
  MemgooseError,
  type ErrorCollector,
  type ValidationError,
} from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { assertSafeKey } from '../values/paths.js'
import type { Schema } from './schema.js'
import type { SchemaType } from './schema-type.js'
import { levelsOf, type Field, type Level } from './cast-levels.js'

/** Options of castObject. */
export interface CastObjectOptions {
  /** Collects cast errors per path instead of throwing the first. */
  errors?: ErrorCollector | ValidationError
  /** The document being built (`this` of setters and defaults). */
  doc?: unknown
  /** Fill defaults of missing paths. */
  applyDefaults?: boolean
  /** Overrides the schema's `strict` option. */
  strict?: boolean | 'throw'
  /** Paths to leave out when applying defaults (e.g. deselected on a partial load). */
  skipDefaults?: (path: string) => boolean
  /** Told about every path that received its default (documents track them for `$isDefault`). */
  onDefault?: (path: string) => void
}

/** `strict: 'throw'` met a path that is not in the schema (mongoose's StrictModeError). */
export class StrictModeError extends MemgooseError {
  readonly path: string
  constructor(path: string, message?: string) {
    super(
      'STRICT_MODE',
      message ?? `Field \`${path}\` is not in schema and strict mode is set to throw.`
    )
    this.path = path
  }
}
StrictModeError.prototype.name = 'StrictModeError'

/** Returns a new object holding `input` cast to `schema` (input is never mutated). */
export function castObject(
  schema: Schema,
  input: Record<string, unknown>,
  options: CastObjectOptions = {}
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const strict = options.strict ?? schema.options.strict
  castInto(schema, input, out, '', strict, options)
  if (options.applyDefaults) applyDefaults(schema, out, options)
  return out
}

/**
 * Casts into `out`, which the caller may have pre-seeded with keys (as `undefined`) to fix their
 * position: bulk inserts put `_id` first this way without copying the object afterwards.
 */
export function castObjectInto(
  schema: Schema,
  input: Record<string, unknown>,
  out: Record<string, unknown>,
  options: CastObjectOptions = {}
): void {
  const strict = options.strict ?? schema.options.strict
  castInto(schema, input, out, '', strict, options)
  if (options.applyDefaults) applyDefaults(schema, out, options)
}

const hasOwn = Object.prototype.hasOwnProperty

function castInto(
  schema: Schema,
  input: Record<string, unknown>,
  out: Record<string, unknown>,
  prefix: string,
  strict: boolean | 'throw',
  options: CastObjectOptions,
  level: Level | undefined = prefix === '' ? levelsOf(schema) : undefined
): void {
  let position = 0
  // for-in with an own-property check: the keys of Object.keys, without allocating them.
  for (const key in input) {
    if (!hasOwn.call(input, key)) continue
    const field = level?.field(key, position++)
    // Keys the schema knows are safe (schemas reject forbidden keys) and hold no dots.
    if (field === undefined) {
      castKey(schema, key, input[key], out, prefix, strict, options)
      continue
    }
    const value = input[key]
    if (value === undefined) continue
    if (field.type !== undefined) castTyped(field.type, value, out, field.outKey, options)
    else castNested(schema, field, value, out, key, strict, options)
  }
}

/** One key the compiled levels do not know: aliases, dotted keys, unknown keys (strict rules). */
function castKey(
  schema: Schema,
  key: string,
  value: unknown,
  out: Record<string, unknown>,
  prefix: string,
  strict: boolean | 'throw',
  options: CastObjectOptions
): void {
  assertSafeKey(key, 'a document')
  if (value === undefined) return
  if (key.includes('.') && prefix === '' && !schema.paths.has(key)) {
    setDotted(schema, key, value, out, strict, options)
    return
  }
  const path = prefix + key
  const type = schema.paths.get(path) ?? schema.aliasTarget(path)
  if (type) {
    castTyped(type, value, out, type.path.slice(prefix.length), options)
  } else if (schema.nested.has(path)) {
    const field = { type: undefined, outKey: key, level: undefined, path, prefix: `${path}.` }
    castNested(schema, field, value, out, key, strict, options)
  } else if (strict === 'throw') {
    throw new StrictModeError(path)
  } else if (strict === false) {
    out[key] = cloneValue(value)
  }
}

function castTyped(
  type: SchemaType,
  value: unknown,
  out: Record<string, unknown>,
  outKey: string,
  options: CastObjectOptions
): void {
  try {
    out[outKey] = type.applySetters(value, options.doc)
  } catch (err) {
    if (!(err instanceof CastError) || !options.errors) throw err
    options.errors.addError(err.path, err)
  }
}

function castNested(
  schema: Schema,
  field: Field,
  value: unknown,
  out: Record<string, unknown>,
  key: string,
  strict: boolean | 'throw',
  options: CastObjectOptions
): void {
  const path = field.path
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const child: Record<string, unknown> = {}
    castInto(
      schema,
      value as Record<string, unknown>,
      child,
      field.prefix,
      strict,
      options,
      field.level
    )
    out[key] = child
  } else if (value === null) {
    out[key] = null
  } else {
    const err = new CastError('Object', value, path)
    if (!options.errors) throw err
    options.errors.addError(path, err)
  }
}

function setDotted(
  schema: Schema,
  dotted: string,
  value: unknown,
  out: Record<string, unknown>,
  strict: boolean | 'throw',
  options: CastObjectOptions
): void {
  const parts = dotted.split('.')
  let obj: Record<string, unknown> = {}
  const root = obj
  for (let i = 0; i < parts.length - 1; i++) {
    const next: Record<string, unknown> = {}
    obj[parts[i]] = next
    obj = next
  }
  obj[parts[parts.length - 1]] = value
  const cast: Record<string, unknown> = {}
  castInto(schema, root, cast, '', strict, options)
  deepAssign(out, cast)
}

function deepAssign(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) {
    const value = source[key]
    if (isPlainObject(value) && isPlainObject(target[key])) {
      deepAssign(target[key] as Record<string, unknown>, value)
    } else {
      target[key] = value
    }
  }
}

/** Sets defaults for every schema path missing from `out` (creating nested objects as needed). */
export function applyDefaults(
  schema: Schema,
  out: Record<string, unknown>,
  options: CastObjectOptions = {}
): void {
  for (const type of schema.defaultedPaths) {
    if (options.skipDefaults?.(type.path)) continue
    const parts = type.pathParts
    let obj = out
    let blocked = false
    for (let i = 0; i < parts.length - 1; i++) {
      const next = obj[parts[i]]
      if (next === undefined) {
        const created: Record<string, unknown> = {}
        obj[parts[i]] = created
        obj = created
      } else if (isPlainObject(next)) {
        obj = next
      } else {
        blocked = true
        break
      }
    }
    const leaf = parts[parts.length - 1]
    if (blocked || obj[leaf] !== undefined) continue
    try {
      const value = type.getDefault(options.doc)
      if (value !== undefined) {
        obj[leaf] = value
        options.onDefault?.(type.path)
      }
    } catch (err) {
      if (!(err instanceof CastError) || !options.errors) throw err
      options.errors.addError(type.path, err)
    }
  }
}
