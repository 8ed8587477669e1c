/**
 * Hash keys for grouping values under MongoDB equality (`1`, `1.0` and `Long(1)` group together;
 * null and missing group together; objects and arrays by content, field order significant).
 * Strings, numbers and booleans key a Map directly; other values key by a canonical string.
 * Numbers of every kind key by value: a safe integer or fraction as a JS number, an integer beyond
 * 2^53 as a bigint so distinct Longs stay distinct. Decimal128 keys by its nearest double.
 */
import { isDecimal128, isLong, isObjectId } from '../values/bson.js'
import { toNumber } from '../values/compare.js'

const NULL_KEY = Symbol('null')
const MAX_SAFE = Number.MAX_SAFE_INTEGER

/** The Map key of a double: -0 as 0, integers beyond 2^53 as exact bigints (as Longs key). */
function doubleKey(n: number): number | bigint {
  if (n === 0) return 0
  return (n > MAX_SAFE || n < -MAX_SAFE) && Number.isInteger(n) ? BigInt(n) : n
}

/** The Map key of a bigint: a number when safe, so it meets equal doubles. */
function bigintKey(n: bigint): number | bigint {
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n
}

/** The key of any numeric value (number, bigint, Long, Decimal128), or undefined for others. */
function numericKey(value: unknown): number | bigint | undefined {
  if (typeof value === 'number') return doubleKey(value)
  if (typeof value === 'bigint') return bigintKey(value)
  if (isLong(value)) return bigintKey(value.toBigInt())
  if (isDecimal128(value)) return doubleKey(toNumber(value))
  return undefined
}

/** The canonical string of a value (objects and arrays by content). */
export function canonicalKey(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'N'
    case 'string':
      return `s${JSON.stringify(value)}`
    case 'boolean':
      return value ? 'b1' : 'b0'
  }
  if (value === null) return 'N'
  const numeric = numericKey(value)
  if (numeric !== undefined) return `n${numeric}`
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`
  if (value instanceof Date) return `d${value.getTime()}`
  if (isObjectId(value)) return `o${value.toHexString()}`
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
  if (t === 'number') return doubleKey(value as number)
  if (value === null || value === undefined) return NULL_KEY
  const numeric = numericKey(value)
  if (numeric !== undefined) return numeric
  // Prefixed so a canonical string never equals a plain string key.
  return `\u0000${canonicalKey(value)}`
}
