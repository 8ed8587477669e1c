/**
 * Value tests for equality, specialised by the type of the operand so that the common cases cost one
 * comparison. Equality follows MongoDB: numbers of every kind compare by value, null matches missing,
 * objects compare field by field in order, Dates and ObjectIds by value.
 */
import { isDecimal128, isLong, isObjectId } from '../../../values/bson.js'
import { toNumber, valuesEqual } from '../../../values/compare.js'
import type { ValueTest } from '../walk.js'

/** True for a Long or Decimal128 (numbers that are objects). */
export function isNumberObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (isLong(v) || isDecimal128(v))
}

/** True for any value in MongoDB's number bracket. */
export function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || isNumberObject(v)
}

/** True for NaN in any numeric representation. */
export function isNaNValue(v: unknown): boolean {
  if (typeof v === 'number') return v !== v
  return isNumberObject(v) && Number.isNaN(toNumber(v))
}

/** A test that accepts exactly the values MongoDB considers equal to `x`. */
export function equalsTest(x: unknown): ValueTest {
  if (x === null || x === undefined) return (v) => v === null || v === undefined
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return (v) => v === x
    case 'number':
      if (x !== x) return isNaNValue
      return (v) => v === x || (isNumberObject(v) && toNumber(v) === x)
    case 'bigint': {
      const n = Number(x)
      return (v) =>
        v === x || (typeof v === 'number' ? v === n : isNumberObject(v) && toNumber(v) === n)
    }
  }
  if (x instanceof Date) {
    const t = x.getTime()
    return (v) => v instanceof Date && v.getTime() === t
  }
  if (isObjectId(x)) return (v) => isObjectId(v) && x.equals(v)
  if (isNumberObject(x)) {
    const n = toNumber(x)
    if (n !== n) return isNaNValue
    return (v) => (typeof v === 'number' ? v === n : isNumberObject(v) && toNumber(v) === n)
  }
  return (v) => valuesEqual(v, x)
}
