/**
 * Conversions between a document's in-memory form (Maps, populated documents) and the stored form that
 * crosses the engine contract (plain objects, ids), as MongoDB stores mongoose documents.
 */
import { UnsafeInputError } from '../errors/index.js'
import { ObjectId, isLong, isPlainObject } from '../values/bson.js'
import { isForbiddenKey } from '../values/paths.js'
import type { Schema } from '../schema/schema.js'
import { ArrayType, MapType } from '../schema/compound-types.js'
import { SchemaType } from '../schema/schema-type.js'

/** MongoDB's nesting limit, applied to every document that reaches an engine. */
const MAX_DEPTH = 100

const hasOwn = Object.prototype.hasOwnProperty

function safeKey(key: string): string {
  if (isForbiddenKey(key)) {
    throw new UnsafeInputError('UNSAFE_KEY', `The key "${key}" is not allowed in a document`)
  }
  return key
}

/**
 * Stored form of a value: Maps become plain objects, undefined fields vanish, and Documents — which
 * inside a document's values can only be populated references — become their `_id` again.
 * The result shares nothing mutable with the input (Dates and byte arrays are copied too), so it can
 * be handed to an engine that keeps the objects it is given.
 */
export function toStoredForm(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value
  // The same walk guards the engine boundary: no runaway nesting, no prototype-polluting keys.
  if (depth > MAX_DEPTH) {
    throw new UnsafeInputError('DOCUMENT_TOO_DEEP', `Document nesting exceeds ${MAX_DEPTH} levels`)
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) {
      const v = toStoredForm(value[i], depth + 1)
      out[i] = v === undefined ? null : v
    }
    return out
  }
  // Cheap prototype tests first: this runs for every object in every stored document.
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) {
    const plain = value as Record<string, unknown>
    if (plain.$__ !== undefined && plain._doc !== undefined) return documentId(plain)
    const out: Record<string, unknown> = {}
    for (const key in plain) {
      if (!hasOwn.call(plain, key)) continue
      const v = plain[key]
      if (v !== undefined) out[safeKey(key)] = toStoredForm(v, depth + 1)
    }
    return out
  }
  if (value instanceof ObjectId) return value
  if (value instanceof Date) return new Date(value.getTime())
  if (value instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of value) out[safeKey(String(k))] = toStoredForm(v, depth + 1)
    return out
  }
  const asDoc = value as { $__?: unknown; _doc?: Record<string, unknown> }
  if (asDoc.$__ !== undefined && asDoc._doc !== undefined) return documentId(asDoc)
  if (value instanceof Uint8Array)
    return Buffer.isBuffer(value) ? Buffer.from(value) : value.slice()
  return value
}

/** A populated document's reference: its `_id`. */
function documentId(doc: { _doc?: Record<string, unknown> }): unknown {
  return (doc._doc as Record<string, unknown>)._id
}

/**
 * Stored forms of many plain objects in a row (a bulk insert), equal to toStoredForm's. Objects
 * with the same keys in the same order — the usual case, values cast by one schema — are copied
 * into a clone of a template holding those keys, so each copy is allocated at its final size with
 * its properties inside the object, the compact layout an object literal gets. A copy grown key by
 * key spills into a separate property array: more heap per stored document, and slower to add to
 * the identity-hashed Sets that index entries are.
 */
export class StoredFormBuilder {
  #keys: readonly string[] | undefined
  #template: Record<string, unknown> | undefined
  #learned = 0

