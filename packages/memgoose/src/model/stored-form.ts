/**
 * Conversions between a document's in-memory form (Maps, populated documents) and the stored form that
 * crosses the engine contract (plain objects, ids), as MongoDB stores mongoose documents.
 */
import { UnsafeInputError } from '../errors/index.js'
import { isLong, isPlainObject } from '../values/bson.js'
import { isForbiddenKey } from '../values/paths.js'
import type { Schema } from '../schema/schema.js'
import { MapType } from '../schema/compound-types.js'

/** MongoDB's nesting limit, applied to every document that reaches an engine. */
const MAX_DEPTH = 100

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
  if (value instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of value) out[safeKey(String(k))] = toStoredForm(v, depth + 1)
    return out
  }
  const asDoc = value as { $__?: unknown; _doc?: Record<string, unknown> }
  if (asDoc.$__ !== undefined && asDoc._doc !== undefined) return asDoc._doc._id
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const v = value[key]
      if (v !== undefined) out[safeKey(key)] = toStoredForm(v, depth + 1)
    }
    return out
  }
  if (value instanceof Date) return new Date(value.getTime())
  if (value instanceof Uint8Array)
    return Buffer.isBuffer(value) ? Buffer.from(value) : value.slice()
  return value
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
