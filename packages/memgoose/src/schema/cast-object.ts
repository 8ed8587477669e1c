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

/** A key of one object level that the schema knows: a typed path or a nested object. */
interface Field {
  readonly type: SchemaType | undefined
  /** Where the cast value goes in the output object. */
  readonly outKey: string
  /** The nested level, when `type` is undefined. */
  readonly level: Level | undefined
  readonly path: string
  /** `path + '.'`, the prefix of the nested level's paths. */
  readonly prefix: string
}

/** The known keys of one object level (the root, or a nested path). */
class Level {
  readonly fields = new Map<string, Field>()
  // The keys of the last object cast at this level, by position, and what they resolved to:
  // objects of one shape, the usual stream, resolve each key with a pointer comparison.
  readonly #lastKeys: string[] = []
  readonly #lastFields: (Field | undefined)[] = []

  /** The field of `key`, the `position`-th key of the object being cast. */
  field(key: string, position: number): Field | undefined {
    if (this.#lastKeys[position] === key) return this.#lastFields[position]
    const field = this.fields.get(key)
    if (position < MAX_REMEMBERED_KEYS) {
      this.#lastKeys[position] = key
      this.#lastFields[position] = field
    }
    return field
  }
}

/** How many key positions a Level remembers. */
const MAX_REMEMBERED_KEYS = 64

/** The compiled levels of a schema, and the shape of `paths`/`nested` they were built from. */
interface CompiledLevels {
  readonly paths: number
  readonly nested: number
  readonly root: Level
}

const compiled = new WeakMap<Schema, CompiledLevels>()
const hasOwn = Object.prototype.hasOwnProperty

/**
 * The schema's paths arranged per object level, so casting a document costs one Map lookup per key
 * instead of building and looking up each dotted path. Rebuilt when paths are added (the same
 * staleness rule as `schema.defaultedPaths`).
 */
function levelsOf(schema: Schema): Level {
  const cached = compiled.get(schema)
  if (cached && cached.paths === schema.paths.size && cached.nested === schema.nested.size)
    return cached.root
  const root = new Level()
  const byPath = new Map<string, Level>([['', root]])
  const parentOf = (path: string): [Level | undefined, string] => {
    const dot = path.lastIndexOf('.')
    return dot < 0 ? [root, path] : [byPath.get(path.slice(0, dot)), path.slice(dot + 1)]
  }
  // Shallow nested paths first, so every parent level exists before its children.
  const nested = [...schema.nested].sort((a, b) => a.split('.').length - b.split('.').length)
  for (const path of nested) {
    if (schema.paths.has(path)) continue
    const [parent, key] = parentOf(path)
    if (parent === undefined) continue
    const level = new Level()
    byPath.set(path, level)
    parent.fields.set(key, { type: undefined, outKey: key, level, path, prefix: `${path}.` })
  }
  for (const [path, type] of schema.paths) {
    const [parent, key] = parentOf(path)
    if (parent === undefined) continue
    const prefixLength = path.length - key.length
    parent.fields.set(key, {
      type,
      outKey: type.path.slice(prefixLength),
      level: undefined,
      path,
      prefix: '',
    })
  }
  compiled.set(schema, { paths: schema.paths.size, nested: schema.nested.size, root })
  return root
}

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
