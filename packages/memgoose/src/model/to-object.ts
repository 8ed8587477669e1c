/**
 * Document → plain object, with mongoose's toObject/toJSON options: getters, virtuals, versionKey,
 * flattenMaps, minimize, depopulate and transform.
 */
import { ArrayType, EmbeddedType } from '../schema/compound-types.js'
import type { Schema, ToObjectOptions } from '../schema/schema.js'
import { isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { Document, writePath } from './document.js'
import { applySchemaGetters, pauseGetters, resumeGetters } from './subdocument.js'

/** Builds the plain form of `doc`. `json` selects toJSON's defaults for nested documents. */
export function toObjectImpl(
  doc: Document,
  options: ToObjectOptions,
  json: boolean
): Record<string, unknown> {
  const schema = doc.schema
  pauseGetters()
  let ret: Record<string, unknown>
  try {
    ret = copyValue(doc._doc, options, json) as Record<string, unknown>
  } finally {
    resumeGetters()
  }
  if (options.getters) applySchemaGetters(schema, ret, doc)
  // As mongoose: `getters: true` applies virtual getters too, unless `virtuals: false`.
  if (options.virtuals || (options.getters && options.virtuals !== false)) {
    applyVirtuals(schema, doc, ret, options, json)
  }
  if (options.versionKey === false && typeof schema.options.versionKey === 'string') {
    delete ret[schema.options.versionKey]
  }
  if (options.minimize ?? schema.options.minimize ?? true) minimize(ret)
  if (typeof options.transform === 'function') {
    const out = options.transform(doc, ret, options)
    if (out !== undefined) return out as Record<string, unknown>
  }
  return ret
}

function copyValue(value: unknown, options: ToObjectOptions, json: boolean): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (value instanceof Document) {
    if (options.depopulate) return cloneValue(value._doc._id)
    return json ? value.toJSON(options) : value.toObject(options)
  }
  if (Array.isArray(value)) return value.map((v) => copyValue(v, options, json))
  if (value instanceof Map) {
    if (options.flattenMaps) {
      const out: Record<string, unknown> = {}
      for (const [k, v] of value) out[String(k)] = copyValue(v, options, json)
      return out
    }
    const out = new Map()
    for (const [k, v] of value) out.set(k, copyValue(v, options, json))
    return out
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const v = value[key]
      if (v !== undefined) out[key] = copyValue(v, options, json)
    }
    return out
  }
  return cloneValue(value)
}

function applyVirtuals(
  schema: Schema,
  doc: Document,
  ret: Record<string, unknown>,
  options: ToObjectOptions,
  json: boolean
): void {
  if (schema.options.id !== false && !schema.paths.has('id') && ret._id !== undefined)
    ret.id = doc.id
  for (const [path, virtual] of schema.virtuals) {
    if (virtual.isPopulate) {
      // Virtual populate results live on the document itself (populate.ts), not in `_doc`.
      const populated = doc.$__.populated.has(path)
        ? (doc as unknown as Record<string, unknown>)[path]
        : undefined
      if (populated !== undefined) writePath(ret, path, copyValue(populated, options, json))
      continue
    }
    if (virtual.getters.length === 0) continue
    writePath(ret, path, virtual.applyGetters(doc))
  }
  subdocumentVirtuals(schema, doc, ret)
}

/** Virtuals (and `id`) of top-level subdocuments, computed on the live subdocuments. */
function subdocumentVirtuals(schema: Schema, doc: Document, ret: Record<string, unknown>): void {
  for (const [path, type] of schema.paths) {
    if (path.includes('.')) continue
    const out = ret[path]
    if (type instanceof ArrayType && type.isDocumentArray && Array.isArray(out)) {
      const live = doc.get(path) as unknown[]
      for (let i = 0; i < out.length; i++) {
        if (isPlainObject(out[i]))
          addVirtuals(type.schemaFor(live[i]), live[i], out[i] as Record<string, unknown>)
      }
    } else if (type instanceof EmbeddedType && isPlainObject(out)) {
      const live = doc.get(path)
      addVirtuals(type.schemaFor(live), live, out)
    }
  }
}

function addVirtuals(schema: Schema, sub: unknown, out: Record<string, unknown>): void {
  if (schema.options.id !== false && out._id !== undefined && !('id' in out))
    out.id = String(out._id)
  for (const [name, virtual] of schema.virtuals) {
    if (!virtual.isPopulate && virtual.getters.length > 0 && !name.includes('.')) {
      out[name] = virtual.applyGetters(sub)
    }
  }
}

/** Removes empty nested objects (mongoose's `minimize`). */
function minimize(obj: Record<string, unknown>): boolean {
  let empty = true
  for (const key of Object.keys(obj)) {
    const v = obj[key]
    if (isPlainObject(v) && minimize(v)) delete obj[key]
    else if (v !== undefined) empty = false
  }
  return empty
}
