/**
 * `$inc`/`$mul` arithmetic over MongoDB's numeric types: doubles (JS numbers), 64-bit integers
 * (bson Long or bigint) and Decimal128. As in MongoDB, Decimal128 wins over everything, a double wins
 * over integers, and integers stay integers. JS numbers do not distinguish int32 from double, so an
 * integral number counts as an integer when combined with a Long.
 */
import { QueryError } from '../errors/index.js'
import { Long, isDecimal128, isLong } from '../values/bson.js'
import { decimalAdd, decimalMul } from './decimal.js'

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** True for the values `$inc`, `$mul` and `$dec` accept and apply to. */
export function isNumeric(value: unknown): boolean {
  return (
    typeof value === 'number' || typeof value === 'bigint' || isLong(value) || isDecimal128(value)
  )
}

/** The numeric value of `value` in the type of `like` with magnitude zero (`$mul` on a missing field). */
export function zeroLike(like: unknown): unknown {
  if (isDecimal128(like)) return decimalAdd(0, 0)
  if (isLong(like)) return Long.fromInt(0)
  if (typeof like === 'bigint') return 0n
  return 0
}

/** `a + b` (`add`) or `a * b` (`mul`) for two numeric values. */
export function arithmetic(kind: 'add' | 'mul', a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const result = kind === 'add' ? a + b : a * b
    // Integral numbers are MongoDB ints, which have no negative zero (-5 * 0 is 0).
    return result === 0 && Number.isInteger(a) && Number.isInteger(b) ? 0 : result
  }
  if (isDecimal128(a) || isDecimal128(b))
    return kind === 'add' ? decimalAdd(a, b) : decimalMul(a, b)
  const ia = asInteger(a)
  const ib = asInteger(b)
  if (ia === undefined || ib === undefined) {
    const x = asDouble(a)
    const y = asDouble(b)
    return kind === 'add' ? x + y : x * y
  }
  const result = kind === 'add' ? ia + ib : ia * ib
  const asBigint = typeof a === 'bigint' || typeof b === 'bigint'
  if (result < INT64_MIN || result > INT64_MAX) {
    throw new QueryError(
      'BAD_UPDATE',
      `Failed to apply $${kind === 'add' ? 'inc' : 'mul'} operations: 64-bit integer overflow`
    )
  }
  return asBigint ? result : Long.fromBigInt(result)
}

function asInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (isLong(value)) return value.toBigInt()
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value)
  return undefined
}

function asDouble(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  return (value as Long).toNumber()
}
