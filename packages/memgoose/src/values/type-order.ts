/**
 * MongoDB's canonical BSON type order, used for comparisons across types and for sorting:
 * MinKey < null/missing < numbers < strings < objects < arrays < binary < ObjectId < booleans <
 * dates < timestamps < regular expressions < MaxKey.
 */
import { isBinary, isBytes, isDecimal128, isLong, isObjectId } from './bson.js'

/** Rank of each type bracket in MongoDB's comparison order. Equal ranks compare by value. */
export const TypeRank = {
  MinKey: 1,
  Null: 2,
  Number: 3,
  String: 4,
  Object: 5,
  Array: 6,
  Binary: 7,
  ObjectId: 8,
  Boolean: 9,
  Date: 10,
  Timestamp: 11,
  RegExp: 12,
  MaxKey: 13,
} as const

/** The type bracket of a stored value (`undefined` counts as null, as a missing field does). */
export function typeRank(value: unknown): number {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return TypeRank.Number
    case 'string':
      return TypeRank.String
    case 'boolean':
      return TypeRank.Boolean
    case 'undefined':
      return TypeRank.Null
    case 'object':
      if (value === null) return TypeRank.Null
      if (Array.isArray(value)) return TypeRank.Array
      if (value instanceof Date) return TypeRank.Date
      if (value instanceof RegExp) return TypeRank.RegExp
      if (isObjectId(value)) return TypeRank.ObjectId
      // bson's Timestamp extends Long: look at its tag before treating it as a number.
      if ((value as { _bsontype?: string })._bsontype === 'Timestamp') return TypeRank.Timestamp
      if (isDecimal128(value) || isLong(value)) return TypeRank.Number
      if (isBytes(value) || isBinary(value)) return TypeRank.Binary
      switch ((value as { _bsontype?: string })._bsontype) {
        case 'MinKey':
          return TypeRank.MinKey
        case 'MaxKey':
          return TypeRank.MaxKey
        case 'Timestamp':
          return TypeRank.Timestamp
      }
      return TypeRank.Object
    default:
      return TypeRank.Object
  }
}

/**
 * The `$type` alias of a value (`'double'`, `'string'`, `'object'`, `'array'`, `'binData'`,
 * `'objectId'`, `'bool'`, `'date'`, `'null'`, `'regex'`, `'int'`, `'long'`, `'decimal'`, ...),
 * or `'missing'` for undefined.
 */
export function bsonTypeAlias(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? 'int' : 'double'
    case 'bigint':
      return 'long'
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'undefined':
      return 'missing'
    case 'function':
      return 'javascript'
    case 'symbol':
      return 'symbol'
  }
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (value instanceof Date) return 'date'
  if (value instanceof RegExp) return 'regex'
  if (isObjectId(value)) return 'objectId'
  if ((value as { _bsontype?: string })._bsontype === 'Timestamp') return 'timestamp'
  if (isDecimal128(value)) return 'decimal'
  if (isLong(value)) return 'long'
  if (isBytes(value) || isBinary(value)) return 'binData'
  switch ((value as { _bsontype?: string })._bsontype) {
    case 'MinKey':
      return 'minKey'
    case 'MaxKey':
      return 'maxKey'
    case 'Timestamp':
      return 'timestamp'
  }
  return 'object'
}
