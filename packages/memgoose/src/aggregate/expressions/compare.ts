/**
 * Comparison of evaluated values. Aggregation differs from queries and sorting in one place: a
 * missing value is its own type, below null (so `{ $eq: ['$missing', null] }` is false).
 */
import { compareValues } from '../../values/compare.js'
import { TypeRank, typeRank } from '../../values/type-order.js'

/** Compares two expression values (missing < null), like a sort comparator. */
export function compareExpr(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) {
    if (a === b) return 0
    const other = a === undefined ? b : a
    const sign = a === undefined ? -1 : 1
    return typeRank(other) === TypeRank.MinKey ? -sign : sign
  }
  return compareValues(a, b)
}
