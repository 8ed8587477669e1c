/**
 * The expression forms of `$sum`, `$avg`, `$min`, `$max`, `$stdDevPop` and `$stdDevSamp`: they
 * reduce their argument list, or the elements of a single array argument, as the accumulator would.
 */
import type { ExpressionOperator } from '../types.js'

/** Builds an expression operator reducing values with `reduce`. */
export function overValues(reduce: (values: unknown[]) => unknown): ExpressionOperator {
  return (args, compile) => {
    const list = Array.isArray(args) ? args : [args]
    const items = list.map(compile)
    if (items.length === 1) {
      const [only] = items
      return (doc, vars) => {
        const v = only(doc, vars)
        return reduce(Array.isArray(v) ? v : [v])
      }
    }
    return (doc, vars) => reduce(items.map((item) => item(doc, vars)))
  }
}
