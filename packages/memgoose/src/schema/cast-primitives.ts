/**
 * Casting functions for the primitive schema types, mongoose's rules. Each returns the cast value or
 * throws a CastError-ready `Error` (the caller wraps it with the path). null and undefined pass through.
 */
import {
  Binary,
  Decimal128,
  Long,
  ObjectId,
  UUID,
  isBinary,
  isDecimal128,
  isLong,
  isObjectId,
} from '../values/bson.js'

/** Marker error: the value cannot be cast; the caller adds kind and path. */
export class CastFailure extends Error {}
CastFailure.prototype.name = 'CastFailure'

function fail(reason?: string): never {
  throw new CastFailure(reason ?? 'cast failed')
}

/** mongoose: strings stay; numbers, booleans, bigints and objects with their own toString are stringified. */
export function castString(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (isObjectId(value)) return value.toHexString()
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const toString = (value as { toString?: unknown }).toString
    if (typeof toString === 'function' && toString !== Object.prototype.toString)
      return String(value)
  }
  return fail()
}

/** mongoose: finite numbers, numeric strings, booleans (1/0), Long/Decimal128 by value; NaN fails. */
export function castNumber(value: unknown): number {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string') {
    if (value.trim() === '') return fail()
    n = Number(value)
  } else if (typeof value === 'boolean') n = value ? 1 : 0
  else if (typeof value === 'bigint') n = Number(value)
  else if (isLong(value)) n = value.toNumber()
  else if (isDecimal128(value)) n = Number.parseFloat(value.toString())
  else if (Array.isArray(value) || value === null || typeof value !== 'object') return fail()
  else {
    const prim = (value as { valueOf(): unknown }).valueOf()
    if (typeof prim !== 'number') return fail()
    n = prim
  }
  if (Number.isNaN(n)) return fail()
  return n
}

const TRUE_VALUES = new Set<unknown>([true, 'true', 1, '1', 'yes'])
const FALSE_VALUES = new Set<unknown>([false, 'false', 0, '0', 'no'])

/** mongoose's convertToTrue / convertToFalse sets. */
export function castBoolean(value: unknown): boolean {
  if (TRUE_VALUES.has(value)) return true
  if (FALSE_VALUES.has(value)) return false
  return fail()
}

/** Dates, epoch milliseconds (number or numeric string) and parseable date strings. */
export function castDate(value: unknown): Date {
  if (value instanceof Date) {
    // The copy's time is the original's: check it before building the copy, not after.
    const time = value.getTime()
    return time === time ? new Date(time) : fail('Invalid Date')
  }
  let d: Date
  if (typeof value === 'number') d = new Date(value)
  else if (typeof value === 'string') {
    d =
      /^-?\d+$/.test(value.trim()) && value.trim().length > 4
        ? new Date(Number(value))
        : new Date(value)
  } else if (isLong(value)) d = new Date(value.toNumber())
  else return fail()
  if (Number.isNaN(d.getTime())) return fail('Invalid Date')
  return d
}

/** ObjectIds, 24-hex strings, and documents or objects carrying an `_id` (populated refs). */
export function castObjectId(value: unknown): ObjectId {
  if (value instanceof ObjectId) return value
  if (isObjectId(value)) return new ObjectId(value.toHexString())
  if (typeof value === 'string') {
    if (/^[0-9a-fA-F]{24}$/.test(value)) return new ObjectId(value)
    return fail('input must be a 24 character hex string')
  }
  if (value instanceof Uint8Array && value.length === 12) return new ObjectId(value)
  if (typeof value === 'object' && value !== null && '_id' in value) {
    return castObjectId((value as { _id: unknown })._id)
  }
  return fail()
}

/** Buffers from Buffer/Uint8Array, bson Binary, strings (utf8), byte arrays and `{ type: 'Buffer', data }`. */
export function castBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value
  if (value instanceof Uint8Array) return Buffer.from(value)
  if (isBinary(value)) return Buffer.from(value.buffer)
  if (typeof value === 'string') return Buffer.from(value)
  if (typeof value === 'number') return Buffer.from([value])
  if (Array.isArray(value) && value.every((b) => typeof b === 'number')) return Buffer.from(value)
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Buffer' &&
    Array.isArray((value as { data?: unknown }).data)
  ) {
    return Buffer.from((value as { data: number[] }).data)
  }
  return fail()
}

/** Decimal128 from Decimal128, numbers, numeric strings and bigints. */
export function castDecimal128(value: unknown): Decimal128 {
  if (value instanceof Decimal128) return value
  if (isDecimal128(value)) return Decimal128.fromString(value.toString())
  if (typeof value === 'number' && Number.isFinite(value))
    return Decimal128.fromString(String(value))
  if (typeof value === 'bigint') return Decimal128.fromString(value.toString())
  if (typeof value === 'string') {
    try {
      return Decimal128.fromString(value.trim())
    } catch (err) {
      return fail((err as Error).message)
    }
  }
  return fail()
}

/** UUIDs from UUID instances, Binary subtype 4 and hyphenated or plain hex strings. */
export function castUUID(value: unknown): UUID {
  if (value instanceof UUID) return value
  if (isBinary(value) && value.sub_type === Binary.SUBTYPE_UUID) return new UUID(value.buffer)
  if (typeof value === 'string') {
    try {
      return new UUID(value)
    } catch (err) {
      return fail((err as Error).message)
    }
  }
  if (value instanceof Uint8Array && value.length === 16) return new UUID(value)
  return fail()
}

const MAX_BIGINT = 9223372036854775807n
const MIN_BIGINT = -9223372036854775808n

/** BigInt from bigints, safe integers, integer strings and Longs, within int64 as MongoDB stores it. */
export function castBigInt(value: unknown): bigint {
  let n: bigint
  if (typeof value === 'bigint') n = value
  else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value)
  else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) n = BigInt(value.trim())
  else if (isLong(value)) return value.toBigInt()
  else return fail()
  if (n > MAX_BIGINT || n < MIN_BIGINT) {
    return fail(
      `BigInts must be between ${MIN_BIGINT} and ${MAX_BIGINT}: MongoDB stores them as int64`
    )
  }
  return n
}

/** Re-exported so schema code imports bson values from one place. */
export { Long }
