/**
 * The BSON value types memgoose stores, re-exported from the `bson` package (the same classes the
 * MongoDB driver and mongoose use, so values interoperate), and detectors that also recognise
 * instances from another copy of `bson` by their `_bsontype` tag.
 */
import { Binary, Decimal128, Long, ObjectId, UUID } from 'bson'

export { Binary, Decimal128, Long, ObjectId, UUID }

function bsonType(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null
    ? ((value as { _bsontype?: string })._bsontype ?? undefined)
    : undefined
}

/** True for an ObjectId from any copy of `bson` (mongoose's included). */
export function isObjectId(value: unknown): value is ObjectId {
  return value instanceof ObjectId || bsonType(value) === 'ObjectId'
}

/** True for a Decimal128 from any copy of `bson`. */
export function isDecimal128(value: unknown): value is Decimal128 {
  return value instanceof Decimal128 || bsonType(value) === 'Decimal128'
}

/** True for a bson Binary (UUID is a Binary subtype 4). */
export function isBinary(value: unknown): value is Binary {
  return value instanceof Binary || bsonType(value) === 'Binary'
}

/** True for a bson Long (64-bit integer). */
export function isLong(value: unknown): value is Long {
  return value instanceof Long || bsonType(value) === 'Long'
}

/** True for a Node Buffer or any Uint8Array (stored as binary data). */
export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array
}

/** True for a plain object (`{}` literal or `Object.create(null)`), not a class instance or array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export { MaxKey, MinKey } from 'bson'
