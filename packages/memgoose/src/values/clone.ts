/**
 * Deep copies of stored values. Engines and the model layer copy on the way in and out so that a
 * caller mutating a result (lean or not) can never change what is stored.
 */
import { isBinary, isBytes } from './bson.js'

const hasOwn = Object.prototype.hasOwnProperty

/**
 * Deep-copies a value: plain objects, arrays, Dates, byte arrays, Maps and bson Binary are copied;
 * immutable bson values (ObjectId, Decimal128, Long) and RegExps are shared, as nothing can mutate them.
 */
export function cloneValue<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i])
    return out as T
  }
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = proto === null ? Object.create(null) : {}
    // Own properties only: inherited enumerable properties must never become stored data. for..in with
    // an own-property check avoids allocating a key array per object (clones run on every result).
    for (const key in value) {
      if (hasOwn.call(value, key)) out[key] = cloneValue((value as Record<string, unknown>)[key])
    }
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
