/**
 * `$eq $ne $gt $gte $lt $lte`. Ordering comparisons only match values in the operand's type bracket
 * (`{ $gt: 5 }` never matches a string), as MongoDB does; NaN equals NaN but is neither greater nor
 * less than anything. MinKey and MaxKey operands compare across brackets.
 */
import { QueryError } from '../../../errors/index.js'
import { compareStrings, compareValues, toNumber } from '../../../values/compare.js'
import { TypeRank, typeRank } from '../../../values/type-order.js'
import { leaf } from '../types.js'
import type { OperatorCompiler } from '../types.js'
import type { ValueTest } from '../walk.js'
import { isLong } from '../../../values/bson.js'
import { equalsTest, isNaNValue, isNumeric } from './equality.js'

type Order = '$gt' | '$gte' | '$lt' | '$lte'

function holds(order: Order, c: number): boolean {
  switch (order) {
    case '$gt':
      return c > 0
    case '$gte':
      return c >= 0
    case '$lt':
      return c < 0
    case '$lte':
      return c <= 0
  }
}

function numberTest(order: Order, n: number): ValueTest {
  if (n !== n) return order === '$gte' || order === '$lte' ? isNaNValue : () => false
  switch (order) {
    case '$gt':
      return (v) => (typeof v === 'number' ? v > n : isNumeric(v) && toNumber(v) > n)
    case '$gte':
      return (v) => (typeof v === 'number' ? v >= n : isNumeric(v) && toNumber(v) >= n)
    case '$lt':
      return (v) => (typeof v === 'number' ? v < n : isNumeric(v) && toNumber(v) < n)
    case '$lte':
      return (v) => (typeof v === 'number' ? v <= n : isNumeric(v) && toNumber(v) <= n)
  }
}

/** A test for `{ [order]: x }` on one candidate value. */
export function orderTest(order: Order, x: unknown, path: string): ValueTest {
  if (x instanceof RegExp) {
    throw new QueryError('BAD_FILTER', `${order} on "${path}" cannot take a regular expression`)
  }
  // 64-bit integers compare exactly (beyond 2^53 a double would merge neighbours).
  if (typeof x === 'bigint' || isLong(x)) {
    // NaN sorts below every number but satisfies no range, as with plain number operands.
    return (v) => isNumeric(v) && !isNaNValue(v) && holds(order, compareValues(v, x))
  }
  if (isNumeric(x)) return numberTest(order, toNumber(x))
  if (typeof x === 'string')
    return (v) => typeof v === 'string' && holds(order, compareStrings(v, x))
  if (x instanceof Date) {
    const t = x.getTime()
    return (v) => v instanceof Date && holds(order, v.getTime() - t)
  }
  const operand = x === undefined ? null : x
  const rank = typeRank(operand)
  if (rank === TypeRank.MinKey || rank === TypeRank.MaxKey) {
    return (v) => holds(order, compareValues(v, operand))
  }
  return (v) => typeRank(v) === rank && holds(order, compareValues(v, operand))
}

/** `$eq`: a regular expression operand matches only an equal stored regular expression. */
export const $eq: OperatorCompiler = (x) => leaf(equalsTest(x))

/** `$ne`: no candidate equals the operand (so missing fields match unless the operand is null). */
export const $ne: OperatorCompiler = (x) => leaf(equalsTest(x), true, true)

/** `$gt`. */
export const $gt: OperatorCompiler = (x, ctx) => leaf(orderTest('$gt', x, ctx.path))
/** `$gte`. */
export const $gte: OperatorCompiler = (x, ctx) => leaf(orderTest('$gte', x, ctx.path))
/** `$lt`. */
export const $lt: OperatorCompiler = (x, ctx) => leaf(orderTest('$lt', x, ctx.path))
/** `$lte`. */
export const $lte: OperatorCompiler = (x, ctx) => leaf(orderTest('$lte', x, ctx.path))
