/**
 * Hash keys for grouping values under MongoDB equality (`1`, `1.0` and `Long(1)` group together;
 * null and missing group together; objects and arrays by content, field order significant).
 * Strings, numbers and booleans key a Map directly; other values key by a canonical string.
 */
import { isDecimal128, isLong, isObjectId } from '../values/bson.js'
import { toNumber } from '../values/compare.js'

const NULL_KEY = Symbol('null')

/** The canonical string of a value (objects and arrays by content). */
export function canonicalKey(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'N'
    case 'number':
      return `n${value === 0 ? 0 : value}`
    case 'string':
      return `s${JSON.stringify(value)}`
    case 'boolean':
      return value ? 'b1' : 'b0'
    case 'bigint':
      return `n${Number(value)}`
  }
  if (value === null) return 'N'
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`
  if (value instanceof Date) return `d${value.getTime()}`
  if (isObjectId(value)) return `o${value.toHexString()}`
  if (isLong(value) || isDecimal128(value)) {
    const n = toNumber(value)
    return `n${n === 0 ? 0 : n}`
  }
  if (value instanceof RegExp) return `r${String(value)}`
  if (value instanceof Uint8Array) return `x${Buffer.from(value).toString('base64')}`
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) {
    const obj = value as Record<string, unknown>
    return `{${Object.keys(obj)
      .map((k) => `${JSON.stringify(k)}:${canonicalKey(obj[k])}`)
      .join(',')}}`
  }
  return `u${String(value)}`
}

/** The Map key for a value: the value itself when it hashes correctly, else its canonical string. */
export function groupKey(value: unknown): unknown {
  const t = typeof value
  if (t === 'string' || t === 'boolean') return value
  if (t === 'number') return value === 0 ? 0 : value
  if (value === null || value === undefined) return NULL_KEY
  // Prefixed so a canonical string never equals a plain string key.
  return `\u0000${canonicalKey(value)}`
}
