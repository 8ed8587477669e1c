/**
 * Deep copies of stored values. Engines and the model layer copy on the way in and out so that a
 * caller mutating a result (lean or not) can never change what is stored.
 */
import { ObjectId, isBinary, isBytes } from './bson.js'

const hasOwn = Object.prototype.hasOwnProperty
const OBJECT = Object.prototype
const ARRAY = Array.prototype
const DATE = Date.prototype
const OBJECT_ID = ObjectId.prototype

/**
 * Deep-copies a value: plain objects, arrays, Dates, byte arrays, Maps and bson Binary are copied;
 * immutable bson values (ObjectId, Decimal128, Long) and RegExps are shared, as nothing can mutate them.
 */
export function cloneValue<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  const proto = Object.getPrototypeOf(value)
  if (proto === OBJECT) return clonePlain(value as Record<string, unknown>) as T
  if (proto === ARRAY) return cloneArray(value as unknown[]) as T
  return cloneOther(value, proto)
}

function cloneArray(value: readonly unknown[]): unknown[] {
  const out = new Array(value.length)
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    out[i] = typeof item === 'object' && item !== null ? cloneValue(item) : item
  }
  return out
}

function clonePlain(value: Record<string, unknown>): Record<string, unknown> {
  // Spread copies the own enumerable properties in one step (V8 clones the object's layout
  // wholesale, and never runs a `__proto__` setter); only values that are objects need a deeper
  // copy. The own-property check keeps anything enumerable on Object.prototype out.
  const out: Record<string, unknown> = { ...value }
  for (const key in out) {
    const item = out[key]
    if (typeof item !== 'object' || item === null || !hasOwn.call(out, key)) continue
    // The commonest values inline: a stored document is mostly dates, ids, arrays and objects.
    const proto = Object.getPrototypeOf(item)
    if (proto === OBJECT_ID) continue
    if (proto === DATE) out[key] = new Date((item as Date).getTime())
    else if (proto === OBJECT) out[key] = clonePlain(item as Record<string, unknown>)
    else if (proto === ARRAY) out[key] = cloneArray(item as unknown[])
    else out[key] = cloneOther(item, proto)
  }
  return out
}

/** Everything but plain objects and arrays. */
function cloneOther<T>(value: T & object, proto: unknown): T {
  // Arrays of another prototype (subclasses, other realms) copy to plain arrays.
  if (Array.isArray(value)) return cloneArray(value) as T
  if (proto === null) {
    const out: Record<string, unknown> = Object.create(null)
    for (const key in value) out[key] = cloneValue((value as Record<string, unknown>)[key])
    return out as T
  }
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (isBytes(value)) {
    return (Buffer.isBuffer(value) ? Buffer.from(value) : value.slice()) as T
  }
  if (isBinary(value)) {
    const Ctor = (value as object).constructor as new (buffer: Uint8Array, subType: number) => T
    return new Ctor(value.buffer.slice(), value.sub_type)
  }
  if (value instanceof Map) {
    const out = new Map()
    for (const [k, v] of value) out.set(k, cloneValue(v))
    return out as T
  }
  return value
}
