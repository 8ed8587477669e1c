/**
 * Type conversion shared by `$convert` and the `$toX` shorthands, following MongoDB's conversion
 * table. Longs come back as JS numbers (the driver promotes them by default, so mongoose users see
 * numbers); decimals come back as Decimal128.
 */
import { Decimal128, ObjectId, isDecimal128, isLong, isObjectId } from '../../../values/bson.js'
import { toNumber } from '../../../values/compare.js'
import { bsonTypeAlias } from '../../../values/type-order.js'
import { QueryError } from '../../../errors/index.js'
import { isNumeric } from '../helpers.js'
import { parseDateString } from '../date/parse.js'

/** `$convert` target names, with their numeric aliases. */
const ALIASES: Record<string | number, string> = {
  1: 'double',
  2: 'string',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  16: 'int',
  18: 'long',
  19: 'decimal',
}

/** The canonical target type for a `to` value, or undefined if unsupported. */
export function targetType(to: unknown): string | undefined {
  if (typeof to === 'number') return ALIASES[to]
  if (typeof to === 'string' && Object.values(ALIASES).includes(to)) return to
  return undefined
}

function failure(value: unknown, to: string): QueryError {
  return new QueryError(
    'CONVERSION_FAILURE',
    `Unsupported conversion from ${bsonTypeAlias(value)} to ${to} in $convert with no onError value`
  )
}

const INT_STRING = /^[+-]?\d+$/
const FLOAT_STRING =
  /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(Infinity|infinity|inf|NaN|nan)$/

/** Converts a non-null value to `to`, throwing CONVERSION_FAILURE where MongoDB would. */
export function convertValue(value: unknown, to: string): unknown {
  switch (to) {
    case 'bool':
      if (typeof value === 'boolean') return value
      if (isNumeric(value)) return toNumber(value) !== 0
      return true
    case 'string':
      return toStringValue(value, to)
    case 'double':
      return toDouble(value, to)
    case 'int':
    case 'long': {
      if (value instanceof Date) {
        if (to === 'int') throw failure(value, to)
        return value.getTime()
      }
      if (typeof value === 'string') {
        if (!INT_STRING.test(value.trim()) || value.trim() !== value) throw failure(value, to)
        return checkRange(Number(value), to, value)
      }
      const n = toDouble(value, to)
      if (!Number.isFinite(n)) throw failure(value, to)
      return checkRange(Math.trunc(n), to, value)
    }
    case 'decimal': {
      if (isDecimal128(value)) return value
      if (typeof value === 'string') {
        if (!FLOAT_STRING.test(value)) throw failure(value, to)
        return Decimal128.fromString(value)
      }
      return Decimal128.fromString(String(toDouble(value, to)))
    }
    case 'date':
      if (value instanceof Date) return value
      if (typeof value === 'number' || isLong(value) || isDecimal128(value))
        return new Date(toNumber(value))
      if (isObjectId(value)) return value.getTimestamp()
      if (typeof value === 'string') {
        const d = parseDateString(value, undefined, 0)
        if (d === undefined) throw failure(value, to)
        return new Date(d)
      }
      throw failure(value, to)
    case 'objectId':
      if (isObjectId(value)) return value
      if (typeof value === 'string' && /^[0-9a-fA-F]{24}$/.test(value)) return new ObjectId(value)
      throw failure(value, to)
  }
  throw failure(value, to)
}

function checkRange(n: number, to: string, original: unknown): number {
  const limit = to === 'int' ? 2 ** 31 : 2 ** 63
  if (n < -limit || n >= limit) throw failure(original, to)
  return n
}

function toDouble(value: unknown, to: string): number {
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (isLong(value) || isDecimal128(value)) return toNumber(value)
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'string' && FLOAT_STRING.test(value)) {
    const lower = value.toLowerCase().replace(/^[+]/, '')
    if (lower.endsWith('inf') || lower.endsWith('infinity'))
      return lower.startsWith('-') ? -Infinity : Infinity
    return Number(value.toLowerCase() === 'nan' ? Number.NaN : value)
  }
  throw failure(value, to)
}

function toStringValue(value: unknown, to: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (isNumeric(value)) return isDecimal128(value) ? value.toString() : String(toNumber(value))
  if (value instanceof Date) return value.toISOString()
  if (isObjectId(value)) return value.toHexString()
  throw failure(value, to)
}