  /** The stored form of `values`, a plain object (see toStoredForm). */
  build(values: Record<string, unknown>): Record<string, unknown> {
    const known = this.#keys
    if (known !== undefined) {
      const out = { ...(this.#template as Record<string, unknown>) }
      let i = 0
      // for-in with an own-property check walks the keys of Object.keys without allocating them.
      for (const key in values) {
        if (!hasOwn.call(values, key)) continue
        const value = values[key]
        // A different key order, or an undefined value (which vanishes from the stored form),
        // does not fit the template's layout.
        if (key !== known[i] || value === undefined) return this.#unknownShape(values)
        out[key] = typeof value === 'object' && value !== null ? toStoredForm(value, 1) : value
        i++
      }
      if (i === known.length) return out
    }
    return this.#unknownShape(values)
  }

  #unknownShape(values: Record<string, unknown>): Record<string, unknown> {
    const stored = toStoredForm(values) as Record<string, unknown>
    // A shape seen once may be the first of many; a stream of varied shapes is not worth it.
    if (this.#learned < MAX_SHAPES && !Object.values(values).includes(undefined))
      this.#learn(Object.keys(values))
    return stored
  }

  #learn(keys: readonly string[]): void {
    this.#learned++
    const shape: Record<string, null> = {}
    for (const key of keys) shape[safeKey(key)] = null
    // JSON.parse (once per shape, never per document) is the one way to build an object of
    // arbitrary keys with all its properties in-object; spread clones of it keep that layout.
    const template = JSON.parse(JSON.stringify(shape)) as Record<string, unknown>
    // Any value kind may follow: make every field general now rather than on the first number.
    for (const key of keys) template[key] = 0
    this.#keys = keys
    this.#template = template
  }
}

/** How many different key orders a StoredFormBuilder learns before it stops trying. */
const MAX_SHAPES = 8

/**
 * Path types whose cast value is already its own stored form, sharing nothing mutable with the
 * input: primitives, immutable bson values, and Dates (castDate always makes a new one).
 */
const STORED_AS_CAST = new Set([
  'String',
  'Number',
  'Boolean',
  'Date',
  'ObjectId',
  'Decimal128',
  'BigInt',
])

function storedAsCast(type: SchemaType): boolean {
  return type.constructor === SchemaType && STORED_AS_CAST.has(type.instance)
}

/**
 * Whether castObject's output for `schema` is already its stored form — fresh objects and arrays
 * only, no Maps, buffers, subdocuments or free-form values, no unknown keys kept — as long as no
 * value came out undefined (see hasUndefined). Then a bulk insert can hand the cast values to the
 * engine without copying them again. Checked per call: it is a walk over the schema's paths.
 */
export function castIsStoredForm(schema: Schema): boolean {
  if (schema.options.strict === false) return false
  for (const type of schema.paths.values()) {
    if (type.pathParts.length > MAX_DEPTH / 2) return false
    if (storedAsCast(type)) continue
    if (
      type instanceof ArrayType &&
      type.constructor === ArrayType &&
      !type.isDocumentArray &&
      storedAsCast(type.caster as SchemaType)
    )
      continue
    return false
  }
  return true
}

/**
 * True when a plain value holds an undefined field or array element anywhere: toStoredForm would
 * drop (or null) it, so the value is not its own stored form.
 */
export function hasUndefined(value: Record<string, unknown> | unknown[]): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i]
      if (item === undefined) return true
      if (typeof item === 'object' && item !== null && isContainer(item) && hasUndefined(item))
        return true
    }
    return false
  }
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue
    const item = value[key]
    if (item === undefined) return true
    if (typeof item === 'object' && item !== null && isContainer(item) && hasUndefined(item))
      return true
  }
  return false
}

function isContainer(value: object): value is Record<string, unknown> | unknown[] {
  return Array.isArray(value) || isPlainObject(value)
}

/** Paths of a schema whose stored form differs from the document form, cached per schema. */
const restorePathsCache = new WeakMap<Schema, { parts: string[]; kind: 'map' | 'bigint' }[]>()

function restorePaths(schema: Schema): { parts: string[]; kind: 'map' | 'bigint' }[] {
  let paths = restorePathsCache.get(schema)
  if (!paths) {
    paths = []
    for (const [path, type] of schema.paths) {
      if (type instanceof MapType) paths.push({ parts: path.split('.'), kind: 'map' })
      else if (type.instance === 'BigInt') paths.push({ parts: path.split('.'), kind: 'bigint' })
    }
    restorePathsCache.set(schema, paths)
  }
  return paths
}

/**
 * Turns stored values back into their document form, in place on a caller-owned document: objects
 * at Map paths become Maps, and int64 Longs at BigInt paths become bigints (a backend may hand
 * int64 values back as Long, as MongoDB's driver does).
 */
export function restoreMaps(schema: Schema, doc: Record<string, unknown>): void {
  for (const { parts, kind } of restorePaths(schema)) {
    let obj: unknown = doc
    for (let i = 0; i < parts.length - 1 && obj; i++)
      obj = (obj as Record<string, unknown>)[parts[i]]
    if (!isPlainObject(obj)) continue
    const leaf = parts[parts.length - 1]
    const value = obj[leaf]
    if (kind === 'map') {
      if (isPlainObject(value)) obj[leaf] = new Map(Object.entries(value))
    } else if (isLong(value)) obj[leaf] = value.toBigInt()
  }
}
