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
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      out[i] = typeof item === 'object' && item !== null ? cloneValue(item) : item
    }
    return out as T
  }
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype) {
    // Spread copies the own enumerable properties in one step (V8 clones the object's layout
    // wholesale, and never runs a `__proto__` setter); only values that are objects need a deeper
    // copy. The own-property check keeps anything enumerable on Object.prototype out.
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    for (const key in out) {
      const item = out[key]
      if (typeof item === 'object' && item !== null && hasOwn.call(out, key)) {
        out[key] = cloneValue(item)
      }
    }
    return out as T
  }
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
